import numpy as np


def batchnorm_forward_staged(x, gamma, beta, eps=1e-5):
    """Train-mode batch norm as small steps; each step's inputs go in the cache."""
    n = x.shape[0]
    mu = x.sum(axis=0) / n                   # 1
    xc = x - mu                              # 2
    var = (xc**2).sum(axis=0) / n            # 3
    std = np.sqrt(var + eps)                 # 4
    inv_std = 1 / std                        # 5
    x_hat = xc * inv_std                     # 6
    out = gamma * x_hat + beta               # 7
    return out, (xc, var, std, inv_std, x_hat, gamma, eps)


def batchnorm_backward_staged(dout, cache):
    """Walk the graph backwards: one local gradient per step of the forward pass."""
    xc, var, std, inv_std, x_hat, gamma, eps = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)                              # 7
    dgamma = (dout * x_hat).sum(axis=0)                   # 7
    dx_hat = dout * gamma                                 # 7
    dxc = dx_hat * inv_std                                # 6 (path through xc)
    dinv_std = (dx_hat * xc).sum(axis=0)                  # 6
    dstd = -dinv_std / std**2                             # 5
    dvar = dstd / (2 * np.sqrt(var + eps))                # 4
    dxc += 2 * xc * dvar / n                              # 3 (path through var)
    dmu = -dxc.sum(axis=0)                                # 2
    dx = dxc + dmu / n                                    # 2 and 1
    return dx, dgamma, dbeta


def batchnorm_backward_compact(dout, x_hat, gamma, std):
    n = dout.shape[0]
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    return gamma / (n * std) * (n * dout - dbeta - x_hat * dgamma), dgamma, dbeta


if __name__ == "__main__":
    rng = np.random.default_rng(7)
    x, dout = rng.normal(2.0, 3.0, size=(16, 5)), rng.normal(size=(16, 5))
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    out, cache = batchnorm_forward_staged(x, gamma, beta)
    staged = batchnorm_backward_staged(dout, cache)
    compact = batchnorm_backward_compact(dout, cache[4], gamma, cache[2])
    for name, s, c in zip(["dx", "dgamma", "dbeta"], staged, compact, strict=True):
        print(name, np.allclose(s, c, rtol=1e-10, atol=0))
    #> dx True
    #> dgamma True
    #> dbeta True
