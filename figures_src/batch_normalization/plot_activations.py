"""tanh activations through a 10-layer net with small weights, with and without BN."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.batch_normalization.deep_activations import layer_activations

LABELS = {
    "ko": {
        "no_bn": "BN 없음",
        "bn": "BN 있음",
        "layer": "{}층",
        "std_title": "출력의 표준편차",
        "depth": "층",
        "value": "tanh 출력",
    },
    "en": {
        "no_bn": "without BN",
        "bn": "with BN",
        "layer": "layer {}",
        "std_title": "Std of each layer's output",
        "depth": "layer",
        "value": "tanh output",
    },
}
SHOWN = [1, 2, 3, 5, 10]
COLORS = {False: "tab:orange", True: "tab:blue"}
BINS = np.linspace(-1, 1, 42)  # 41 bins, one centered on 0


@cache
def _summary(use_bn):
    """Std of every layer and the histogram (fractions) of the layers shown."""
    activations = layer_activations(use_bn)
    stds = [h.std() for h in activations]
    hists = {
        layer: np.histogram(activations[layer - 1], BINS)[0] / activations[0].size
        for layer in SHOWN
    }
    return stds, hists


def _merged(values, edges):
    """The same step outline with runs of equal bins merged (fewer SVG vertices)."""
    keep = np.r_[True, values[1:] != values[:-1]]
    return values[keep], np.r_[edges[:-1][keep], edges[-1]]


def make(lang, narrow=False):
    text = LABELS[lang]
    # the std plot beside the histograms, or under them on a phone
    fig = plt.figure(figsize=(4, 6.4) if narrow else (7.1, 4.2))
    grid = fig.add_gridspec(4 if narrow else 2, len(SHOWN) + (0 if narrow else 2))
    for row, use_bn in enumerate((False, True)):
        for col, layer in enumerate(SHOWN):
            ax = fig.add_subplot(grid[row, col])
            ax.stairs(*_merged(_summary(use_bn)[1][layer], BINS), fill=True,
                      color=COLORS[use_bn], lw=0)
            ax.set_xlim(-1, 1)
            ax.set_xticks([-1, 0, 1])
            ax.grid(False)
            ax.tick_params(labelsize=9)
            if row == 0:
                ax.set_title(text["layer"].format(layer), fontsize=10)
                ax.set_xticklabels([])
            else:  # end labels inside the axes: neighbors' "1" and "-1" stay apart
                ticklabels = ax.get_xticklabels()
                ticklabels[0].set_horizontalalignment("left")
                ticklabels[-1].set_horizontalalignment("right")
            if row == 1 and col == len(SHOWN) // 2:  # one label, centered on the block
                ax.set_xlabel(text["value"])
            ax.set_ylim(0, 1.05 if not use_bn else 0.12)
            ax.set_yticks([0, 0.5, 1] if not use_bn else [0, 0.05, 0.1])
            if col == 0:
                ax.set_ylabel(text["bn" if use_bn else "no_bn"])
            else:
                ax.tick_params(left=False, labelleft=False)
    ax = fig.add_subplot(grid[2:, :] if narrow else grid[:, len(SHOWN):])
    depth = np.arange(1, 11)
    for use_bn in (False, True):
        ax.semilogy(depth, _summary(use_bn)[0], "o-", color=COLORS[use_bn],
                    label=text["bn" if use_bn else "no_bn"])
    ax.set(title=text["std_title"], xlabel=text["depth"])
    ax.set_xticks(depth[1::2])
    # plain "1e-4" labels: the default mathtext minus sign is missing in NanumGothic
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{np.log10(v):.0f}"))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.legend()
    return fig
