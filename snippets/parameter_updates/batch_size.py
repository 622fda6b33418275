import numpy as np
from digits_net import load_splits, train

SIZES = (16, 32, 64, 128, 256, 512, 1097)  # 1097: the whole training set
SEEDS = (0, 1, 2)


def batch_sweep(base_lr=0.1, base_batch=64, epochs=10):
    """Best validation accuracy per seed after `epochs` epochs, for every batch
    size at the base rate ("fixed") and at base_lr * batch / base_batch, the
    linear scaling rule ("scaled")."""
    data = load_splits()
    best = {}
    with np.errstate(over="ignore", invalid="ignore"):
        for size in SIZES:
            for name, lr in (("fixed", base_lr),
                             ("scaled", base_lr * size / base_batch)):
                best[size, name] = [max(train(
                    data["train"], data["val"], lr=lr, epochs=epochs, seed=seed,
                    batch_size=size)[1]["val_acc"]) for seed in SEEDS]
    return best


if __name__ == "__main__":
    best = batch_sweep()
    print("batch lr 0.1       lr 0.1*B/64")
    #> batch lr 0.1       lr 0.1*B/64
    for size in SIZES:
        cells = [f"{np.mean(best[size, k]):.3f}±{np.std(best[size, k], ddof=1):.3f}"
                 for k in ("fixed", "scaled")]
        print(f"{size:<5} {cells[0]}  {cells[1]}")
    #> 16    0.982±0.007  0.967±0.006
    #> 32    0.977±0.008  0.967±0.006
    #> 64    0.969±0.008  0.969±0.008
    #> 128   0.954±0.012  0.967±0.006
    #> 256   0.932±0.014  0.968±0.007
    #> 512   0.901±0.020  0.972±0.010
    #> 1097  0.794±0.029  0.953±0.002
