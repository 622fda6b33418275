import numpy as np
from digits_net import load_splits, train
from update_rules import constant, cosine, warmup

SEEDS = (0, 1, 2)


def warmup_runs(rates=(1.8, 2.5), warmup_steps=90, epochs=10):
    """Per rate, the history of each seed: at a constant rate ("none"), with
    linear warmup over the first `warmup_steps` steps (5 epochs of 18
    minibatches), and with the same warmup followed by a cosine decay to 0."""
    data = load_splits()
    runs = {}
    with np.errstate(over="ignore", invalid="ignore"):  # the runs that diverge
        for lr in rates:
            total = epochs * 18
            for name, schedule in (
                    ("none", constant(lr)),
                    ("warmup", warmup(constant(lr), warmup_steps)),
                    ("warm+cos", warmup(cosine(lr, total), warmup_steps))):
                runs[lr, name] = [train(data["train"], data["val"], lr=schedule,
                                        epochs=epochs, seed=seed)[1]
                                  for seed in SEEDS]
    return runs


if __name__ == "__main__":
    print("lr  schedule ep1   ep10   best")
    #> lr  schedule ep1   ep10   best
    for (lr, name), histories in warmup_runs().items():
        # the worst of the three seeds' training losses, after epochs 1 and 10
        ep1, ep10 = (max(h["train_loss"][e] for h in histories) for e in (1, 10))
        best = np.mean([max(h["val_acc"]) for h in histories])
        ep1, ep10 = (f"{v:.2g}" if v < 100 else ">100" for v in (ep1, ep10))
        print(f"{lr:<3g} {name:<8} {ep1:<5} {ep10:<6} {best:.3f}")
    #> 1.8 none     85    >100   0.958
    #> 1.8 warmup   0.78  >100   0.969
    #> 1.8 warm+cos 0.76  0.0098 0.981
    #> 2.5 none     >100  >100   0.294
    #> 2.5 warmup   0.96  >100   0.951
    #> 2.5 warm+cos 0.94  0.0057 0.984
