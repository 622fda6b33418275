import numpy as np
from update_rules import adam

if __name__ == "__main__":
    for beta2 in (0.999, 0.99):
        init, step = adam(beta2=beta2, bias_correction=False)
        params = {"w": np.zeros(3)}
        step(params, {"w": np.array([1e-3, 1.0, -50.0])}, init(params), lr=0.01)
        print(f"beta2 {beta2}: {np.round(np.abs(params['w']) / 0.01, 3)}")
    #> beta2 0.999: [3.161 3.162 3.162]
    #> beta2 0.99: [1. 1. 1.]
    print(f"{0.1 / np.sqrt(1 - 0.99):.3f}")
    #> 1.000
