import numpy as np


# --8<-- [start:forward]
def sigmoid_forward(x):
    """sigma(x) = 1 / (1 + exp(-x)); returns the output and a cache for backward."""
    out = np.where(x >= 0, 1 / (1 + np.exp(-np.abs(x))), np.exp(-np.abs(x)) / (1 + np.exp(-np.abs(x))))
    return out, out
# --8<-- [end:forward]


# --8<-- [start:backward]
def sigmoid_backward(dout, cache):
    """Local gradient sigma(x) * (1 - sigma(x)), at most 0.25 (at x = 0)."""
    out = cache
    return dout * out * (1 - out)
# --8<-- [end:backward]


if __name__ == "__main__":
    x = np.array([-10.0, 0.0, 10.0])
    y, cache = sigmoid_forward(x)
    print(np.round(y, 5))
    #> [5.0000e-05 5.0000e-01 9.9995e-01]
    print(sigmoid_backward(np.ones_like(x), cache))
    #> [4.53958077e-05 2.50000000e-01 4.53958077e-05]
