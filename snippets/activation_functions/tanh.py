# --8<-- [start:forward]
import numpy as np


def tanh_forward(x):
    """tanh(x) = 2 * sigmoid(2x) - 1: zero-centered, range (-1, 1)."""
    out = np.tanh(x)
    return out, out
# --8<-- [end:forward]


# --8<-- [start:backward]
def tanh_backward(dout, cache):
    """Local gradient 1 - tanh(x)**2: at most 1, at x = 0."""
    out = cache
    return dout * (1 - out**2)
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    x = np.array([-3.0, 0.0, 0.5, 3.0])
    y, cache = tanh_forward(x)
    sigmoid_2x = 1 / (1 + np.exp(-2 * x))
    print(np.allclose(y, 2 * sigmoid_2x - 1))
    #> True
    print(np.round(tanh_backward(np.ones_like(x), cache), 4))
    #> [0.0099 1.     0.7864 0.0099]
# --8<-- [end:demo]
