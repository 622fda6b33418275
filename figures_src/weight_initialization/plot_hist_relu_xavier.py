"""Per-layer activation histograms: relu with 'xavier' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = BASE


def make(lang, narrow=False):
    return draw("relu", "xavier", LABELS[lang], narrow)
