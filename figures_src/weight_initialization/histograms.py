"""One row of per-layer activation histograms (layer 1 to 10, shared axes).

The page shows five of these, so they are drawn lean: one filled outline per
panel, axis labels and tick labels on the first panel only, no title (the
caption under the figure names the case)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from figures_src.weight_initialization.data import RANGES, summary

BASE = {
    "ko": {"layer": "{}층", "x": "활성값", "y": "비율"},
    "en": {"layer": "layer {}", "x": "activation", "y": "fraction"},
}
TICKS = {"tanh": [-1, 0, 1], "relu": [0, 3, 6]}


def merged_stairs(counts, edges, step):
    """Heights rounded to `step` (far below a pixel) and neighbouring equal bins
    merged: the same outline with fewer vertices."""
    heights = np.round(counts / step) * step
    keep = np.r_[True, heights[1:] != heights[:-1]]
    return heights[keep], np.r_[edges[:-1][keep], edges[-1]]


def draw(nonlinearity, init, text, narrow=False):
    data = summary(nonlinearity, init)
    top = 1.05 * max(h.max() for h in data["hists"])
    lo, hi = RANGES[nonlinearity]
    pad = 0.06 * (hi - lo)
    n = len(data["hists"])
    # one row of ten in the desktop column, two rows of five on a phone
    shape, size = ((2, n // 2), (4, 3.3)) if narrow else ((1, n), (7.1, 1.9))
    fig, axes = plt.subplots(*shape, figsize=size, sharex=True, sharey=True)
    axes = axes.ravel()
    for i, (ax, hist) in enumerate(zip(axes, data["hists"], strict=True)):
        values, edges = merged_stairs(hist, data["edges"], top / 800)
        ax.stairs(values, edges, fill=True, color="C0", clip_on=False)
        sigma = f"{data['act_std'][i]:#.2g}".replace("e-0", "e-")  # 2.6e-5, as ticks
        ax.set_title(text["layer"].format(i + 1) + f"\nσ {sigma}", fontsize=9)
        ax.patch.set_visible(False)
        ax.grid(False)
        if i:  # same axes as panel 1: the baseline is enough
            ax.spines["left"].set_visible(False)
            ax.tick_params(left=False, bottom=False, labelbottom=False)
    first = axes[0]
    first.set(xlim=(lo - pad, hi + pad), ylim=(0, top), xticks=TICKS[nonlinearity])
    first.yaxis.set_major_locator(MaxNLocator(3))
    first.yaxis.set_major_formatter("{x:g}")
    first.tick_params(labelsize=9)
    first.set_xlabel(text["x"], fontsize=9)
    first.set_ylabel(text["y"], fontsize=9)
    return fig
