import numpy as np

w_star = np.array([1.0, -1.0])  # target: one positive and one negative weight


def make_inputs(n=200, seed=0):
    """All-positive 2-D inputs (like sigmoid outputs) and the same data centered."""
    rng = np.random.default_rng(seed)
    X_pos = rng.uniform(0.0, 1.0, size=(n, 2))
    return X_pos, X_pos - X_pos.mean(axis=0)


def per_example_grads(w, X):
    """dL/dw for L = 0.5 * (w @ x - w_star @ x)**2, one row per example."""
    upstream = X @ w - X @ w_star  # dL/df for f = w @ x
    return upstream[:, None] * X   # dL/dw = (dL/df) * x


def sgd_path(X, lr=0.5, steps=200):
    """Plain SGD with one example per step, from w = (0, 0)."""
    w = np.zeros(2)
    path = [w]
    for t in range(steps):
        w = w - lr * per_example_grads(w, X[t % len(X)][None, :])[0]
        path.append(w)
    return np.array(path)


def steps_to_reach(path, tol=0.1):
    """First step within tol of w_star, or None if the path never gets there."""
    close = np.linalg.norm(path - w_star, axis=1) < tol
    return int(close.argmax()) if close.any() else None


if __name__ == "__main__":
    X_pos, X_centered = make_inputs()
    for name, X in [("all-positive", X_pos), ("zero-centered", X_centered)]:
        g = per_example_grads(np.zeros(2), X)
        same = np.mean(np.sign(g[:, 0]) == np.sign(g[:, 1]))
        batch = g.reshape(20, 10, 2).sum(axis=1)  # 20 mini-batches of 10
        same_batch = np.mean(np.sign(batch[:, 0]) == np.sign(batch[:, 1]))
        path = sgd_path(X, lr=0.5)
        length = np.linalg.norm(np.diff(path, axis=0), axis=1).sum()
        print(f"{name}:")
        print(f"  same sign, one example  {same:.2f}")
        print(f"  same sign, batch of 10  {same_batch:.2f}")
        print(f"  SGD path length at lr 0.5: {length:.2f}")
    #> all-positive:
    #>   same sign, one example  1.00
    #>   same sign, batch of 10  0.20
    #>   SGD path length at lr 0.5: 3.55
    #> zero-centered:
    #>   same sign, one example  0.46
    #>   same sign, batch of 10  0.00
    #>   SGD path length at lr 0.5: 1.74
    print("steps to within 0.1 of w*:")
    #> steps to within 0.1 of w*:
    print("lr   positive  centered")
    #> lr   positive  centered
    for lr in [0.5, 1.0, 2.0, 3.0]:
        pos, cen = (steps_to_reach(sgd_path(X, lr)) for X in (X_pos, X_centered))
        print(f"{lr:<4} {pos!s:<9} {cen}")
    #> 0.5  56        56
    #> 1.0  27        29
    #> 2.0  26        11
    #> 3.0  None      14
    for name, X in [("all-positive", X_pos), ("zero-centered", X_centered)]:
        eig = np.linalg.eigvalsh(X.T @ X / len(X))[::-1]  # curvature of the mean loss
        sq = np.sum(X**2, axis=1)  # one example's step is unstable if lr * |x|^2 > 2
        print(f"{name}:")
        print(f"  eigenvalues {np.round(eig, 3)}")
        print(f"  max |x|^2 {sq.max():.2f}")
        print(f"  unstable at lr 3: {np.mean(3.0 * sq > 2):.2f}")
    #> all-positive:
    #>   eigenvalues [0.639 0.098]
    #>   max |x|^2 1.96
    #>   unstable at lr 3: 0.56
    #> zero-centered:
    #>   eigenvalues [0.098 0.076]
    #>   max |x|^2 0.50
    #>   unstable at lr 3: 0.00
