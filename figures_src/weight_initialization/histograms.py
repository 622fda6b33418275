"""One row of per-layer activation histograms (layer 1 to 10, shared y-scale)."""

import matplotlib.pyplot as plt

from figures_src.weight_initialization.data import NAMES, RANGES, summary

BASE = {
    "ko": {"layer": "{}층", "x": "활성값", "y": "비율"},
    "en": {"layer": "layer {}", "x": "activation", "y": "fraction"},
}
TICKS = {"tanh": [-1, 0, 1], "relu": [0, 3, 6]}


def draw(nonlinearity, init, text, lang):
    data = summary(nonlinearity, init)
    n = len(data["hists"])
    fig, axes = plt.subplots(1, n, figsize=(10, 2.1), sharey=True, sharex=True)
    for i, (ax, hist) in enumerate(zip(axes, data["hists"], strict=True)):
        ax.stairs(hist, data["edges"], fill=True, color="C0")
        ax.set_title(
            text["layer"].format(i + 1) + f"\nσ {data['act_std'][i]:.2g}", fontsize=8
        )
        lo, hi = RANGES[nonlinearity]
        ax.set_xlim(lo - 0.06 * (hi - lo), hi + 0.06 * (hi - lo))
        ax.set_xticks(TICKS[nonlinearity])
        ax.tick_params(labelsize=7)
        ax.grid(False)
    axes[0].set_ylabel(text["y"], fontsize=8)
    fig.supxlabel(text["x"], fontsize=8)
    fig.suptitle(NAMES[lang][(nonlinearity, init)] + text["title"], fontsize=10)
    return fig
