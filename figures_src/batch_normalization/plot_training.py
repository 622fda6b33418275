"""The same 5-hidden-layer MLP on scikit-learn's digits, with and without BN."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.batch_normalization.digits_mlp import train

LABELS = {
    "ko": {
        "no_bn": "BN 없음",
        "bn": "BN 있음",
        "title_0.05": "나쁜 초기화: 표준편차 0.05",
        "title_he": "He 초기화",
        "loss": "훈련 손실",
        "acc": "검증 정확도",
        "step": "반복",
    },
    "en": {
        "no_bn": "without BN",
        "bn": "with BN",
        "title_0.05": "Poor init: weight std 0.05",
        "title_he": "He init",
        "loss": "training loss",
        "acc": "validation accuracy",
        "step": "iteration",
    },
}
INITS = (0.05, "he")
COLORS = {False: "tab:orange", True: "tab:blue"}


@cache
def _history(use_bn, weight_scale):
    return train(use_bn, weight_scale)  # the defaults the page's demo prints


def make(lang, narrow=False):
    text = LABELS[lang]
    size = (4, 5.4) if narrow else (7.1, 4.6)
    fig, axes = plt.subplots(2, 2, figsize=size, sharex=True, sharey="row")
    for col, weight_scale in enumerate(INITS):
        for use_bn in (False, True):
            h = _history(use_bn, weight_scale)
            label = text["bn" if use_bn else "no_bn"]
            axes[0, col].semilogy(h["step"], h["train_loss"], color=COLORS[use_bn],
                                  label=label)
            axes[1, col].plot(h["step"], h["val_acc"], color=COLORS[use_bn],
                              label=label)
        axes[0, col].axhline(np.log(10), color="gray", lw=0.8, ls=":")
        axes[0, col].set_title(text[f"title_{weight_scale}"])
        axes[1, col].set_xlabel(text["step"])
    axes[1, 0].set_xticks(range(0, 801, 200))
    axes[0, 0].set_ylim(5e-4, 5)
    axes[0, 0].yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    axes[0, 0].yaxis.set_minor_locator(NullLocator())
    axes[1, 0].set_ylim(0, 1)
    axes[0, 0].set_ylabel(text["loss"])
    axes[1, 0].set_ylabel(text["acc"])
    axes[1, 1].legend(loc="lower right")
    return fig
