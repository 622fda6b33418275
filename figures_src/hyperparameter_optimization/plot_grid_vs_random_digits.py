"""Grid against random search on digits (5 epochs a trial): the 1-D views of one
search each, and the best validation accuracy of every repeat."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization.grid_vs_random import best, grid_versus_random

LABELS = {
    "ko": {
        "grid": "그리드",
        "random": "무작위",
        "lr": "log10 학습률",
        "reg": "log10 규제 강도",
        "acc": "검증 정확도",
        "best": "최고 정확도",
        "range": "학습률 범위",
    },
    "en": {
        "grid": "grid",
        "random": "random",
        "lr": "log10 learning rate",
        "reg": "log10 regularization",
        "acc": "validation accuracy",
        "best": "best accuracy",
        "range": "learning-rate range",
    },
}
BOXES = {"narrow": {"log_lr": (-4, 0), "log_reg": (-7, -3)},
         "wide": {"log_lr": (-5, 1), "log_reg": (-7, -3)}}  # as in the snippet
SE2 = 2 * np.sqrt(0.98 * 0.02 / 350)  # two standard errors at 98 % on 350 images


@cache
def _runs():
    data = load_splits()
    return {name: grid_versus_random(data, box) for name, box in BOXES.items()}


def _marginal(ax, trials, key, style):
    ok = [t for t in trials if not t["aborted"]]
    x = [t[key] for t in ok]
    ax.plot(x, [t["val_acc"] for t in ok], ls="none", **style)
    stopped = [t[key] for t in trials if t["aborted"]]
    if stopped:  # an empty unclipped line breaks the layout
        ax.plot(stopped, [0.0] * len(stopped), ls="none", marker="x",
                color=style["color"], clip_on=False)


def make(lang):
    text = LABELS[lang]
    runs = _runs()
    grid, randoms = runs["wide"]
    fig, axes = plt.subplot_mosaic([["lr", "reg"], ["best", "best"]],
                                   figsize=(6.4, 5.2), height_ratios=[1.2, 1])
    grid_style = {"marker": "s", "ms": 9, "mfc": "none", "mew": 1.5,
                  "color": "tab:orange", "label": text["grid"]}
    random_style = {"marker": "o", "ms": 5, "color": "tab:blue",
                    "label": text["random"]}
    for key, name in (("log_lr", "lr"), ("log_reg", "reg")):
        _marginal(axes[name], grid, key, grid_style)
        _marginal(axes[name], randoms[0], key, random_style)
        axes[name].set_xlabel(text[name])
        axes[name].set_ylim(0, 1.02)
        axes[name].set_yticks([0, 0.5, 1])
    axes["reg"].tick_params(labelleft=False)
    axes["lr"].set_ylabel(text["acc"])
    axes["lr"].legend(loc="center right", fontsize=9)  # no trial lands mid-height

    ax = axes["best"]
    for i, name in enumerate(("narrow", "wide")):
        grid, randoms = runs[name]
        bests = [best(trials) for trials in randoms]
        jitter = np.linspace(-0.12, 0.12, len(bests))
        ax.plot(i + 0.2 + jitter, bests, "o", ms=5, color="tab:blue")
        ax.plot(i - 0.2, best(grid), "s", ms=9, mfc="none", mew=1.5,
                color="tab:orange")
        median = np.median(bests)
        ax.fill_between([i - 0.35, i + 0.35], median - SE2, median + SE2,
                        color="tab:blue", alpha=0.15, lw=0)
    ax.set_xticks([0, 1], ["[1e-4, 1]", "[1e-5, 10]"])
    ax.set_xlabel(text["range"])
    ax.set_xlim(-0.5, 1.5)
    ax.set_ylim(0.75, 1.0)
    ax.set_yticks([0.8, 0.9, 1.0])
    ax.set_ylabel(text["best"])
    ax.grid(axis="x", visible=False)
    return fig
