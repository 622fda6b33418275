"""Training loss per epoch for learning rates over five decades (log y, clipped)."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.babysitting_learning.lr_sweep import first_epoch, lr_sweep

LABELS = {
    "ko": {"epoch": "에폭", "loss": "훈련 손실", "lr": "학습률",
           "big": "lr 3: 20에폭 뒤 1e100 초과", "nan": "lr 10: {}에폭부터 nan"},
    "en": {"epoch": "epoch", "loss": "training loss", "lr": "learning rate",
           "big": "lr 3: above 1e100 at epoch 20", "nan": "lr 10: nan from epoch {}"},
}
TOP = 1e3  # the y-axis stops here; the diverging runs are annotated instead
POWER = FuncFormatter(lambda v, _: f"{v:g}" if v >= 1e-3 else f"1e{np.log10(v):.0f}")


@cache
def _histories():
    return lr_sweep()  # the page's demo: 20 epochs each


def make(lang, narrow=False):
    text = LABELS[lang]
    histories = _histories()
    colors = [*plt.cm.viridis(np.linspace(0, 0.8, len(histories) - 2)),
              "tab:orange", "tab:red"]  # the last two diverge
    fig, ax = plt.subplots(figsize=(4, 4.6) if narrow else (6.4, 3.8))
    for (lr, h), color in zip(histories.items(), colors, strict=True):
        loss = np.array(h["train_loss"])
        ax.semilogy(np.arange(len(loss)), np.where(np.isfinite(loss), loss, np.nan),
                    color=color, label=f"{lr:g}")
    ax.set_ylim(1e-3, TOP)
    ax.set_xlim(0, 20)
    ax.set_xticks(range(0, 21, 5))
    ax.yaxis.set_major_formatter(POWER)
    ax.yaxis.set_minor_locator(NullLocator())
    # past 1e100 a diverging run's digits depend on the CPU: only the bound is shown
    assert histories[3.0]["train_loss"][-1] > 1e100
    ax.text(1.2, 4e2, text["big"], color=colors[5], va="center")
    ax.text(1.2, 1.4e2, text["nan"].format(first_epoch(histories[10.0], np.isnan)),
            color=colors[6], va="center")
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["loss"])
    if narrow:  # below the axes: in a 4-inch figure it would cover the notes
        ax.legend(title=text["lr"], loc="upper center", bbox_to_anchor=(0.5, -0.2),
                  ncols=4, fontsize=9, title_fontsize=9)
    else:
        ax.legend(title=text["lr"], loc="upper right", ncols=2, fontsize=9,
                  title_fontsize=9)
    return fig
