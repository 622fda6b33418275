# --8<-- [start:forward]
import math

import numpy as np


def gelu_forward(x):
    """GELU(x) = x * Phi(x), Phi the standard normal CDF (exact, via erf)."""
    x = np.asarray(x, dtype=np.float64)
    erf = np.vectorize(math.erf, otypes=[np.float64])  # exact erf, elementwise
    cdf = 0.5 * (1 + erf(x / math.sqrt(2)))
    return x * cdf, (x, cdf)
# --8<-- [end:forward]


# --8<-- [start:backward]
def gelu_backward(dout, cache):
    """d/dx [x * Phi(x)] = Phi(x) + x * phi(x), phi the standard normal density."""
    x, cdf = cache
    pdf = np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)
    return dout * (cdf + x * pdf)
# --8<-- [end:backward]


# --8<-- [start:tanh_approximation]
def gelu_tanh(x):
    """The tanh approximation from Hendrycks & Gimpel (2016)."""
    c = math.sqrt(2 / math.pi)
    return 0.5 * x * (1 + np.tanh(c * (x + 0.044715 * x**3)))
# --8<-- [end:tanh_approximation]


# --8<-- [start:demo]
if __name__ == "__main__":
    y, _ = gelu_forward(np.array([-1.0, 0.0, 1.0]))
    print(np.round(y, 6))
    #> [-0.158655  0.        0.841345]
    x = np.linspace(-6, 6, 12001)
    exact, _ = gelu_forward(x)
    gap = np.abs(exact - gelu_tanh(x))
    i = gap.argmax()
    print("max |exact - tanh approx|:")
    #> max |exact - tanh approx|:
    print(f"  {gap.max():.1e} at x = {x[i]:.2f}")
    #>   4.7e-04 at x = -2.70
    print(f"  {gap[-1 - i]:.1e} at x = {x[-1 - i]:.2f}")
    #>   4.7e-04 at x = 2.70
# --8<-- [end:demo]
