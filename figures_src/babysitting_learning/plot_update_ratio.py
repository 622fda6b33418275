"""Update/weight ratio of W1 and W2 over training, for three learning rates."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.babysitting_learning.update_ratio import update_ratios

LABELS = {
    "ko": {"epoch": "에폭", "ratio": "업데이트/가중치 비율",
           "rule": "1e-3 (경험칙)", "lr": "lr {:g}"},
    "en": {"epoch": "epoch", "ratio": "update/weight ratio",
           "rule": "1e-3 (rule of thumb)", "lr": "lr {:g}"},
}
RATES = {1e-3: "tab:blue", 1e-1: "tab:green", 3.0: "tab:red"}
POWER = FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}")


@cache
def _ratios(lr):
    return update_ratios(lr)  # the page's demo: 20 epochs


def make(lang, narrow=False):
    text = LABELS[lang]
    if narrow:  # one panel above the other, one shared legend below them
        fig, axes = plt.subplots(2, 1, figsize=(4, 6), sharex=True, sharey=True)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(6.4, 3.2), sharey=True)
    for ax, name in zip(axes, ("W1", "W2"), strict=True):
        for lr, color in RATES.items():
            r = _ratios(lr)[name]
            ax.semilogy(np.arange(1, len(r) + 1), r, color=color,
                        label=text["lr"].format(lr))
        ax.axhline(1e-3, color="black", ls="--", lw=1.2, label=text["rule"])
        ax.set_title(name)
        ax.set_xticks([1, 5, 10, 15, 20])
        ax.yaxis.set_major_formatter(POWER)
        ax.yaxis.set_minor_locator(NullLocator())
    axes[-1].set_xlabel(text["epoch"])
    axes[0].set_ylim(1e-5, 1e4)
    if narrow:
        for ax in axes:
            ax.set_ylabel(text["ratio"])
        axes[-1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncols=2,
                        fontsize=9)
    else:
        axes[0].set_xlabel(text["epoch"])
        axes[0].set_ylabel(text["ratio"])
        axes[1].legend(loc="upper right", ncols=2, fontsize=9)
    return fig
