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
    "ko": {"f": "함수 f(x)", "df": "도함수 f'(x)", "x": "입력 x"},
    "en": {"f": "function f(x)", "df": "derivative f'(x)", "x": "input x"},
}

SMOOTH = np.linspace(-5, 5, 201)  # >= 128 points: matplotlib simplifies the path


def _kinked(at):
    """Piecewise-linear functions need only their ends and both sides of the kink."""
    return np.array([-5.0, at - 1e-9, at + 1e-9, 5.0])


def _maxout_1d(x):
    W = np.array([1.0, -0.5]).reshape(2, 1, 1)  # k = 2 pieces, D = M = 1
    b = np.array([0.5, 0.0]).reshape(2, 1)
    out, cache = maxout_forward(x[:, None], W, b)
    dx, _, _ = maxout_backward(np.ones_like(out), cache)
    return out[:, 0], dx[:, 0]


def _curves():
    """(title, x, f(x), f'(x)) for every panel."""
    panels = []
    for title, x, forward, backward in [
        ("sigmoid", SMOOTH, sigmoid_forward, sigmoid_backward),
        ("tanh", SMOOTH, tanh_forward, tanh_backward),
        ("ReLU", _kinked(0.0), relu_forward, relu_backward),
        ("Leaky ReLU (α = 0.1)", _kinked(0.0),
         lambda v: leaky_relu_forward(v, 0.1), leaky_relu_backward),
        ("PReLU (α = 0.25)", _kinked(0.0), lambda v: prelu_forward(v, 0.25),
         lambda d, c: prelu_backward(d, c)[0]),
        ("ELU (α = 1)", SMOOTH, elu_forward, elu_backward),
    ]:
        y, cache = forward(x)
        panels.append((title, x, y, backward(np.ones_like(x), cache)))
    x = _kinked(-1 / 3)  # where x + 0.5 = -0.5x
    panels.append(("Maxout", x, *_maxout_1d(x)))
    for title, forward, backward in [
        ("GELU", gelu_forward, gelu_backward),
        ("SiLU (Swish)", silu_forward, silu_backward),
    ]:
        y, cache = forward(SMOOTH)
        panels.append((title, SMOOTH, y, backward(np.ones_like(SMOOTH), cache)))
    return panels


def make(lang, narrow=False):
    text = LABELS[lang]
    shape, size = ((5, 2), (4, 9.6)) if narrow else ((3, 3), (7.1, 6.6))
    fig, axes = plt.subplots(*shape, figsize=size, sharex=True)
    if narrow:
        axes[-1, -1].set_visible(False)  # nine panels in a grid of ten
    for ax, (title, x, y, dy) in zip(axes.flat, _curves(), strict=False):
        ax.axhline(0, color="0.6", lw=0.8)
        ax.axvline(0, color="0.6", lw=0.8)
        ax.plot(x, y, color="C0", label=text["f"])
        ax.plot(x, dy, "--", color="C3", label=text["df"])
        ax.set_title(title)
        bounded = y.max() < 1.5
        ax.set_ylim(min(-1.3, y.min() - 0.2), 1.3 if bounded else 3.2)
        if bounded:
            ax.set_yticks([-1, -0.5, 0, 0.5, 1], ["-1", "-0.5", "0", "0.5", "1"])
        else:
            ax.set_yticks([-1, 0, 1, 2, 3])
        ax.tick_params(bottom=False, left=False)  # the grid marks the ticks
    axes[0, 0].set_xticks([-4, -2, 0, 2, 4])
    maxout = axes.flat[6]
    maxout.text(0.97, 0.04, "max(x + 0.5, -0.5x)", transform=maxout.transAxes,
                ha="right", va="bottom", fontsize=9, color="0.2")
    for ax in [axes.flat[8]] if narrow else axes[-1]:
        ax.set_xlabel(text["x"])
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    return fig
