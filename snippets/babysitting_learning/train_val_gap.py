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
    return f"train {train_acc:.3f}  val {val_acc:.3f}  gap {train_acc - val_acc:.3f}"


if __name__ == "__main__":
    for n in (50, 100, 200, 500, 1097):
        print(f"{n:4} images:  {gap(run(n_train=n))}")
    #>   50 images:  train 1.000  val 0.769  gap 0.231
    #>  100 images:  train 1.000  val 0.911  gap 0.089
    #>  200 images:  train 1.000  val 0.940  gap 0.060
    #>  500 images:  train 1.000  val 0.971  gap 0.029
    #> 1097 images:  train 0.996  val 0.980  gap 0.016
    for width in (2, 4, 8, 32, 100):
        print(f"{width:3} hidden:   {gap(run(hidden=width))}")
    #>   2 hidden:   train 0.444  val 0.406  gap 0.038
    #>   4 hidden:   train 0.790  val 0.760  gap 0.030
    #>   8 hidden:   train 0.956  val 0.929  gap 0.028
    #>  32 hidden:   train 0.993  val 0.969  gap 0.024
    #> 100 hidden:   train 0.996  val 0.980  gap 0.016
    for reg in (1e-3, 1e-2, 1e-1):
        print(f"50 images, L2 {reg:<5g} {gap(run(n_train=50, reg=reg))}")
    #> 50 images, L2 0.001 train 1.000  val 0.771  gap 0.229
    #> 50 images, L2 0.01  train 1.000  val 0.786  gap 0.214
    #> 50 images, L2 0.1   train 0.980  val 0.709  gap 0.271
    h = run(n_train=50)
    fit = h["train_acc"].index(1.0)
    print(f"50 images: train acc 1.0 from epoch {fit} (val {h['val_acc'][fit]:.3f}); "
          f"best val {max(h['val_acc']):.3f}, last {h['val_acc'][-1]:.3f}")
    #> 50 images: train acc 1.0 from epoch 20 (val 0.680); best val 0.769, last 0.769
    lowest = int(np.argmin(h["val_loss"]))
    print(f"val loss {h['val_loss'][0]:.3f} -> {h['val_loss'][-1]:.3f}, lowest at "
          f"epoch {lowest} of {len(h['val_loss']) - 1}")
    #> val loss 3.291 -> 0.731, lowest at epoch 360 of 360
