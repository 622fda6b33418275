import numpy as np

if __name__ == "__main__":
    # log-uniform on [1e-6, 1]: the exponent is uniform on [-6, 0]
    exact = (np.log10(1e-2) - np.log10(1e-3)) / (np.log10(1) - np.log10(1e-6))
    rng = np.random.default_rng(0)
    samples = 10 ** rng.uniform(-6, 0, 100_000)
    simulated = np.mean((samples >= 1e-3) & (samples <= 1e-2))
    print(f"exact {exact:.4f}, simulated {simulated:.4f}")
    #> exact 0.1667, simulated 0.1655
    print(f"linear-uniform, [1e-6, 1]: {(1e-2 - 1e-3) / (1 - 1e-6):.4f}")
    #> linear-uniform, [1e-6, 1]: 0.0090
