"""Per-layer activation histograms: tanh with '0.01' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = BASE


def make(lang, narrow=False):
    return draw("tanh", "0.01", LABELS[lang], narrow)
