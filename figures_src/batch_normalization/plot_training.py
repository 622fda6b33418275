"""The same 5-hidden-layer MLP on scikit-learn's digits, with and without BN."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullFormatter

from snippets.batch_normalization.digits_mlp import train

LABELS = {
    "ko": {
        "no_bn": "BN 없음",
        "bn": "BN 있음",
        "title_0.05": "나쁜 초기화: 가중치 표준편차 0.05",
        "title_he": "He 초기화: 표준편차 √(2/fan_in)",
        "loss": "훈련 손실 (로그 스케일)",
        "acc": "검증 정확도",
        "step": "반복 횟수 (학습률 0.1, 배치 64)",
    },
    "en": {
        "no_bn": "without BN",
        "bn": "with BN",
        "title_0.05": "Poor init: weight std 0.05",
        "title_he": "He init: std √(2/fan_in)",
        "loss": "training loss (log scale)",
        "acc": "validation accuracy",
        "step": "iteration (learning rate 0.1, batch 64)",
    },
}
INITS = (0.05, "he")
COLORS = {False: "tab:orange", True: "tab:blue"}


@cache
def _history(use_bn, weight_scale):
    return train(use_bn, weight_scale)  # the defaults the page's demo prints


def make(lang):
    text = LABELS[lang]
    fig, axes = plt.subplots(2, 2, figsize=(9, 5.6), sharex=True)
    for col, weight_scale in enumerate(INITS):
        for use_bn in (False, True):
            h = _history(use_bn, weight_scale)
            label = text["bn" if use_bn else "no_bn"]
            axes[0, col].semilogy(h["step"], h["train_loss"], color=COLORS[use_bn],
                                  label=label)
            axes[1, col].plot(h["step"], h["val_acc"], color=COLORS[use_bn],
                              label=label)
        axes[0, col].set_title(text[f"title_{weight_scale}"])
        axes[0, col].set_ylim(5e-4, 5)
        axes[0, col].yaxis.set_major_formatter(
            FuncFormatter(lambda v, _: f"{v:g}")
        )
        axes[0, col].yaxis.set_minor_formatter(NullFormatter())
        axes[1, col].set_ylim(0, 1)
        axes[1, col].set_xlabel(text["step"])
    axes[0, 0].set_ylabel(text["loss"])
    axes[1, 0].set_ylabel(text["acc"])
    axes[1, 1].legend(loc="lower right")
    axes[0, 1].axhline(np.log(10), color="gray", lw=0.8, ls=":")
    axes[0, 0].axhline(np.log(10), color="gray", lw=0.8, ls=":")
    return fig
