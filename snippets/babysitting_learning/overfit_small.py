import numpy as np
from digits_net import load_splits, train


def overfit_subset(n=20, shuffle_labels=False, zero_inputs=False, lr=0.5, epochs=100,
                   seed=0):
    """Train on n training images only (one minibatch of n, no regularization).
    With shuffle_labels, the n labels are permuted: there is nothing to learn.
    With zero_inputs, every input is 0: an input-independent baseline."""
    data = load_splits()
    x, y = data["train"]
    rng = np.random.default_rng(seed)
    subset = rng.choice(len(y), size=n, replace=False)
    labels = y[subset]
    if shuffle_labels:
        labels = rng.permutation(labels)
    inputs = np.zeros_like(x[subset]) if zero_inputs else x[subset]
    return train((inputs, labels), data["val"], lr=lr, reg=0.0, epochs=epochs,
                 batch_size=n, seed=seed)[1]


if __name__ == "__main__":
    for shuffled in (False, True):
        h = overfit_subset(shuffle_labels=shuffled)
        print(f"{'shuffled' if shuffled else 'real'} labels:")
        print(f"  train loss {h['train_loss'][0]:.2f} -> {h['train_loss'][-1]:.1e}")
        print(f"  train acc {h['train_acc'][-1]:.2f}, val acc {h['val_acc'][-1]:.2f}")
    #> real labels:
    #>   train loss 3.38 -> 1.9e-03
    #>   train acc 1.00, val acc 0.50
    #> shuffled labels:
    #>   train loss 3.40 -> 3.3e-03
    #>   train acc 1.00, val acc 0.11
    h = overfit_subset(zero_inputs=True)
    print("zeroed inputs:")
    #> zeroed inputs:
    print(f"  train loss {h['train_loss'][0]:.2f} -> {h['train_loss'][-1]:.2f}")
    #>   train loss 2.30 -> 2.03
    print(f"  train acc {h['train_acc'][-1]:.2f}, val acc {h['val_acc'][-1]:.2f}")
    #>   train acc 0.25, val acc 0.08
    y = load_splits()["train"][1]
    share = np.bincount(y[np.random.default_rng(0).choice(len(y), 20, replace=False)])
    share = share[share > 0] / 20
    print(f"entropy of the 20 labels {-(share * np.log(share)).sum():.2f}")
    #> entropy of the 20 labels 2.01
    print(f"largest class's share {share.max():.2f}")
    #> largest class's share 0.25
