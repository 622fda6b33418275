import numpy as np
from digits_net import load_splits, train
from update_rules import adam


def first_steps(lr=1e-3, steps=5):
    """W1's update/weight ratio at the first steps of Adam, with and without
    bias correction, and the training loss after one epoch."""
    data = load_splits()
    out = {}
    for corrected in (True, False):
        _, h = train(data["train"], data["val"], lr=lr, epochs=1,
                     rule=adam(bias_correction=corrected))
        out[corrected] = np.array(h["update_ratio"]["W1"][:steps]), h["train_loss"][1]
    return out


if __name__ == "__main__":
    runs = first_steps()
    (on, loss_on), (off, loss_off) = runs[True], runs[False]
    print("step  corrected  raw     raw/corr")
    #> step  corrected  raw     raw/corr
    for t, (a, b) in enumerate(zip(on, off, strict=True), start=1):
        print(f"{t:<5} {a:.2e}   {b:.2e} {b / a:.2f}")
    #> 1     5.50e-03   1.73e-02 3.15
    #> 2     4.65e-03   1.97e-02 4.23
    #> 3     4.32e-03   2.11e-02 4.88
    #> 4     4.11e-03   2.17e-02 5.27
    #> 5     3.98e-03   2.17e-02 5.46
    print(f"epoch-1 loss: {loss_on:.3f} vs {loss_off:.3f}")
    #> epoch-1 loss: 1.614 vs 0.272
