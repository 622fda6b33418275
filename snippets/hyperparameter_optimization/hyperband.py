# --8<-- [start:helpers]
import math

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
# --8<-- [end:helpers]


# --8<-- [start:hyperband]
def hyperband(data, eta=3, rungs=(1, 3, 9, 27), seed=0):
    """One successive-halving bracket per starting rung: many configs from the
    smallest budget, ..., a few trained for the whole budget from the start.
    Each bracket draws its own configs; returns each bracket's best."""
    brackets = []
    for s in range(len(rungs) - 1, -1, -1):  # s + 1 rungs in this bracket
        n = math.ceil(len(rungs) / (s + 1) * eta ** s)
        configs = sample_configs(n, seed=(seed, s))
        survivors, curves, spent = successive_halving(
            data, configs, eta, rungs[len(rungs) - 1 - s:])
        final = {i: np.nan_to_num(curves[i][-1], nan=-1.0) for i in survivors[-1]}
        best = max(final, key=final.get)
        brackets.append({"n": n, "rungs": [len(a) for a in survivors],
                         "spent": spent, "config": configs[best],
                         "val_acc": curves[best][-1]})
    return brackets
# --8<-- [end:hyperband]


# --8<-- [start:demo]
if __name__ == "__main__":
    data = load_splits()
    brackets = hyperband(data)
    print(f"{'bracket':<14}{'epochs':<7}{'lr':<6}val")
    #> bracket       epochs lr    val
    for b in brackets:
        lr, reg = b["config"]
        print(f"{str(b['rungs']):<14}{b['spent']:<7}{lr:<6.2f}{b['val_acc']:.3f}")
    #> [27, 9, 3, 1] 81     0.22  0.986
    #> [12, 4, 1]    78     1.67  0.974
    #> [6, 2]        90     0.02  0.963
    #> [4]           108    0.07  0.957
    winner = max(brackets, key=lambda b: b["val_acc"])
    print(f"{sum(b['spent'] for b in brackets)} epochs, best {winner['val_acc']:.3f}")
    #> 357 epochs, best 0.986
# --8<-- [end:demo]
