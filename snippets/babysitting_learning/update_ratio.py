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
    print("lr      W1: epoch 1  epoch 20   W2: epoch 1  epoch 20")
    #> lr      W1: epoch 1  epoch 20   W2: epoch 1  epoch 20
    for lr in (1e-3, 1e-1, 3.0):
        r = update_ratios(lr)
        # A first epoch whose median step is larger than the weights: the run
        # diverges, and where it is by epoch 20 depends on rounding, which differs
        # between CPUs, so it is not printed.
        diverges = r["W1"][0] > 1 or r["W2"][0] > 1
        last = {name: "-" if diverges else f"{v[-1]:.1e}" for name, v in r.items()}
        print(f"{lr:<7g} {r['W1'][0]:11.1e} {last['W1']:>9} "
              f"{r['W2'][0]:14.1e} {last['W2']:>9}")
    #> 0.001       1.3e-04   9.3e-05        6.0e-04   3.4e-04
    #> 0.1         6.9e-03   7.9e-04        2.6e-02   2.1e-03
    #> 3           1.6e+00         -        1.5e+00         -
