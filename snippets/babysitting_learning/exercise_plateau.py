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
    losses = [train(data["train"], data["val"], lr=0.1, epochs=40,
                    params=deep_params(std))[1]["train_loss"] for std in (0.05, None)]
    print("epoch  std 0.05  He init")
    #> epoch  std 0.05  He init
    for epoch in (0, 2, 4, 6, 8, 10, 12, 40):
        a, b = (f"{h[epoch]:.{3 if epoch == 40 else 2}f}" for h in losses)
        print(f"{epoch:5}  {a:<8}  {b}")
    #>     0  2.30      2.83
    #>     2  2.30      0.31
    #>     4  2.29      0.11
    #>     6  2.27      0.13
    #>     8  2.20      0.17
    #>    10  1.80      0.08
    #>    12  1.23      0.03
    #>    40  0.019     0.003
