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
    print("share below 0.01:")
    #> share below 0.01:
    print(f"  linear {np.mean(linear < 0.01):.4%} (exact {exact:.4%})")
    #>   linear 0.0900% (exact 0.0999%)
    print(f"  log    {np.mean(log < 0.01):.2%}")
    #>   log    50.25%
    print("decade  log    linear")  # samples per decade
    #> decade  log    linear
    per_decade = [np.histogram(np.log10(x), bins=np.arange(-5, 2))[0]
                  for x in (log, linear)]
    for decade, a, b in zip(range(-5, 1), *per_decade, strict=True):
        print(f"1e{decade:<5} {a:<6} {b}")
    #> 1e-5    16679  1
    #> 1e-4    16776  12
    #> 1e-3    16795  77
    #> 1e-2    16569  897
    #> 1e-1    16731  9189
    #> 1e0     16450  89824
    # the same two numbers read as natural-log exponents (hyperopt's convention)
    wrong = np.exp(rng.uniform(-5, 1, n))
    print("exp(uniform(-5, 1)) spans")
    #> exp(uniform(-5, 1)) spans
    print(f"  {wrong.min():.4f} to {wrong.max():.3f}")
    #>   0.0067 to 2.718
