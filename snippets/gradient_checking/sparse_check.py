# --8<-- [start:grad_check_sparse]
import numpy as np


def grad_check_sparse(f, x, analytic, k=10, h=1e-5, rng=None):
    """Max relative error over k random coordinates of x (2k calls of f)."""
    rng = np.random.default_rng(0) if rng is None else rng
    x = np.array(x, dtype=np.float64)
    worst = 0.0
    for flat in rng.choice(x.size, size=min(k, x.size), replace=False):
        i = np.unravel_index(flat, x.shape)
        saved = x[i]
        x[i] = saved + h
        f_plus = f(x)
        x[i] = saved - h
        f_minus = f(x)
        x[i] = saved
        numerical = (f_plus - f_minus) / (2 * h)
        scale = max(abs(analytic[i]), abs(numerical))
        if scale > 0:
            worst = max(worst, abs(analytic[i] - numerical) / scale)
    return worst
# --8<-- [end:grad_check_sparse]


# --8<-- [start:softmax]
def softmax_loss(W, b, X, y):
    """Mean cross-entropy of a linear softmax classifier, with dW and db."""
    n = len(y)
    scores = X @ W + b
    scores -= scores.max(axis=1, keepdims=True)  # no overflow; loss is unchanged
    p = np.exp(scores)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(n), y]))
    dscores = p.copy()
    dscores[np.arange(n), y] -= 1
    db = dscores.sum(axis=0)  # bug: summed before the division by n below
    dscores /= n
    dW = X.T @ dscores
    return loss, dW, db
# --8<-- [end:softmax]


# --8<-- [start:demo]
def shown(error):
    """The error to 2 digits; below 1e-7 ("good") only the bound: an error that
    small is rounding, whose digits differ between CPUs (their kernels differ)."""
    return "< 1e-7" if error < 1e-7 else f"{error:.1e}"


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.standard_normal((20, 50))
    y = rng.integers(0, 10, size=20)
    W = 0.01 * rng.standard_normal((50, 10))
    b = np.zeros(10)
    _, dW, db = softmax_loss(W, b, X, y)

    # all parameters in one vector: 500 weights, then 10 biases
    theta = np.concatenate([W.ravel(), b])
    dtheta = np.concatenate([dW.ravel(), db])

    def loss_of_theta(t):
        return softmax_loss(t[:500].reshape(50, 10), t[500:], X, y)[0]

    print(f"calls: full check {2 * theta.size}, sparse {2 * 10}")
    #> calls: full check 1020, sparse 20
    error_theta = grad_check_sparse(loss_of_theta, theta, dtheta)
    print(f"theta, 10 random: {shown(error_theta)}")
    #> theta, 10 random: < 1e-7
    # a few coordinates of every parameter array
    error_W = grad_check_sparse(lambda v: softmax_loss(v, b, X, y)[0], W, dW, k=5)
    error_b = grad_check_sparse(lambda v: softmax_loss(W, v, X, y)[0], b, db, k=5)
    print(f"W, 5 random: {shown(error_W)}")
    #> W, 5 random: < 1e-7
    print(f"b, 5 random: {shown(error_b)}")
    #> b, 5 random: 9.5e-01
# --8<-- [end:demo]
