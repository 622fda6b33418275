"""Best validation accuracy so far against the number of random-search trials,
with a band of two standard errors around it."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization.best_so_far import best_so_far, random_search
from snippets.hyperparameter_optimization.noise_floor import standard_error

LABELS = {
    "ko": {
        "trials": "시행 수",
        "acc": "검증 정확도",
        "search": "탐색 {}",
        "band": "± 2 표준오차",
    },
    "en": {
        "trials": "number of trials",
        "acc": "validation accuracy",
        "search": "search {}",
        "band": "± 2 standard errors",
    },
}
BOX = {"log_lr": (-5, 1), "log_reg": (-7, 0)}  # as in the snippet's demo
SEEDS = (0, 1)
COLORS = ("tab:blue", "tab:orange")


@cache
def _searches():
    data = load_splits()
    return [[t["val_acc"] for t in random_search(data, BOX, 60, epochs=5, seed=seed)]
            for seed in SEEDS]


def make(lang):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    n = np.arange(1, 61)
    for k, (scores, color) in enumerate(zip(_searches(), COLORS, strict=True)):
        curve = best_so_far(scores)
        ax.step(n, curve, where="post", color=color, label=text["search"].format(k + 1))
        if k == 0:
            band = 2 * standard_error(curve, 350)
            ax.fill_between(n, curve - band, curve + band, step="post", color=color,
                            alpha=0.2, lw=0, label=text["band"])
            ax.plot(n, scores, ".", color=color, ms=4)
    ax.set_xlim(1, 60)
    ax.set_ylim(0.85, 1.0)
    ax.set_xlabel(text["trials"])
    ax.set_ylabel(text["acc"])
    ax.legend(loc="lower right", fontsize=9)
    return fig
