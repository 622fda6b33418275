"""Every activation function and its derivative, one panel each, from the snippets."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.activation_functions.elu import elu_backward, elu_forward
from snippets.activation_functions.gelu import gelu_backward, gelu_forward
from snippets.activation_functions.leaky_relu import (
    leaky_relu_backward,
    leaky_relu_forward,
)
from snippets.activation_functions.maxout import maxout_backward, maxout_forward
from snippets.activation_functions.prelu import prelu_backward, prelu_forward
from snippets.activation_functions.relu import relu_backward, relu_forward
from snippets.activation_functions.sigmoid import sigmoid_backward, sigmoid_forward
from snippets.activation_functions.silu import silu_backward, silu_forward
from snippets.activation_functions.tanh import tanh_backward, tanh_forward

LABELS = {
    "ko": {
        "f": "함수 f(x)",
        "df": "도함수 f'(x)",
        "x": "입력 x",
        "leaky": "α = 0.1 (잘 보이도록 키움)",
        "prelu": "α = 0.25 (학습되는 값의 예)",
        "elu": "α = 1 (고정)",
        "maxout": "max(x + 0.5, -0.5x)\n(1차원 입력, 조각 2개)",
    },
    "en": {
        "f": "function f(x)",
        "df": "derivative f'(x)",
        "x": "input x",
        "leaky": "α = 0.1 (enlarged to be visible)",
        "prelu": "α = 0.25 (an example learned value)",
        "elu": "α = 1 (fixed)",
        "maxout": "max(x + 0.5, -0.5x)\n(1-D input, 2 pieces)",
    },
}


def _maxout_1d(x):
    W = np.array([1.0, -0.5]).reshape(2, 1, 1)  # k = 2 pieces, D = M = 1
    b = np.array([0.5, 0.0]).reshape(2, 1)
    out, cache = maxout_forward(x[:, None], W, b)
    dx, _, _ = maxout_backward(np.ones_like(out), cache)
    return out[:, 0], dx[:, 0]


def _curves(x):
    """(title, note key, f(x), f'(x)) for every panel."""
    panels = []
    for title, forward, backward, note in [
        ("sigmoid", sigmoid_forward, sigmoid_backward, None),
        ("tanh", tanh_forward, tanh_backward, None),
        ("ReLU", relu_forward, relu_backward, None),
        ("Leaky ReLU", lambda v: leaky_relu_forward(v, 0.1), leaky_relu_backward,
         "leaky"),
        ("PReLU", lambda v: prelu_forward(v, 0.25),
         lambda d, c: prelu_backward(d, c)[0], "prelu"),
        ("ELU", elu_forward, elu_backward, "elu"),
    ]:
        y, cache = forward(x)
        panels.append((title, note, y, backward(np.ones_like(x), cache)))
    panels.append(("Maxout", "maxout", *_maxout_1d(x)))
    for title, forward, backward in [
        ("GELU", gelu_forward, gelu_backward),
        ("SiLU (Swish)", silu_forward, silu_backward),
    ]:
        y, cache = forward(x)
        panels.append((title, None, y, backward(np.ones_like(x), cache)))
    return panels


def make(lang):
    text = LABELS[lang]
    x = np.linspace(-5, 5, 201)
    fig, axes = plt.subplots(3, 3, figsize=(9, 7.6), sharex=True)
    for ax, (title, note, y, dy) in zip(axes.flat, _curves(x), strict=True):
        ax.axhline(0, color="0.6", lw=0.8)
        ax.axvline(0, color="0.6", lw=0.8)
        ax.plot(x, y, color="C0", label=text["f"])
        ax.plot(x, dy, "--", color="C3", label=text["df"])
        ax.set_title(title)
        ax.set_ylim(min(-1.3, y.min() - 0.2), 3.2 if y.max() > 1.5 else 1.3)
        if note:
            ax.text(0.97, 0.04, text[note], transform=ax.transAxes, ha="right",
                    va="bottom", fontsize=8, color="0.2",
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    for ax in axes[-1]:
        ax.set_xlabel(text["x"])
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    return fig
