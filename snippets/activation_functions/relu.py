# --8<-- [start:forward]
import numpy as np


def relu_forward(x):
    """max(0, x), elementwise."""
    x = np.asarray(x, dtype=np.float64)
    return np.maximum(0, x), x
# --8<-- [end:forward]


# --8<-- [start:backward]
def relu_backward(dout, cache):
    """Pass the gradient where x > 0; at x == 0 we use 0 (a valid subgradient)."""
    x = cache
    return dout * (x > 0)
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    x = np.array([-2.0, 0.0, 3.0])
    y, cache = relu_forward(x)
    print(y, relu_backward(np.ones_like(x), cache))
    #> [0. 0. 3.] [0. 0. 1.]
# --8<-- [end:demo]
