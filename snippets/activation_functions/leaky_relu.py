# --8<-- [start:forward]
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    """max(alpha * x, x) for 0 < alpha < 1; alpha is a fixed hyperparameter."""
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, alpha * x), (x, alpha)
# --8<-- [end:forward]


# --8<-- [start:backward]
def leaky_relu_backward(dout, cache):
    """Slope 1 for x > 0 and alpha otherwise: the gradient never becomes exactly 0."""
    x, alpha = cache
    return dout * np.where(x > 0, 1.0, alpha)
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    x = np.array([-2.0, 0.0, 3.0])
    y, cache = leaky_relu_forward(x)
    print(y)
    #> [-0.02  0.    3.  ]
    print(leaky_relu_backward(np.ones_like(x), cache))
    #> [0.01 0.01 1.  ]
# --8<-- [end:demo]
