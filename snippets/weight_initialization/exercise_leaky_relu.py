import numpy as np


def leaky_relu(z, a):
    return np.where(z > 0, z, a * z)


def preactivation_std(a, weight_var, n_layers=10, width=500, seed=0):
    """Std of z = h @ W at each layer of a Leaky ReLU net, Var(w) = weight_var."""
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((1000, width))
    stds = []
    for _ in range(n_layers):
        z = h @ (np.sqrt(weight_var) * rng.standard_normal((width, width)))
        stds.append(z.std())
        h = leaky_relu(z, a)
    return np.array(stds)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    y = rng.standard_normal(1_000_000)
    print(f"{'a':<6}{'E[f(y)^2]/Var(y)':<18}(1+a^2)/2")
    #> a     E[f(y)^2]/Var(y)  (1+a^2)/2
    for a in (0.0, 0.01, 0.5, 1.0):
        ratio = np.mean(leaky_relu(y, a) ** 2) / y.var()
        print(f"{a:<6}{ratio:<18.4f}{(1 + a**2) / 2:.4f}")
    #> 0.0   0.5007            0.5000
    #> 0.01  0.5007            0.5000
    #> 0.5   0.6255            0.6250
    #> 1.0   1.0000            1.0000

    a, fan_in = 0.5, 500
    he = preactivation_std(a, 2 / fan_in)
    fixed = preactivation_std(a, 2 / ((1 + a**2) * fan_in))
    print("std of z, layers 1 and 10")
    #> std of z, layers 1 and 10
    print(f"  2/fan_in:           {he[0]:.3f} {he[-1]:.3f}")
    #>   2/fan_in:           1.416 3.669
    print(f"  2/((1+a^2)fan_in):  {fixed[0]:.3f} {fixed[-1]:.3f}")
    #>   2/((1+a^2)fan_in):  1.266 1.202
