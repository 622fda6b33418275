import numpy as np


def mean_image(X):
    """AlexNet: one mean per pixel position and channel. X is (N, H, W, C)."""
    return X.mean(axis=0)


def channel_mean(X):
    """VGG: one mean per color channel, over all images and positions."""
    return X.mean(axis=(0, 1, 2))


def channel_std(X):
    """One standard deviation per color channel."""
    return X.std(axis=(0, 1, 2))


def synthetic_images(n=64, size=8, seed=0):
    """Random uint8 'photos' whose channels differ in brightness and contrast."""
    rng = np.random.default_rng(seed)
    base = rng.uniform(0, 1, size=(n, size, size, 1))
    rgb = 40 + base * np.array([180, 150, 120]) + rng.normal(0, 10, (n, size, size, 3))
    return np.clip(rgb, 0, 255).astype(np.uint8)


if __name__ == "__main__":
    images = synthetic_images()
    X = images.astype(np.float64)  # uint8 arithmetic would wrap around
    print("batch:", X.shape)
    #> batch: (64, 8, 8, 3)
    print("mean image:", mean_image(X).shape)
    #> mean image: (8, 8, 3)
    print("channel mean:", channel_mean(X).shape)
    #> channel mean: (3,)
    print(np.round(channel_mean(X), 2))
    #> [129.09 113.99  99.18]
    print("channel std:", channel_std(X).shape)
    #> channel std: (3,)
    print(np.round(channel_std(X), 2))
    #> [52.73 44.42 35.89]
    Z = (X - channel_mean(X)) / channel_std(X)  # broadcasts over N, H, W
    print("after, per channel:")
    #> after, per channel:
    print(np.round(Z.mean(axis=(0, 1, 2)), 3) + 0.0, np.round(Z.std(axis=(0, 1, 2)), 3))
    #> [0. 0. 0.] [1. 1. 1.]
    print("wrong axis, X.mean(axis=(1, 2)):")
    #> wrong axis, X.mean(axis=(1, 2)):
    print(X.mean(axis=(1, 2)).shape)
    #> (64, 3)
