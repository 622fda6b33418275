import numpy as np


def same_sign_fraction(X, upstream):
    """Share of examples whose gradient dL/dw = upstream * x has one sign only."""
    grads = upstream[:, None] * X  # one row per example, for f = w @ x
    return np.mean(np.all(grads > 0, axis=1) | np.all(grads < 0, axis=1))


def flipped_fraction(X, w, b, degrees):
    """Share of predictions sign(w @ x + b) that change when w turns a little."""
    t = np.radians(degrees)
    turn = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    return np.mean(np.sign(X @ w + b) != np.sign(X @ (turn @ w) + b))


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    pixels = rng.uniform(0, 255, size=(1000, 3))  # all inputs positive
    upstream = rng.standard_normal(1000)  # dL/df, either sign
    for name, X in [("raw", pixels), ("centered", pixels - pixels.mean(axis=0))]:
        print(f"{name:>8}: same sign {same_sign_fraction(X, upstream):.3f}")
    #>      raw: same sign 1.000
    #> centered: same sign 0.224

    X = rng.normal([10.0, 10.0], 1.0, size=(1000, 2))  # far from the origin
    mean = X.mean(axis=0)
    w = np.array([1.0, 0.0])  # the boundary x1 = mean[0] splits the cloud
    raw = flipped_fraction(X, w, b=-(w @ mean), degrees=1)
    centered = flipped_fraction(X - mean, w, b=0.0, degrees=1)  # same boundary
    print("turn w by 1 degree; flipped:")
    #> turn w by 1 degree; flipped:
    print(f"raw {raw:.3f}, centered {centered:.3f}")
    #> raw 0.082, centered 0.007
