"""Per-layer activation histograms: tanh with '1.0' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = BASE


def make(lang, narrow=False):
    return draw("tanh", "1.0", LABELS[lang], narrow)
