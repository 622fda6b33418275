# --8<-- [start:helpers]
import numpy as np


def error_vs_step(f, df, x, hs, dtype=np.float64, method="centered"):
    """Max relative error of a finite difference of f at the points x, for each h.

    f acts elementwise; x, h and every evaluation of f are in dtype. The exact
    derivative df is evaluated in float64 at the same (rounded) points.
    """
    x = np.asarray(x, dtype=dtype)
    exact = df(x.astype(np.float64))
    errors = []
    for h in hs:
        h = dtype(h)
        if method == "centered":
            approx = (f(x + h) - f(x - h)) / (2 * h)  # error O(h^2)
        else:
            approx = (f(x + h) - f(x)) / h  # forward difference: error O(h)
        errors.append(np.max(np.abs(approx - exact) / np.abs(exact)))
    return np.array(errors)


STEPS = np.logspace(-14, 0, 57)  # the grid of step_size.py
POINTS = np.linspace(-1.0, 1.0, 9)
# --8<-- [end:helpers]


# --8<-- [start:solution]
if __name__ == "__main__":
    for dtype in (np.float64, np.float32):
        errors = error_vs_step(np.exp, np.exp, POINTS, STEPS, dtype)
        eps = np.finfo(dtype).eps
        best = np.argmin(errors)
        name = dtype.__name__
        print(f"{name}:")
        print(f"  best h {STEPS[best]:.0e}, eps^(1/3) {eps ** (1 / 3):.0e}")
        print(f"  min err {errors[best]:.0e}, eps^(2/3) {eps ** (2 / 3):.0e}")
    #> float64:
    #>   best h 6e-06, eps^(1/3) 6e-06
    #>   min err 2e-11, eps^(2/3) 4e-11
    #> float32:
    #>   best h 3e-03, eps^(1/3) 5e-03
    #>   min err 2e-05, eps^(2/3) 2e-05
# --8<-- [end:solution]
