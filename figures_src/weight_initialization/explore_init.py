"""Explorer data: the 10-layer experiment for every weight std on a log slider.

For tanh and ReLU, 25 stds from 1e-3 to 10 (six per decade, so 0.01 and 1.0 are
on it) plus the Xavier and He stds of the page's network, each run with the page's
`run_network` (same input and seed as its tables): per layer the activation
histogram (counts, the page's bins), the counts beyond the range, and the std of
the activations and of the gradient dL/dh; the histograms' x range and ticks are
the page's histogram figures'. docs/assets/explorer.js draws a frame.
"""

import numpy as np

from figures_src.explorer import sig
from figures_src.weight_initialization.data import BINS, RANGES
from figures_src.weight_initialization.histograms import TICKS
from snippets.weight_initialization.layer_statistics import WEIGHT_STD, run_network

WIDTH = 500  # fan_in of every layer of the page's network
MARKS = {"xavier": float(WEIGHT_STD["xavier"](WIDTH)),
         "he": float(WEIGHT_STD["he"](WIDTH))}
PAGE = {"0.01": 0.01, **MARKS, "1.0": 1.0}  # the page's cases, in slider order
STDS = sorted({*np.round(np.logspace(-3, 1, 25), 12).tolist(), *MARKS.values()})


def frame(nonlinearity, std):
    """One slider position: run_network with the std as a constant init."""
    WEIGHT_STD[f"std {std!r}"] = lambda fan_in: std
    try:
        acts, grads, _ = run_network(nonlinearity, f"std {std!r}")
    finally:
        del WEIGHT_STD[f"std {std!r}"]
    lo, hi = RANGES[nonlinearity]
    edges = np.linspace(lo, hi, BINS + 1)
    counts, over = [], []
    for h in acts:
        values = h[h != 0] if nonlinearity == "relu" else h.ravel()
        counts.append(np.histogram(values, bins=edges)[0].tolist())
        over.append(int(np.sum(values > hi)))
    return {
        "counts": counts,
        "over": over,
        "act_std": [sig(h.std()) for h in acts],
        "grad_std": [sig(g.std()) for g in grads],
    }


def data():
    return {
        "kind": "weight-init",
        "units": int(WIDTH * 1000),  # values per layer: 1000 examples x 500 units
        "stds": [sig(s, 6) for s in STDS],
        "marks": {name: STDS.index(std) for name, std in PAGE.items()},
        "ranges": {name: list(r) for name, r in RANGES.items()},
        "ticks": TICKS,  # the histogram figures' x ticks
        "frames": {
            nonlinearity: [frame(nonlinearity, std) for std in STDS]
            for nonlinearity in ("tanh", "relu")
        },
    }
