"""A correlated 2-D cloud through each preprocessing step, on one common scale."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.data_preprocessing.normalize import normalize
from snippets.data_preprocessing.pca_whitening import decorrelate, fit_pca, whiten
from snippets.data_preprocessing.zero_center import correlated_data, zero_center

LABELS = {
    "ko": {
        "original": "(1) 원본 데이터",
        "centered": "(2) 평균 빼기",
        "normalized": "(3) 정규화",
        "decorrelated": "(4) 상관관계 제거 (PCA)",
        "whitened": "(5) 백색화",
        "note": "모든 패널의 축 눈금이 같습니다.\nΣ: 공분산 행렬",
    },
    "en": {
        "original": "(1) original data",
        "centered": "(2) zero-centered",
        "normalized": "(3) normalized",
        "decorrelated": "(4) decorrelated (PCA)",
        "whitened": "(5) whitened",
        "note": "Every panel uses the same scale.\nΣ: covariance matrix",
    },
}

XLIM = (-7.0, 11.0)
YLIM = (-5.0, 6.5)


def _panel(ax, Z, title):
    """One step: the cloud, the axes through 0, and its covariance (1/N)."""
    c = np.round(np.cov(Z, rowvar=False, bias=True), 2) + 0.0
    ax.axhline(0, color="0.6", lw=0.8, zorder=0)
    ax.axvline(0, color="0.6", lw=0.8, zorder=0)
    ax.scatter(Z[:, 0], Z[:, 1], s=4, alpha=0.5, linewidths=0, rasterized=True)
    ax.set(xlim=XLIM, ylim=YLIM, aspect="equal", title=title,
           xticks=[-5, 0, 5, 10], yticks=[-4, 0, 4])
    sigma = (f"Σ = [{c[0, 0]:5.2f} {c[0, 1]:5.2f}]\n"
             f"    [{c[1, 0]:5.2f} {c[1, 1]:5.2f}]")
    ax.text(
        0.03, 0.97, sigma, transform=ax.transAxes, va="top", ha="left",
        family="monospace", fontsize=8,
        bbox={"boxstyle": "round", "fc": "white", "ec": "0.7", "alpha": 0.9},
    )


def make(lang):
    text = LABELS[lang]
    X = correlated_data()
    Xc, _ = zero_center(X)
    Xn, _, _ = normalize(X)
    mean, eigvals, U = fit_pca(X)
    panels = [
        (X, "original"), (Xc, "centered"), (Xn, "normalized"),
        (None, "note"),
        (decorrelate(X, mean, U), "decorrelated"),
        (whiten(X, mean, eigvals, U), "whitened"),
    ]
    fig, axes = plt.subplots(2, 3, figsize=(9, 4.4))
    for ax, (Z, key) in zip(axes.flat, panels, strict=True):
        if Z is None:
            ax.axis("off")
            ax.text(0.0, 0.5, text[key], va="center", ha="left", linespacing=1.6,
                    fontsize=9)
        else:
            _panel(ax, Z, text[key])
    return fig
