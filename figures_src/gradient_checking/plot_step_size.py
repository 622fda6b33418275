"""Relative error of finite differences of exp against the step h, log-log."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from snippets.gradient_checking.step_size import POINTS, STEPS, error_vs_step

LABELS = {
    "ko": {
        "x": "$h$",
        "y": "상대 오차",
        "c64": "중앙 차분, float64",
        "f64": "전진 차분, float64",
        "c32": "중앙 차분, float32",
        "h": "$h$ = 1e-5",
        "good": "1e-7: 좋음",
        "trunc": "절단 오차 ∝ h²",
        "round": "반올림 오차 ∝ ε/h",
    },
    "en": {
        "x": "$h$",
        "y": "relative error",
        "c64": "centered, float64",
        "f64": "forward, float64",
        "c32": "centered, float32",
        "h": "$h$ = 1e-5",
        "good": "1e-7: good",
        "trunc": "truncation error ∝ h²",
        "round": "rounding error ∝ ε/h",
    },
}

DECADES = 10.0 ** np.arange(-14, 1, 2)  # ticks and grid lines on both axes
YLIM = (1e-14, 10)


def _grid(ax, xlim):
    """The grid at DECADES as one path: one SVG element, not one per line."""
    gap = [np.nan]
    x = [v for d in DECADES for v in (d, d, *gap)] + [*xlim, *gap] * len(DECADES)
    y = [*YLIM, *gap] * len(DECADES) + [v for d in DECADES for v in (d, d, *gap)]
    grid = {key: plt.rcParams[f"grid.{key}"] for key in ("color", "alpha", "linewidth")}
    ax.plot(x, y, zorder=0, **grid)
    ax.grid(False)


def make(lang, narrow=False):
    text = LABELS[lang]
    curves = [
        (np.float64, "centered", "C0", "-", text["c64"]),
        (np.float64, "forward", "C0", "--", text["f64"]),
        (np.float32, "centered", "C3", "-", text["c32"]),
    ]
    fig, ax = plt.subplots(figsize=(4, 4.2) if narrow else (6.4, 4.2))
    for dtype, method, color, style, label in curves:
        errors = error_vs_step(np.exp, np.exp, POINTS, STEPS, dtype, method)
        ax.loglog(STEPS, errors, style, color=color, label=label)
    xlim = (STEPS[0] / 2, STEPS[-1] * 2)
    _grid(ax, xlim)
    ax.axvline(1e-5, color="0.3", lw=1, ls=":")
    ax.text(1.3e-5, 3e-14, text["h"], color="0.3", fontsize=9)
    ax.axhline(1e-7, color="C2", lw=1, ls=":")
    ax.text(2e-14, 2e-7, text["good"], color="C2", fontsize=9)
    arrow = {"arrowstyle": "->", "color": "0.3", "lw": 1}
    ax.annotate(text["round"], (1e-10, 6e-7), (3e-14, 1e-11), arrowprops=arrow)
    ax.annotate(text["trunc"], (3.2e-4, 1.6e-8), (1.5e-4, 1e-12), arrowprops=arrow)
    plain = FuncFormatter(lambda v, _: "1" if v == 1 else f"1e{round(np.log10(v))}")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_locator(FixedLocator(DECADES))
        axis.set_major_formatter(plain)  # "1e-14": no mathtext minus sign
        axis.set_minor_locator(NullLocator())
    if narrow:  # "1e-14" and "1e-12" would touch: every other decade labelled
        ax.xaxis.set_major_formatter(
            lambda v, _: plain(v) if round(np.log10(v)) % 4 == 0 else ""
        )
    ax.tick_params(bottom=False, left=False)  # the grid lines mark the ticks
    ax.set(xlabel=text["x"], ylabel=text["y"], xlim=xlim, ylim=YLIM)
    fig.legend(loc="outside lower center", ncols=3, fontsize=9, frameon=False)
    return fig
