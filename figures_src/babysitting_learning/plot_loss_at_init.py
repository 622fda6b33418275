"""Loss at initialization: three setups against ln 10 (the page's loss_at_init)."""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from snippets.babysitting_learning.loss_at_init import initial_loss

LABELS = {
    "ko": {
        "small": "작은 마지막 층\n규제 0",
        "he": "He 초기화 마지막 층\n규제 0",
        "reg": "작은 마지막 층\n규제 강도 0.02",
        "loss": "초기 손실",
        "ln": "ln 10 = 2.303",
    },
    "en": {
        "small": "small last layer\nreg 0",
        "he": "He-init last layer\nreg 0",
        "reg": "small last layer\nreg 0.02",
        "loss": "loss at init",
        "ln": "ln 10 = 2.303",
    },
}
SETUPS = (("small", dict(last_std=0.01)), ("he", {}),
          ("reg", dict(last_std=0.01, reg=0.02)))


@cache
def _losses():
    return [initial_loss(**kwargs) for _, kwargs in SETUPS]


def make(lang):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(6.4, 2.9))
    losses = _losses()
    bars = ax.bar([text[key] for key, _ in SETUPS], losses, width=0.55,
                  color=["tab:blue", "tab:orange", "tab:green"])
    ax.bar_label(bars, [f"{v:.3f}" for v in losses], padding=2)
    ax.axhline(np.log(10), color="black", ls="--", lw=1.2, label=text["ln"])
    ax.legend(loc="upper left")
    ax.set_ylabel(text["loss"])
    ax.set_ylim(0, 5)
    ax.grid(axis="x", visible=False)
    return fig
