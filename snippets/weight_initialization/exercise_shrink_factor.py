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
    # not the page's setup: half the width, twice the std
    stds = tanh_layer_std(0.02, width=250)
    print(f"predicted: {0.02 * np.sqrt(250):.4f}")
    #> predicted: 0.3162
    print("measured, layers 2 to 10:")
    #> measured, layers 2 to 10:
    ratios = stds[1:] / stds[:-1]
    for row in ratios.reshape(3, 3):  # std of layer l + 1 / std of layer l
        print(" ".join(f"{r:.4f}" for r in row))
    #> 0.3129 0.3157 0.3152
    #> 0.3150 0.3190 0.3112
    #> 0.3174 0.3161 0.3174
