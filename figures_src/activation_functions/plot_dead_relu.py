"""Dead-ReLU fraction and training accuracy vs learning rate (same net, 3 seeds)."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.activation_functions.dead_relu import (
    dead_fraction,
    hidden_activations,
    init_mlp,
    load_data,
    train,
)

LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 1.0)
SEEDS = (0, 1, 2)

LABELS = {
    "ko": {
        "lr": "학습률",
        "dead": "죽은 ReLU 비율",
        "acc": "훈련 정확도",
        "seed": "시드별",
        "mean": "평균",
        "init": "학습 전",
    },
    "en": {
        "lr": "learning rate",
        "dead": "fraction of dead ReLUs",
        "acc": "training accuracy",
        "seed": "each seed",
        "mean": "mean",
        "init": "before training",
    },
}


@cache
def _results():
    X, y = load_data()
    dead = np.zeros((len(LEARNING_RATES), len(SEEDS)))
    acc = np.zeros_like(dead)
    for i, lr in enumerate(LEARNING_RATES):
        for j, seed in enumerate(SEEDS):
            params = train(lr, seed=seed)
            dead[i, j] = dead_fraction(params, X)[0]
            acc[i, j] = np.mean(hidden_activations(params, X)[1].argmax(axis=1) == y)
    init = dead_fraction(init_mlp((64, 100, 100, 10), np.random.default_rng(0)), X)[0]
    return dead, acc, init


def make(lang, narrow=False):
    text = LABELS[lang]
    dead, acc, init = _results()
    lrs = np.array(LEARNING_RATES)
    shape, size = ((2, 1), (4, 6.4)) if narrow else ((1, 2), (7.1, 3.6))
    fig, axes = plt.subplots(*shape, figsize=size, sharex=True, sharey=True)
    axes = axes.ravel()
    for ax, values, key in [(axes[0], dead, "dead"), (axes[1], acc, "acc")]:
        ax.plot(np.repeat(lrs, len(SEEDS)), values.ravel(), "o", color="#9ac2dd",
                ms=5, label=text["seed"])
        ax.plot(lrs, values.mean(axis=1), "-", color="C0", label=text["mean"])
        ax.set_title(text[key])
    axes[0].axhline(init, color="C3", ls="--", lw=1.2, label=text["init"])
    ax.set_xscale("log")
    # 0.7 unlabelled (its grid line stays): "0.5" and "0.7" would touch
    ax.set_xticks(lrs, ["" if lr == 0.7 else f"{lr:g}" for lr in lrs])
    ax.minorticks_off()
    ax.set_ylim(0, 1)
    for ax in axes:
        ax.tick_params(bottom=False, left=False)  # the grid marks the ticks
    fig.supxlabel(text["lr"], fontsize=10)
    axes[0].legend(loc="upper left")
    return fig
