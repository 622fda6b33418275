"""Per-layer activation histograms: tanh with 'xavier' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = BASE


def make(lang, narrow=False):
    return draw("tanh", "xavier", LABELS[lang], narrow)
