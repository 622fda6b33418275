import numpy as np


def whitening_gains(X, eps):
    """Eigenvalues of the covariance and the factor whitening multiplies each by."""
    Xc = X - X.mean(axis=0)
    eigvals = np.linalg.eigvalsh(Xc.T @ Xc / len(X))[::-1]  # largest first
    return eigvals, 1 / np.sqrt(eigvals + eps)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    signal = rng.normal(0, [2.0, 1.0], size=(1000, 2))
    noise = rng.normal(0, 0.01, size=(1000, 1))  # a feature that is only noise
    X = np.hstack([signal, noise])
    for eps in [1e-5, 1e-2, 1e-1]:
        eigvals, gains = whitening_gains(X, eps)
        variance_after = eigvals * gains**2
        print(f"eps {eps:g}:")
        print(f"  gains     {np.round(gains, 2)}")
        print(f"  var after {np.round(variance_after, 3)}")
    #> eps 1e-05:
    #>   gains     [ 0.49  1.02 97.02]
    #>   var after [1.    1.    0.906]
    #> eps 0.01:
    #>   gains     [0.49 1.01 9.95]
    #>   var after [0.998 0.99  0.01 ]
    #> eps 0.1:
    #>   gains     [0.48 0.97 3.16]
    #>   var after [0.977 0.906 0.001]
