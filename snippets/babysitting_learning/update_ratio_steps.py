import numpy as np
from digits_net import load_splits, train

if __name__ == "__main__":
    data = load_splits()
    with np.errstate(over="ignore", invalid="ignore"):  # lr 3 diverges
        ratios = {lr: train(data["train"], data["val"], lr=lr, epochs=20)[1]
                  ["update_ratio"] for lr in (0.1, 3.0)}
    medians = {name: np.median(np.reshape(r, (20, 18)), axis=1)  # 18 steps an epoch
               for name, r in ratios[0.1].items()}
    times = medians["W2"] / medians["W1"]
    print("lr 0.1, W2/W1 of epoch medians")
    #> lr 0.1, W2/W1 of epoch medians
    print(f"epoch 1 {times[0]:.1f}x, epoch 20 {times[-1]:.1f}x")
    #> epoch 1 3.7x, epoch 20 2.6x
    print(f"range {times.min():.1f}x to {times.max():.1f}x")
    #> range 2.4x to 3.7x
    # lr 3: the first epoch only; later, rounding differences between CPUs grow
    print("lr 3, epoch 1: median, min, max")
    #> lr 3, epoch 1: median, min, max
    for name, r in ratios[3.0].items():
        first = np.array(r[:18])
        print(f"{name}  {np.median(first):.2f}  {first.min():.2f}  {first.max():.2f}  "
              f"{np.sum(first < 1)} of 18 < 1")
    #> W1  1.58  0.43  3.63  3 of 18 < 1
    #> W2  1.49  0.69  5.03  2 of 18 < 1
