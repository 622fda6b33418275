import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


x = np.linspace(-6, 6, 1201)
s2 = sigmoid(2 * x)
print(np.allclose(np.tanh(x), 2 * s2 - 1))  # tanh(x) = 2 sigmoid(2x) - 1
#> True
print(np.allclose(1 - np.tanh(x) ** 2, 4 * s2 * (1 - s2)))  # tanh' = 4 sigmoid'(2x)
#> True
wrong = 2 * sigmoid(x) - 1  # a common slip: this is tanh(x / 2)
print(f"max |tanh - (2 sigmoid - 1)|: {np.abs(np.tanh(x) - wrong).max():.3f}")
#> max |tanh - (2 sigmoid - 1)|: 0.300
