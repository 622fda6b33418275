"""Overfitting 20 training images with real and with shuffled labels."""

from functools import cache

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.babysitting_learning.overfit_small import overfit_subset

LABELS = {
    "ko": {"real": "실제 레이블", "shuffled": "섞은 레이블",
           "epoch": "에폭",
           "loss": "훈련 손실"},
    "en": {"real": "real labels", "shuffled": "shuffled labels",
           "epoch": "epoch",
           "loss": "training loss"},
}
POWER = FuncFormatter(lambda v, _: f"{v:g}")


@cache
def _history(shuffled):
    return overfit_subset(shuffle_labels=shuffled)  # the page's demo settings


def make(lang):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(6.4, 2.8))
    for shuffled, color in ((False, "tab:blue"), (True, "tab:red")):
        h = _history(shuffled)
        ax.semilogy(range(len(h["train_loss"])), h["train_loss"], color=color,
                    label=text["shuffled" if shuffled else "real"])
    ax.yaxis.set_major_formatter(POWER)
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["loss"])
    ax.legend(loc="upper right")
    return fig
