# --8<-- [start:forward]
import numpy as np


def prelu_forward(x, alpha):
    """x for x > 0, alpha * x otherwise, with a learned alpha (equal to
    max(alpha * x, x) only while alpha <= 1).

    x has shape (N, D); alpha is one float shared by all units or an array of
    shape (D,), one slope per unit (channel-wise, as in He et al. 2015).
    """
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, alpha * x), (x, alpha)
# --8<-- [end:forward]


# --8<-- [start:backward]
def prelu_backward(dout, cache):
    """Returns dx and dalpha; dalpha sums x * dout over the inputs with x <= 0."""
    x, alpha = cache
    dx = dout * np.where(x > 0, 1.0, alpha)
    per_input = np.where(x > 0, 0.0, x) * dout
    dalpha = per_input.sum(axis=0) if np.ndim(alpha) else per_input.sum()
    return dx, dalpha
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    x = np.array([[-2.0, 1.0], [-1.0, -3.0]])
    alpha = np.array([0.25, 0.25])  # He et al. start every slope at 0.25
    y, cache = prelu_forward(x, alpha)
    dx, dalpha = prelu_backward(np.ones_like(x), cache)
    print(y)
    #> [[-0.5   1.  ]
    #>  [-0.25 -0.75]]
    print(dx)
    #> [[0.25 1.  ]
    #>  [0.25 0.25]]
    print(dalpha)
    #> [-3. -3.]
# --8<-- [end:demo]
