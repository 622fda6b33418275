# --8<-- [start:search]
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


def ranked(trials):
    """Finished trials, best validation accuracy first."""
    return sorted((t for t in trials if not t["aborted"]), key=lambda t: -t["val_acc"])


def narrow(trials, keep=5, pad=0.5):
    """The box around the `keep` best trials, padded by `pad` decades on each side
    (not clipped: best trials at an edge of the old box push the new one past it)."""
    best = ranked(trials)[:keep]
    return {name: (min(t[name] for t in best) - pad, max(t[name] for t in best) + pad)
            for name in ("log_lr", "log_reg")}
# --8<-- [end:search]


# --8<-- [start:demo]
def show(trial):
    return (f"lr {10 ** trial['log_lr']:.3g}, reg {10 ** trial['log_reg']:.1e}: "
            f"{trial['val_acc']:.3f}")


if __name__ == "__main__":
    data = load_splits()
    coarse_box = {"log_lr": (-5, 1), "log_reg": (-7, 0)}
    coarse = random_search(data, coarse_box, n_trials=30, epochs=5)
    print(f"coarse: {sum(t['aborted'] for t in coarse)} of 30 aborted")
    #> coarse: 3 of 30 aborted
    print("aborted at lr", *sorted(f"{10 ** t['log_lr']:.2f}" for t in coarse
                                   if t["aborted"]))
    #> aborted at lr 1.82 4.02 9.62
    # the same 30 trials stopped after 1 epoch (same seeds: the same first epoch)
    first = [t["val_acc"] for t in random_search(data, coarse_box, 30, epochs=1)]
    print("after 1 epoch:")
    #> after 1 epoch:
    print(f"  {np.isnan(first).sum()} aborted, "
          f"{np.sum(np.less(first, 0.15))} below 0.15")
    #>   2 aborted, 9 below 0.15
    print(f"  {np.sum(np.greater_equal(first, 0.64))} at 0.64 or more")
    #>   12 at 0.64 or more
    for trial in ranked(coarse)[:3]:
        print(show(trial))
    #> lr 0.785, reg 1.0e-07: 0.980
    #> lr 1.51, reg 6.2e-04: 0.980
    #> lr 0.528, reg 4.7e-06: 0.980
    good = [t for t in ranked(coarse) if t["val_acc"] >= 0.95]
    lrs, regs = [10 ** t["log_lr"] for t in good], [10 ** t["log_reg"] for t in good]
    print(f"{len(good)} trials >= 0.95:")
    #> 8 trials >= 0.95:
    print(f"  lr {min(lrs):.2g} to {max(lrs):.2g}")
    #>   lr 0.11 to 1.5
    print(f"  reg {min(regs):.0e} to {max(regs):.0e}")
    #>   reg 1e-07 to 4e-03
    fine_box = narrow(coarse)
    for name, box in fine_box.items():
        print(name, tuple(round(v, 2) for v in box))
    #> log_lr (-1.12, 0.68)
    #> log_reg (-7.48, -2.71)
    fine = random_search(data, fine_box, n_trials=15, epochs=20, seed=1)
    print(f"fine: {sum(t['aborted'] for t in fine)} of 15 aborted")
    #> fine: 4 of 15 aborted
    print("aborted at lr", *sorted(f"{10 ** t['log_lr']:.2f}" for t in fine
                                   if t["aborted"]))
    #> aborted at lr 1.70 1.72 2.34 4.07
    print(f"largest lr that finished: "
          f"{max(10 ** t['log_lr'] for t in fine if not t['aborted']):.2f}")
    #> largest lr that finished: 0.74
    for trial in ranked(fine)[:3]:
        print(show(trial))
    #> lr 0.296, reg 1.9e-04: 0.986
    #> lr 0.631, reg 1.1e-03: 0.983
    #> lr 0.137, reg 1.1e-03: 0.983
    top10 = [t["val_acc"] for t in ranked(fine)[:10]]
    print(f"fine top 10: {min(top10):.3f} to {max(top10):.3f}")
    #> fine top 10: 0.980 to 0.986
# --8<-- [end:demo]
