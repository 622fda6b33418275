"""Early stopping: validation loss and accuracy per epoch, the best and the stop."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.babysitting_learning.early_stopping import train_with_early_stopping
from snippets.digits_net import load_splits

LABELS = {
    "ko": {"epoch": "에폭", "loss": "검증 손실", "acc": "검증 정확도",
           "best": "최저 검증 손실 ({}에폭)", "stop": "멈춤 ({}에폭)"},
    "en": {"epoch": "epoch", "loss": "validation loss", "acc": "validation accuracy",
           "best": "lowest val loss (epoch {})", "stop": "stop (epoch {})"},
}


@cache
def _runs():
    data = load_splits()
    x, y = data["train"]
    subset = np.sort(np.random.default_rng(0).permutation(len(y))[:200])
    small = (x[subset], y[subset])  # the page's demo: 200 images, lr 1
    best, stopped = train_with_early_stopping(small, data["val"], lr=1.0)
    _, full = train_with_early_stopping(small, data["val"], lr=1.0, patience=None)
    return best["epoch"], stopped[-1]["epoch"], full


def make(lang, narrow=False):
    text = LABELS[lang]
    best, stop, log = _runs()
    epochs = [row["epoch"] for row in log]
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True,
                                      figsize=(4, 5.0) if narrow else (6.4, 4.2))
    top.plot(epochs, [row["val_loss"] for row in log], color="tab:orange")
    top.set_ylim(0.26, 0.32)
    top.set_ylabel(text["loss"])
    bottom.plot(epochs, [row["val_acc"] for row in log], color="tab:green")
    bottom.set_ylim(0.90, 0.94)
    bottom.set_ylabel(text["acc"])
    bottom.set_xlabel(text["epoch"])
    bottom.set_xlim(0, 100)
    for ax in (top, bottom):
        ax.axvline(best, color="black", ls="--", lw=1.2,
                   label=text["best"].format(best))
        ax.axvline(stop, color="tab:red", ls=":", lw=1.5,
                   label=text["stop"].format(stop))
    bottom.legend(loc="lower right", fontsize=9)
    return fig
