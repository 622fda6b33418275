# --8<-- [start:forward]
import numpy as np


def batchnorm_forward(x, gamma, beta, bn_param):
    """Batch normalization of x with shape (N, D), one mean and variance per feature.

    bn_param: mode ("train" or "test"), eps (1e-5), momentum (0.9), and the
    running_mean / running_var it updates in train mode and uses in test mode.
    """
    mode = bn_param["mode"]
    eps = bn_param.get("eps", 1e-5)
    momentum = bn_param.get("momentum", 0.9)
    running_mean = bn_param.get("running_mean", np.zeros(x.shape[1]))
    running_var = bn_param.get("running_var", np.ones(x.shape[1]))

    if mode == "train":
        mu = x.mean(axis=0)
        var = x.var(axis=0)  # biased: divides by N
        std = np.sqrt(var + eps)  # eps inside the square root
        x_hat = (x - mu) / std
        out = gamma * x_hat + beta
        cache = (x_hat, gamma, std)
        running_mean = momentum * running_mean + (1 - momentum) * mu
        running_var = momentum * running_var + (1 - momentum) * var
    elif mode == "test":
        x_hat = (x - running_mean) / np.sqrt(running_var + eps)
        out = gamma * x_hat + beta
        cache = None
    else:
        raise ValueError(f"unknown mode {mode!r}")

    bn_param["running_mean"] = running_mean
    bn_param["running_var"] = running_var
    return out, cache
# --8<-- [end:forward]


# --8<-- [start:train_demo]
if __name__ == "__main__":
    rng = np.random.default_rng(0)
    # three features: large, small and tiny spread around different means
    x = rng.normal(loc=[5.0, -2.0, 0.3], scale=[3.0, 0.5, 1e-3], size=(128, 3))
    out, _ = batchnorm_forward(x, np.ones(3), np.zeros(3), {"mode": "train"})
    print("mean:", np.round(out.mean(axis=0), 6) + 0.0)
    #> mean: [0. 0. 0.]
    print("var:", np.round(out.var(axis=0), 6))
    #> var: [0.999999 0.999958 0.075845]
    var = x.var(axis=0)
    print("var / (var + eps):")
    #> var / (var + eps):
    print(np.round(var / (var + 1e-5), 6))
    #> [0.999999 0.999958 0.075845]
# --8<-- [end:train_demo]


# --8<-- [start:identity_demo]
if __name__ == "__main__":
    mu, var = x.mean(axis=0), x.var(axis=0)
    gamma, beta = np.sqrt(var + 1e-5), mu  # undo the normalization
    out, _ = batchnorm_forward(x, gamma, beta, {"mode": "train"})
    print("out == x:", np.allclose(out, x, rtol=0, atol=1e-12))
    #> out == x: True
    # the same gamma and beta on another batch from the same distribution
    x2 = np.random.default_rng(5).normal([5.0, -2.0, 0.3], [3.0, 0.5, 1e-3], (128, 3))
    out2, _ = batchnorm_forward(x2, gamma, beta, {"mode": "train"})
    print("another batch, max |out - x|:")
    #> another batch, max |out - x|:
    print(np.round(np.abs(out2 - x2).max(axis=0), 4))
    #> [1.1376 0.0848 0.    ]
# --8<-- [end:identity_demo]


# --8<-- [start:backward]
def batchnorm_backward(dout, cache):
    """Gradients of batchnorm_forward (train mode): returns (dx, dgamma, dbeta)."""
    x_hat, gamma, std = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx = gamma / (n * std) * (n * dout - dbeta - x_hat * dgamma)
    return dx, dgamma, dbeta
# --8<-- [end:backward]


# --8<-- [start:backward_demo]
if __name__ == "__main__":
    rng = np.random.default_rng(2)
    x, dout = rng.normal(size=(8, 3)), rng.normal(size=(8, 3))
    gamma, beta = rng.normal(size=3), rng.normal(size=3)
    out, cache = batchnorm_forward(x, gamma, beta, {"mode": "train"})
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)

    def loss(x):
        return np.sum(batchnorm_forward(x, gamma, beta, {"mode": "train"})[0] * dout)

    h, step = 1e-5, np.zeros_like(x)
    step[3, 1] = h
    numerical = (loss(x + step) - loss(x - step)) / (2 * h)
    print(f"dx[3, 1] analytic  {dx[3, 1]:.6f}")
    #> dx[3, 1] analytic  0.774989
    print(f"dx[3, 1] numerical {numerical:.6f}")
    #> dx[3, 1] numerical 0.774989
    print("sum of dx over batch:", np.round(dx.sum(axis=0), 12) + 0.0)
    #> sum of dx over batch: [0. 0. 0.]
