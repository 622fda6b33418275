# --8<-- [start:halving]
import numpy as np
from digits_net import load_splits, train


def sample_configs(n, seed=0):
    """n log-uniform (lr, reg) pairs: lr in [1e-5, 10], reg in [1e-7, 1]."""
    rng = np.random.default_rng(seed)
    return list(zip(10 ** rng.uniform(-5, 1, n), 10 ** rng.uniform(-7, 0, n),
                    strict=True))


def successive_halving(data, configs, eta=3, rungs=(1, 3, 9, 27)):
    """Train every config to rungs[0] epochs, keep the best 1/eta, continue the
    survivors from their weights to the next rung, and so on. Returns the
    survivors of every rung, each config's validation curve and the epochs spent."""
    alive = list(range(len(configs)))
    params = [None] * len(configs)
    curves = [[] for _ in configs]  # validation accuracy after each epoch
    survivors, spent, done = [], 0, 0
    for rung, total in enumerate(rungs):
        for i in alive:
            lr, reg = configs[i]
            params[i], history = train(
                data["train"], data["val"], lr=lr, reg=reg, epochs=total - done,
                params=params[i], abort_factor=3 if rung == 0 else None, seed=rung)
            spent += total - done  # budget granted (an aborted run uses less)
            curves[i] += history["val_acc"][1:]
            if history["aborted"]:
                curves[i] = [np.nan]
        done = total
        survivors.append(alive)
        score = {i: np.nan_to_num(curves[i][-1], nan=-1.0) for i in alive}
        alive = sorted(alive, key=lambda i: -score[i])[:max(len(alive) // eta, 1)]
    return survivors, curves, spent


def halving_budget(n, eta, rungs, continue_training=True):
    """Epochs successive halving spends: n_k configs at rung k, each trained
    from the previous rung's epochs (continuing) or from scratch."""
    budget, before = 0, 0
    for k, epochs in enumerate(rungs):
        budget += (n // eta ** k) * (epochs - before)
        before = epochs if continue_training else 0
    return budget
# --8<-- [end:halving]


# --8<-- [start:compare]
def halving_versus_random(data, seed, n=27, eta=3, rungs=(1, 3, 9, 27)):
    """Successive halving on n configs against random search with the same
    epoch budget: the first budget / rungs[-1] of the same configs, trained
    for rungs[-1] epochs each."""
    configs = sample_configs(n, seed)
    survivors, curves, spent = successive_halving(data, configs, eta, rungs)
    n_random = spent // rungs[-1]
    random_scores = []
    for lr, reg in configs[:n_random]:
        _, history = train(data["train"], data["val"], lr=lr, reg=reg,
                           epochs=rungs[-1], abort_factor=3)
        random_scores.append(np.nan if history["aborted"] else history["val_acc"][-1])
    winner = survivors[-1][0]
    return {"configs": configs, "survivors": survivors, "curves": curves,
            "spent": spent, "winner": configs[winner],
            "halving_acc": curves[winner][-1], "random_acc": np.nanmax(random_scores),
            "n_random": n_random}
# --8<-- [end:compare]


# --8<-- [start:demo]
if __name__ == "__main__":
    print(27 * 1 + 9 * (3 - 1) + 3 * (9 - 3) + 1 * (27 - 9),
          halving_budget(27, 3, (1, 3, 9, 27)),
          halving_budget(27, 3, (1, 3, 9, 27), continue_training=False))
    #> 81 81 108
    data = load_splits()
    for seed in range(4):
        run = halving_versus_random(data, seed)
        if seed == 0:
            print([len(s) for s in run["survivors"]], run["spent"], run["n_random"])
            print(f"{'seed':<6}{'lr':<6}{'reg':<7}{'halving':<8}random")
        lr, reg = run["winner"]
        print(f"{seed:<6}{lr:<6.2f}{reg:<7.0e}{run['halving_acc']:<8.3f}"
              f"{run['random_acc']:.3f}")
    #> [27, 9, 3, 1] 81 3
    #> seed  lr    reg    halving random
    #> 0     0.76  5e-05  0.977   0.283
    #> 1     0.33  5e-04  0.986   0.954
    #> 2     0.77  5e-07  0.977   0.980
    #> 3     0.27  4e-03  0.980   0.983
# --8<-- [end:demo]
