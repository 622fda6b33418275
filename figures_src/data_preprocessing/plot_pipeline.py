"""A correlated 2-D cloud through each preprocessing step, on one common scale."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.offsetbox import AnchoredOffsetbox, HPacker, TextArea

from snippets.data_preprocessing.normalize import normalize
from snippets.data_preprocessing.pca_whitening import decorrelate, fit_pca, whiten
from snippets.data_preprocessing.zero_center import correlated_data, zero_center

LABELS = {
    "ko": {
        "original": "(1) 원본",
        "centered": "(2) 평균 빼기",
        "normalized": "(3) 정규화",
        "decorrelated": "(4) 상관관계 제거 (PCA)",
        "whitened": "(5) 백색화",
    },
    "en": {
        "original": "(1) original",
        "centered": "(2) zero-centered",
        "normalized": "(3) normalized",
        "decorrelated": "(4) decorrelated (PCA)",
        "whitened": "(5) whitened",
    },
}

# Every panel shares one scale; tick labels only on the outer panels.
XLIM, XTICKS = (-7.0, 11.0), [-5, 0, 5, 10]
YLIM, YTICKS = (-5.0, 6.5), [-4, 0, 4]
LAYOUT = [
    ["original", "original", "centered", "centered", "normalized", "normalized"],
    [".", "decorrelated", "decorrelated", "whitened", "whitened", "."],
]
LEFT = ("original", "decorrelated")
BOTTOM = ("decorrelated", "whitened")
# On a phone: two panels a row, the last one alone in the middle.
NARROW_LAYOUT = [
    ["original", "original", "centered", "centered"],
    ["normalized", "normalized", "decorrelated", "decorrelated"],
    [".", "whitened", "whitened", "."],
]
NARROW_LEFT = ("original", "normalized")
NARROW_BOTTOM = ("decorrelated", "whitened")
PIXEL = 0.1  # side of one pixel of the point image, in data units (about 1 pt)


def _cloud(ax, Z):
    """The points as a small image: a 2 x 2 pixel dot of alpha 0.5 per point,
    darker where dots overlap, cropped to the points (points outside the limits
    are left out, as a scatter would clip them). A few kB, unlike 500 markers."""
    shape = (round((YLIM[1] - YLIM[0]) / PIXEL), round((XLIM[1] - XLIM[0]) / PIXEL))
    rows = np.floor((Z[:, 1] - YLIM[0]) / PIXEL).astype(int)
    cols = np.floor((Z[:, 0] - XLIM[0]) / PIXEL).astype(int)
    inside = (rows >= 0) & (rows < shape[0]) & (cols >= 0) & (cols < shape[1])
    rows, cols = rows[inside], cols[inside]
    dots = np.zeros(shape)
    for r, c in zip(rows, cols, strict=True):
        dots[r:r + 2, c:c + 2] += 1
    r0, r1 = rows.min(), min(rows.max() + 2, shape[0])
    c0, c1 = cols.min(), min(cols.max() + 2, shape[1])
    rgba = np.zeros((r1 - r0, c1 - c0, 4))
    rgba[..., :3] = to_rgb("C0")
    rgba[..., 3] = 1 - 0.5 ** dots[r0:r1, c0:c1]
    extent = (XLIM[0] + c0 * PIXEL, XLIM[0] + c1 * PIXEL,
              YLIM[0] + r0 * PIXEL, YLIM[0] + r1 * PIXEL)
    ax.imshow(rgba, extent=extent, origin="lower", interpolation="none")


def _lines(ax, xs, ys, **style):
    """Vertical lines at xs and horizontal ones at ys, as one SVG path."""
    gap = [np.nan]
    x = [v for t in xs for v in (t, t, *gap)] + [*XLIM, *gap] * len(ys)
    y = [*YLIM, *gap] * len(xs) + [v for t in ys for v in (t, t, *gap)]
    ax.plot(x, y, lw=0.8, zorder=0, **style)


def _sigma_box(ax, Z):
    """The covariance (1/N) of Z as a 2 x 2 matrix in the upper left corner."""
    c = np.round(np.cov(Z, rowvar=False, bias=True), 2) + 0.0
    rows = "\n".join(f"[{c[i, 0]:.2f}  {c[i, 1]:.2f}]" for i in range(2))
    style = {"fontsize": 9, "linespacing": 1.2}
    box = AnchoredOffsetbox(
        "upper left", borderpad=0.3, pad=0.25, frameon=True,
        child=HPacker(align="center", pad=0, sep=3, children=[
            TextArea("Σ =", textprops=style), TextArea(rows, textprops=style),
        ]),
    )
    box.patch.set(boxstyle="round,pad=0.2", fc="white", ec="0.7", alpha=0.9)
    ax.add_artist(box)


def make(lang, narrow=False):
    text = LABELS[lang]
    X = correlated_data()
    mean, eigvals, U = fit_pca(X)
    panels = {
        "original": X,
        "centered": zero_center(X)[0],
        "normalized": normalize(X)[0],
        "decorrelated": decorrelate(X, mean, U),
        "whitened": whiten(X, mean, eigvals, U),
    }
    grid = {key: plt.rcParams[f"grid.{key}"] for key in ("color", "alpha")}
    layout, size = (NARROW_LAYOUT, (4, 6.2)) if narrow else (LAYOUT, (7.1, 4.0))
    left, bottom = (NARROW_LEFT, NARROW_BOTTOM) if narrow else (LEFT, BOTTOM)
    fig, axes = plt.subplot_mosaic(layout, figsize=size, sharex=True, sharey=True)
    for key, Z in panels.items():
        ax = axes[key]
        # The grid drawn by hand: one path, not one SVG element per line.
        ax.grid(False)
        _lines(ax, [t for t in XTICKS if t], [t for t in YTICKS if t], **grid)
        _lines(ax, [0], [0], color="0.6")
        _cloud(ax, Z)
        _sigma_box(ax, Z)
        ax.set(title=text[key], xlim=XLIM, ylim=YLIM, xticks=XTICKS, yticks=YTICKS,
               aspect="equal")
        ax.tick_params(bottom=False, left=False,
                       labelbottom=key in bottom, labelleft=key in left)
    return fig
