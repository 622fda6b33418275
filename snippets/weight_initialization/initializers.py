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
    for init, var in expected.items():
        W = init(fan_in, fan_out, rng)
        print(f"{init.__name__:15s} Var(w) {W.var():.3e}  formula {var:.3e}")
    #> small_random    Var(w) 1.003e-04  formula 1.000e-04
    #> large_random    Var(w) 1.001e+00  formula 1.000e+00
    #> xavier          Var(w) 2.007e-03  formula 2.000e-03
    #> glorot_normal   Var(w) 2.672e-03  formula 2.667e-03
    #> glorot_uniform  Var(w) 2.673e-03  formula 2.667e-03
    #> he              Var(w) 3.987e-03  formula 4.000e-03
# --8<-- [end:check]
