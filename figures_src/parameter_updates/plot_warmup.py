"""Training loss per epoch at lr 1.8 and 2.5, with and without linear warmup."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from snippets.parameter_updates.warmup import warmup_runs

LABELS = {
    "ko": {"epoch": "에폭", "loss": "훈련 손실", "none": "워밍업 없음",
           "warmup": "선형 워밍업 (5에폭)",
           "warm+cos": "워밍업 + 코사인 감소", "lr": "lr {:g}"},
    "en": {"epoch": "epoch", "loss": "training loss", "none": "no warmup",
           "warmup": "linear warmup (5 epochs)",
           "warm+cos": "warmup + cosine decay", "lr": "lr {:g}"},
}
POWER = FuncFormatter(
    lambda v, _: f"{v:g}" if 1e-3 <= v <= 100 else f"1e{np.log10(v):.0f}"
)
STYLE = {"none": "tab:red", "warmup": "tab:orange", "warm+cos": "tab:blue"}


@cache
def _runs():
    return warmup_runs()


def make(lang, narrow=False):
    text = LABELS[lang]
    runs = _runs()
    rates = sorted({lr for lr, _ in runs})
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4, 6.4), sharex=True, sharey=True)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(6.4, 3.4), sharey=True)
    for ax, lr in zip(axes, rates, strict=True):
        for kind, color in STYLE.items():
            for i, h in enumerate(runs[lr, kind]):
                loss = np.array(h["train_loss"])
                ax.semilogy(np.arange(len(loss)),
                            np.where(np.isfinite(loss), loss, np.nan), color=color,
                            lw=1.2, label=text[kind] if i == 0 else None)
        ax.set_title(text["lr"].format(lr))
        ax.set_ylim(1e-3, 1e8)
        ax.set_xticks(range(0, 11, 2))
        ax.yaxis.set_major_locator(LogLocator(numticks=6))
        ax.yaxis.set_major_formatter(POWER)
        ax.yaxis.set_minor_locator(NullLocator())
    axes[-1].set_xlabel(text["epoch"])
    for ax in axes if narrow else axes[:1]:
        ax.set_ylabel(text["loss"])
    if not narrow:
        axes[0].set_xlabel(text["epoch"])
    if narrow:
        axes[-1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), fontsize=9)
    else:
        axes[-1].legend(loc="upper right", fontsize=9)
    return fig
