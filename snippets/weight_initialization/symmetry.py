# --8<-- [start:network]
import numpy as np


def two_layer_loss(x, y, W1, W2):
    """tanh hidden layer, linear output, mean squared error; returns the loss
    and the gradients (dW1, dW2)."""
    h = np.tanh(x @ W1)
    scores = h @ W2
    diff = scores - y
    loss = 0.5 * np.sum(diff**2) / len(x)
    dscores = diff / len(x)
    dW2 = h.T @ dscores
    dh = dscores @ W2.T
    dW1 = x.T @ (dh * (1 - h**2))
    return loss, dW1, dW2
# --8<-- [end:network]


# --8<-- [start:demo]
def train(W1, W2, x, y, steps=200, lr=0.1):
    for _ in range(steps):
        _, dW1, dW2 = two_layer_loss(x, y, W1, W2)
        W1, W2 = W1 - lr * dW1, W2 - lr * dW2
    return W1, W2


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, 4))
    y = rng.standard_normal((8, 2))
    W1 = np.full((4, 3), 0.1)  # every hidden unit starts with the same weights
    W2 = np.full((3, 2), 0.1)
    _, dW1, _ = two_layer_loss(x, y, W1, W2)
    print(np.round(dW1, 4))  # one column per hidden unit
    #> [[ 0.082   0.082   0.082 ]
    #>  [-0.0488 -0.0488 -0.0488]
    #>  [ 0.0772  0.0772  0.0772]
    #>  [ 0.0108  0.0108  0.0108]]
    loss_before = two_layer_loss(x, y, W1, W2)[0]
    W1, W2 = train(W1, W2, x, y)
    loss_after = two_layer_loss(x, y, W1, W2)[0]
    print(f"loss {loss_before:.4f} -> {loss_after:.4f}")
    #> loss 1.0511 -> 0.4729
    print("units identical:", np.allclose(W1, W1[:, :1]))
    #> units identical: True

    W1 = 0.1 * rng.standard_normal((4, 3))  # random init breaks the symmetry
    W2 = 0.1 * rng.standard_normal((3, 2))
    loss_before = two_layer_loss(x, y, W1, W2)[0]
    W1, W2 = train(W1, W2, x, y)
    loss_after = two_layer_loss(x, y, W1, W2)[0]
    print(f"loss {loss_before:.4f} -> {loss_after:.4f}")
    #> loss 0.9970 -> 0.2873
    print("units identical:", np.allclose(W1, W1[:, :1]))
    #> units identical: False
# --8<-- [end:demo]
