# --8<-- [start:helpers]
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Centered differences on a float64 copy of x (the page's helper)."""
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + h
        f_plus = f(x)
        x[i] = saved - h
        f_minus = f(x)
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic, numerical):
    """max |a - n| / max(|a|, |n|), elementwise, with 0/0 taken as 0."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numerical, dtype=np.float64)
    scale = np.maximum(np.abs(a), np.abs(n))
    err = np.divide(np.abs(a - n), scale, out=np.zeros_like(scale), where=scale > 0)
    return float(err.max())
# --8<-- [end:helpers]
# --8<-- [start:net]
def two_layer_net(params, X, y):
    """affine - ReLU - affine - softmax cross-entropy: the loss and its gradients."""
    z = X @ params["W1"] + params["b1"]
    a = np.maximum(z, 0.0)
    scores = a @ params["W2"] + params["b2"]
    scores = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=1, keepdims=True)
    n = len(y)
    loss = -np.mean(np.log(p[np.arange(n), y]))

    dscores = p.copy()
    dscores[np.arange(n), y] -= 1
    dscores /= n
    dz = (dscores @ params["W2"].T) * (z > 0)
    grads = {
        "W1": X.T @ dz, "b1": dz.sum(axis=0),
        "W2": a.T @ dscores, "b2": dscores.sum(axis=0),
    }
    return loss, grads
# --8<-- [end:net]


# --8<-- [start:check]
if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.standard_normal((5, 4))  # a few examples: fast, and few kinks
    y = rng.integers(0, 3, size=5)
    params = {
        "W1": rng.standard_normal((4, 6)), "b1": 0.1 * rng.standard_normal(6),
        "W2": rng.standard_normal((6, 3)), "b2": np.zeros(3),
    }
    _, grads = two_layer_net(params, X, y)
    z = X @ params["W1"] + params["b1"]
    print(f"smallest |ReLU input|: {np.abs(z).min():.1e}")
    #> smallest |ReLU input|: 6.1e-02
    for name in params:

        def loss_of(value, name=name):
            return two_layer_net({**params, name: value}, X, y)[0]

        numerical = numerical_gradient(loss_of, params[name])
        print(f"{name}: {relative_error(grads[name], numerical):.1e}")
    #> W1: 3.2e-09
    #> b1: 5.2e-08
    #> W2: 7.5e-10
    #> b2: 1.4e-10
    print(f"smallest |b1 gradient|: {np.abs(grads['b1']).min():.1e}")
    #> smallest |b1 gradient|: 1.5e-04
# --8<-- [end:check]
