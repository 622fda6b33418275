"""Explorer data: the page's learning-rate sweep at 21 rates from 1e-4 to 10.

Four rates per decade, and every rate of the page's sweep (3 in place of 3.16);
each is a real 20-epoch run of `lr_sweep` (digits_net's train, same init and
minibatch order as the page). Per rate: the training loss and validation accuracy
before training and after every epoch, and the update/weight ratio of W1 and W2 as
one median per epoch (what update_ratios prints). Numbers that are not finite (the
runs that diverge) are written as null and named in `inf`/`nan` (first epoch).
docs/assets/explorer.js draws a frame.
"""

import numpy as np

from figures_src.explorer import sig
from snippets.babysitting_learning.lr_sweep import LEARNING_RATES, first_epoch, lr_sweep

GRID = np.round(np.logspace(-4, 1, 21), 12).tolist()
RATES = sorted({*LEARNING_RATES, *(r for r in GRID
                                    if min(abs(np.log(r / p)) for p in LEARNING_RATES)
                                    > np.log(1.2))})
STEPS_PER_EPOCH = -(-1097 // 64)  # 18 minibatches of 64 in the 1097 training images


def status(loss):
    """What the readout says of a run: its loss ended above where it started or
    not finite ("diverged"), or it kept more than 80 % of it ("barely moves")."""
    if not np.isfinite(loss[-1]) or loss[-1] > loss[0]:
        return "diverged"
    return "slow" if loss[-1] > 0.8 * loss[0] else "ok"


def frame(history):
    loss = np.array(history["train_loss"])
    ratios = {
        name: np.median(np.reshape(r, (-1, STEPS_PER_EPOCH)), axis=1)
        for name, r in history["update_ratio"].items()
    }
    inf, nan = first_epoch(history, np.isinf), first_epoch(history, np.isnan)
    return {
        "loss": [sig(v) for v in loss],
        "val_acc": [float(f"{v:.3f}") for v in history["val_acc"]],
        "train_acc": float(f"{history['train_acc'][-1]:.3f}"),
        "ratio": {name: [sig(v) for v in r] for name, r in ratios.items()},
        "inf": None if inf == "-" else inf,
        "nan": None if nan == "-" else nan,
        "status": status(loss),
    }


def data():
    with np.errstate(over="ignore", invalid="ignore"):  # medians of inf/nan
        histories = lr_sweep(RATES)
        frames = [frame(histories[lr]) for lr in RATES]
    return {
        "kind": "lr",
        "rates": [sig(lr, 6) for lr in RATES],
        "marks": [RATES.index(lr) for lr in LEARNING_RATES],
        "frames": frames,
    }
