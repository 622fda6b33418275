"""W1's update/weight ratio over Adam's first epoch, with and without bias
correction."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.parameter_updates.bias_correction import first_steps

LABELS = {
    "ko": {"step": "단계", "ratio": "W1의 업데이트/가중치 비율",
           "on": "편향 보정 있음", "off": "편향 보정 없음"},
    "en": {"step": "step", "ratio": "W1 update/weight ratio",
           "on": "with bias correction", "off": "without bias correction"},
}


@cache
def _runs():
    return first_steps(steps=18)  # the whole first epoch


def make(lang, narrow=False):
    text = LABELS[lang]
    runs = _runs()
    fig, ax = plt.subplots(figsize=(4, 3.4) if narrow else (6.4, 3.2))
    for corrected, color, key in ((True, "tab:blue", "on"), (False, "tab:red", "off")):
        ratio = runs[corrected][0]
        ax.plot(np.arange(1, len(ratio) + 1), ratio, color=color, marker=".",
                label=text[key])
    ax.set_ylim(0, 0.03)
    ax.set_xticks([1, 5, 10, 15, 18])
    ax.set_xlabel(text["step"])
    ax.set_ylabel(text["ratio"])
    ax.legend(loc="upper right", fontsize=9)
    return fig
