# --8<-- [start:layernorm]
import numpy as np


def layernorm_forward(x, gamma, beta, ln_param):
    """Layer normalization of x with shape (N, D): one mean and variance per
    example, over its D features. The same computation in training and test."""
    eps = ln_param.get("eps", 1e-5)
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    out = gamma * x_hat + beta
    return out, (x_hat, gamma, std)


def layernorm_backward(dout, cache):
    """The batch-norm formula with the two axes swapped, applied to
    dx_hat = gamma * dout: gamma varies along the normalized axis here."""
    x_hat, gamma, std = cache
    d = dout.shape[1]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    dx_hat = dout * gamma
    dx = (
        d * dx_hat
        - dx_hat.sum(axis=1, keepdims=True)
        - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True)
    ) / (d * std)
    return dx, dgamma, dbeta
# --8<-- [end:layernorm]


# --8<-- [start:demo]
if __name__ == "__main__":
    rng = np.random.default_rng(4)
    x = rng.normal(size=(4, 6)) * np.array([[0.1], [1.0], [10.0], [100.0]])
    gamma, beta = np.ones(6), np.zeros(6)
    out, _ = layernorm_forward(x, gamma, beta, {})
    print("per-example mean:")
    #> per-example mean:
    print(np.round(out.mean(axis=1), 6) + 0.0)
    #> [0. 0. 0. 0.]
    print("per-example var:")
    #> per-example var:
    print(np.round(out.var(axis=1), 4))
    #> [0.9991 1.     1.     1.    ]
    alone, _ = layernorm_forward(x[:1], gamma, beta, {})  # a "batch" of one
    print("same output alone:", np.allclose(alone[0], out[0]))
    #> same output alone: True
# --8<-- [end:demo]
