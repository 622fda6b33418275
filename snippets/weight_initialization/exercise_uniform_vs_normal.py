import numpy as np


def layer_std_with_init(draw, n_layers=10, width=500, seed=0):
    """Activation std per layer of a tanh net whose weights come from draw(rng)."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((1000, width))
    stds = []
    for _ in range(n_layers):
        h = np.tanh(h @ draw(rng))
        stds.append(h.std())
    return np.array(stds)


if __name__ == "__main__":
    n = 500  # fan_in = fan_out
    std, a = np.sqrt(2 / (n + n)), np.sqrt(6 / (n + n))
    inits = {
        "normal, Var 2/(in+out)": lambda rng: rng.normal(0, std, (n, n)),
        "uniform +-sqrt(6/(in+out))": lambda rng: rng.uniform(-a, a, (n, n)),
        "uniform +-1/sqrt(in)": lambda rng: rng.uniform(-1, 1, (n, n)) / np.sqrt(n),
    }
    for name, draw in inits.items():
        std = layer_std_with_init(draw)
        print(name)
        print(f"  layer 1 {std[0]:.3f}, layer 10 {std[-1]:.4f}")
    #> normal, Var 2/(in+out)
    #>   layer 1 0.628, layer 10 0.2266
    #> uniform +-sqrt(6/(in+out))
    #>   layer 1 0.629, layer 10 0.2276
    #> uniform +-1/sqrt(in)
    #>   layer 1 0.461, layer 10 0.0030
