"""Activation std per layer, all five cases of the experiment (log scale)."""

from figures_src.weight_initialization.lines import draw

LABELS = {
    "ko": {
        "x": "층",
        "y": "활성값 표준편차 (로그 스케일)",
        "title": "층별 활성값 표준편차",
    },
    "en": {
        "x": "layer",
        "y": "activation std (log scale)",
        "title": "Activation std per layer",
    },
}


def make(lang):
    return draw("act_std", LABELS[lang], lang)
