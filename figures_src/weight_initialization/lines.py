"""Std per layer of every case on one log-scale plot."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter

from figures_src.weight_initialization.data import CASES, NAMES, summary

STYLES = {
    ("tanh", "0.01"): dict(color="C0", marker="v"),
    ("tanh", "1.0"): dict(color="C1", marker="^"),
    ("tanh", "xavier"): dict(color="C2", marker="o"),
    ("relu", "xavier"): dict(color="C3", marker="s", linestyle="--"),
    ("relu", "he"): dict(color="C4", marker="D", linestyle="--"),
}


def draw(key, text, lang):
    fig, ax = plt.subplots(figsize=(6, 3.8))
    for case in CASES:
        std = summary(*case)[key]
        layers = range(1, len(std) + 1)
        ax.plot(layers, std, label=NAMES[lang][case], markersize=5, **STYLES[case])
    ax.set_yscale("log")
    # "1e-6" rather than mathtext's 10^-6, whose minus sign NanumGothic lacks
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}"))
    ax.set_xticks(range(1, 11))
    ax.set(xlabel=text["x"], ylabel=text["y"], title=text["title"])
    ax.legend(fontsize=8, loc="best")
    return fig
