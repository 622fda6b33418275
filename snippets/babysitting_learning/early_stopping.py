import numpy as np
from digits_net import init_params, load_splits, loss_and_grads, train


def train_with_early_stopping(train_set, val_set, lr, patience=10, max_epochs=100,
                              seed=0):
    """Train one epoch at a time (a new minibatch order each epoch). After every
    epoch, log the training and validation loss, the validation accuracy and the
    gradient norm of each weight matrix over the whole training set. Keep a copy of
    the parameters of the epoch with the lowest validation loss, and stop once it
    has not improved for `patience` epochs (None: run all max_epochs)."""
    params = init_params((train_set[0].shape[1], 100, 10), seed=seed)
    log, best = [], {"val_loss": np.inf}
    for epoch in range(1, max_epochs + 1):
        params, h = train(train_set, val_set, lr=lr, epochs=1, params=params,
                          seed=seed + epoch)
        _, grads = loss_and_grads(params, *train_set)
        log.append({"epoch": epoch, "train_loss": h["train_loss"][-1],
                    "val_loss": h["val_loss"][-1], "val_acc": h["val_acc"][-1],
                    "grad_W1": np.linalg.norm(grads["W1"]),
                    "grad_W2": np.linalg.norm(grads["W2"])})
        if log[-1]["val_loss"] < best["val_loss"]:
            best = {**log[-1], "params": {k: v.copy() for k, v in params.items()}}
        elif patience is not None and epoch - best["epoch"] >= patience:
            break
    return best, log


if __name__ == "__main__":
    data = load_splits()
    x, y = data["train"]
    subset = np.sort(np.random.default_rng(0).permutation(len(y))[:200])
    small = (x[subset], y[subset])  # 200 training images, as in train_val_gap
    best, log = train_with_early_stopping(small, data["val"], lr=1.0)
    shown = [row for row in log
             if row["epoch"] in (1, 5, best["epoch"], log[-1]["epoch"])]
    print("epoch  loss    val loss  val acc")
    #> epoch  loss    val loss  val acc
    for row in shown:
        print(f"{row['epoch']:5}  {row['train_loss']:.4f}  {row['val_loss']:.3f}"
              f"     {row['val_acc']:.3f}")
    #>     1  2.4311  2.967     0.491
    #>     5  0.0172  0.283     0.920
    #>    15  0.0052  0.271     0.926
    #>    25  0.0027  0.286     0.926
    print("epoch  |dW1|    |dW2|")
    #> epoch  |dW1|    |dW2|
    for row in shown:
        print(f"{row['epoch']:5}  {row['grad_W1']:.1e}  {row['grad_W2']:.1e}")
    #>     1  1.6e+00  1.7e+00
    #>     5  3.0e-02  3.0e-02
    #>    15  1.3e-02  1.4e-02
    #>    25  4.4e-03  3.7e-03
    print(f"stopped at epoch {log[-1]['epoch']}, kept {best['epoch']}")
    #> stopped at epoch 25, kept 15
    _, full = train_with_early_stopping(small, data["val"], lr=1.0, patience=None)
    peak = max(full, key=lambda row: row["val_acc"])
    print(f"without stopping, at epoch {full[-1]['epoch']}:")
    #> without stopping, at epoch 100:
    print(f"val loss {full[-1]['val_loss']:.3f}, val acc {full[-1]['val_acc']:.3f}")
    #> val loss 0.300, val acc 0.934
    print(f"best val acc {peak['val_acc']:.3f}, at epoch {peak['epoch']}")
    #> best val acc 0.934, at epoch 65
