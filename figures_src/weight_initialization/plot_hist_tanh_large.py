"""Per-layer activation histograms: tanh with '1.0' init (the page's experiment)."""

from figures_src.weight_initialization.histograms import BASE, draw

LABELS = {
    "ko": {**BASE["ko"], "title": " — 층별 활성값 분포"},
    "en": {**BASE["en"], "title": " — activations per layer"},
}


def make(lang):
    return draw("tanh", "1.0", LABELS[lang], lang)
