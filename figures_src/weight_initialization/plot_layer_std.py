"""Std per layer of the activations (left) and of the backpropagated gradient
dL/dh (right), all five cases of the experiment, log scale."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from figures_src.weight_initialization.data import CASES, NAMES, summary

LABELS = {
    "ko": {
        "x": "층",
        "act": "활성값 표준편차",
        "grad": "기울기 dL/dh 표준편차",
        "backprop": "역전파",
    },
    "en": {
        "x": "layer",
        "act": "activation std",
        "grad": "gradient dL/dh std",
        "backprop": "backprop",
    },
}
STYLES = {
    ("tanh", "0.01"): dict(color="C0", marker="v"),
    ("tanh", "1.0"): dict(color="C1", marker="^"),
    ("tanh", "xavier"): dict(color="C2", marker="o"),
    ("relu", "xavier"): dict(color="C3", marker="s", linestyle="--"),
    ("relu", "he"): dict(color="C4", marker="D", linestyle="--"),
}
# "1e-6" rather than mathtext's 10^-6, whose minus sign NanumGothic lacks
POWER = FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}")


def make(lang, narrow=False):
    text = LABELS[lang]
    shape, size = ((2, 1), (4, 7.4)) if narrow else ((1, 2), (7.1, 4.0))
    fig, axes = plt.subplots(*shape, figsize=size)
    layers = range(1, 11)
    for ax, key in zip(axes, ("act", "grad"), strict=True):
        for case in CASES:
            std = summary(*case)[f"{key}_std"]
            name = NAMES[lang][case]
            ax.plot(layers, std, label=name, ms=5, clip_on=False, **STYLES[case])
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=100))  # every second decade
        ax.yaxis.set_major_formatter(POWER)
        ax.yaxis.set_minor_locator(NullLocator())
        ax.set_xticks(layers)
        ax.grid(False, axis="x")
        ax.set(xlabel=text["x"], title=text[key])
    # dL/dh is computed from layer 10 down to layer 1
    axes[1].annotate(
        text["backprop"],
        xy=(6.5, 1e4),
        xytext=(9.8, 1e4),
        ha="right",
        va="bottom",
        arrowprops=dict(arrowstyle="->", color="0.3"),
    )
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2 if narrow else 3,
               fontsize=9)
    return fig
