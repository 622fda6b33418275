"""One example's BN output in train mode (varies with the batch) and test mode."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.batch_normalization.batchnorm import batchnorm_forward

LABELS = {
    "ko": {"n": "배치 크기 N", "train": "훈련 모드", "test": "테스트 모드"},
    "en": {"n": "batch size N", "train": "train mode", "test": "test mode"},
}
SIZES = (2, 4, 8, 16, 32, 64, 128)
TRUE_MEAN, TRUE_STD = np.array([2.0, -1.0]), np.array([0.5, 3.0])


@cache
def _results():
    """The page's eval_demo setup: 200 training batches of 32, then its example."""
    rng = np.random.default_rng(1)
    gamma, beta = np.ones(2), np.zeros(2)
    bn_param = {"mode": "train", "momentum": 0.9}
    for _ in range(200):
        batch = rng.normal(TRUE_MEAN, TRUE_STD, (32, 2))
        batchnorm_forward(batch, gamma, beta, bn_param)
    example = rng.normal(TRUE_MEAN, TRUE_STD, (32, 2))[0]  # eval_demo's batch_a[0]
    test, _ = batchnorm_forward(example[None], gamma, beta, dict(bn_param, mode="test"))
    draws = np.random.default_rng(2)
    train = []
    for n in SIZES:
        outs = []
        for _ in range(300):
            batch = draws.normal(TRUE_MEAN, TRUE_STD, (n, 2))
            batch[0] = example
            out, _ = batchnorm_forward(batch, gamma, beta, {"mode": "train"})
            outs.append(out[0, 0])
        train.append(np.percentile(outs, [5, 50, 95]))
    return np.array(train), test[0, 0]


def make(lang):
    text = LABELS[lang]
    train, test = _results()
    sizes = np.array(SIZES)
    fig, ax = plt.subplots(figsize=(6.4, 2.8))
    ax.vlines(sizes, train[:, 0], train[:, 2], color="C0", lw=6, alpha=0.35)
    ax.plot(sizes, train[:, 1], "o", color="C0", ms=5)
    ax.axhline(test, color="C3", ls="--", lw=1.5)
    ax.plot(sizes[:3], np.sqrt(sizes[:3] - 1), ":", color="0.3", lw=1.5)
    ax.text(128, test - 0.12, text["test"], color="C3", ha="right", va="top")
    ax.text(5.7, -0.6, text["train"], color="C0", ha="left")
    ax.set_xscale("log")
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.minorticks_off()
    ax.set_xlabel(text["n"])
    return fig
