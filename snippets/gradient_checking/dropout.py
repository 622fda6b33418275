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
# --8<-- [start:dropout]
def dropout_loss(w, X, rng, p=0.5):
    """0.5 * ||dropout(tanh(X w))||^2 with inverted dropout, keep probability p."""
    a = np.tanh(X @ w)
    mask = (rng.random(a.shape) < p) / p
    return 0.5 * np.sum((a * mask) ** 2)


def dropout_loss_grad(w, X, rng, p=0.5):
    a = np.tanh(X @ w)
    mask = (rng.random(a.shape) < p) / p
    return X.T @ (a * mask**2 * (1 - a**2))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.standard_normal((8, 4))
    w = rng.standard_normal(4)

    live = np.random.default_rng(1)  # a new mask at every call
    analytic = dropout_loss_grad(w, X, live)
    numerical = numerical_gradient(lambda v: dropout_loss(v, X, live), w)
    print(f"new mask each call: {relative_error(analytic, numerical):.1e}")
    #> new mask each call: 1.0e+00

    def seeded():
        return np.random.default_rng(1)  # the same mask at every call

    analytic = dropout_loss_grad(w, X, seeded())
    numerical = numerical_gradient(lambda v: dropout_loss(v, X, seeded()), w)
    print(f"fixed seed:         {relative_error(analytic, numerical):.1e}")
    #> fixed seed:         1.2e-10
    analytic = dropout_loss_grad(w, X, seeded(), p=1.0)
    numerical = numerical_gradient(lambda v: dropout_loss(v, X, seeded(), p=1.0), w)
    print(f"dropout off:        {relative_error(analytic, numerical):.1e}")
    #> dropout off:        2.3e-09
# --8<-- [end:dropout]
