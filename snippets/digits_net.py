# --8<-- [start:data]
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def load_splits(seed=0):
    """scikit-learn's digits (1797 8x8 images, shipped with the package), split once
    into 1097 train / 350 validation / 350 test images, stratified by class.
    Preprocessing is fitted on the training images only: subtract the mean image,
    then divide by the one standard deviation of all centered training pixels."""
    x, y = load_digits(return_X_y=True)
    x_train, x_rest, y_train, y_rest = train_test_split(
        x, y, test_size=700, stratify=y, random_state=seed
    )
    x_val, x_test, y_val, y_test = train_test_split(
        x_rest, y_rest, test_size=350, stratify=y_rest, random_state=seed
    )
    mean = x_train.mean(axis=0)
    std = (x_train - mean).std()
    return {
        "train": ((x_train - mean) / std, y_train),
        "val": ((x_val - mean) / std, y_val),
        "test": ((x_test - mean) / std, y_test),
    }
# --8<-- [end:data]


# --8<-- [start:network]
def init_params(sizes=(64, 100, 10), last_std=None, seed=0):
    """He init, N(0, 2 / fan_in), for every weight matrix; `last_std` replaces the
    output layer's std (e.g. 0.01 for a small last layer). Biases start at 0."""
    rng = np.random.default_rng(seed)
    params = {}
    layers = zip(sizes[:-1], sizes[1:], strict=True)
    for i, (fan_in, fan_out) in enumerate(layers, start=1):
        std = np.sqrt(2 / fan_in)
        if i == len(sizes) - 1 and last_std is not None:
            std = last_std
        params[f"W{i}"] = std * rng.standard_normal((fan_in, fan_out))
        params[f"b{i}"] = np.zeros(fan_out)
    return params


def scores(params, x):
    """Forward pass: (affine -> ReLU) for each hidden layer, then affine."""
    n_layers = len(params) // 2
    h = x
    for i in range(1, n_layers):
        h = np.maximum(h @ params[f"W{i}"] + params[f"b{i}"], 0)
    return h @ params[f"W{n_layers}"] + params[f"b{n_layers}"]


def loss_and_grads(params, x, y, reg=0.0):
    """Mean softmax cross-entropy + (reg / 2) * sum of squared weights, and its
    gradient for every parameter array."""
    n_layers = len(params) // 2
    hs = [x]  # the input of every layer
    for i in range(1, n_layers):
        hs.append(np.maximum(hs[-1] @ params[f"W{i}"] + params[f"b{i}"], 0))
    s = hs[-1] @ params[f"W{n_layers}"] + params[f"b{n_layers}"]

    shifted = s - s.max(axis=1, keepdims=True)  # stable: exp() never overflows
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(y)
    weights = [params[f"W{i}"] for i in range(1, n_layers + 1)]
    loss = -log_probs[np.arange(n), y].mean()
    if reg:
        loss += 0.5 * reg * sum(np.sum(w * w) for w in weights)

    ds = np.exp(log_probs)
    ds[np.arange(n), y] -= 1
    ds /= n
    grads = {}
    for i in range(n_layers, 0, -1):
        grads[f"W{i}"] = hs[i - 1].T @ ds + reg * params[f"W{i}"]
        grads[f"b{i}"] = ds.sum(axis=0)
        if i > 1:
            ds = (ds @ params[f"W{i}"].T) * (hs[i - 1] > 0)
    return loss, grads
# --8<-- [end:network]


# --8<-- [start:train]
def accuracy(params, x, y):
    return np.mean(scores(params, x).argmax(axis=1) == y)


def train(train_set, val_set, lr=0.1, reg=0.0, epochs=20, batch_size=64,
          hidden=100, momentum=0.0, params=None, abort_factor=None, seed=0,
          rule=None):
    """Minibatch SGD (with momentum if momentum > 0), or any update rule given as
    `rule`, a pair (init, step) as on the parameter-updates page. `lr` is a number
    or a function of the step number (a schedule). Starts from `params` if given,
    else from init_params. Returns the parameters and the run's history:
    train_loss, val_loss (both with the L2 term), train_acc, val_acc: once before
    training and after every epoch;
    update_ratio["W1"], ...: ||step|| / ||W|| of every weight matrix, every step.
    With abort_factor, the run stops once a minibatch loss is not finite or
    exceeds abort_factor times the initial training loss."""
    x, y = train_set
    if params is None:
        params = init_params((x.shape[1], hidden, 10), seed=seed)
    params = {name: p.copy() for name, p in params.items()}
    velocity = {name: np.zeros_like(p) for name, p in params.items()}
    state = rule[0](params) if rule else None  # rule = (init, step)
    schedule = lr if callable(lr) else (lambda t: lr)
    t = 0  # steps taken
    rng = np.random.default_rng(seed)
    history = {"train_loss": [], "val_loss": [], "train_acc": [], "val_acc": [],
               "aborted": False,
               "update_ratio": {name: [] for name in params if name[0] == "W"}}

    def evaluate():
        history["train_loss"].append(loss_and_grads(params, x, y, reg)[0])
        history["val_loss"].append(loss_and_grads(params, *val_set, reg)[0])
        history["train_acc"].append(accuracy(params, x, y))
        history["val_acc"].append(accuracy(params, *val_set))

    evaluate()
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch_size):
            batch = order[start:start + batch_size]
            loss, grads = loss_and_grads(params, x[batch], y[batch], reg)
            if abort_factor and not loss <= abort_factor * history["train_loss"][0]:
                history["aborted"] = True
                return params, history
            rate, t = schedule(t), t + 1
            if rule:  # the rule steps a copy; velocity[name] is then its step
                new = {name: p.copy() for name, p in params.items()}
                rule[1](new, grads, state, rate)
            for name, p in params.items():
                if rule:
                    velocity[name] = new[name] - p
                else:
                    velocity[name] = momentum * velocity[name] - rate * grads[name]
                if name in history["update_ratio"]:
                    step = np.linalg.norm(velocity[name]) / np.linalg.norm(p)
                    history["update_ratio"][name].append(step)
                p += velocity[name]
        evaluate()
    return params, history
# --8<-- [end:train]


# --8<-- [start:demo]
if __name__ == "__main__":
    data = load_splits()
    print(*(f"{part} {len(y)}" for part, (x, y) in data.items()))
    #> train 1097 val 350 test 350
    print(np.bincount(data["val"][1]))  # stratified: 34 to 36 of each class
    #> [34 36 35 35 35 36 35 35 34 35]
    params, history = train(data["train"], data["val"], lr=0.1, epochs=20)
    print(f"train loss {history['train_loss'][0]:.3f} -> "
          f"{history['train_loss'][-1]:.3f}")
    #> train loss 3.246 -> 0.036
    print(f"val acc {history['val_acc'][-1]:.3f}")
    #> val acc 0.980
# --8<-- [end:demo]
