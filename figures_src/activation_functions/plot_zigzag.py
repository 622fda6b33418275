"""SGD paths of a 2-D weight vector with all-positive vs zero-centered inputs."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.activation_functions.zigzag import make_inputs, sgd_path, w_star

LABELS = {
    "ko": {
        "pos": "입력이 모두 양수",
        "cen": "0 중심 입력",
        "path": "SGD 경로 (예제 1개씩, 처음 60걸음)",
        "start": "시작 w = (0, 0)",
        "target": "목표 w*",
        "contour": "평균 손실의 등고선",
    },
    "en": {
        "pos": "all-positive inputs",
        "cen": "zero-centered inputs",
        "path": "SGD path (one example per step, first 60 steps)",
        "start": "start w = (0, 0)",
        "target": "target w*",
        "contour": "contours of the mean loss",
    },
}


def make(lang):
    text = LABELS[lang]
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.6), sharex=True, sharey=True)
    g1, g2 = np.meshgrid(np.linspace(-0.4, 1.4, 181), np.linspace(-1.4, 0.4, 181))
    for ax, X, title in zip(axes, make_inputs(), ["pos", "cen"], strict=True):
        C = X.T @ X / len(X)  # mean loss = 0.5 (w - w*)^T C (w - w*)
        d1, d2 = g1 - w_star[0], g2 - w_star[1]
        loss = 0.5 * (C[0, 0] * d1**2 + 2 * C[0, 1] * d1 * d2 + C[1, 1] * d2**2)
        ax.contour(g1, g2, loss, levels=np.geomspace(2e-4, 0.5, 8), colors="0.7",
                   linewidths=0.8)
        path = sgd_path(X, lr=0.5)[:61]
        ax.plot(path[:, 0], path[:, 1], "-o", color="C0", ms=2.5, lw=1.3,
                label=text["path"])
        ax.plot(0, 0, "s", color="k", ms=6, label=text["start"])
        ax.plot(*w_star, "*", color="C3", ms=14, label=text["target"])
        ax.plot([], [], color="0.7", lw=0.8, label=text["contour"])
        ax.set_title(text[title])
        ax.set_xlabel("$w_1$")
        ax.set_aspect("equal")
    axes[0].set_ylabel("$w_2$")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    return fig
