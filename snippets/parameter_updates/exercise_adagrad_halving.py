import numpy as np
from update_rules import adagrad

if __name__ == "__main__":
    init, step = adagrad()
    params = {"w": np.zeros(1)}
    state = init(params)
    sizes = []
    for _ in range(16):
        before = params["w"].copy()
        step(params, {"w": np.array([3.0])}, state, lr=0.1)
        sizes.append(float((before - params["w"])[0]))
    print([round(s, 4) for s in sizes[:4]])
    #> [0.1, 0.0707, 0.0577, 0.05]
    halved = next(k for k, s in enumerate(sizes, start=1)
                  if s <= sizes[0] / 2 * (1 + 1e-6))  # eps, rounding
    print(f"step {halved} is half of step 1")
    #> step 4 is half of step 1
