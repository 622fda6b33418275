# --8<-- [start:experiment]
import numpy as np

WEIGHT_STD = {  # weight std as a function of fan_in
    "0.01": lambda fan_in: 0.01,
    "1.0": lambda fan_in: 1.0,
    "xavier": lambda fan_in: 1 / np.sqrt(fan_in),  # CS231n form: Var(w) = 1/fan_in
    "he": lambda fan_in: np.sqrt(2 / fan_in),
}


def layer_forward(x, W, nonlinearity):
    """x @ W (no bias, as in the CS231n experiment), then tanh or ReLU."""
    z = x @ W
    out = np.tanh(z) if nonlinearity == "tanh" else np.maximum(z, 0)
    return out, (x, W, out, nonlinearity)


def layer_backward(dout, cache):
    """Returns (dx, dW)."""
    x, W, out, nonlinearity = cache
    if nonlinearity == "tanh":
        dz = dout * (1 - out**2)
    else:
        dz = dout * (out > 0)
    return dz @ W.T, x.T @ dz


def run_network(nonlinearity, init, n_layers=10, width=500, n=1000, seed=0):
    """Forward a unit-Gaussian batch, then backward a unit-Gaussian upstream
    gradient from the last layer. Returns, per layer: the activations h,
    the gradients dL/dh and the weight gradients dL/dW."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((n, width))
    acts, caches = [], []
    for _ in range(n_layers):
        fan_in = h.shape[1]
        W = rng.standard_normal((fan_in, width)) * WEIGHT_STD[init](fan_in)
        h, cache = layer_forward(h, W, nonlinearity)
        acts.append(h)
        caches.append(cache)
    dout = rng.standard_normal(h.shape)
    grads, dWs = [], []
    for cache in reversed(caches):
        grads.insert(0, dout)
        dout, dW = layer_backward(dout, cache)
        dWs.insert(0, dW)
    return acts, grads, dWs


def print_table(acts, grads, dWs):
    print("layer  act mean   act std")
    for i, h in enumerate(acts, start=1):
        print(f"{i:5d} {h.mean():9.2e} {h.std():9.2e}")
    print("layer  grad std    dW std")
    for i, (g, dW) in enumerate(zip(grads, dWs, strict=True), start=1):
        print(f"{i:5d} {g.std():9.2e} {dW.std():9.2e}")
# --8<-- [end:experiment]


# --8<-- [start:tanh_small]
if __name__ == "__main__":
    print_table(*run_network("tanh", "0.01"))
    #> layer  act mean   act std
    #>     1  2.63e-04  2.14e-01
    #>     2  3.92e-06  4.76e-02
    #>     3  1.49e-05  1.06e-02
    #>     4  3.16e-06  2.38e-03
    #>     5 -4.40e-07  5.29e-04
    #>     6 -1.87e-07  1.18e-04
    #>     7 -3.23e-10  2.64e-05
    #>     8  3.36e-09  5.92e-06
    #>     9 -5.87e-10  1.32e-06
    #>    10  8.24e-10  2.94e-07
    #> layer  grad std    dW std
    #>     1  1.39e-06  4.22e-05
    #>     2  6.21e-06  4.21e-05
    #>     3  2.78e-05  4.22e-05
    #>     4  1.25e-04  4.22e-05
    #>     5  5.59e-04  4.28e-05
    #>     6  2.51e-03  4.26e-05
    #>     7  1.12e-02  4.22e-05
    #>     8  5.00e-02  4.21e-05
    #>     9  2.23e-01  4.21e-05
    #>    10  9.99e-01  4.17e-05
# --8<-- [end:tanh_small]


# --8<-- [start:tanh_large]
if __name__ == "__main__":
    acts, grads, dWs = run_network("tanh", "1.0")
    print_table(acts, grads, dWs)
    #> layer  act mean   act std
    #>     1  5.91e-04  9.82e-01
    #>     2  1.65e-04  9.82e-01
    #>     3  6.77e-04  9.82e-01
    #>     4 -1.93e-03  9.82e-01
    #>     5 -4.97e-04  9.82e-01
    #>     6 -8.05e-04  9.82e-01
    #>     7  1.51e-03  9.82e-01
    #>     8  3.09e-03  9.82e-01
    #>     9  1.03e-03  9.82e-01
    #>    10  1.77e-04  9.82e-01
    #> layer  grad std    dW std
    #>     1  7.62e+04  3.68e+05
    #>     2  2.16e+04  1.06e+05
    #>     3  6.17e+03  3.01e+04
    #>     4  1.80e+03  8.58e+03
    #>     5  5.14e+02  2.51e+03
    #>     6  1.47e+02  7.13e+02
    #>     7  4.24e+01  2.04e+02
    #>     8  1.21e+01  5.90e+01
    #>     9  3.47e+00  1.67e+01
    #>    10  9.99e-01  4.80e+00
    print(f"|h| > 0.99, last layer: {np.mean(np.abs(acts[-1]) > 0.99):.3f}")
    #> |h| > 0.99, last layer: 0.904
# --8<-- [end:tanh_large]


# --8<-- [start:tanh_xavier]
if __name__ == "__main__":
    print_table(*run_network("tanh", "xavier"))
    #> layer  act mean   act std
    #>     1  6.50e-04  6.28e-01
    #>     2  3.09e-04  4.86e-01
    #>     3  6.46e-04  4.07e-01
    #>     4  4.92e-04  3.57e-01
    #>     5 -4.23e-05  3.20e-01
    #>     6 -2.66e-04  2.92e-01
    #>     7  1.65e-04  2.72e-01
    #>     8  1.28e-04  2.55e-01
    #>     9 -6.68e-05  2.40e-01
    #>    10  6.06e-04  2.27e-01
    #> layer  grad std    dW std
    #>     1  3.93e-01  8.47e+00
    #>     2  4.91e-01  7.83e+00
    #>     3  5.76e-01  7.63e+00
    #>     4  6.54e-01  7.54e+00
    #>     5  7.22e-01  7.55e+00
    #>     6  7.87e-01  7.46e+00
    #>     7  8.44e-01  7.36e+00
    #>     8  8.99e-01  7.31e+00
    #>     9  9.50e-01  7.29e+00
    #>    10  9.99e-01  7.19e+00
# --8<-- [end:tanh_xavier]


# --8<-- [start:relu_xavier]
if __name__ == "__main__":
    print_table(*run_network("relu", "xavier"))
    #> layer  act mean   act std
    #>     1  4.00e-01  5.85e-01
    #>     2  2.81e-01  4.11e-01
    #>     3  1.99e-01  2.88e-01
    #>     4  1.24e-01  1.95e-01
    #>     5  9.34e-02  1.36e-01
    #>     6  7.07e-02  1.00e-01
    #>     7  4.47e-02  6.93e-02
    #>     8  3.07e-02  4.58e-02
    #>     9  2.08e-02  3.13e-02
    #>    10  1.53e-02  2.27e-02
    #> layer  grad std    dW std
    #>     1  4.21e-02  9.43e-01
    #>     2  5.95e-02  9.30e-01
    #>     3  8.39e-02  9.31e-01
    #>     4  1.23e-01  9.01e-01
    #>     5  1.74e-01  8.57e-01
    #>     6  2.41e-01  8.74e-01
    #>     7  3.49e-01  9.18e-01
    #>     8  4.98e-01  9.13e-01
    #>     9  7.07e-01  8.44e-01
    #>    10  9.99e-01  8.18e-01
# --8<-- [end:relu_xavier]


# --8<-- [start:relu_he]
if __name__ == "__main__":
    print_table(*run_network("relu", "he"))
    #> layer  act mean   act std
    #>     1  5.66e-01  8.27e-01
    #>     2  5.61e-01  8.22e-01
    #>     3  5.63e-01  8.14e-01
    #>     4  4.96e-01  7.80e-01
    #>     5  5.28e-01  7.68e-01
    #>     6  5.66e-01  8.00e-01
    #>     7  5.05e-01  7.84e-01
    #>     8  4.91e-01  7.33e-01
    #>     9  4.72e-01  7.09e-01
    #>    10  4.91e-01  7.27e-01
    #> layer  grad std    dW std
    #>     1  9.53e-01  2.13e+01
    #>     2  9.52e-01  2.10e+01
    #>     3  9.49e-01  2.11e+01
    #>     4  9.84e-01  2.04e+01
    #>     5  9.83e-01  1.94e+01
    #>     6  9.65e-01  1.98e+01
    #>     7  9.88e-01  2.08e+01
    #>     8  9.97e-01  2.07e+01
    #>     9  1.00e+00  1.91e+01
    #>    10  9.99e-01  1.85e+01
# --8<-- [end:relu_he]
