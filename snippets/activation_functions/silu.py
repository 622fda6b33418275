# --8<-- [start:forward]
import numpy as np


def silu_forward(x):
    """SiLU / Swish (beta = 1): x * sigmoid(x), with a stable sigmoid."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + e), e / (1 + e))
    return x * s, (x, s)
# --8<-- [end:forward]


# --8<-- [start:backward]
def silu_backward(dout, cache):
    """d/dx [x * s] = s + x * s * (1 - s), with s = sigmoid(x)."""
    x, s = cache
    return dout * s * (1 + x * (1 - s))
# --8<-- [end:backward]


# --8<-- [start:demo]
if __name__ == "__main__":
    y, cache = silu_forward(np.array([-1.0, 0.0, 1.0]))
    print(np.round(y, 6))
    #> [-0.268941  0.        0.731059]
    print(np.round(silu_backward(1.0, cache), 4))
    #> [0.0723 0.5    0.9277]
    x = np.linspace(-3, 0, 3001)
    y, _ = silu_forward(x)
    print(f"minimum {y.min():.4f} at x = {x[y.argmin()]:.3f}")  # not monotonic
    #> minimum -0.2785 at x = -1.278
# --8<-- [end:demo]
