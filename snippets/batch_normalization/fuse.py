import numpy as np


def fuse_linear_batchnorm(w, b, gamma, beta, running_mean, running_var, eps=1e-5):
    """Fold test-mode batch normalization into the linear layer x @ w + b before it.

    Test-mode BN is the fixed affine map a -> scale * a + shift, so
    BN(x @ w + b) = x @ (w * scale) + (b * scale + shift).
    """
    scale = gamma / np.sqrt(running_var + eps)
    shift = beta - running_mean * scale
    return w * scale, b * scale + shift


if __name__ == "__main__":
    rng = np.random.default_rng(6)
    x = rng.normal(size=(5, 4))
    w, b = rng.normal(size=(4, 3)), rng.normal(size=3)
    gamma, beta = rng.uniform(0.5, 2.0, size=3), rng.normal(size=3)
    running_mean, running_var = rng.normal(size=3), rng.uniform(0.5, 2.0, size=3)

    a = x @ w + b  # linear layer, then test-mode BN
    two_layers = gamma * (a - running_mean) / np.sqrt(running_var + 1e-5) + beta
    w_fused, b_fused = fuse_linear_batchnorm(
        w, b, gamma, beta, running_mean, running_var
    )
    print("same output:", np.allclose(x @ w_fused + b_fused, two_layers))
    #> same output: True
