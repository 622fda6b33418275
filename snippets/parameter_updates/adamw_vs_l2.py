import numpy as np
from digits_net import init_params, load_splits, train
from update_rules import adam, adamw


def decay_runs(strengths=(0.01, 0.1), lr=3e-3, epochs=10):
    """Adam with the L2 penalty in the loss vs AdamW with the same coefficient.
    Returns, per run, the best validation accuracy and how much of its initial
    norm W1 keeps in the rows of pixels that are 0 in every training image
    (no gradient from the data) and in the other rows."""
    data = load_splits()
    dead = np.all(data["train"][0] == data["train"][0][0], axis=0)  # constant
    w1 = init_params()["W1"]
    out = {}
    for strength in strengths:
        for name, reg, rule in (("adam+L2", strength, adam()),
                                ("adamw", 0.0, adamw(weight_decay=strength))):
            params, h = train(data["train"], data["val"], lr=lr, reg=reg,
                              epochs=epochs, rule=rule)
            kept = [np.linalg.norm(params["W1"][rows]) / np.linalg.norm(w1[rows])
                    for rows in (dead, ~dead)]
            out[name, strength] = max(h["val_acc"]), *kept
    return int(dead.sum()), out


if __name__ == "__main__":
    n_dead, runs = decay_runs()
    print(f"{n_dead} of 64 pixels never vary")
    #> 4 of 64 pixels never vary
    print("run     coef best  dead  live")
    #> run     coef best  dead  live
    for (name, coef), (acc, dead, live) in runs.items():
        print(f"{name:<7} {coef:<4g} {acc:.3f} {dead:.3f} {live:.3f}")
    #> adam+L2 0.01 0.983 0.063 0.553
    #> adamw   0.01 0.986 0.995 1.066
    #> adam+L2 0.1  0.943 0.063 0.206
    #> adamw   0.1  0.986 0.947 1.022
