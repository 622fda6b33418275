"""Paths of the six update rules on three 2-D surfaces, each at its tuned rate."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from figures_src.parameter_updates.common import COLORS, name
from snippets.parameter_updates.trajectories import (
    RULES,
    SURFACES,
    trajectory,
    tuned_rate,
)

LABELS = {
    "ko": {"ravine": "좁은 골짜기", "saddle": "안장점", "rosenbrock": "Rosenbrock",
           "start": "시작"},
    "en": {"ravine": "ravine", "saddle": "saddle", "rosenbrock": "Rosenbrock",
           "start": "start"},
}
VIEW = {"ravine": ((-2, 2), (-1.2, 1.2)), "saddle": ((-2, 2), (-1.6, 1.6)),
        "rosenbrock": ((-2, 2), (-1, 3))}
MINIMA = {"ravine": [(0, 0)], "saddle": [(0, -1), (0, 1)], "rosenbrock": [(1, 1)]}


def thin(path, view, tol=0.004):
    """The points of `path` that lie more than `tol` of the view's size from the
    last point kept (the same line on the page, a smaller file)."""
    span = np.array([view[0][1] - view[0][0], view[1][1] - view[1][0]])
    kept = [path[0]]
    for point in path[1:]:
        moved = (np.abs(point - kept[-1]) > tol * span).any()
        if moved or not np.isfinite(point).all():
            kept.append(point)
    return np.array([*kept, path[-1]])  # ends where the run ends


@cache
def paths(surface):
    return {rule: trajectory(RULES[rule](), surface, tuned_rate(rule, surface)[0])
            for rule in RULES}


def make(lang, narrow=False):
    text = LABELS[lang]
    if narrow:
        fig, axes = plt.subplots(3, 1, figsize=(4, 10.5))
    else:
        fig, axes = plt.subplots(1, 3, figsize=(6.4, 3.2))
    for ax, surface in zip(axes, SURFACES, strict=True):
        f, start, lowest = SURFACES[surface]
        (x0, x1), (y0, y1) = VIEW[surface]
        x, y = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
        z = f(x, y)[0] - lowest
        ax.contour(x, y, np.log10(z + 1e-3), levels=7, colors="0.75",
                   linewidths=0.7, linestyles="solid")
        for rule, path in paths(surface).items():
            path = thin(path, VIEW[surface])
            ax.plot(path[:, 0], path[:, 1], color=COLORS[rule], lw=1.4,
                    label=name(rule, lang))
        ax.plot(*start, "ko", ms=4)
        for minimum in MINIMA[surface]:
            ax.plot(*minimum, "k*", ms=9)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_title(text[surface])
        ax.set_xticks([])
        ax.set_yticks([])
    if narrow:
        axes[-1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.05), ncols=3,
                        fontsize=9)
    else:
        axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.05), ncols=3,
                       fontsize=9)
    return fig
