import numpy as np


def tanh_layer_std(weight_std, n_layers=10, width=500, seed=0):
    """Activation std per layer of the experiment's tanh net (same seed, same draws)."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((1000, width))
    stds = []
    for _ in range(n_layers):
        h = np.tanh(h @ (rng.standard_normal((width, width)) * weight_std))
        stds.append(h.std())
    return np.array(stds)


if __name__ == "__main__":
    stds = tanh_layer_std(0.01)
    print(f"predicted: {0.01 * np.sqrt(500):.4f}")
    #> predicted: 0.2236
    print("measured: ", np.round(stds[1:] / stds[:-1], 4))
    #> measured:  [0.2225 0.223  0.2242 0.2226 0.223  0.2241 0.2237 0.2228 0.223 ]
