"""SGD paths of a 2-D weight vector with all-positive vs zero-centered inputs."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse

from snippets.activation_functions.zigzag import make_inputs, sgd_path, w_star

LABELS = {
    "ko": {
        "pos": "양수 입력",
        "cen": "0 중심 입력",
        "path": "SGD 경로",
        "start": "시작",
        "target": "목표 w*",
        "contour": "손실 등고선",
    },
    "en": {
        "pos": "all-positive inputs",
        "cen": "zero-centered inputs",
        "path": "SGD path",
        "start": "start",
        "target": "target w*",
        "contour": "loss contours",
    },
}

LEVELS = np.geomspace(2e-4, 0.5, 8)


def _contours(ax, C):
    """Level sets of the mean loss 0.5 (w - w*)^T C (w - w*): exact ellipses."""
    lam, vecs = np.linalg.eigh(C)
    angle = np.degrees(np.arctan2(vecs[1, 0], vecs[0, 0]))
    for level in LEVELS:
        width, height = 2 * np.sqrt(2 * level / lam)
        ax.add_patch(Ellipse(w_star, width, height, angle=angle, fill=False,
                             edgecolor="0.7", lw=0.8))


def make(lang, narrow=False):
    text = LABELS[lang]
    shape, size = ((2, 1), (4, 7.6)) if narrow else ((1, 2), (7.1, 4.4))
    fig, axes = plt.subplots(*shape, figsize=size, sharex=True, sharey=True)
    axes = axes.ravel()
    for ax, X, title in zip(axes, make_inputs(), ["pos", "cen"], strict=True):
        _contours(ax, X.T @ X / len(X))
        path = sgd_path(X, lr=0.5)[:61]
        ax.plot(path[:, 0], path[:, 1], "-", color="C0", lw=1.3, label=text["path"])
        ax.plot(0, 0, "s", color="k", ms=6, label=text["start"])
        ax.plot(*w_star, "*", color="C3", ms=14, label=text["target"])
        ax.plot([], [], color="0.7", lw=0.8, label=text["contour"])
        ax.set_title(text[title])
        ax.set_xlabel("$w_1$", fontsize=13)  # its subscript at 9 pt
        ax.set_aspect("equal")
    ax.set_xlim(-0.4, 1.4)
    ax.set_ylim(-1.4, 0.4)
    ax.set_xticks([0, 0.5, 1])
    ax.set_yticks([-1, -0.5, 0])
    for ax in axes:
        ax.tick_params(bottom=False, left=False)  # the grid marks the ticks
    for ax in axes:
        ax.set_ylabel("$w_2$", fontsize=13)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    return fig
