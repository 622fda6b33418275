"""Best validation accuracy after 10 epochs against the batch size, at a fixed rate
and with the linear scaling rule."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.parameter_updates.batch_size import SIZES, batch_sweep

LABELS = {
    "ko": {"batch": "배치 크기", "acc": "최고 검증 정확도",
           "fixed": "lr 0.1 고정", "scaled": "lr 0.1 × B/64 (선형 스케일링)"},
    "en": {"batch": "batch size", "acc": "best validation accuracy",
           "fixed": "lr 0.1, fixed", "scaled": "lr 0.1 × B/64 (linear scaling)"},
}
STYLE = {"fixed": "tab:gray", "scaled": "tab:blue"}


@cache
def _best():
    return batch_sweep()


def make(lang, narrow=False):
    text = LABELS[lang]
    best = _best()
    fig, ax = plt.subplots(figsize=(4, 3.8) if narrow else (6.4, 3.4))
    for kind, color in STYLE.items():
        acc = np.array([best[size, kind] for size in SIZES])
        ax.errorbar(SIZES, acc.mean(axis=1), yerr=acc.std(axis=1, ddof=1),
                    color=color, marker="o", capsize=3, label=text[kind])
    ax.set_xscale("log")
    ax.set_xticks(SIZES, [str(s) for s in SIZES])
    ax.minorticks_off()
    ax.set_xlabel(text["batch"])
    ax.set_ylabel(text["acc"])
    ax.legend(loc="lower left", fontsize=9)
    return fig
