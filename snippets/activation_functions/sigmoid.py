# --8<-- [start:forward]
import numpy as np


def sigmoid_forward(x):
    """sigma(x) = 1 / (1 + exp(-x)), computed without overflow for any x."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))  # exp of a non-positive number: always <= 1
    out = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return out, out  # the output is all backward needs
# --8<-- [end:forward]


# --8<-- [start:backward]
def sigmoid_backward(dout, cache):
    """Local gradient sigma(x) * (1 - sigma(x)): at most 0.25, at x = 0."""
    out = cache
    return dout * out * (1 - out)
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    y, cache = sigmoid_forward(0.0)
    print(y, sigmoid_backward(1.0, cache))
    #> 0.5 0.25
    x = np.array([-1000.0, -10.0, 10.0, 1000.0])
    y, cache = sigmoid_forward(x)
    print("x       sigmoid    gradient")
    #> x       sigmoid    gradient
    for row in zip(x, y, sigmoid_backward(1.0, cache), strict=True):
        print("{:<7.0f} {:.4e} {:.4e}".format(*row))
    #> -1000   0.0000e+00 0.0000e+00
    #> -10     4.5398e-05 4.5396e-05
    #> 10      9.9995e-01 4.5396e-05
    #> 1000    1.0000e+00 0.0000e+00
# --8<-- [end:demo]
