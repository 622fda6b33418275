from digits_net import init_params, load_splits, train


def deep_params(weight_std=None, seed=0):
    """A 64-50-50-50-10 ReLU network: He init, or every weight matrix rescaled to
    the given std (biases 0)."""
    params = init_params((64, 50, 50, 50, 10), seed=seed)
    if weight_std is not None:
        for name in ("W1", "W2", "W3", "W4"):
            params[name] *= weight_std / params[name].std()
    return params


if __name__ == "__main__":
    # ReLU keeps half of a symmetric input's second moment: each layer scales the
    # signal's RMS by weight_std * sqrt(fan_in / 2)
    factors = [0.05 * (fan_in / 2) ** 0.5 for fan_in in (64, 50, 50)]
    print("per layer:", " ".join(f"{f:.2f}" for f in factors))
    #> per layer: 0.28 0.25 0.25
    data = load_splits()
    for label, std in (("std 0.05", 0.05), ("He init ", None)):
        _, h = train(data["train"], data["val"], lr=0.1, epochs=40,
                     params=deep_params(std))
        print(label, " ".join(f"{loss:.2f}" for loss in h["train_loss"][:14:2]),
              f"... epoch 40: {h['train_loss'][-1]:.3f}")
    #> std 0.05 2.30 2.30 2.29 2.27 2.20 1.80 1.23 ... epoch 40: 0.019
    #> He init  2.83 0.31 0.11 0.13 0.17 0.08 0.03 ... epoch 40: 0.003
