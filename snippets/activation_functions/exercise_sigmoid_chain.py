import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


# x_{l+1} = sigmoid(x_l): by the chain rule dx_n/dx_0 = product of sigmoid'(x_l)
print("x0   depth  gradient  0.25**depth")
#> x0   depth  gradient  0.25**depth
for x0 in [0.0, 3.0]:
    x, grad = x0, 1.0
    for layer in range(1, 11):
        s = sigmoid(x)
        grad *= s * (1 - s)
        x = s
        if layer in (1, 5, 10):
            print(f"{x0:<4} {layer:<6} {grad:<9.2e} {0.25**layer:.2e}")
#> 0.0  1      2.50e-01  2.50e-01
#> 0.0  5      6.76e-04  9.77e-04
#> 0.0  10     3.88e-07  9.54e-07
#> 3.0  1      4.52e-02  2.50e-01
#> 3.0  5      1.00e-04  9.77e-04
#> 3.0  10     5.74e-08  9.54e-07
