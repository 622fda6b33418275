"""Which values share one mean and variance in batch, layer, instance and group norm.

The shading is computed, not drawn by hand: perturb one value of an (N, C, H*W)
tensor and shade every output that changes, using the page's snippet.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection

from snippets.batch_normalization.normalization_axes import (
    batch_norm,
    group_norm,
    instance_norm,
    layer_norm,
)

LABELS = {
    "ko": {
        "batch": "배치 정규화",
        "layer": "층 정규화",
        "instance": "인스턴스 정규화",
        "group": "그룹 정규화 (그룹 2개)",
        "n": "N (배치)",
        "c": "C (채널)",
        "hw": "H, W (공간)",
    },
    "en": {
        "batch": "Batch Norm",
        "layer": "Layer Norm",
        "instance": "Instance Norm",
        "group": "Group Norm (2 groups)",
        "n": "N (batch)",
        "c": "C (channels)",
        "hw": "H, W (spatial)",
    },
}
N, C, HW = 6, 6, 6
DX, DY = 0.55, 0.45  # oblique projection of the channel axis
METHODS = {
    "batch": batch_norm,
    "layer": layer_norm,
    "instance": instance_norm,
    "group": lambda x: group_norm(x, 2),
}


def shared_statistics(method):
    """Boolean (N, C, HW) mask of the values normalized together with [0, 0, 0]."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, C, HW, 1))
    y = method(x)
    x[0, 0, 0, 0] += 1.0
    return (np.abs(method(x) - y) > 1e-9)[..., 0]


def _draw_cube(ax, mask, text):
    cells, colors = [], []

    def cell(points, on):
        cells.append(points)
        colors.append("tab:blue" if on else "white")

    for n in range(N):  # front face: channel 0
        for s in range(HW):
            cell([(n, s), (n + 1, s), (n + 1, s + 1), (n, s + 1)], mask[n, 0, s])
    for n in range(N):  # top face: the last spatial position
        for c in range(C):
            x0, y0 = n + c * DX, HW + c * DY
            cell([(x0, y0), (x0 + 1, y0), (x0 + 1 + DX, y0 + DY), (x0 + DX, y0 + DY)],
                 mask[n, c, HW - 1])
    for c in range(C):  # right face: the last example
        for s in range(HW):
            x0, y0 = N + c * DX, s + c * DY
            cell([(x0, y0), (x0 + DX, y0 + DY), (x0 + DX, y0 + 1 + DY), (x0, y0 + 1)],
                 mask[N - 1, c, s])
    ax.add_collection(PolyCollection(cells, facecolors=colors, edgecolors="0.35",
                                     linewidths=0.6))
    ax.annotate("", xy=(N, -0.6), xytext=(0, -0.6),
                arrowprops={"arrowstyle": "->", "lw": 1})
    ax.text(N / 2, -1.3, text["n"], ha="center", va="center")
    ax.annotate("", xy=(-0.6, HW), xytext=(-0.6, 0),
                arrowprops={"arrowstyle": "->", "lw": 1})
    ax.text(-1.2, HW / 2, text["hw"], ha="center", va="center", rotation=90)
    ax.annotate("", xy=(N + 0.4 + C * DX, C * DY - 0.4), xytext=(N + 0.4, -0.4),
                arrowprops={"arrowstyle": "->", "lw": 1})
    ax.text(N + 0.9 + C * DX / 2, C * DY / 2 - 0.9, text["c"], ha="left", va="center")
    ax.set_xlim(-1.8, N + C * DX + 2.6)
    ax.set_ylim(-1.7, HW + C * DY + 0.2)
    ax.set_aspect("equal")
    ax.axis("off")


def make(lang):
    text = LABELS[lang]
    fig, axes = plt.subplots(1, 4, figsize=(11, 2.7))
    for ax, (name, method) in zip(axes, METHODS.items(), strict=True):
        _draw_cube(ax, shared_statistics(method), text)
        ax.set_title(text[name])
    return fig
