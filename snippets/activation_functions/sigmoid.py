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
    y, cache = sigmoid_forward(np.array([-1000.0, -10.0, 10.0, 1000.0]))
    print(" ".join(f"{v:.4e}" for v in y))
    #> 0.0000e+00 4.5398e-05 9.9995e-01 1.0000e+00
    print(" ".join(f"{v:.4e}" for v in sigmoid_backward(1.0, cache)))
    #> 0.0000e+00 4.5396e-05 4.5396e-05 0.0000e+00
# --8<-- [end:demo]
