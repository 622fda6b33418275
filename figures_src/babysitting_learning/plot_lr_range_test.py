"""The learning-rate range test: raw and smoothed loss against the growing rate."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from snippets.babysitting_learning.lr_range_test import lr_range_test
from snippets.digits_net import init_params, load_splits

LABELS = {
    "ko": {"lr": "학습률", "loss": "손실", "raw": "미니배치 손실",
           "smoothed": "평활화한 손실 (β = 0.98)",
           "min": "최소: lr {:.2g}", "pick": "선택: lr {:.2g}"},
    "en": {"lr": "learning rate", "loss": "loss", "raw": "minibatch loss",
           "smoothed": "smoothed (β = 0.98)",
           "min": "minimum: lr {:.2g}", "pick": "pick: lr {:.2g}"},
}
POWER = FuncFormatter(lambda v, _: f"{v:g}" if v >= 1e-3 else f"1e{np.log10(v):.0f}")


@cache
def _result():
    return lr_range_test(load_splits()["train"], init_params(seed=0))


def make(lang):
    text = LABELS[lang]
    lrs, raw, smoothed, suggested = _result()
    lr_min = lrs[np.argmin(smoothed)]
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    ax.semilogx(lrs, raw, color="tab:gray", lw=1, alpha=0.7, label=text["raw"])
    ax.semilogx(lrs, smoothed, color="tab:blue", lw=2, label=text["smoothed"])
    ax.axvline(lr_min, color="tab:red", ls="--", lw=1.2,
               label=text["min"].format(lr_min))
    ax.axvline(suggested, color="tab:green", ls="--", lw=1.2,
               label=text["pick"].format(suggested))
    ax.set_ylim(0, 4)  # the raw loss leaves the axis in the last steps
    ax.xaxis.set_major_formatter(POWER)
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel(text["lr"])
    ax.set_ylabel(text["loss"])
    ax.legend(loc="lower left", fontsize=9)
    return fig
