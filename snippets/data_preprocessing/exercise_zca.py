import numpy as np


def pca_and_zca_whitening(X, eps=1e-5):
    """PCA whitening rotates into the eigenbasis; ZCA rotates back out of it."""
    Xc = X - X.mean(axis=0)
    eigvals, U = np.linalg.eigh(Xc.T @ Xc / len(X))
    eigvals, U = eigvals[::-1], U[:, ::-1]  # largest first
    U = U * np.sign(np.diag(U))  # eigenvector signs are arbitrary: fix them
    pca = Xc @ U / np.sqrt(eigvals + eps)
    zca = pca @ U.T  # W_zca = U diag(1 / sqrt(eigvals + eps)) U^T
    return Xc, pca, zca


def correlated_data(n=500, seed=0):
    """A 2-D cloud: mean (4, 2), stds 2 and 1, correlation 0.9."""
    rng = np.random.default_rng(seed)
    sigma = np.array([[4.0, 1.8], [1.8, 1.0]])
    L = np.linalg.cholesky(sigma)
    return np.array([4.0, 2.0]) + rng.standard_normal((n, 2)) @ L.T


if __name__ == "__main__":
    Xc, pca, zca = pca_and_zca_whitening(correlated_data())
    for name, Z in [("PCA", pca), ("ZCA", zca)]:
        cov = np.round(np.cov(Z, rowvar=False, bias=True), 3) + 0.0
        distance = np.mean(np.sum((Z - Xc) ** 2, axis=1))
        print(f"{name}: distance {distance:.3f}")
        print(f"     cov {cov.tolist()}")
    #> PCA: distance 2.226
    #>      cov [[1.0, 0.0], [0.0, 1.0]]
    #> ZCA: distance 1.743
    #>      cov [[1.0, 0.0], [0.0, 1.0]]
