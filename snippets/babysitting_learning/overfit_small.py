import numpy as np
from digits_net import load_splits, train


def overfit_subset(n=20, shuffle_labels=False, lr=0.5, epochs=100, seed=0):
    """Train on n training images only (one minibatch of n, no regularization).
    With shuffle_labels, the n labels are permuted: there is nothing to learn."""
    data = load_splits()
    x, y = data["train"]
    rng = np.random.default_rng(seed)
    subset = rng.choice(len(y), size=n, replace=False)
    labels = y[subset]
    if shuffle_labels:
        labels = rng.permutation(labels)
    return train((x[subset], labels), data["val"], lr=lr, reg=0.0, epochs=epochs,
                 batch_size=n, seed=seed)[1]


if __name__ == "__main__":
    for shuffled in (False, True):
        h = overfit_subset(shuffle_labels=shuffled)
        print(f"{'shuffled' if shuffled else 'real':8} labels: train loss "
              f"{h['train_loss'][0]:.2f} -> {h['train_loss'][-1]:.1e}, "
              f"train acc {h['train_acc'][-1]:.2f}, val acc {h['val_acc'][-1]:.2f}")
    #> real     labels: train loss 3.38 -> 1.9e-03, train acc 1.00, val acc 0.50
    #> shuffled labels: train loss 3.40 -> 3.3e-03, train acc 1.00, val acc 0.11
