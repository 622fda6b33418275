# --8<-- [start:initializers]
import numpy as np


def small_random(fan_in, fan_out, rng):
    """std 0.01, whatever the layer size."""
    return 0.01 * rng.standard_normal((fan_in, fan_out))


def large_random(fan_in, fan_out, rng):
    """std 1.0."""
    return 1.0 * rng.standard_normal((fan_in, fan_out))


def xavier(fan_in, fan_out, rng):
    """CS231n's "Xavier": Var(w) = 1/fan_in (LeCun's variance)."""
    return rng.standard_normal((fan_in, fan_out)) / np.sqrt(fan_in)


def glorot_normal(fan_in, fan_out, rng):
    """Glorot & Bengio's normalized variance 2/(fan_in + fan_out), Gaussian."""
    std = np.sqrt(2 / (fan_in + fan_out))
    return std * rng.standard_normal((fan_in, fan_out))


def glorot_uniform(fan_in, fan_out, rng):
    """The paper's form: U(-a, a) with a = sqrt(6/(fan_in + fan_out)),
    so Var(w) = a**2/3 = 2/(fan_in + fan_out)."""
    a = np.sqrt(6 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_in, fan_out))


def he(fan_in, fan_out, rng):
    """He et al.: Var(w) = 2/fan_in, i.e. std sqrt(2/fan_in)."""
    return np.sqrt(2 / fan_in) * rng.standard_normal((fan_in, fan_out))
# --8<-- [end:initializers]


# --8<-- [start:check]
if __name__ == "__main__":
    rng = np.random.default_rng(0)
    fan_in, fan_out = 500, 250
    expected = {
        small_random: 0.01**2,
        large_random: 1.0,
        xavier: 1 / fan_in,
        glorot_normal: 2 / (fan_in + fan_out),
        glorot_uniform: 2 / (fan_in + fan_out),
        he: 2 / fan_in,
    }
    print(f"{'':15}{'Var(w)':<10}formula")
    #>                Var(w)    formula
    for init, var in expected.items():
        W = init(fan_in, fan_out, rng)
        print(f"{init.__name__:<15}{W.var():<10.4g}{var:.4g}")
    #> small_random   0.0001003 0.0001
    #> large_random   1.001     1
    #> xavier         0.002007  0.002
    #> glorot_normal  0.002672  0.002667
    #> glorot_uniform 0.002673  0.002667
    #> he             0.003987  0.004
# --8<-- [end:check]
