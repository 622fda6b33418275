import numpy as np


def linear_bn(x, w, b, eps=1e-5):
    """x @ w + b followed by train-mode batch norm (gamma = 1, beta = 0)."""
    a = x @ w + b
    return (a - a.mean(axis=0)) / np.sqrt(a.var(axis=0) + eps)


if __name__ == "__main__":
    rng = np.random.default_rng(8)
    x, w = rng.normal(size=(32, 4)), rng.normal(size=(4, 3))
    b, b_other = rng.normal(size=3), 100 * rng.normal(size=3)
    same = np.allclose(linear_bn(x, w, b), linear_bn(x, w, b_other))
    print("b changes nothing:", same)
    #> b changes nothing: True

    # gradient of sum(out * dout) with respect to b, by centered differences
    dout, h = rng.normal(size=(32, 3)), 1e-5
    db = np.zeros(3)
    for j in range(3):
        step = np.zeros(3)
        step[j] = h
        plus = np.sum(linear_bn(x, w, b + step) * dout)
        minus = np.sum(linear_bn(x, w, b - step) * dout)
        db[j] = (plus - minus) / (2 * h)
    print("db:", np.round(db, 6) + 0.0)
    #> db: [0. 0. 0.]
