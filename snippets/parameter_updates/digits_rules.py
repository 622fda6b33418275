import numpy as np
from digits_net import load_splits, train
from update_rules import adagrad, adam, momentum, nesterov, rmsprop, sgd

# three rates per rule, a factor of about 3 apart, around where each trains well
RATES = {"SGD": (sgd, (0.1, 0.3, 1.0)),
         "momentum": (momentum, (0.01, 0.03, 0.1)),
         "Nesterov": (nesterov, (0.01, 0.03, 0.1)),
         "AdaGrad": (adagrad, (0.01, 0.03, 0.1)),
         "RMSProp": (rmsprop, (1e-3, 3e-3, 1e-2)),
         "Adam": (adam, (1e-3, 3e-3, 1e-2))}
SEEDS = (0, 1, 2)


def compare_rules(epochs=10):
    """Per rule and rate, the validation accuracy curve of each seed."""
    data = load_splits()
    curves = {}
    for name, (rule, rates) in RATES.items():
        for lr in rates:
            curves[name, lr] = np.array([
                train(data["train"], data["val"], lr=lr, epochs=epochs, seed=seed,
                      rule=rule())[1]["val_acc"] for seed in SEEDS])
    return curves


def summary(acc, target=0.97):
    """Best validation accuracy and first epoch at `target`, mean and sd over
    seeds (a seed that never reaches it counts as never: nan)."""
    best = acc.max(axis=1)
    hits = [np.flatnonzero(a >= target) for a in acc]
    first = np.array([h[0] if len(h) else np.nan for h in hits])
    return best.mean(), best.std(ddof=1), first.mean(), first.std(ddof=1)


if __name__ == "__main__":
    curves = compare_rules()
    print("rule     lr    best val   ep>=.97")
    #> rule     lr    best val   ep>=.97
    for name, (_, rates) in RATES.items():
        stats = {lr: summary(curves[name, lr]) for lr in rates}
        lr = max(rates, key=lambda r: stats[r][0])  # the rate with the best mean
        acc, acc_sd, ep, ep_sd = stats[lr]
        sd = f"{acc_sd:.3f}".lstrip("0")  # .004: one column less
        print(f"{name:<8} {lr:<5g} {acc:.3f}±{sd} {ep:.1f}±{ep_sd:.1f}")
    #> SGD      0.3   0.981±.004 5.7±2.1
    #> momentum 0.03  0.977±.005 5.0±1.7
    #> Nesterov 0.03  0.979±.004 5.0±1.7
    #> AdaGrad  0.1   0.985±.002 2.3±0.6
    #> RMSProp  0.003 0.986±.003 2.3±0.6
    #> Adam     0.003 0.982±.003 5.7±0.6
