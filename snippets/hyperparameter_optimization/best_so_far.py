# --8<-- [start:helpers]
import math

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


# --8<-- [start:best]
def best_so_far(scores):
    """Running maximum; aborted trials (nan) count as no improvement."""
    return np.maximum.accumulate(np.nan_to_num(scores, nan=0.0))


def chance_in_top(fraction, n_trials):
    """Probability that at least one of n_trials independent random trials lands
    in the best `fraction` of the search space."""
    return 1 - (1 - fraction) ** n_trials
# --8<-- [end:best]


# --8<-- [start:demo]
if __name__ == "__main__":
    print(f"{chance_in_top(0.05, 60):.4f}",
          math.ceil(math.log(0.05) / math.log(0.95)))  # trials for a 95 % chance
    #> 0.9539 59
    data = load_splits()
    box = {"log_lr": (-5, 1), "log_reg": (-7, 0)}
    trials = random_search(data, box, n_trials=60, epochs=5)
    curve = best_so_far([t["val_acc"] for t in trials])
    for group in ((1, 5, 6), (10, 30, 60)):
        print(", ".join(f"{n}: {curve[n - 1]:.3f}" for n in group))
    #> 1: 0.949, 5: 0.949, 6: 0.980
    #> 10: 0.980, 30: 0.980, 60: 0.980
    se = np.sqrt(curve[-1] * (1 - curve[-1]) / 350)
    print("last gain > 2 std errors: trial",
          1 + max(i for i in range(1, 60) if curve[i] - curve[i - 1] > 2 * se))
    #> last gain > 2 std errors: trial 6
# --8<-- [end:demo]
