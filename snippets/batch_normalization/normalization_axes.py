import numpy as np


def normalize(x, axes, eps=1e-5):
    """Subtract the mean and divide by the std computed over `axes`."""
    mu = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    return (x - mu) / np.sqrt(var + eps)


# Inputs have shape (N, C, H, W); the learned per-channel gamma, beta are left out.
def batch_norm(x):
    return normalize(x, (0, 2, 3))  # per channel, over the batch and the image


def layer_norm(x):
    return normalize(x, (1, 2, 3))  # per example, over all its channels


def instance_norm(x):
    return normalize(x, (2, 3))  # per example and channel, over the image


def group_norm(x, groups):
    n, c, h, w = x.shape  # per example and group of c // groups channels
    return normalize(x.reshape(n, groups, c // groups, h, w), (2, 3, 4)).reshape(
        n, c, h, w
    )


if __name__ == "__main__":
    rng = np.random.default_rng(5)
    x = rng.normal(size=(8, 6, 4, 4))  # N=8, C=6, H=W=4
    means = {
        "batch": x.mean(axis=(0, 2, 3)),
        "layer": x.mean(axis=(1, 2, 3)),
        "instance": x.mean(axis=(2, 3)),
        "group (2)": x.reshape(8, 2, 3, 4, 4).mean(axis=(2, 3, 4)),
    }
    print("norm       means  values each")
    #> norm       means  values each
    for name, mean in means.items():
        print(f"{name:<10} {mean.size:<6} {x.size // mean.size}")
    #> batch      6      128
    #> layer      8      96
    #> instance   48     16
    #> group (2)  16     48
    print(np.allclose(group_norm(x, 1), layer_norm(x)),
          np.allclose(group_norm(x, 6), instance_norm(x)))
    #> True True
