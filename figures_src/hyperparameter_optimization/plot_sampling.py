"""Linear-uniform against log-uniform samples on [1e-5, 10], on a log axis."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.hyperparameter_optimization.sampling import log_uniform

LABELS = {
    "ko": {
        "linear": "선형 균등",
        "log": "로그 균등",
        "x": "표본값",
        "y": "표본 비율",
    },
    "en": {
        "linear": "linear-uniform",
        "log": "log-uniform",
        "x": "sampled value",
        "y": "fraction of samples",
    },
}
BINS = np.logspace(-5, 1, 25)  # four bins per decade


@cache
def _counts():
    rng = np.random.default_rng(0)
    n = 100_000
    linear = rng.uniform(1e-5, 10, n)
    log = log_uniform(rng, 1e-5, 10, n)
    return (np.histogram(linear, BINS)[0] / n, np.histogram(log, BINS)[0] / n)


def make(lang):
    text = LABELS[lang]
    linear, log = _counts()
    fig, ax = plt.subplots(figsize=(6.4, 2.9))
    ax.stairs(linear, BINS, color="tab:orange", lw=2, label=text["linear"])
    ax.stairs(log, BINS, color="tab:blue", lw=2, label=text["log"])
    ax.set_xscale("log")
    ax.set_xlim(1e-5, 10)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_ylim(0, 0.5)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend(loc="upper left")
    return fig
