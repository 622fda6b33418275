import numpy as np

if __name__ == "__main__":
    rng = np.random.default_rng(0)
    fan_in = 500
    x = 2.0 * rng.standard_normal((1000, fan_in))  # Var(x) = 4
    W = 0.05 * rng.standard_normal((fan_in, 500))  # Var(w) = 0.0025
    y = x @ W
    print(f"Var(y)               {y.var():.3f}")
    #> Var(y)               5.010
    print(f"fan_in*Var(w)*Var(x) {fan_in * 0.05**2 * 4:.3f}")
    #> fan_in*Var(w)*Var(x) 5.000

    h = np.maximum(y, 0)
    print(f"E[relu(y)^2] / Var(y) {np.mean(h**2) / y.var():.3f}")
    #> E[relu(y)^2] / Var(y) 0.501
    print(f"fraction of zeros {np.mean(h == 0):.3f}")
    #> fraction of zeros 0.500
