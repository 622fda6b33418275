# --8<-- [start:forward]
import numpy as np


def maxout_forward(x, W, b):
    """A maxout layer: out[n, m] = max over j of (x[n] @ W[j] + b[j])[m].

    x: (N, D) inputs, W: (k, D, M) weights and b: (k, M) biases of the k pieces.
    """
    z = np.einsum("nd,kdm->nkm", x, W) + b  # (N, k, M): every piece
    idx = z.argmax(axis=1)                   # (N, M): which piece won
    out = np.take_along_axis(z, idx[:, None, :], axis=1)[:, 0, :]
    return out, (x, W, idx)
# --8<-- [end:forward]


# --8<-- [start:backward]
def maxout_backward(dout, cache):
    """Only the winning piece gets the upstream gradient. Returns dx, dW, db."""
    x, W, idx = cache
    dz = np.zeros((x.shape[0], W.shape[0], W.shape[2]))
    np.put_along_axis(dz, idx[:, None, :], dout[:, None, :], axis=1)
    dx = np.einsum("nkm,kdm->nd", dz, W)
    dW = np.einsum("nd,nkm->kdm", x, dz)
    db = dz.sum(axis=0)
    return dx, dW, db
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, M, k = 4, 3, 5, 2
    x = rng.standard_normal((N, D))
    W, b = rng.standard_normal((k, D, M)), rng.standard_normal((k, M))
    out, cache = maxout_forward(x, W, b)
    dx, dW, db = maxout_backward(np.ones_like(out), cache)
    print(out.shape, dx.shape, dW.shape, db.shape)
    #> (4, 5) (4, 3) (2, 3, 5) (2, 5)
    print("maxout:", W.size + b.size, "parameters")
    #> maxout: 40 parameters
    print("linear D -> M:", D * M + M)
    #> linear D -> M: 20
    # k = 2 with the second piece fixed at zero is exactly ReLU(x @ W[0] + b[0])
    W[1], b[1] = 0.0, 0.0
    out, _ = maxout_forward(x, W, b)
    print(np.allclose(out, np.maximum(0, x @ W[0] + b[0])))
    #> True
# --8<-- [end:demo]
