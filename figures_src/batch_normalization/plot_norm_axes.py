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
# The three visible faces: origin, unit steps along the face's two grid axes.
FACES = {
    "front": ((0, 0), (1, 0), (0, 1)),  # channel 0, axes (n, s)
    "top": ((0, HW), (1, 0), (DX, DY)),  # last spatial position, axes (n, c)
    "right": ((N, 0), (DX, DY), (0, 1)),  # last example, axes (c, s)
}


def shared_statistics(method):
    """Boolean (N, C, HW) mask of the values normalized together with [0, 0, 0]."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N, C, HW, 1))
    y = method(x)
    x[0, 0, 0, 0] += 1.0
    return (np.abs(method(x) - y) > 1e-9)[..., 0]


def _rectangles(mask):
    """Cover the True cells of a 2-D mask with few rectangles (u0, u1, v0, v1)."""
    todo, rects = mask.copy(), []
    for u0, v0 in zip(*np.nonzero(mask), strict=True):
        if not todo[u0, v0]:
            continue
        v1 = v0 + 1
        while v1 < mask.shape[1] and todo[u0, v1]:
            v1 += 1
        u1 = u0 + 1
        while u1 < mask.shape[0] and todo[u1, v0:v1].all():
            u1 += 1
        todo[u0:u1, v0:v1] = False
        rects.append((u0, u1, v0, v1))
    return rects


def _draw_cube(ax, mask, names):
    """Draw the three visible faces of the (N, C, HW) cube, shading `mask`."""
    faces = {
        "front": mask[:, 0, :],
        "top": mask[:, :, HW - 1],
        "right": mask[N - 1, :, :],
    }
    polygons, colors = [], []
    grid_x, grid_y = [], []
    for name, face_mask in faces.items():
        origin, e1, e2 = (np.array(v, dtype=float) for v in FACES[name])

        def at(u, v, origin=origin, e1=e1, e2=e2):
            return tuple(origin + u * e1 + v * e2)

        nu, nv = face_mask.shape
        polygons.append([at(0, 0), at(nu, 0), at(nu, nv), at(0, nv)])
        colors.append("white")
        for u0, u1, v0, v1 in _rectangles(face_mask):
            polygons.append([at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)])
            colors.append("tab:blue")
        # every grid line of the face, in one path broken by NaNs
        for u in range(nu + 1):
            for (x, y) in (at(u, 0), at(u, nv), (np.nan, np.nan)):
                grid_x.append(x)
                grid_y.append(y)
        for v in range(nv + 1):
            for (x, y) in (at(0, v), at(nu, v), (np.nan, np.nan)):
                grid_x.append(x)
                grid_y.append(y)
    ax.add_collection(PolyCollection(polygons, facecolors=colors, linewidths=0))
    ax.plot(grid_x, grid_y, color="0.35", lw=0.6, solid_capstyle="projecting",
            clip_on=False)
    arrow = {"arrowstyle": "->", "lw": 1}
    ax.annotate("", xy=(N, -0.6), xytext=(0, -0.6), arrowprops=arrow)
    ax.text(N / 2, -1.3, names["n"], ha="center", va="center")
    ax.annotate("", xy=(-0.6, HW), xytext=(-0.6, 0), arrowprops=arrow)
    ax.text(-1.2, HW / 2, names["hw"], ha="center", va="center", rotation=90)
    ax.annotate("", xy=(N + 0.4 + C * DX, C * DY - 0.4), xytext=(N + 0.4, -0.4),
                arrowprops=arrow)
    ax.text(N + 0.9 + C * DX / 2, C * DY / 2 - 0.9, names["c"], ha="left",
            va="center")
    ax.set_xlim(-1.8, N + C * DX + 2.6)
    ax.set_ylim(-1.7, HW + C * DY + 0.2)
    ax.set_aspect("equal")
    ax.axis("off")


def make(lang, narrow=False):
    text = LABELS[lang]
    shape, size = ((2, 2), (4, 4.4)) if narrow else ((1, 4), (7.1, 2.2))
    fig, axes = plt.subplots(*shape, figsize=size)
    axes = axes.ravel()
    letters = {"n": "N", "c": "C", "hw": "H, W"}  # axis names in full only once
    for i, (ax, (name, method)) in enumerate(zip(axes, METHODS.items(), strict=True)):
        _draw_cube(ax, shared_statistics(method), text if i == 0 else letters)
        ax.set_title(text[name])
    return fig
