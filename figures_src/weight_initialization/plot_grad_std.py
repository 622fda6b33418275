"""Std of the backpropagated gradient dL/dh per layer, all five cases (log scale)."""

from figures_src.weight_initialization.lines import draw

LABELS = {
    "ko": {
        "x": "층 (역전파는 10층에서 1층으로)",
        "y": "기울기 dL/dh 표준편차 (로그 스케일)",
        "title": "층별 기울기 표준편차",
    },
    "en": {
        "x": "layer (backprop runs from layer 10 to layer 1)",
        "y": "gradient dL/dh std (log scale)",
        "title": "Gradient std per layer",
    },
}


def make(lang):
    return draw("grad_std", LABELS[lang], lang)
