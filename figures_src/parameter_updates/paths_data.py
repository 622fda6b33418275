"""Explorer frames for the trajectories figure: update rule x learning rate on the
three 2-D surfaces (not yet wired to a page: docs/assets/explorer.js has no viewer
for 2-D paths; rename to explore_paths.py once it has one).

Every frame is a real 100-step run of `trajectory` (the page's snippet) at one of
its 21 rates. To stay within the explorer data budget (tools/budget.py, 150 kB),
a path is stored as integers: each point's position in its surface's view box
(the figure's axes) on a 0..999 grid, x and y interleaved; it ends at the first
point outside the box (that point clipped to the edge) and drops every point
that lands on the same grid cell as the point before it (the polyline is the
same). `steps` says how many steps the run took before it ended or left the box,
`left` whether it left the box, and `gap` the run's final gap to the lowest value
(null where it is not finite).
"""

import numpy as np

from figures_src.parameter_updates.plot_trajectories import VIEW
from snippets.parameter_updates.trajectories import (
    RATES,
    RULES,
    SURFACES,
    trajectory,
    tuned_rate,
)

GRID = 999


def sig(x, digits=3):
    return float(f"{x:.{digits}g}") if np.isfinite(x) else None


def encode(path, view):
    """The path on the 0..GRID grid of `view`, cut as the module docstring says."""
    (x0, x1), (y0, y1) = view
    with np.errstate(invalid="ignore"):
        u = (path[:, 0] - x0) / (x1 - x0) * GRID
        v = (path[:, 1] - y0) / (y1 - y0) * GRID
    inside = np.isfinite(u) & np.isfinite(v) & (u >= 0) & (u <= GRID) & (v >= 0) & (
        v <= GRID)
    left = not inside.all()
    end = int(np.argmin(inside)) + 1 if left else len(path)
    u = np.clip(np.nan_to_num(u[:end], nan=0.0), 0, GRID).round().astype(int)
    v = np.clip(np.nan_to_num(v[:end], nan=0.0), 0, GRID).round().astype(int)
    points = np.stack([u, v], axis=1)
    moved = np.r_[True, (np.diff(points, axis=0) != 0).any(axis=1)]
    return points[moved], left, end - 1


def frame(rule, surface, lr):
    f, _, lowest = SURFACES[surface]
    path = trajectory(RULES[rule](), surface, lr)
    points, left, steps = encode(path, VIEW[surface])
    with np.errstate(over="ignore", invalid="ignore"):
        gap = f(*path[-1])[0] - lowest
    return {"xy": points.ravel().tolist(), "steps": steps, "left": left,
            "gap": sig(gap)}


def data():
    return {
        "kind": "paths",
        "rates": [sig(r, 6) for r in RATES],
        "rules": list(RULES),
        "surfaces": {name: {"view": VIEW[name], "start": list(SURFACES[name][1])}
                     for name in SURFACES},
        "tuned": {s: {r: int(np.flatnonzero(RATES == tuned_rate(r, s)[0])[0])
                      for r in RULES} for s in SURFACES},
        "frames": {s: {r: [frame(r, s, lr) for lr in RATES] for r in RULES}
                   for s in SURFACES},
    }
