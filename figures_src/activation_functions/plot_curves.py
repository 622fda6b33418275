"""Each activation function and its derivative, drawn from the page's snippets."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.activation_functions.sigmoid import sigmoid_backward, sigmoid_forward

LABELS = {
    "ko": {"f": "함수 f(x)", "df": "도함수 f'(x)", "x": "입력 x"},
    "en": {"f": "function f(x)", "df": "derivative f'(x)", "x": "input x"},
}


def make(lang):
    text = LABELS[lang]
    x = np.linspace(-6, 6, 241)
    y, cache = sigmoid_forward(x)
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(x, y, label=text["f"])
    ax.plot(x, sigmoid_backward(np.ones_like(x), cache), "--", label=text["df"])
    ax.set(title="sigmoid", xlabel=text["x"])
    ax.legend()
    return fig
