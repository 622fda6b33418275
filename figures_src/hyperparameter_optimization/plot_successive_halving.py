"""Successive halving on digits: 27 configurations, eta = 3, rungs at 1, 3, 9 and
27 epochs; every configuration's validation accuracy until it is dropped."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedLocator, NullLocator

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization.successive_halving import (
    halving_versus_random,
)

LABELS = {
    "ko": {
        "epochs": "에폭",
        "acc": "검증 정확도",
        "stop_1": "1에폭 뒤 탈락",
        "stop_3": "3에폭 뒤 탈락",
        "stop_9": "9에폭 뒤 탈락",
        "stop_27": "최종 선택",
    },
    "en": {
        "epochs": "epochs",
        "acc": "validation accuracy",
        "stop_1": "dropped after 1 epoch",
        "stop_3": "dropped after 3 epochs",
        "stop_9": "dropped after 9 epochs",
        "stop_27": "final pick",
    },
}
RUNGS = (1, 3, 9, 27)
COLORS = {1: "#bbbbbb", 3: "tab:blue", 9: "tab:purple", 27: "tab:orange"}


@cache
def _run():
    return halving_versus_random(load_splits(), seed=0)  # the demo's first run


def make(lang):
    text = LABELS[lang]
    run = _run()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    last_rung = {i: rung for rung, alive in zip(RUNGS, run["survivors"], strict=True)
                 for i in alive}
    for rung in RUNGS:  # dropped early first, so the survivors are drawn on top
        members = [i for i, r in last_rung.items() if r == rung]
        for n, i in enumerate(members):
            curve = run["curves"][i]
            label = text[f"stop_{rung}"] if n == 0 else None
            if np.isnan(curve[-1]):  # aborted in the first epoch
                ax.plot([1], [0.0], "x", color=COLORS[rung], clip_on=False,
                        label=label)
                continue
            epochs = np.arange(1, len(curve) + 1)
            ax.plot(epochs, curve, color=COLORS[rung], lw=2 if rung == 27 else 1,
                    label=label)
            ends = [r for r in RUNGS if r <= len(curve)]  # a dot where it was ranked
            ax.plot(ends, [curve[r - 1] for r in ends], "o", color=COLORS[rung], ms=4)
    for rung in RUNGS:
        ax.axvline(rung, color="k", lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(FixedLocator(RUNGS))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:g}")
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlim(0.9, 30)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(text["epochs"])
    ax.set_ylabel(text["acc"])
    ax.legend(loc="center right", fontsize=9)
    return fig
