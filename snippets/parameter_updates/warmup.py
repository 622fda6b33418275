import numpy as np
from digits_net import load_splits, train
from update_rules import constant, warmup

SEEDS = (0, 1, 2)


def warmup_runs(rates=(1.8, 2.5), warmup_steps=90, epochs=10):
    """Per rate, with and without linear warmup over the first `warmup_steps`
    steps (5 epochs of 18 minibatches), the history of each seed."""
    data = load_splits()
    runs = {}
    with np.errstate(over="ignore", invalid="ignore"):  # the runs that diverge
        for lr in rates:
            for name, schedule in (("none", constant(lr)),
                                   ("warmup", warmup(constant(lr), warmup_steps))):
                runs[lr, name] = [train(data["train"], data["val"], lr=schedule,
                                        epochs=epochs, seed=seed)[1]
                                  for seed in SEEDS]
    return runs


if __name__ == "__main__":
    print("lr   start   ep1 worst best val")
    #> lr   start   ep1 worst best val
    for (lr, name), histories in warmup_runs().items():
        worst = max(h["train_loss"][1] for h in histories)  # over the seeds
        best = [max(h["val_acc"]) for h in histories]
        print(f"{lr:<4g} {name:<7} {worst:<9.3g} {np.mean(best):.3f}±"
              f"{np.std(best, ddof=1):.3f}")
    #> 1.8  none    85.4      0.958±0.012
    #> 1.8  warmup  0.775     0.969±0.013
    #> 2.5  none    7.49e+06  0.294±0.028
    #> 2.5  warmup  0.96      0.951±0.006
