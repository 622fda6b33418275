import numpy as np
from digits_net import init_params, load_splits, loss_and_grads


def initial_loss(last_std=None, reg=0.0, log_prior_bias=False, seed=0):
    """Loss of a freshly initialized 64-100-10 network on the whole training set.
    With log_prior_bias, the output bias starts at the log of each class's
    frequency in the training labels (Karpathy's "init well")."""
    x, y = load_splits()["train"]
    params = init_params(last_std=last_std, seed=seed)
    if log_prior_bias:
        params["b2"] = np.log(np.bincount(y, minlength=10) / len(y))
    return loss_and_grads(params, x, y, reg)[0]


if __name__ == "__main__":
    print(f"ln 10                       {np.log(10):.3f}")
    #> ln 10                       2.303
    print(f"small last layer, reg 0    {initial_loss(last_std=0.01):.3f}")
    #> small last layer, reg 0    2.310
    print(f"He-init last layer, reg 0  {initial_loss():.3f}")
    #> He-init last layer, reg 0  3.246
    print(f"small last layer, reg 0.02 {initial_loss(last_std=0.01, reg=0.02):.3f}")
    #> small last layer, reg 0.02 4.294
    y = load_splits()["train"][1]
    counts = np.bincount(y)  # balanced: every class close to 1/10 of the labels
    print(f"images per class: {counts.min()} to {counts.max()}")
    #> images per class: 106 to 112
    print(f"bias 0:         {initial_loss(0.01):.4f}")
    #> bias 0:         2.3102
    print(f"bias log-prior: {initial_loss(0.01, log_prior_bias=True):.4f}")
    #> bias log-prior: 2.3097
