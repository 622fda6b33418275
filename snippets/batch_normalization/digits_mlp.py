# --8<-- [start:data]
import numpy as np
from sklearn.datasets import load_digits


def load_data(n_val=500, seed=0):
    """scikit-learn's 8x8 digits (1797 images, shipped with the package), split
    into train and validation; pixels scaled to [0, 1], centered with train means."""
    x, y = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(y))
    x, y = x[order] / 16.0, y[order]
    x_train, y_train, x_val, y_val = x[n_val:], y[n_val:], x[:n_val], y[:n_val]
    mean = x_train.mean(axis=0)
    return x_train - mean, y_train, x_val - mean, y_val
# --8<-- [end:data]


# --8<-- [start:layers]
def bn_forward(x, gamma, beta, state, train, momentum=0.9, eps=1e-5):
    if train:
        mu, var = x.mean(axis=0), x.var(axis=0)
        state["mean"] = momentum * state["mean"] + (1 - momentum) * mu
        state["var"] = momentum * state["var"] + (1 - momentum) * var
    else:
        mu, var = state["mean"], state["var"]
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    return gamma * x_hat + beta, (x_hat, gamma, std)


def bn_backward(dout, cache):
    x_hat, gamma, std = cache
    n = dout.shape[0]
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    dx = gamma / (n * std) * (n * dout - dbeta - x_hat * dgamma)
    return dx, dgamma, dbeta


def init_mlp(sizes, weight_scale, use_bn, seed=0):
    """Weights ~ N(0, std^2) with std = weight_scale, or sqrt(2 / fan_in) for "he";
    biases 0; gamma = 1, beta = 0 for the BN after each hidden layer."""
    rng = np.random.default_rng(seed)
    params, states = {}, []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=False)):
        std = np.sqrt(2 / fan_in) if weight_scale == "he" else weight_scale
        params[f"W{i}"] = std * rng.standard_normal((fan_in, fan_out))
        params[f"b{i}"] = np.zeros(fan_out)
        if use_bn and i < len(sizes) - 2:
            params[f"gamma{i}"] = np.ones(fan_out)
            params[f"beta{i}"] = np.zeros(fan_out)
            states.append({"mean": np.zeros(fan_out), "var": np.ones(fan_out)})
    return params, states


def mlp_loss(params, states, x, y, train=True):
    """(affine -> [BN] -> ReLU) x L, affine, softmax. Returns loss, grads, scores."""
    n_layers = sum(key.startswith("W") for key in params)
    caches, h = [], x
    for i in range(n_layers - 1):
        a = h @ params[f"W{i}"] + params[f"b{i}"]
        bn_cache = None
        if f"gamma{i}" in params:
            a, bn_cache = bn_forward(
                a, params[f"gamma{i}"], params[f"beta{i}"], states[i], train
            )
        caches.append((h, bn_cache, a))
        h = np.maximum(a, 0)
    scores = h @ params[f"W{n_layers - 1}"] + params[f"b{n_layers - 1}"]

    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(y)
    loss = -log_probs[np.arange(n), y].mean()

    grads = {}
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    dscores /= n
    last = n_layers - 1
    grads[f"W{last}"], grads[f"b{last}"] = h.T @ dscores, dscores.sum(axis=0)
    dh = dscores @ params[f"W{last}"].T
    for i in reversed(range(last)):
        h_in, bn_cache, a = caches[i]
        da = dh * (a > 0)
        if bn_cache is not None:
            da, grads[f"gamma{i}"], grads[f"beta{i}"] = bn_backward(da, bn_cache)
        grads[f"W{i}"], grads[f"b{i}"] = h_in.T @ da, da.sum(axis=0)
        dh = da @ params[f"W{i}"].T
    return loss, grads, scores
# --8<-- [end:layers]


# --8<-- [start:train]
def train(use_bn, weight_scale, steps=800, lr=0.1, batch_size=64,
          hidden=(100,) * 5, eval_every=40, seed=0):
    """Plain SGD. Every eval_every steps, in test mode (running statistics): the
    loss on 500 fixed training examples and the accuracy on the validation set."""
    x_train, y_train, x_val, y_val = load_data()
    sizes = [x_train.shape[1], *hidden, 10]
    params, states = init_mlp(sizes, weight_scale, use_bn, seed)
    rng = np.random.default_rng(seed)
    history = {"step": [], "train_loss": [], "val_acc": []}
    for step in range(steps + 1):
        if step % eval_every == 0:
            loss, _, _ = mlp_loss(params, states, x_train[:500], y_train[:500], False)
            _, _, scores = mlp_loss(params, states, x_val, y_val, train=False)
            history["step"].append(step)
            history["train_loss"].append(loss)
            history["val_acc"].append(np.mean(scores.argmax(axis=1) == y_val))
        if step == steps:
            break
        idx = rng.choice(len(y_train), batch_size, replace=False)
        _, grads, _ = mlp_loss(params, states, x_train[idx], y_train[idx])
        for key in params:
            params[key] -= lr * grads[key]
    return history
# --8<-- [end:train]


# --8<-- [start:demo]
if __name__ == "__main__":
    print("            loss at step  val")
    #>             loss at step  val
    print("init BN     120    800    acc")
    #> init BN     120    800    acc
    for weight_scale in [0.05, "he"]:
        for use_bn in [False, True]:
            h = train(use_bn, weight_scale)  # same seed, steps and learning rate
            at_120 = h["step"].index(120)
            print(f"{weight_scale!s:<4} {use_bn!s:<6} "
                  f"{h['train_loss'][at_120]:.3f}  {h['train_loss'][-1]:.3f}  "
                  f"{h['val_acc'][-1]:.3f}")
    #> 0.05 False  2.302  0.956  0.616
    #> 0.05 True   0.016  0.001  0.986
    #> he   False  0.096  0.002  0.972
    #> he   True   0.040  0.001  0.980
# --8<-- [end:demo]
