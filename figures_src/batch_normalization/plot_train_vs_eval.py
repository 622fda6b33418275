"""One example's BN output in train mode (depends on its batch) and in test mode."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.batch_normalization.batchnorm import batchnorm_forward

LABELS = {
    "ko": {
        "title": "같은 입력 x = 1.5의 BN 출력",
        "train": "훈련 모드, 배치 크기 {}",
        "test": "테스트 모드 (이동 평균·분산)",
        "x": "BN 출력",
        "y": "비율",
    },
    "en": {
        "title": "BN output for the same input x = 1.5",
        "train": "train mode, batch size {}",
        "test": "test mode (running mean and variance)",
        "x": "BN output",
        "y": "fraction",
    },
}
X0 = 1.5
BATCH_SIZES = (4, 16, 64)
COLORS = ("tab:red", "tab:orange", "tab:blue")


@cache
def _outputs(batch_size, n_batches=2000, seed=0):
    """x0 with batch_size - 1 other examples from N(0, 1), many times over."""
    rng = np.random.default_rng(seed)
    gamma, beta = np.ones(1), np.zeros(1)
    bn_param = {"mode": "train"}
    outs = []
    for _ in range(n_batches):
        batch = np.vstack([[[X0]], rng.standard_normal((batch_size - 1, 1))])
        out, _ = batchnorm_forward(batch, gamma, beta, bn_param)
        outs.append(out[0, 0])
    bn_param["mode"] = "test"
    test_out, _ = batchnorm_forward(np.array([[X0]]), gamma, beta, bn_param)
    return np.array(outs), test_out[0, 0]


def make(lang):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    bins = np.linspace(-0.25, 2.75, 61)
    for batch_size, color in zip(BATCH_SIZES, COLORS, strict=True):
        outs, test_out = _outputs(batch_size)  # the line: running stats of B = 64
        weights = np.full(outs.size, 1 / outs.size)
        ax.hist(outs, bins=bins, weights=weights, histtype="step", lw=1.8,
                color=color, label=text["train"].format(batch_size))
    ax.axvline(test_out, color="black", ls="--", lw=1.5, label=text["test"])
    ax.set(title=text["title"], xlabel=text["x"], ylabel=text["y"])
    ax.legend(loc="upper left", fontsize=9)
    return fig
