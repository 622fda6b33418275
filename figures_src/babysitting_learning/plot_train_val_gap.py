"""Train and validation accuracy against training-set size and hidden width."""

from functools import cache

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.babysitting_learning.train_val_gap import run

LABELS = {
    "ko": {"size": "훈련 이미지 수",
           "width": "은닉 유닛 수",
           "acc": "정확도", "train": "훈련", "val": "검증"},
    "en": {"size": "training images", "width": "hidden units",
           "acc": "accuracy", "train": "train", "val": "validation"},
}
SIZES = (50, 75, 100, 150, 200, 300, 500, 750, 1097)
WIDTHS = (1, 2, 4, 8, 16, 32, 64, 100)
PLAIN = FuncFormatter(lambda v, _: f"{v:g}")


@cache
def _accuracies(kind):
    values = SIZES if kind == "size" else WIDTHS
    runs = [run(n_train=v) if kind == "size" else run(hidden=v) for v in values]
    return values, [h["train_acc"][-1] for h in runs], [h["val_acc"][-1] for h in runs]


def make(lang):
    text = LABELS[lang]
    fig, axes = plt.subplots(1, 2, figsize=(6.4, 3.0), sharey=True)
    for ax, kind in zip(axes, ("size", "width"), strict=True):
        values, train_acc, val_acc = _accuracies(kind)
        ax.semilogx(values, train_acc, color="tab:blue", marker="o", ms=3,
                    label=text["train"])
        ax.semilogx(values, val_acc, color="tab:orange", marker="s", ms=3,
                    label=text["val"])
        ax.fill_between(values, val_acc, train_acc, color="tab:gray", alpha=0.2)
        ax.set_xlabel(text[kind])
        ax.xaxis.set_major_formatter(PLAIN)
        ax.xaxis.set_minor_locator(NullLocator())
    axes[0].set_xticks([50, 100, 300, 1000])  # 500 and 1000 touch on a phone
    axes[1].set_xticks([1, 2, 4, 8, 32, 100])
    axes[0].set_ylim(0, 1.02)
    axes[0].set_ylabel(text["acc"])
    axes[1].legend(loc="lower right")
    return fig
