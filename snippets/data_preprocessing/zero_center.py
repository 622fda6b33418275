import numpy as np


def zero_center(X):
    """Subtract the per-feature mean. X has shape (N, D): one row per example."""
    mean = X.mean(axis=0)
    return X - mean, mean


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


if __name__ == "__main__":
    X = correlated_data()
    Xc, mean = zero_center(X)
    print("mean before:", show(mean))
    #> mean before: [3.824 1.917]
    print("mean after: ", show(Xc.mean(axis=0)))
    #> mean after:  [0. 0.]
    print(f"covariance before:\n{show(cov(X))}")
    #> covariance before:
    #> [[3.876 1.75 ]
    #>  [1.75  0.968]]
    print(f"covariance after:\n{show(cov(Xc))}")
    #> covariance after:
    #> [[3.876 1.75 ]
    #>  [1.75  0.968]]
