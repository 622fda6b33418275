import numpy as np


# --8<-- [start:numerical_gradient]
def numerical_gradient(f, x, h=1e-5):
    """Centered-difference gradient of the scalar function f at the array x."""
    x = np.array(x, dtype=np.float64)  # a float64 copy: x itself is left untouched
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
# --8<-- [end:numerical_gradient]


# --8<-- [start:relative_error]
def relative_error(analytic, numerical):
    """max |a - n| / max(|a|, |n|), with 0/0 taken as 0 (both gradients zero)."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numerical, dtype=np.float64)
    scale = np.maximum(np.abs(a), np.abs(n))
    err = np.divide(np.abs(a - n), scale, out=np.zeros_like(scale), where=scale > 0)
    return float(err.max())
# --8<-- [end:relative_error]


if __name__ == "__main__":
    x = np.array([0.5, -1.0, 2.0])
    analytic = 3 * x**2  # the derivative of sum(x**3)
    numerical = numerical_gradient(lambda v: np.sum(v**3), x)
    print(f"{relative_error(analytic, numerical):.1e}")
    #> 1.4e-10
