import numpy as np
from sklearn.datasets import load_digits


def load_data():
    """8x8 digits shipped with scikit-learn: 1797 images, pixels scaled to [0, 1]."""
    X, y = load_digits(return_X_y=True)
    return X / 16.0, y


def init_mlp(sizes, rng, bias=0.0):
    """He-initialized weights, constant biases: [(W1, b1), (W2, b2), ...]."""
    return [
        (rng.standard_normal((m, n)) * np.sqrt(2.0 / m), np.full(n, bias))
        for m, n in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def hidden_activations(params, X):
    """The ReLU outputs of every hidden layer, and the class scores."""
    hs, h = [], X
    for W, b in params[:-1]:
        h = np.maximum(0, h @ W + b)
        hs.append(h)
    W, b = params[-1]
    return hs, h @ W + b


def loss_and_grads(params, X, y):
    """Mean softmax cross-entropy and its gradients [(dW1, db1), ...], by hand."""
    hs, scores = hidden_activations(params, X)
    shifted = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(shifted)
    total = p.sum(axis=1, keepdims=True)
    p /= total
    rows = np.arange(len(y))
    loss = np.mean(np.log(total[:, 0]) - shifted[rows, y])
    p[rows, y] -= 1  # d(mean cross-entropy)/d(scores)
    grad = p / len(y)
    inputs = [X, *hs]
    grads = [None] * len(params)
    for i in range(len(params) - 1, -1, -1):
        W, _ = params[i]
        grads[i] = (inputs[i].T @ grad, grad.sum(axis=0))
        grad = (grad @ W.T) * (inputs[i] > 0)  # back through the ReLU
    return loss, grads


def train(lr, hidden=(100, 100), epochs=5, batch=32, bias=0.0, seed=0):
    """Softmax classifier with ReLU hidden layers, trained by plain SGD."""
    X, y = load_data()
    rng = np.random.default_rng(seed)
    params = init_mlp((X.shape[1], *hidden, 10), rng, bias)
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch):
            idx = order[start:start + batch]
            _, grads = loss_and_grads(params, X[idx], y[idx])
            params = [
                (W - lr * dW, b - lr * db)
                for (W, b), (dW, db) in zip(params, grads, strict=True)
            ]
    return params


def dead_fraction(params, X):
    """Fraction of hidden units that output 0 for every input in X."""
    hs, _ = hidden_activations(params, X)
    dead = [int(np.sum(~(h > 0).any(axis=0))) for h in hs]
    return sum(dead) / sum(h.shape[1] for h in hs), dead


if __name__ == "__main__":
    X, y = load_data()
    params = init_mlp((64, 100, 100, 10), np.random.default_rng(0))
    frac, per_layer = dead_fraction(params, X)
    print("at initialization (seed 0):")
    #> at initialization (seed 0):
    print(f"dead {frac:.3f}, per layer {per_layer}")
    #> dead 0.035, per layer [5, 2]
    for lr, bias in [(0.1, 0.0), (0.7, 0.0), (0.7, 0.01)]:
        dead, acc = [], []
        for seed in range(3):
            params = train(lr, bias=bias, seed=seed)
            dead.append(dead_fraction(params, X)[0])
            scores = hidden_activations(params, X)[1]
            acc.append(np.mean(scores.argmax(axis=1) == y))
        # Where a run that kills over half its units ends can depend on the last
        # bits of rounding, which differ between CPUs: for it, a bound, no accuracy.
        lost = [d > 0.5 for d in dead]
        dead = [">0.5" if x else f"{d:.3g}" for x, d in zip(lost, dead, strict=True)]
        acc = ["-" if x else f"{a:.2f}" for x, a in zip(lost, acc, strict=True)]
        print(f"lr {lr}, bias {bias}:")
        print(f"  dead      {' '.join(dead)}")
        print(f"  train acc {' '.join(acc)}")
    #> lr 0.1, bias 0.0:
    #>   dead      0.05 0.05 0.02
    #>   train acc 0.87 0.93 0.78
    #> lr 0.7, bias 0.0:
    #>   dead      >0.5 0.155 >0.5
    #>   train acc - 0.87 -
    #> lr 0.7, bias 0.01:
    #>   dead      0.47 0.22 0.47
    #>   train acc 0.66 0.93 0.34
