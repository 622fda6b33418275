import numpy as np


def radical_inverse(i, base):
    """Mirror the base-`base` digits of i behind the point: 6 = 110 in base 2
    becomes 0.011 in base 2 = 0.375."""
    value, scale = 0.0, 1.0 / base
    while i > 0:
        i, digit = divmod(i, base)
        value += digit * scale
        scale /= base
    return value


def halton(n, dims=2, primes=(2, 3, 5, 7, 11, 13)):
    """The first n points of the Halton sequence in [0, 1)^dims, one prime per axis."""
    return np.array([[radical_inverse(i, primes[d]) for d in range(dims)]
                     for i in range(1, n + 1)])


def largest_gap(values):
    """Largest empty stretch of [0, 1] between sorted values (ends included)."""
    return np.diff(np.concatenate([[0.0], np.sort(values), [1.0]])).max()


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    points = {"grid": np.array([(a, b) for a in np.linspace(0, 1, 3)
                                for b in np.linspace(0, 1, 3)]),
              "random": rng.uniform(size=(9, 2)),
              "halton": halton(9)}
    print("axis 0  distinct  largest gap")
    #> axis 0  distinct  largest gap
    for name, p in points.items():
        print(f"{name:7} {len(np.unique(p[:, 0])):<9} {largest_gap(p[:, 0]):.3f}")
    #> grid    3         0.500
    #> random  9         0.503
    #> halton  9         0.125
    learning_rates = 10 ** (-5 + 6 * halton(9)[:, 0])  # mapped to [1e-5, 10]
    print(" ".join(f"{lr:.2g}" for lr in sorted(learning_rates)[:4]))
    #> 2.4e-05 5.6e-05 0.00032 0.0018
    print(" ".join(f"{lr:.2g}" for lr in sorted(learning_rates)[4:]))
    #> 0.01 0.024 0.056 0.32 1.8
