import numpy as np
from digits_net import init_params, load_splits, loss_and_grads, train


def lr_range_test(train_set, params, lr_min=1e-5, lr_max=10.0, steps=100,
                  batch_size=64, beta=0.98, stop_factor=4.0, seed=0):
    """Smith's learning-rate range test, as in fastai's lr_find: one SGD step per
    minibatch while the rate grows exponentially from lr_min to lr_max. Works on a
    copy, so `params` are left untouched ("restored"). Returns the rates, the raw
    minibatch losses, the smoothed losses (bias-corrected moving average) and a
    suggested rate."""
    x, y = train_set
    params = {name: p.copy() for name, p in params.items()}
    rng = np.random.default_rng(seed)
    factor = (lr_max / lr_min) ** (1 / (steps - 1))
    order = np.array([], dtype=int)
    lrs, raw, smoothed, average, best = [], [], [], 0.0, np.inf
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps):
            if len(order) < batch_size:  # a new epoch: reshuffle
                order = np.concatenate([order, rng.permutation(len(y))])
            batch, order = order[:batch_size], order[batch_size:]
            lr = lr_min * factor**step
            loss, grads = loss_and_grads(params, x[batch], y[batch])
            average = beta * average + (1 - beta) * loss
            value = average / (1 - beta ** (step + 1))  # bias correction
            if not np.isfinite(value) or value > stop_factor * best:
                break
            best = min(best, value)
            lrs.append(lr)
            raw.append(loss)
            smoothed.append(value)
            for name, p in params.items():
                p -= lr * grads[name]
    lrs, raw, smoothed = np.array(lrs), np.array(raw), np.array(smoothed)
    lr_at_min = lrs[np.argmin(smoothed)]
    return lrs, raw, smoothed, lr_at_min / 10


if __name__ == "__main__":
    data = load_splits()
    params = init_params(seed=0)  # a fresh He init
    lrs, raw, smoothed, suggested = lr_range_test(data["train"], params)
    print(f"stopped after {len(lrs)} of 100 steps")
    #> stopped after 93 of 100 steps
    print(f"last lr {lrs[-1]:.3g}")
    #> last lr 3.76
    print(f"lowest smoothed loss {smoothed.min():.3f}")
    #> lowest smoothed loss 1.775
    print(f"at lr {lrs[np.argmin(smoothed)]:.3g}, suggested lr {suggested:.3g}")
    #> at lr 1.87, suggested lr 0.187
    print("params untouched:", np.array_equal(params["W1"], init_params(seed=0)["W1"]))
    #> params untouched: True
    _, history = train(data["train"], data["val"], lr=suggested, epochs=20)
    print(f"20 epochs at {suggested:.3g}: val acc {history['val_acc'][-1]:.3f}")
    #> 20 epochs at 0.187: val acc 0.980
    # The moving average remembers about 1 / (1 - beta) = 50 steps: here 3 decades.
    print(f"decades of lr per 50 steps: {50 * np.log10(lrs[1] / lrs[0]):.1f}")
    #> decades of lr per 50 steps: 3.0
    print("lr      raw loss  smoothed")
    #> lr      raw loss  smoothed
    for i in (np.argmin(np.abs(lrs - 0.1)), np.argmin(raw), np.argmin(smoothed)):
        print(f"{lrs[i]:<7.3g} {raw[i]:<9.3f} {smoothed[i]:.3f}")
    #> 0.1     1.223     2.661
    #> 0.811   0.222     1.980
    #> 1.87    1.089     1.775
    after = raw[np.argmin(smoothed) + 1:][:3]
    print("next 3 raw losses:", " ".join(f"{v:.2f}" for v in after))
    #> next 3 raw losses: 2.90 2.79 6.25
    lrs9, _, smoothed9, suggested9 = lr_range_test(data["train"], params, beta=0.9)
    _, history = train(data["train"], data["val"], lr=suggested9, epochs=20)
    print(f"beta 0.9: lowest at lr {lrs9[np.argmin(smoothed9)]:.3g}")
    #> beta 0.9: lowest at lr 1.63
    print(f"suggested {suggested9:.3g}, val acc {history['val_acc'][-1]:.3f}")
    #> suggested 0.163, val acc 0.980
