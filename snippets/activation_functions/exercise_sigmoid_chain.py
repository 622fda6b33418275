import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


# x_{l+1} = sigmoid(x_l): by the chain rule dx_n/dx_0 = product of sigmoid'(x_l)
for x0 in [0.0, 3.0]:
    x, grad = x0, 1.0
    for layer in range(1, 11):
        s = sigmoid(x)
        grad *= s * (1 - s)
        x = s
        if layer in (1, 5, 10):
            print(f"x0 = {x0}, depth {layer:2d}: gradient {grad:.2e}, "
                  f"bound 0.25**{layer} = {0.25**layer:.2e}")
#> x0 = 0.0, depth  1: gradient 2.50e-01, bound 0.25**1 = 2.50e-01
#> x0 = 0.0, depth  5: gradient 6.76e-04, bound 0.25**5 = 9.77e-04
#> x0 = 0.0, depth 10: gradient 3.88e-07, bound 0.25**10 = 9.54e-07
#> x0 = 3.0, depth  1: gradient 4.52e-02, bound 0.25**1 = 2.50e-01
#> x0 = 3.0, depth  5: gradient 1.00e-04, bound 0.25**5 = 9.77e-04
#> x0 = 3.0, depth 10: gradient 5.74e-08, bound 0.25**10 = 9.54e-07
