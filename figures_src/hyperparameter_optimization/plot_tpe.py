"""Validation accuracy of each trial, in order, for Optuna's TPE and for random
search on the coarse search's box (seed 0 of tpe_search.py's demo)."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization.tpe_search import random_search, tpe_search

LABELS = {
    "ko": {
        "trial": "시행 번호",
        "acc": "검증 정확도",
        "tpe": "TPE",
        "random": "무작위 탐색",
        "startup": "TPE의 무작위 시작 10개",
    },
    "en": {
        "trial": "trial",
        "acc": "validation accuracy",
        "tpe": "TPE",
        "random": "random search",
        "startup": "TPE's 10 random start-up trials",
    },
}
BOX = {"log_lr": (-5, 1), "log_reg": (-7, 0)}  # as in the snippet's demo


@cache
def _scores():
    data = load_splits()
    return {name: np.nan_to_num([t["val_acc"] for t in search(data, BOX, 30, 5, 0)])
            for name, search in (("tpe", tpe_search), ("random", random_search))}


def make(lang, narrow=False):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(4, 3.6) if narrow else (6.4, 3.4))
    n = np.arange(1, 31)
    scores = _scores()
    ax.axvspan(0.5, 10.5, color="0.5", alpha=0.15, lw=0, label=text["startup"])
    ax.axhline(0.95, color="0.5", ls=":", lw=1)
    ax.plot(n, scores["random"], "x", color="tab:blue", ms=7, mew=1.5,
            label=text["random"])
    ax.plot(n, scores["tpe"], "o", color="tab:orange", ms=5, label=text["tpe"])
    ax.set_xlim(0.5, 30.5)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel(text["trial"])
    ax.set_ylabel(text["acc"])
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.01), ncol=2 if narrow else 3,
              fontsize=9, frameon=False, borderaxespad=0, columnspacing=1.0)
    return fig
