# --8<-- [start:helpers]
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
# --8<-- [start:buggy]
def affine_tanh_forward(x, w, b):
    out = np.tanh(x @ w + b)
    return out, (x, w, out)


def affine_tanh_backward_buggy(dout, cache):
    x, w, out = cache
    dz = dout * (1 - out**2)
    dx = dz @ w.T
    dw = x.T @ dz
    db = dout.sum(axis=0)
    return dx, dw, db
# --8<-- [end:buggy]


# --8<-- [start:solution]
def affine_tanh_backward(dout, cache):
    x, w, out = cache
    dz = dout * (1 - out**2)
    dx = dz @ w.T
    dw = x.T @ dz
    db = dz.sum(axis=0)  # b sits inside the tanh too: it gets dz, not dout
    return dx, dw, db


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 5))
    w = rng.standard_normal((5, 3))
    b = rng.standard_normal(3)
    dout = rng.standard_normal((4, 3))  # an upstream gradient
    out, cache = affine_tanh_forward(x, w, b)

    # f = sum(out * dout) has exactly the gradients that backward(dout) returns
    numerical = (
        numerical_gradient(lambda v: np.sum(affine_tanh_forward(v, w, b)[0] * dout), x),
        numerical_gradient(lambda v: np.sum(affine_tanh_forward(x, v, b)[0] * dout), w),
        numerical_gradient(lambda v: np.sum(affine_tanh_forward(x, w, v)[0] * dout), b),
    )
    print("relative errors of dx, dw, db:")
    #> relative errors of dx, dw, db:
    for backward in (affine_tanh_backward_buggy, affine_tanh_backward):
        grads = backward(dout, cache)
        errors = [relative_error(a, n) for a, n in zip(grads, numerical, strict=True)]
        print(backward.__name__)
        print("  " + " ".join(f"{e:.1e}" for e in errors))
    #> affine_tanh_backward_buggy
    #>   4.3e-10 1.3e-10 6.6e-01
    #> affine_tanh_backward
    #>   4.3e-10 1.3e-10 3.0e-11
# --8<-- [end:solution]
