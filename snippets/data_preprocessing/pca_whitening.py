# --8<-- [start:helpers]
import numpy as np


# The data and print helpers of zero_center.py, repeated so this file runs alone.
def correlated_data(n=500, seed=0):
    """A 2-D cloud: mean (4, 2), stds 2 and 1, correlation 0.9."""
    rng = np.random.default_rng(seed)
    sigma = np.array([[4.0, 1.8], [1.8, 1.0]])
    L = np.linalg.cholesky(sigma)
    return np.array([4.0, 2.0]) + rng.standard_normal((n, 2)) @ L.T


def cov(X):
    return np.cov(X, rowvar=False, bias=True)  # 1/N; one column per feature


def show(c):
    return np.round(c, 3) + 0.0  # + 0.0 turns -0.0 into 0.0
# --8<-- [end:helpers]


# --8<-- [start:fit]
def fit_pca(X):
    """Mean, eigenvalues (largest first) and eigenvectors of the covariance of X."""
    mean = X.mean(axis=0)
    Xc = X - mean
    sigma = Xc.T @ Xc / X.shape[0]  # the covariance matrix, D x D
    eigvals, U = np.linalg.eigh(sigma)  # for symmetric matrices; ascending
    order = np.argsort(eigvals)[::-1]
    return mean, eigvals[order], U[:, order]
# --8<-- [end:fit]


# --8<-- [start:transform]
def decorrelate(X, mean, U):
    """Rotate the centered data into the eigenbasis of its covariance."""
    return (X - mean) @ U


def whiten(X, mean, eigvals, U, eps=1e-5):
    """Decorrelate, then scale every component to (almost) unit variance."""
    return (X - mean) @ U / np.sqrt(eigvals + eps)


def unwhiten(Xw, mean, eigvals, U, eps=1e-5):
    """The inverse of whiten: scale back, rotate back, add the mean."""
    return (Xw * np.sqrt(eigvals + eps)) @ U.T + mean
# --8<-- [end:transform]


# --8<-- [start:demo]
if __name__ == "__main__":
    X = correlated_data()
    mean, eigvals, U = fit_pca(X)
    print("eigenvalues:", show(eigvals))
    #> eigenvalues: [4.697 0.147]
    print(f"covariance before:\n{show(cov(X))}")
    #> covariance before:
    #> [[3.876 1.75 ]
    #>  [1.75  0.968]]
    Xrot = decorrelate(X, mean, U)
    print(f"covariance after decorrelation:\n{show(cov(Xrot))}")
    #> covariance after decorrelation:
    #> [[4.697 0.   ]
    #>  [0.    0.147]]
    Xw = whiten(X, mean, eigvals, U)
    cov_w = cov(Xw)
    print(f"covariance after whitening:\n{show(cov_w)}")
    #> covariance after whitening:
    #> [[1. 0.]
    #>  [0. 1.]]
    print("its diagonal, 6 decimals:")
    #> its diagonal, 6 decimals:
    print(np.round(np.diag(cov_w), 6))
    #> [0.999998 0.999932]
    print("unwhiten(whiten(X)) == X:", np.allclose(unwhiten(Xw, mean, eigvals, U), X))
    #> unwhiten(whiten(X)) == X: True
# --8<-- [end:demo]
