# --8<-- [start:helpers]
import numpy as np
from digits_net import load_splits, train


def run_trial(data, lr, reg, epochs, abort_factor=3):
    """Train one configuration and score it on the validation split. A run whose
    loss exceeds abort_factor times the initial loss is stopped (score nan)."""
    _, history = train(data["train"], data["val"], lr=lr, reg=reg, epochs=epochs,
                       abort_factor=abort_factor)
    score = np.nan if history["aborted"] else history["val_acc"][-1]
    return {"aborted": history["aborted"], "val_acc": score}


def random_search(data, box, n_trials, epochs, seed=0):
    """box: {"log_lr": (low, high), "log_reg": (low, high)}, base-10 exponents."""
    rng = np.random.default_rng(seed)
    trials = []
    for _ in range(n_trials):
        point = {name: rng.uniform(low, high) for name, (low, high) in box.items()}
        result = run_trial(data, 10 ** point["log_lr"], 10 ** point["log_reg"], epochs)
        trials.append(point | result)
    return trials
# --8<-- [end:helpers]


# --8<-- [start:grid]
def grid_search(data, box, per_axis, epochs):
    """Every combination of per_axis evenly spaced exponents (ends included)."""
    axes = {name: np.linspace(low, high, per_axis) for name, (low, high) in box.items()}
    trials = []
    for log_lr in axes["log_lr"]:
        for log_reg in axes["log_reg"]:
            result = run_trial(data, 10 ** log_lr, 10 ** log_reg, epochs)
            trials.append({"log_lr": log_lr, "log_reg": log_reg} | result)
    return trials


def best(trials):
    return np.nanmax([t["val_acc"] for t in trials])


def grid_versus_random(data, box, epochs=5, repeats=10):
    """A 3 x 3 grid against 9 random trials, the random search repeated with
    `repeats` seeds (the grid has no seed to vary)."""
    grid = grid_search(data, box, per_axis=3, epochs=epochs)
    randoms = [random_search(data, box, n_trials=9, epochs=epochs, seed=seed)
               for seed in range(repeats)]
    return grid, randoms
# --8<-- [end:grid]


# --8<-- [start:one_at_a_time]
def one_at_a_time(data, epochs=5, n=9):
    """Vary one hyperparameter, hold the other: lr at reg 1e-5, reg at lr 0.3."""
    lrs, regs = np.logspace(-4, 0, n), np.logspace(-7, -3, n)
    by_lr = [run_trial(data, lr, 1e-5, epochs)["val_acc"] for lr in lrs]
    by_reg = [run_trial(data, 0.3, reg, epochs)["val_acc"] for reg in regs]
    return lrs, by_lr, regs, by_reg
# --8<-- [end:one_at_a_time]


# --8<-- [start:demo]
if __name__ == "__main__":
    data = load_splits()
    lrs, by_lr, regs, by_reg = one_at_a_time(data)
    print("val acc as one parameter moves:")
    #> val acc as one parameter moves:
    print(f"  lr 1e-4..1:     {min(by_lr):.3f} to {max(by_lr):.3f}")
    #>   lr 1e-4..1:     0.120 to 0.980
    print(f"  reg 1e-7..1e-3: {min(by_reg):.3f} to {max(by_reg):.3f}")
    #>   reg 1e-7..1e-3: 0.980 to 0.980
    strong = [run_trial(data, 0.3, reg, 5)["val_acc"] for reg in (1e-2, 0.1, 0.3, 1)]
    print("reg    ", *(f"{reg:<5g}" for reg in (1e-2, 0.1, 0.3, 1)))
    #> reg     0.01  0.1   0.3   1
    print("val acc", *(f"{acc:.3f}" for acc in strong))
    #> val acc 0.974 0.934 0.791 0.100

    for box in ({"log_lr": (-4, 0), "log_reg": (-7, -3)},
                {"log_lr": (-5, 1), "log_reg": (-7, -3)}):
        grid, randoms = grid_versus_random(data, box)
        grid_lrs = [f"{lr:g}" for lr in sorted({10 ** t["log_lr"] for t in grid})]
        bests = [best(trials) for trials in randoms]
        print(f"lr in [1e{box['log_lr'][0]}, 1e{box['log_lr'][1]}]:")
        print(f"  grid lr {', '.join(grid_lrs)}: {best(grid):.3f}")
        print("  best of 9 random, 10 seeds:")
        print(f"    median {np.median(bests):.3f}, "
              f"{min(bests):.3f} to {max(bests):.3f}")
    #> lr in [1e-4, 1e0]:
    #>   grid lr 0.0001, 0.01, 1: 0.977
    #>   best of 9 random, 10 seeds:
    #>     median 0.980, 0.969 to 0.983
    #> lr in [1e-5, 1e1]:
    #>   grid lr 1e-05, 0.01, 10: 0.800
    #>   best of 9 random, 10 seeds:
    #>     median 0.980, 0.977 to 0.983
# --8<-- [end:demo]
