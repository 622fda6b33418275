import numpy as np
from digits_net import load_splits, train

STEPS = 360  # SGD steps of every run: 20 epochs of the full 1097 images


def run(n_train=1097, hidden=100, lr=0.1, reg=0.0, seed=0):
    """Train on the first n_train of a seeded shuffle of the training images, for
    the same number of SGD steps whatever n_train is (batches of 64)."""
    data = load_splits()
    x, y = data["train"]
    subset = np.sort(np.random.default_rng(seed).permutation(len(y))[:n_train])
    epochs = -(-STEPS // -(-n_train // 64))  # ceil(STEPS / steps per epoch)
    _, history = train((x[subset], y[subset]), data["val"], lr=lr, reg=reg,
                       epochs=epochs, hidden=hidden, seed=seed)
    return history


def gap(history):
    train_acc, val_acc = history["train_acc"][-1], history["val_acc"][-1]
    return f"{train_acc:.3f}  {val_acc:.3f}  {train_acc - val_acc:.3f}"


if __name__ == "__main__":
    print("images  train  val    gap")
    #> images  train  val    gap
    for n in (50, 100, 200, 500, 1097):
        print(f"{n:6}  {gap(run(n_train=n))}")
    #>     50  1.000  0.769  0.231
    #>    100  1.000  0.911  0.089
    #>    200  1.000  0.940  0.060
    #>    500  1.000  0.971  0.029
    #>   1097  0.996  0.980  0.016
    print("hidden  train  val    gap")
    #> hidden  train  val    gap
    for width in (2, 4, 8, 32, 100):
        print(f"{width:6}  {gap(run(hidden=width))}")
    #>      2  0.444  0.406  0.038
    #>      4  0.790  0.760  0.030
    #>      8  0.956  0.929  0.028
    #>     32  0.993  0.969  0.024
    #>    100  0.996  0.980  0.016
    print("50 images, with L2:")
    #> 50 images, with L2:
    print("L2      train  val    gap")
    #> L2      train  val    gap
    for reg in (1e-3, 1e-2, 1e-1):
        print(f"{reg:<6g}  {gap(run(n_train=50, reg=reg))}")
    #> 0.001   1.000  0.771  0.229
    #> 0.01    1.000  0.786  0.214
    #> 0.1     0.980  0.709  0.271
    h = run(n_train=50)
    fit = h["train_acc"].index(1.0)
    print("50 images, no L2:")
    #> 50 images, no L2:
    print(f"train acc 1.0 from epoch {fit}")
    #> train acc 1.0 from epoch 20
    print(f"val acc then {h['val_acc'][fit]:.3f}, best {max(h['val_acc']):.3f}")
    #> val acc then 0.680, best 0.769
    print(f"last val acc {h['val_acc'][-1]:.3f}")
    #> last val acc 0.769
    lowest = int(np.argmin(h["val_loss"]))
    print(f"val loss {h['val_loss'][0]:.3f} -> {h['val_loss'][-1]:.3f}")
    #> val loss 3.291 -> 0.731
    print(f"lowest at epoch {lowest} of {len(h['val_loss']) - 1}")
    #> lowest at epoch 360 of 360
