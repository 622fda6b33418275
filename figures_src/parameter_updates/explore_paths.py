"""Explorer data for the trajectories figure: update rule x learning rate on the
three 2-D surfaces; docs/assets/explorer.js draws a frame ("paths").

Every frame is a real 100-step run of `trajectory` (the page's snippet) at one of
its 21 rates. To stay within the explorer data budget (tools/budget.py, 150 kB),
a path is stored as integers: each point's position relative to its surface's
view box (the figure's axes), on a grid of GRID + 1 steps across the box (about a
pixel of the drawing), every point that lands on the same grid cell as the point
before it dropped (the polyline is the same), and each point written as its step
from the one before (the first from the box's lower left corner), x and y
interleaved: small numbers, a third fewer bytes. Points
outside the box are kept (the viewer clips the drawing to it) as long as they are
finite and within one box size of it; the run is cut at the first point beyond
that margin, with its last segment shortened to the margin (what shows in the box
is unchanged). `steps` says how many steps the run took before it ended or was
cut, `left` whether it was cut, and `gap` the run's final gap to the lowest value,
to 6 digits (null where it is not finite): the readout rounds it to the 2 the
snippet prints.
The background is the figure's: per surface, its contour lines (the levels of the
log gap that plot_trajectories draws, from matplotlib's contour) on the same grid
as polylines written the same way (thinned: a point within TOL cells of the last
one kept is dropped),
and the minima it marks.
"""

import numpy as np

from figures_src.explorer import sig
from figures_src.parameter_updates.plot_trajectories import MINIMA, VIEW
from snippets.parameter_updates.trajectories import (
    RATES,
    RULES,
    SURFACES,
    trajectory,
    tuned_rate,
)

GRID = 499
TOL = 3  # grid cells: a contour point closer than this to the last one is dropped


def encode(path, view):
    """The path on the grid of `view`, cut as the module docstring says."""
    (x0, x1), (y0, y1) = view
    with np.errstate(invalid="ignore", over="ignore"):
        uv = (path - [x0, y0]) / [x1 - x0, y1 - y0] * GRID
    near = np.isfinite(uv).all(axis=1) & (uv >= -GRID).all(axis=1) & (
        uv <= 2 * GRID).all(axis=1)
    left = not near.all()
    end = int(np.argmin(near)) if left else len(path)
    kept = uv[:end]
    if left and end > 0 and np.isfinite(uv[end]).all():
        # the segment towards the first point beyond the margin, up to the margin
        a, b = uv[end - 1], uv[end]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.nanmin(np.r_[np.where(b > a, (2 * GRID - a) / (b - a), np.inf),
                                np.where(b < a, (-GRID - a) / (b - a), np.inf)])
        kept = np.r_[kept, [a + min(t, 1.0) * (b - a)]]
    points = kept.round().astype(int)
    moved = np.r_[True, (np.diff(points, axis=0) != 0).any(axis=1)]
    return points[moved], left, end - 1


def steps_of(points):
    """Points (n, 2) as the flat list of their steps, the first from (0, 0)."""
    return np.diff(points, axis=0, prepend=[[0, 0]]).ravel().tolist()


def frame(rule, surface, lr):
    f, _, lowest = SURFACES[surface]
    path = trajectory(RULES[rule](), surface, lr)
    points, left, steps = encode(path, VIEW[surface])
    with np.errstate(over="ignore", invalid="ignore"):
        gap = f(*path[-1])[0] - lowest
    return {"xy": steps_of(points), "steps": steps, "left": left,
            "gap": sig(gap, 6)}


def contours(surface):
    """The figure's contour lines of `surface`, each a polyline on the grid."""
    import matplotlib.pyplot as plt

    f, _, lowest = SURFACES[surface]
    (x0, x1), (y0, y1) = VIEW[surface]
    x, y = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
    fig, ax = plt.subplots()
    drawn = ax.contour(x, y, np.log10(f(x, y)[0] - lowest + 1e-3), levels=7)
    plt.close(fig)
    lines = []
    for segment in (s for level in drawn.allsegs for s in level if len(s) > 1):
        points = encode(segment, VIEW[surface])[0]  # all inside the box
        kept = [points[0]]  # points more than TOL from the last one kept, and the end
        for point in points[1:-1]:
            if np.abs(point - kept[-1]).max() > TOL:
                kept.append(point)
        lines.append(steps_of(np.array([*kept, points[-1]])))
    return lines


def data():
    return {
        "kind": "paths",
        "grid": GRID,
        "rates": [sig(r, 6) for r in RATES],
        "rules": list(RULES),
        "surfaces": {name: {"view": VIEW[name], "start": list(SURFACES[name][1]),
                            "minima": MINIMA[name], "contours": contours(name)}
                     for name in SURFACES},
        "tuned": {s: {r: int(np.flatnonzero(RATES == tuned_rate(r, s)[0])[0])
                      for r in RULES} for s in SURFACES},
        "frames": {s: {r: [frame(r, s, lr) for lr in RATES] for r in RULES}
                   for s in SURFACES},
    }
