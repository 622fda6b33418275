"""The five cases of the layer-statistics experiment, each run once per process and
reduced to what the figures draw (histograms and per-layer std)."""

from functools import cache

import numpy as np

from snippets.weight_initialization.layer_statistics import run_network

CASES = (
    ("tanh", "0.01"),
    ("tanh", "1.0"),
    ("tanh", "xavier"),
    ("relu", "xavier"),
    ("relu", "he"),
)
NAMES = {
    "ko": {
        ("tanh", "0.01"): "tanh, 표준편차 0.01",
        ("tanh", "1.0"): "tanh, 표준편차 1.0",
        ("tanh", "xavier"): "tanh, Xavier",
        ("relu", "xavier"): "ReLU, Xavier",
        ("relu", "he"): "ReLU, He",
    },
    "en": {
        ("tanh", "0.01"): "tanh, std 0.01",
        ("tanh", "1.0"): "tanh, std 1.0",
        ("tanh", "xavier"): "tanh, Xavier",
        ("relu", "xavier"): "ReLU, Xavier",
        ("relu", "he"): "ReLU, He",
    },
}
RANGES = {"tanh": (-1.0, 1.0), "relu": (0.0, 6.0)}  # ReLU beyond 6: < 1e-4
BINS = 30


@cache
def summary(nonlinearity, init):
    acts, grads, _ = run_network(nonlinearity, init)
    lo, hi = RANGES[nonlinearity]
    edges = np.linspace(lo, hi, BINS + 1)
    hists = []
    for h in acts:
        values = h[h != 0] if nonlinearity == "relu" else h.ravel()  # ReLU: drop zeros
        counts, _ = np.histogram(values, bins=edges)
        hists.append(counts / h.size)  # fraction of all units, zeros included
    return {
        "edges": edges,
        "hists": hists,
        "act_std": np.array([h.std() for h in acts]),
        "grad_std": np.array([g.std() for g in grads]),
        "zeros": np.array([np.mean(h == 0) for h in acts]),
    }
