"""Validation accuracy per epoch on digits for each rule at its best rate."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from figures_src.parameter_updates.common import COLORS, name
from snippets.parameter_updates.digits_rules import RATES, compare_rules, summary

LABELS = {
    "ko": {"epoch": "에폭", "acc": "검증 정확도 (시드 3개 평균)"},
    "en": {"epoch": "epoch", "acc": "validation accuracy (mean of 3 seeds)"},
}


@cache
def _curves():
    return compare_rules()


def make(lang, narrow=False):
    text = LABELS[lang]
    curves = _curves()
    fig, ax = plt.subplots(figsize=(4, 4.8) if narrow else (6.4, 3.8))
    for rule, (_, rates) in RATES.items():
        lr = max(rates, key=lambda r: summary(curves[rule, r])[0])
        acc = curves[rule, lr].mean(axis=0)
        ax.plot(np.arange(len(acc)), acc, color=COLORS[rule], marker=".",
                label=f"{name(rule, lang)} {lr:g}")
    ax.axhline(0.97, color="black", ls="--", lw=1)
    ax.set_ylim(0.85, 1.0)
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["acc"])
    if narrow:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2,
                  fontsize=9)
    else:
        ax.legend(loc="lower right", ncols=2, fontsize=9)
    return fig
