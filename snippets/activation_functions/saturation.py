import numpy as np


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


x = np.array([-10.0, -5.0, -2.0, 0.0, 2.0, 5.0, 10.0])
s = sigmoid(x)
d_sigmoid = s * (1 - s)
d_tanh = 1 - np.tanh(x) ** 2

print("{:>4} {:>8} {:>10} {:>10}".format("x", "sigmoid", "sigmoid'", "tanh'"))
#>    x  sigmoid   sigmoid'      tanh'
for row in zip(x, s, d_sigmoid, d_tanh, strict=True):
    print("{:4.0f} {:8.5f} {:10.4e} {:10.4e}".format(*row))
#>  -10  0.00005 4.5396e-05 8.2446e-09
#>   -5  0.00669 6.6481e-03 1.8158e-04
#>   -2  0.11920 1.0499e-01 7.0651e-02
#>    0  0.50000 2.5000e-01 1.0000e+00
#>    2  0.88080 1.0499e-01 7.0651e-02
#>    5  0.99331 6.6481e-03 1.8158e-04
#>   10  0.99995 4.5396e-05 8.2446e-09
