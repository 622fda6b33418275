"""The learning-rate schedules of the page against the step."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.parameter_updates.schedules import SCHEDULES, TOTAL

LABELS = {
    "ko": {"step": "단계", "lr": "학습률", "step decay": "계단식 감쇠",
           "exponential": "지수", "1/t": "1/t", "cosine": "코사인",
           "warmup+cos": "워밍업 + 코사인"},
    "en": {"step": "step", "lr": "learning rate", "step decay": "step",
           "exponential": "exponential", "1/t": "1/t", "cosine": "cosine",
           "warmup+cos": "warmup + cosine"},
}
KEYS = {"step": "step decay"}  # the schedule named "step" is not the axis


def make(lang, narrow=False):
    text = LABELS[lang]
    fig, ax = plt.subplots(figsize=(4, 3.6) if narrow else (6.4, 3.2))
    t = np.arange(TOTAL)
    for name, schedule in SCHEDULES.items():
        ax.plot(t, [schedule(s) for s in t], lw=1.6, label=text[KEYS.get(name, name)])
    ax.set_xlim(0, TOTAL)
    ax.set_ylim(0, 0.105)
    ax.set_xlabel(text["step"])
    ax.set_ylabel(text["lr"])
    ax.legend(loc="upper right", fontsize=9)
    return fig
