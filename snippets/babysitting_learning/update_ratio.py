import numpy as np
from digits_net import load_splits, train


def update_ratios(lr, epochs=20):
    """||lr * dW|| / ||W|| of W1 and W2 at every SGD step (digits_net's train
    records it from the step it takes), summarized as one median per epoch."""
    data = load_splits()
    with np.errstate(over="ignore", invalid="ignore"):
        _, history = train(data["train"], data["val"], lr=lr, epochs=epochs)
    steps_per_epoch = -(-len(data["train"][1]) // 64)  # ceil(1097 / 64) = 18
    return {name: np.median(np.reshape(r, (-1, steps_per_epoch)), axis=1)
            for name, r in history["update_ratio"].items()}


if __name__ == "__main__":
    last = {}
    for lr in (1e-3, 1e-1, 3.0):
        r = update_ratios(lr)
        # A first epoch whose median step is larger than the weights: the run
        # diverges, and where it is by epoch 20 depends on rounding, which differs
        # between CPUs, so it is not printed.
        diverges = r["W1"][0] > 1 or r["W2"][0] > 1
        last[lr] = {name: (f"{v[0]:.1e}", "-" if diverges else f"{v[-1]:.1e}")
                    for name, v in r.items()}
    for name in ("W1", "W2"):
        print(f"lr     {name}: epoch 1  epoch 20")
        for lr, ratios in last.items():
            print(f"{lr:<6g} {ratios[name][0]:>11} {ratios[name][1]:>9}")
    #> lr     W1: epoch 1  epoch 20
    #> 0.001      1.3e-04   9.3e-05
    #> 0.1        6.9e-03   7.9e-04
    #> 3          1.6e+00         -
    #> lr     W2: epoch 1  epoch 20
    #> 0.001      6.0e-04   3.4e-04
    #> 0.1        2.6e-02   2.1e-03
    #> 3          1.5e+00         -
