def halving_budget(n, eta, rungs, continue_training=True):
    """Epochs successive halving spends: n_k configs at rung k, each trained
    from the previous rung's epochs (continuing) or from scratch."""
    budget, before = 0, 0
    for k, epochs in enumerate(rungs):
        budget += (n // eta ** k) * (epochs - before)
        before = epochs if continue_training else 0
    return budget


if __name__ == "__main__":
    n, eta = 81, 3
    rungs = [eta ** k for k in range(5)]  # 1, 3, 9, 27, 81 epochs
    print("configs", [n // eta ** k for k in range(5)])
    #> configs [81, 27, 9, 3, 1]
    print("epochs ", rungs)
    #> epochs  [1, 3, 9, 27, 81]
    budget = halving_budget(n, eta, rungs)
    print(budget, halving_budget(n, eta, rungs, continue_training=False))
    #> 297 405
    print("random search, same budget:")
    #> random search, same budget:
    print(f"{budget / rungs[-1]:.2f} full trials")
    #> 3.67 full trials
