"""Per-layer activation histograms: relu with 'he' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = BASE


def make(lang, narrow=False):
    return draw("relu", "he", LABELS[lang], narrow)
