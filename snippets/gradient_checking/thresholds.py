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


# --8<-- [start:smooth]
def quadratic(x, A):
    """f(x) = x^T A x for a square, not necessarily symmetric A."""
    return x @ A @ x


def quadratic_grad(x, A):
    return (A + A.T) @ x


def quadratic_grad_wrong(x, A):
    return 2 * A @ x  # right only when A is symmetric: the A^T term is missing


def shown(error):
    """The error to 2 digits; below 1e-9 it is rounding error, whose digits differ
    between CPUs (their floating-point kernels round differently): only a bound."""
    return "< 1e-9" if error < 1e-9 else f"{error:.1e}"


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    A = rng.standard_normal((4, 4))
    x = rng.standard_normal(4)
    numerical = numerical_gradient(lambda v: quadratic(v, A), x)
    print(f"correct: {shown(relative_error(quadratic_grad(x, A), numerical))}")
    #> correct: < 1e-9
    print(f"wrong:   {shown(relative_error(quadratic_grad_wrong(x, A), numerical))}")
    #> wrong:   1.7e+00
# --8<-- [end:smooth]


# --8<-- [start:kink]
def relu_loss(w, X):
    """f(w) = sum_n max(0, x_n . w): one kink per example."""
    return np.sum(np.maximum(X @ w, 0.0))


def relu_loss_grad(w, X):
    return X.T @ (X @ w > 0)


def near_kink(w, X, h=1e-5):
    """Examples whose input to max(0, .) a step of h in w can push across 0."""
    z = X @ w
    return np.flatnonzero(np.abs(z) < h * np.abs(X).max(axis=1))


if __name__ == "__main__":
    X = rng.standard_normal((20, 3))
    w = rng.standard_normal(3)
    numerical = numerical_gradient(lambda v: relu_loss(v, X), w)
    print(shown(relative_error(relu_loss_grad(w, X), numerical)), near_kink(w, X))
    #> < 1e-9 []
    X[0] += (3e-6 - X[0] @ w) * w / (w @ w)  # now x_0 . w = 3e-6, next to the kink
    numerical = numerical_gradient(lambda v: relu_loss(v, X), w)
    print(shown(relative_error(relu_loss_grad(w, X), numerical)), near_kink(w, X))
    #> 9.5e-02 [0]
# --8<-- [end:kink]
