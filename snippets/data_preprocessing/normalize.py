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


# --8<-- [start:page]
def normalize(X, eps=1e-8):
    """Zero-center, then divide each feature by its standard deviation."""
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    return (X - mean) / (std + eps), mean, std


if __name__ == "__main__":
    X = correlated_data()
    Xn, mean, std = normalize(X)
    print("std before:", show(std))
    #> std before: [1.969 0.984]
    print("std after: ", show(Xn.std(axis=0)))
    #> std after:  [1. 1.]
    print(f"covariance before:\n{show(cov(X))}")
    #> covariance before:
    #> [[3.876 1.75 ]
    #>  [1.75  0.968]]
    print(f"covariance after:\n{show(cov(Xn))}")
    #> covariance after:
    #> [[1.    0.903]
    #>  [0.903 1.   ]]
# --8<-- [end:page]
