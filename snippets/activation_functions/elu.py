# --8<-- [start:forward]
import numpy as np


def elu_forward(x, alpha=1.0):
    """x for x > 0, alpha * (exp(x) - 1) otherwise; alpha is fixed, not learned."""
    x = np.asarray(x, dtype=np.float64)
    out = np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))
    return out, (x, out, alpha)
# --8<-- [end:forward]


# --8<-- [start:backward]
def elu_backward(dout, cache):
    """Slope 1 for x > 0; for x <= 0 the slope alpha * exp(x) equals out + alpha."""
    x, out, alpha = cache
    return dout * np.where(x > 0, 1.0, out + alpha)
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    x = np.array([-10.0, -1.0, 0.0, 2.0])
    y, cache = elu_forward(x)
    print(np.round(y, 4))
    #> [-1.     -0.6321  0.      2.    ]
    print(np.round(elu_backward(np.ones_like(x), cache), 4))
    #> [0.     0.3679 1.     1.    ]
# --8<-- [end:demo]
