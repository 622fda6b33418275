import numpy as np


def maxout(x, W, b):
    z = np.einsum("nd,kdm->nkm", x, W) + b
    return z.max(axis=1)


rng = np.random.default_rng(0)
N, D, M, alpha = 6, 4, 3, 0.01
x = rng.standard_normal((N, D))
A, c = rng.standard_normal((D, M)), rng.standard_normal(M)  # one linear layer

# piece 1: the layer itself; piece 2: the same layer scaled by alpha
W = np.stack([A, alpha * A])
b = np.stack([c, alpha * c])
z = x @ A + c
print(np.allclose(maxout(x, W, b), np.where(z > 0, z, alpha * z)))
#> True
print(W.size + b.size, "parameters instead of", A.size + c.size)
#> 30 parameters instead of 15
