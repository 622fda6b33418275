# --8<-- [start:helpers]
from functools import partial

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centered differences on a float64 copy of x (the page's helper)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + h
        f_plus = f(x)
        x[i] = saved - h
        f_minus = f(x)
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic, numerical):
    """max |a - n| / max(|a|, |n|), elementwise, with 0/0 taken as 0."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numerical, dtype=np.float64)
    scale = np.maximum(np.abs(a), np.abs(n))
    err = np.divide(np.abs(a - n), scale, out=np.zeros_like(scale), where=scale > 0)
    return float(err.max())
# --8<-- [end:helpers]
# --8<-- [start:regularization]
def data_loss(w, X, y):
    return 0.5 * np.mean((X @ w - y) ** 2)


def data_loss_grad_buggy(w, X, y):
    return 2 * X.T @ (X @ w - y) / len(y)  # bug: the 0.5 in the loss is forgotten


def total_loss(w, X, y, lam):
    return data_loss(w, X, y) + lam * np.sum(w**2)  # data loss + L2 regularization


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 5))
    w_true = rng.standard_normal(5)
    y = X @ w_true + 0.1 * rng.standard_normal(50)
    w = w_true + 0.01 * rng.standard_normal(5)  # a point near the fit
    for lam in (0.0, 0.1, 1.0, 10.0, 100.0):
        numerical = numerical_gradient(partial(total_loss, X=X, y=y, lam=lam), w)
        analytic = data_loss_grad_buggy(w, X, y) + 2 * lam * w
        error = relative_error(analytic, numerical)
        print(f"lambda = {lam:5.1f}: {error:.1e}")
    #> lambda =   0.0: 5.0e-01
    #> lambda =   0.1: 1.9e-01
    #> lambda =   1.0: 2.9e-02
    #> lambda =  10.0: 3.0e-03
    #> lambda = 100.0: 3.1e-04
# --8<-- [end:regularization]
