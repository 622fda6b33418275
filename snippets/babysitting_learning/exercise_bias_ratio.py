import numpy as np
from digits_net import init_params, load_splits, loss_and_grads

if __name__ == "__main__":
    x, y = load_splits()["train"]
    params, lr = init_params(seed=0), 0.1
    rng = np.random.default_rng(0)
    for step in range(201):
        batch = rng.choice(len(y), size=64, replace=False)
        _, grads = loss_and_grads(params, x[batch], y[batch])
        if step in (0, 1, 10, 200):
            with np.errstate(divide="ignore"):  # ||b|| = 0 at step 0
                r = {name: np.linalg.norm(lr * grads[name]) / np.linalg.norm(p)
                     for name, p in params.items()}
            print(f"step {step:3}: W1 {r['W1']:.1e}  b1 {r['b1']:.1e}")
            print(f"           W2 {r['W2']:.1e}  b2 {r['b2']:.1e}")
        for name, p in params.items():
            p -= lr * grads[name]
    #> step   0: W1 1.3e-02  b1 inf
    #>            W2 6.1e-02  b2 inf
    #> step   1: W1 1.1e-02  b1 7.3e-01
    #>            W2 4.6e-02  b2 6.3e-01
    #> step  10: W1 5.6e-03  b1 9.9e-02
    #>            W2 2.0e-02  b2 1.4e-01
    #> step 200: W1 9.6e-04  b1 6.1e-03
    #>            W2 2.7e-03  b2 1.1e-02
    print("biases:", params["b1"].size + params["b2"].size, "of",
          sum(p.size for p in params.values()), "parameters")
    #> biases: 110 of 7510 parameters
