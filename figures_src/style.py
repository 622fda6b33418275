"""The one look every figure shares. tools/figures.py applies it before drawing."""

import koreanize_matplotlib  # noqa: F401  (registers NanumGothic: Hangul, offline)
import matplotlib

LANGS = ("ko", "en")

RC = {
    "svg.hashsalt": "cs231n-training-nn",  # stable ids: identical bytes on every run
    "svg.fonttype": "path",  # text as outlines: no web font needed
    "axes.unicode_minus": False,  # NanumGothic has no U+2212
    "font.family": "NanumGothic",
    "font.size": 10,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "lines.linewidth": 2,
}


def apply() -> None:
    matplotlib.use("Agg")
    matplotlib.rcParams.update(RC)
