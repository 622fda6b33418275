# --8<-- [start:helpers]
import numpy as np
import optuna
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


# --8<-- [start:tpe]
optuna.logging.set_verbosity(optuna.logging.WARNING)  # print only what we print


def tpe_search(data, box, n_trials, epochs, seed=0):
    """The same trials as random_search, but Optuna's TPE sampler picks each
    point from the scores so far (its first 10 points are random)."""
    trials = []

    def objective(trial):
        point = {name: trial.suggest_float(name, low, high)
                 for name, (low, high) in box.items()}
        result = run_trial(data, 10 ** point["log_lr"], 10 ** point["log_reg"], epochs)
        trials.append(point | result)
        return 0.0 if result["aborted"] else result["val_acc"]  # aborted: worst

    sampler = optuna.samplers.TPESampler(seed=seed)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    study.optimize(objective, n_trials=n_trials)
    return trials
# --8<-- [end:tpe]


# --8<-- [start:demo]
if __name__ == "__main__":
    data = load_splits()
    box = {"log_lr": (-5, 1), "log_reg": (-7, 0)}  # the coarse search's box
    for name, search in (("TPE", tpe_search), ("random", random_search)):
        accs = [np.nan_to_num([t["val_acc"] for t in search(data, box, 30, 5, seed)])
                for seed in range(2)]
        print(f"{name}: best", *(f"{a.max():.3f}" for a in accs))
        print(f"{name}: trials 11-30 >= 0.95:", *(np.sum(a[10:] >= 0.95) for a in accs))
    #> TPE: best 0.980 0.980
    #> TPE: trials 11-30 >= 0.95: 10 9
    #> random: best 0.980 0.980
    #> random: trials 11-30 >= 0.95: 4 3
# --8<-- [end:demo]
