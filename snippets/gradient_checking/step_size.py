# --8<-- [start:error_vs_step]
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
# --8<-- [end:error_vs_step]


# --8<-- [start:demo]
STEPS = np.logspace(-14, 0, 57)  # h from 1e-14 to 1, four per decade
POINTS = np.linspace(-1.0, 1.0, 9)  # where exp is differentiated


if __name__ == "__main__":
    for dtype in (np.float64, np.float32):
        print(f"{dtype.__name__:<9}{'h=1e-5':<9}{'best h':<7}error")
        for method in ("centered", "forward"):
            errors = error_vs_step(np.exp, np.exp, POINTS, STEPS, dtype, method)
            at_1e5 = error_vs_step(np.exp, np.exp, POINTS, [1e-5], dtype, method)[0]
            best = np.argmin(errors)
            print(f"{method:<9}{at_1e5:<9.1e}{STEPS[best]:<7.0e}{errors[best]:.1e}")
    #> float64  h=1e-5   best h error
    #> centered 2.2e-11  6e-06  1.9e-11
    #> forward  5.0e-06  2e-08  1.7e-08
    #> float32  h=1e-5   best h error
    #> centered 5.1e-03  3e-03  1.6e-05
    #> forward  8.9e-03  6e-04  4.6e-04
    tiny = error_vs_step(np.exp, np.exp, POINTS, [1e-12])[0]
    print(f"float64 centered h=1e-12 {tiny:.1e}")
    #> float64 centered h=1e-12 7.7e-05
# --8<-- [end:demo]
