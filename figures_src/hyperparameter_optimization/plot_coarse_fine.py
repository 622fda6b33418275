"""Coarse and fine random search: validation accuracy over (log lr, log reg)."""

from functools import cache

import matplotlib.pyplot as plt
from matplotlib import colormaps
from matplotlib.patches import Rectangle

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization.coarse_fine import narrow, random_search

LABELS = {
    "ko": {
        "coarse": "거친 탐색",
        "fine": "세밀한 탐색",
        "lr": "log10 학습률",
        "reg": "log10 규제 강도",
    },
    "en": {
        "coarse": "coarse",
        "fine": "fine",
        "lr": "log10 learning rate",
        "reg": "log10 regularization",
    },
}
COARSE_BOX = {"log_lr": (-5, 1), "log_reg": (-7, 0)}  # as in the snippet's demo
# One colour per 0.01 of accuracy: few enough that the colour bar is drawn as
# shapes (more than 50 would make it an image), so the dark palette recolours the
# bar and the dots alike (figures_src/theme.py keeps their order of lightness).
CMAP = colormaps["viridis"].resampled(10)


@cache
def _searches():
    data = load_splits()
    coarse = random_search(data, COARSE_BOX, n_trials=30, epochs=5)
    fine_box = narrow(coarse)
    fine = random_search(data, fine_box, n_trials=15, epochs=20, seed=1)
    return coarse, fine_box, fine


def _scatter(ax, trials):
    done = [t for t in trials if not t["aborted"]]
    stopped = [t for t in trials if t["aborted"]]
    dots = ax.scatter([t["log_lr"] for t in done], [t["log_reg"] for t in done],
                      c=[t["val_acc"] for t in done], cmap=CMAP, vmin=0.9,
                      vmax=1.0, s=36, edgecolors="k", linewidths=0.4)
    if stopped:
        ax.scatter([t["log_lr"] for t in stopped], [t["log_reg"] for t in stopped],
                   marker="x", color="tab:red", s=36)
    return dots


def make(lang):
    text = LABELS[lang]
    coarse, fine_box, fine = _searches()
    fig, axes = plt.subplots(1, 2, figsize=(6.4, 3.3))
    dots = _scatter(axes[0], coarse)
    (x0, x1), (y0, y1) = fine_box["log_lr"], fine_box["log_reg"]
    axes[0].add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False,
                                ls="--", lw=1.5, color="tab:red"))
    axes[0].set_xlim(-5.2, 1.2)
    axes[0].set_ylim(-7.8, 0.2)
    _scatter(axes[1], fine)
    axes[1].set_xlim(x0, x1)
    axes[1].set_ylim(y0, y1)
    for ax, title in zip(axes, (text["coarse"], text["fine"]), strict=True):
        ax.set_title(title)
        ax.set_xlabel(text["lr"])
    axes[0].set_ylabel(text["reg"])
    fig.colorbar(dots, ax=axes, extend="min", shrink=0.9)  # validation accuracy
    return fig
