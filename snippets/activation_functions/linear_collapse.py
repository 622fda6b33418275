import numpy as np

rng = np.random.default_rng(0)
W1 = rng.standard_normal((50, 20))  # layer 1: 20 -> 50
W2 = rng.standard_normal((10, 50))  # layer 2: 50 -> 10
x = rng.standard_normal(20)

two_layers = W2 @ (W1 @ x)
one_layer = (W2 @ W1) @ x  # a single 20 -> 10 matrix
print(np.allclose(two_layers, one_layer))
#> True
# with a ReLU in between the composition is no longer one matrix
with_relu = W2 @ np.maximum(0, W1 @ x)
print(np.allclose(with_relu, one_layer))
#> False
