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
    stds = {bn: [h.std() for h in layer_activations(bn)] for bn in (False, True)}
    print("layer  no BN    BN")
    #> layer  no BN    BN
    for i, (a, b) in enumerate(zip(stds[False], stds[True], strict=True), start=1):
        print(f"{i:5}  {a:<8.2g} {b:.2g}")
    #>     1  0.21     0.63
    #>     2  0.048    0.63
    #>     3  0.011    0.63
    #>     4  0.0024   0.63
    #>     5  0.00053  0.63
    #>     6  0.00012  0.63
    #>     7  2.6e-05  0.63
    #>     8  5.9e-06  0.63
    #>     9  1.3e-06  0.63
    #>    10  2.9e-07  0.63
    # with BN, smaller and smaller weights: where does eps take over?
    print("500 * scale**2 = eps")
    #> 500 * scale**2 = eps
    print(f"at scale {np.sqrt(1e-5 / 500):.2g}")
    #> at scale 0.00014
    scales = [1.0, 1e-3, 3e-4, 1e-4]
    stds = [[h.std() for h in layer_activations(True, weight_scale=scale)]
            for scale in scales]
    print("BN, weight scale:")
    #> BN, weight scale:
    print("layer " + "".join(f"{scale:<7g}" for scale in scales).rstrip())
    #> layer 1      0.001  0.0003 0.0001
    for i, row in enumerate(zip(*stds, strict=True), start=1):
        print(f"{i:5} " + "".join(f"{s:<7.2g}" for s in row).rstrip())
    #>     1 0.63   0.63   0.6    0.46
    #>     2 0.63   0.62   0.56   0.28
    #>     3 0.63   0.62   0.55   0.19
    #>     4 0.63   0.62   0.54   0.13
    #>     5 0.63   0.62   0.54   0.091
    #>     6 0.63   0.62   0.54   0.064
    #>     7 0.63   0.62   0.54   0.045
    #>     8 0.63   0.62   0.54   0.032
    #>     9 0.63   0.62   0.54   0.022
    #>    10 0.63   0.62   0.54   0.016
