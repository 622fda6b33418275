import numpy as np
from digits_net import init_params, load_splits, scores, train

LEARNING_RATES = (1e-4, 1e-3, 1e-2, 1e-1, 1.0, 3.0, 10.0)


def lr_sweep(learning_rates=LEARNING_RATES, epochs=20, params=None):
    """One run per learning rate, same init and same minibatch order."""
    data = load_splits()
    histories = {}
    with np.errstate(over="ignore", invalid="ignore"):  # the diverging runs
        for lr in learning_rates:
            _, histories[lr] = train(data["train"], data["val"], lr=lr,
                                     epochs=epochs, params=params)
    return histories


def first_epoch(history, test):
    """The first epoch whose training loss passes `test` ("-" if none does)."""
    hits = [i for i, loss in enumerate(history["train_loss"]) if test(loss)]
    return hits[0] if hits else "-"


if __name__ == "__main__":
    histories = lr_sweep()
    print("lr      loss: ep 1  ep 20")
    #> lr      loss: ep 1  ep 20
    for lr, h in histories.items():
        loss = h["train_loss"]
        # A diverging run's last digits depend on rounding, which differs between
        # CPUs: past 1e100 only a bound is printed, and a diverged run's
        # accuracy (near chance) not at all.
        final = ">1e100" if loss[-1] > 1e100 else f"{loss[-1]:.3g}"
        print(f"{lr:<7g} {loss[1]:<11.3g} {final}")
    #> 0.0001  3.23        2.94
    #> 0.001   3.08        1.6
    #> 0.01    2.15        0.306
    #> 0.1     0.573       0.0363
    #> 1       0.328       0.00174
    #> 3       7.15e+08    >1e100
    #> 10      4.66e+30    nan
    print("lr      train  val    inf  nan")  # accuracies; first inf/nan epoch
    #> lr      train  val    inf  nan
    for lr, h in histories.items():
        loss = h["train_loss"]
        diverged = not loss[-1] < loss[0]  # also when the loss is nan
        train_acc = "-" if diverged else f"{h['train_acc'][-1]:.3f}"
        val_acc = "-" if diverged else f"{h['val_acc'][-1]:.3f}"
        print(f"{lr:<7g} {train_acc:<6} {val_acc:<6} "
              f"{first_epoch(h, np.isinf):<4} {first_epoch(h, np.isnan)}")
    #> 0.0001  0.144  0.129  -    -
    #> 0.001   0.473  0.457  -    -
    #> 0.01    0.931  0.931  -    -
    #> 0.1     0.996  0.980  -    -
    #> 1       1.000  0.977  -    -
    #> 3       -      -      -    -
    #> 10      -      -      10   11
    h = lr_sweep([1e-4], params=init_params(last_std=0.01))[1e-4]
    print("lr 1e-4, small last layer:")
    #> lr 1e-4, small last layer:
    print(f"loss {h['train_loss'][0]:.3f} -> {h['train_loss'][-1]:.3f}")
    #> loss 2.310 -> 2.218
    print(f"train acc {h['train_acc'][0]:.3f} -> {h['train_acc'][-1]:.3f}")
    #> train acc 0.137 -> 0.301
    data = load_splits()
    with np.errstate(over="ignore", invalid="ignore"):
        params, _ = train(data["train"], data["val"], lr=10.0, epochs=10)
        s = scores(params, data["train"][0])
    print("lr 10, after 10 epochs:")
    #> lr 10, after 10 epochs:
    print(f"largest |weight| "
          f"{max(np.abs(params[w]).max() for w in ('W1', 'W2')):.1e}")
    #> largest |weight| 1.8e+153
    print(f"largest |score|  {np.abs(s).max():.1e}")
    #> largest |score|  4.1e+306
    print(f"float64 max      {np.finfo(float).max:.1e}")
    #> float64 max      1.8e+308
