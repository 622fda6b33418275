# --8<-- [start:numerical_gradient]
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centered-difference gradient of the scalar function f at the array x."""
    x = np.array(x, dtype=np.float64)  # a float64 copy: the caller's x is untouched
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


# --8<-- [start:demo_gradient]
if __name__ == "__main__":
    x = np.array([0.5, -1.0, 2.0])
    numerical = numerical_gradient(lambda v: np.sum(v**3), x)
    print(numerical)
    #> [ 0.75  3.   12.  ]
    print(3 * x**2)  # the exact gradient of sum(x**3)
    #> [ 0.75  3.   12.  ]
    print([f"{d:.1e}" for d in numerical - 3 * x**2])
    #> ['1.0e-10', '6.4e-11', '2.1e-10']
# --8<-- [end:demo_gradient]


# --8<-- [start:relative_error]
def relative_error(analytic, numerical):
    """max |a - n| / max(|a|, |n|), elementwise, with 0/0 taken as 0."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numerical, dtype=np.float64)
    scale = np.maximum(np.abs(a), np.abs(n))
    err = np.divide(np.abs(a - n), scale, out=np.zeros_like(scale), where=scale > 0)
    return float(err.max())
# --8<-- [end:relative_error]


# --8<-- [start:demo_relative]
if __name__ == "__main__":
    print(f"{relative_error(3 * x**2, numerical):.1e}")
    #> 1.4e-10
    print(f"{relative_error(1.0, 1.0 + 1e-4):.1e}")  # same absolute gap of 1e-4 ...
    #> 1.0e-04
    print(f"{relative_error(1e-5, 1e-5 + 1e-4):.1e}")  # ... on a tiny gradient
    #> 9.1e-01
    print(relative_error([0.0, 2.0], [0.0, 2.0]))  # a zero entry is no 0/0 = nan
    #> 0.0
# --8<-- [end:demo_relative]
