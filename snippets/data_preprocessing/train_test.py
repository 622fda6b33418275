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
def fit_preprocessing(X_train, eps=1e-5):
    """Every statistic the preprocessing needs, from the training set only."""
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    Z = (X_train - mean) / std
    eigvals, U = np.linalg.eigh(Z.T @ Z / len(Z))
    return {"mean": mean, "std": std, "eigvals": eigvals, "U": U, "eps": eps}


def preprocess(X, params, whiten=False):
    """Apply stored statistics: nothing here is computed from X itself."""
    Z = (X - params["mean"]) / params["std"]
    if whiten:
        Z = Z @ params["U"] / np.sqrt(params["eigvals"] + params["eps"])
    return Z
# --8<-- [end:fit]


# --8<-- [start:demo]
if __name__ == "__main__":
    X = correlated_data()
    X_train, X_test = X[:400], X[400:]
    params = fit_preprocessing(X_train)  # fit once, on the training set
    Z_train = preprocess(X_train, params, whiten=True)
    Z_test = preprocess(X_test, params, whiten=True)  # the same params, no refit
    for name, Z in [("train", Z_train), ("test", Z_test)]:
        print(f"{name}: mean {show(Z.mean(axis=0))}")
        print(f"covariance\n{show(cov(Z))}")
    #> train: mean [0. 0.]
    #> covariance
    #> [[1. 0.]
    #>  [0. 1.]]
    #> test: mean [-0.114 -0.11 ]
    #> covariance
    #> [[ 0.714 -0.036]
    #>  [-0.036  0.803]]
# --8<-- [end:demo]
