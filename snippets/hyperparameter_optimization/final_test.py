import numpy as np
from digits_net import accuracy, load_splits, train

if __name__ == "__main__":
    data = load_splits()
    # the configuration chosen by its mean over seeds, trained as in that check
    val, test = [], []
    for seed in range(5):
        params, history = train(data["train"], data["val"], lr=0.631, reg=1.1e-3,
                                epochs=20, seed=seed)
        val.append(history["val_acc"][-1])
        test.append(accuracy(params, *data["test"]))  # once, at the end
    print(f"val acc {np.mean(val):.3f} ± {np.std(val, ddof=1):.3f}")
    #> val acc 0.980 ± 0.004
    print(f"test acc {np.mean(test):.3f} ± {np.std(test, ddof=1):.3f}")
    #> test acc 0.982 ± 0.004
    print(*(f"{acc:.3f}" for acc in test))
    #> 0.983 0.977 0.986 0.986 0.980
