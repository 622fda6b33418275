import numpy as np


def preprocess_one(x, mean, std):
    """One new example x of shape (D,), with statistics stored at training time."""
    return (x - mean) / std


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X_train = rng.normal([50.0, -3.0, 0.1], [10.0, 2.0, 0.01], size=(1000, 3))
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)  # saved with the model
    x_new = np.array([60.0, -1.0, 0.12])
    print("with training statistics:")
    #> with training statistics:
    print(np.round(preprocess_one(x_new, mean, std), 3))
    #> [1.112 1.006 1.987]
    batch_of_one = x_new[None, :]
    with np.errstate(invalid="ignore"):
        own = preprocess_one(x_new, batch_of_one.mean(axis=0), batch_of_one.std(axis=0))
    print("with its own statistics:")
    #> with its own statistics:
    print(own)
    #> [nan nan nan]
    # the wrong axis: one mean and std over the example's own D features
    wrong = preprocess_one(x_new, x_new.mean(), x_new.std())
    print("across its features:")
    #> across its features:
    print(np.round(wrong, 3))
    #> [ 1.414 -0.727 -0.687]
