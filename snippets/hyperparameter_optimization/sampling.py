import numpy as np


def log_uniform(rng, low, high, size=None):
    """Samples whose base-10 logarithm is uniform on [log10(low), log10(high)]:
    every decade between low and high gets the same share."""
    return 10 ** rng.uniform(np.log10(low), np.log10(high), size)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n = 100_000
    linear = rng.uniform(1e-5, 10, n)
    log = log_uniform(rng, 1e-5, 10, n)  # the same as 10 ** rng.uniform(-5, 1, n)
    exact = (0.01 - 1e-5) / (10 - 1e-5)
    print(f"below 0.01: linear {np.mean(linear < 0.01):.4%} (exact {exact:.4%}), "
          f"log {np.mean(log < 0.01):.2%}")
    #> below 0.01: linear 0.0900% (exact 0.0999%), log 50.25%
    print(np.histogram(np.log10(log), bins=np.arange(-5, 2))[0])  # per decade
    #> [16679 16776 16795 16569 16731 16450]
    print(np.histogram(np.log10(linear), bins=np.arange(-5, 2))[0])
    #> [    1    12    77   897  9189 89824]

    # the same two numbers read as natural-log exponents (hyperopt's convention)
    wrong = np.exp(rng.uniform(-5, 1, n))
    print(f"exp(uniform(-5, 1)) spans {wrong.min():.4f} to {wrong.max():.3f}")
    #> exp(uniform(-5, 1)) spans 0.0067 to 2.718
