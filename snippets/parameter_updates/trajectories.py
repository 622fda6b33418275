# --8<-- [start:surfaces]
import numpy as np
from update_rules import adagrad, adam, momentum, nesterov, rmsprop, sgd


def ravine(x, y):
    """An ill-conditioned bowl, turned 30 degrees from the axes: curvature 1
    along u, 50 along w."""
    c, s = np.cos(np.pi / 6), np.sin(np.pi / 6)
    u, w = c * x + s * y, -s * x + c * y
    return 0.5 * (u**2 + 50 * w**2), np.array([c * u - s * 50 * w,
                                               s * u + c * 50 * w])


def saddle(x, y):
    """A saddle at (0, 0) between two minima at (0, -1) and (0, 1)."""
    return 0.5 * x**2 + 0.25 * y**4 - 0.5 * y**2, np.array([x, y**3 - y])


def rosenbrock(x, y):
    """A curved, flat-bottomed valley; the minimum is at (1, 1)."""
    return ((1 - x) ** 2 + 100 * (y - x**2) ** 2,
            np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)]))


# name: (function, start, lowest value)
SURFACES = {"ravine": (ravine, (-1.8, 0.3), 0.0),
            "saddle": (saddle, (-1.8, 1e-3), -0.25),
            "rosenbrock": (rosenbrock, (-1.5, 2.0), 0.0)}
# --8<-- [end:surfaces]


# --8<-- [start:run]
RULES = {"SGD": sgd, "momentum": momentum, "Nesterov": nesterov,
         "AdaGrad": adagrad, "RMSProp": rmsprop, "Adam": adam}


def trajectory(rule, surface, lr, steps=100):
    """The points a rule visits from the surface's start, (steps + 1, 2)."""
    f, start, _ = SURFACES[surface]
    init, step = rule
    params = {"xy": np.array(start, dtype=float)}
    state = init(params)
    path = [params["xy"].copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            step(params, {"xy": f(*params["xy"])[1]}, state, lr)
            path.append(params["xy"].copy())
    return np.array(path)


RATES = np.round(10.0 ** np.arange(-4, 1.01, 0.25), 6)  # 1e-4 ... 10


def tuned_rate(name, surface, steps=100):
    """The rate of RATES whose path gets closest to the lowest value fastest
    (least mean log10 of the gap over the steps), and the gap it ends at."""
    f, _, lowest = SURFACES[surface]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        gaps = np.array([[f(*p)[0] - lowest for p in trajectory(
            RULES[name](), surface, lr, steps)] for lr in RATES])
        score = np.log10(np.maximum(gaps, 1e-16)).mean(axis=1)
    score[~np.isfinite(score)] = np.inf  # the runs that diverge
    best = np.argmin(score)
    return RATES[best], gaps[best, -1]
# --8<-- [end:run]


# --8<-- [start:demo]
if __name__ == "__main__":
    for surface in SURFACES:
        print(f"{surface}: lr, gap")
        for name in RULES:
            lr, gap = tuned_rate(name, surface)
            gap = f"{gap:.1e}" if gap > 1e-12 else "<1e-12"  # rounding noise
            print(f"  {name:<9}{lr:<8.3g}{gap}")
    #> ravine: lr, gap
    #>   SGD      0.0316  1.6e-03
    #>   momentum 0.01    2.9e-04
    #>   Nesterov 0.0178  3.5e-06
    #>   AdaGrad  1.78    7.9e-04
    #>   RMSProp  0.178   1.1e-04
    #>   Adam     0.562   7.0e-04
    #> saddle: lr, gap
    #>   SGD      0.562   <1e-12
    #>   momentum 0.316   2.7e-05
    #>   Nesterov 0.562   <1e-12
    #>   AdaGrad  1       <1e-12
    #>   RMSProp  0.1     <1e-12
    #>   Adam     1       1.6e-05
    #> rosenbrock: lr, gap
    #>   SGD      0.00178 3.7e+00
    #>   momentum 0.00178 4.8e-02
    #>   Nesterov 0.001   1.1e-01
    #>   AdaGrad  1.78    7.7e-03
    #>   RMSProp  0.178   7.3e-03
    #>   Adam     1       2.9e-01
# --8<-- [end:demo]
