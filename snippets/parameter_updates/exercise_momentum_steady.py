import numpy as np
from update_rules import momentum

if __name__ == "__main__":
    init, step = momentum(rho=0.9)
    params = {"w": np.zeros(1)}
    state = init(params)
    for t in range(1, 51):
        before = params["w"].copy()
        step(params, {"w": np.ones(1)}, state, lr=0.01)
        if t in (1, 10, 50):
            print(f"step {t}: {(before - params['w'])[0]:.4f}")
    #> step 1: 0.0100
    #> step 10: 0.0651
    #> step 50: 0.0995
    print(f"lr / (1 - rho) = {0.01 / (1 - 0.9):.4f}")
    #> lr / (1 - rho) = 0.1000