# --8<-- [end:backward_demo]


# --8<-- [start:spatial]
def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    """Batch normalization of conv features (N, C, H, W): statistics per channel,
    over N, H and W. Reuses batchnorm_forward on an (N*H*W, C) view."""
    n, c, h, w = x.shape
    x_2d = x.transpose(0, 2, 3, 1).reshape(-1, c)
    out, cache = batchnorm_forward(x_2d, gamma, beta, bn_param)
    return out.reshape(n, h, w, c).transpose(0, 3, 1, 2), cache


def spatial_batchnorm_backward(dout, cache):
    n, c, h, w = dout.shape
    dout_2d = dout.transpose(0, 2, 3, 1).reshape(-1, c)
    dx, dgamma, dbeta = batchnorm_backward(dout_2d, cache)
    return dx.reshape(n, h, w, c).transpose(0, 3, 1, 2), dgamma, dbeta
# --8<-- [end:spatial]


# --8<-- [start:spatial_demo]
if __name__ == "__main__":
    rng = np.random.default_rng(3)
    scale, shift = np.array([1.0, 4.0, 0.2]), np.array([0.0, -3.0, 10.0])
    x = scale[:, None, None] * rng.normal(size=(4, 3, 5, 5)) + shift[:, None, None]
    out, _ = spatial_batchnorm_forward(x, np.ones(3), np.zeros(3), {"mode": "train"})
    print("per-channel mean:", np.round(out.mean(axis=(0, 2, 3)), 6) + 0.0)
    #> per-channel mean: [0. 0. 0.]
    print("per-channel var:")
    #> per-channel var:
    print(np.round(out.var(axis=(0, 2, 3)), 4))
    #> [1.     1.     0.9998]
# --8<-- [end:spatial_demo]


# --8<-- [start:eval_demo]
if __name__ == "__main__":
    rng = np.random.default_rng(1)
    true_mean, true_std = np.array([2.0, -1.0]), np.array([0.5, 3.0])
    gamma, beta = np.ones(2), np.zeros(2)
    bn_param = {"mode": "train", "momentum": 0.9}
    for _ in range(200):  # 200 training steps, batches of 32
        batch = rng.normal(true_mean, true_std, size=(32, 2))
        batchnorm_forward(batch, gamma, beta, bn_param)
    print("running mean:", np.round(bn_param["running_mean"], 2))
    #> running mean: [ 2.04 -0.9 ]
    print("running std: ", np.round(np.sqrt(bn_param["running_var"]), 2))
    #> running std:  [0.49 2.79]

    # the same first example in two batches that differ in every other example
    batch_a = rng.normal(true_mean, true_std, size=(32, 2))
    batch_b = rng.normal(true_mean, true_std, size=(32, 2))
    batch_b[0] = batch_a[0]
    for mode in ["train", "test"]:
        param = dict(bn_param, mode=mode)  # a copy: leave the running stats alone
        out_a, _ = batchnorm_forward(batch_a, gamma, beta, param)
        out_b, _ = batchnorm_forward(batch_b, gamma, beta, param)
        print(f"{mode}, batch a: {np.round(out_a[0], 3)}")
        print(f"{mode}, batch b: {np.round(out_b[0], 3)}")
    #> train, batch a: [ 1.041 -0.755]
    #> train, batch b: [ 0.979 -0.954]
    #> test, batch a: [ 0.717 -1.054]
    #> test, batch b: [ 0.717 -1.054]
    # each mode divides by its own estimate of the statistics: batch a's, batch b's,
    # or the running averages; the true ones would give
    print("true statistics", np.round((batch_a[0] - true_mean) / true_std, 3))
    #> true statistics [ 0.788 -0.947]
    for name, batch in [("a", batch_a), ("b", batch_b)]:
        print(f"batch {name} mean {np.round(batch.mean(axis=0), 2)}")
        print(f"        std  {np.round(batch.std(axis=0), 2)}")
    #> batch a mean [ 1.87 -1.45]
    #>         std  [0.5  3.17]
    #> batch b mean [ 2.01 -0.97]
    #>         std  [0.39 3.01]
# --8<-- [end:eval_demo]
