import numpy as np


def layer_activations(use_bn, n_layers=10, width=500, weight_scale=0.01, seed=0):
    """tanh outputs of every layer of a deep net with small random weights
    (CS231n's setup: 1000 unit-Gaussian inputs, 10 layers of 500 units).
    With use_bn, each pre-activation is batch-normalized (gamma = 1, beta = 0)."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((1000, width))
    activations = []
    for _ in range(n_layers):
        a = h @ (weight_scale * rng.standard_normal((width, width)))
        if use_bn:
            a = (a - a.mean(axis=0)) / np.sqrt(a.var(axis=0) + 1e-5)
        h = np.tanh(a)
        activations.append(h)
    return activations


if __name__ == "__main__":
    for use_bn in [False, True]:
        stds = [h.std() for h in layer_activations(use_bn)]
        print(f"BN {use_bn!s:5}", " ".join(f"{s:.2g}" for s in stds))
    #> BN False 0.21 0.048 0.011 0.0024 0.00053 0.00012 2.6e-05 5.9e-06 1.3e-06 2.9e-07
    #> BN True  0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63
    # with BN, smaller and smaller weights: where does eps take over?
    print(f"500 * scale**2 = eps at scale {np.sqrt(1e-5 / 500):.2g}")
    #> 500 * scale**2 = eps at scale 0.00014
    for scale in [1.0, 1e-3, 3e-4, 1e-4]:
        stds = [h.std() for h in layer_activations(True, weight_scale=scale)]
        print(f"BN, scale {scale:<6g}", " ".join(f"{s:.2g}" for s in stds))
    #> BN, scale 1      0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63 0.63
    #> BN, scale 0.001  0.63 0.62 0.62 0.62 0.62 0.62 0.62 0.62 0.62 0.62
    #> BN, scale 0.0003 0.6 0.56 0.55 0.54 0.54 0.54 0.54 0.54 0.54 0.54
    #> BN, scale 0.0001 0.46 0.28 0.19 0.13 0.091 0.064 0.045 0.032 0.022 0.016
