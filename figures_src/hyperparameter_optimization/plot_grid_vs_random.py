"""Bergstra & Bengio's picture: 9 trials as a grid and at random, when only one of
two hyperparameters matters. Each panel's top and right strips are the 1-D views."""

import matplotlib.pyplot as plt
import numpy as np

LABELS = {
    "ko": {
        "grid": "그리드 탐색 (3 × 3)",
        "random": "무작위 탐색 (시행 9개)",
        "important": "중요한 파라미터",
        "unimportant": "덜 중요한 파라미터",
    },
    "en": {
        "grid": "grid search (3 × 3)",
        "random": "random search (9 trials)",
        "important": "important parameter",
        "unimportant": "unimportant parameter",
    },
}


def important(x):
    """The score as a function of the parameter that matters: one narrow peak."""
    return np.exp(-(((x - 0.7) / 0.09) ** 2))


def unimportant(y):
    """The parameter that barely matters: almost flat."""
    return 0.05 * np.sin(3 * y)


def _points():
    axis = np.linspace(0, 1, 3)  # ends included, as grid_search does
    grid = np.array([(a, b) for a in axis for b in axis])
    rng = np.random.default_rng(0)
    return {"grid": grid, "random": rng.uniform(size=(9, 2))}


def make(lang):
    text = LABELS[lang]
    fig = plt.figure(figsize=(6.4, 3.4))
    spec = fig.add_gridspec(2, 4, width_ratios=[3, 1, 3, 1], height_ratios=[1, 3])
    t = np.linspace(0, 1, 200)
    for col, (name, pts) in enumerate(_points().items()):
        main = fig.add_subplot(spec[1, 2 * col])
        top = fig.add_subplot(spec[0, 2 * col], sharex=main)
        side = fig.add_subplot(spec[1, 2 * col + 1], sharey=main)
        main.scatter(pts[:, 0], pts[:, 1], s=30, color="tab:blue", zorder=3,
                     clip_on=False)
        top.plot(t, important(t), color="tab:green", lw=1.5)
        top.plot(pts[:, 0], important(pts[:, 0]), "o", color="tab:blue", ms=5,
                 clip_on=False)
        top.set_title(text[name])
        side.plot(unimportant(t), t, color="tab:gray", lw=1.5)
        side.plot(unimportant(pts[:, 1]), pts[:, 1], "o", color="tab:blue", ms=5,
                  clip_on=False)
        main.set_xlim(0, 1)
        main.set_ylim(0, 1)
        main.set_xlabel(text["important"])
        if col == 0:
            main.set_ylabel(text["unimportant"])
        top.set_ylim(0, 1.1)
        side.set_xlim(-0.3, 0.3)
        for ax in (main, top, side):
            ax.set_xticks([] if ax is not main else [])
            ax.set_yticks([])
            ax.grid(False)
    return fig
