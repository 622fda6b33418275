import numpy as np
from digits_net import accuracy, load_splits, train
from sklearn.base import BaseEstimator
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingRandomSearchCV, PredefinedSplit


class DigitsNet(BaseEstimator):
    """digits_net behind scikit-learn's estimator interface; `epochs` is the
    resource the halving search grows."""

    def __init__(self, lr=0.1, reg=0.0, epochs=20):
        self.lr, self.reg, self.epochs = lr, reg, epochs

    def fit(self, x, y):
        self.params_, _ = train((x, y), (x, y), lr=self.lr, reg=self.reg,
                                epochs=self.epochs, abort_factor=3)
        return self

    def score(self, x, y):
        return accuracy(self.params_, x, y)


class LogUniform:
    """Like scipy.stats.loguniform(low, high): the bounds are values, not exponents."""

    def __init__(self, low, high):
        self.low, self.high = low, high

    def rvs(self, random_state=None, size=None):
        exponents = np.log10([self.low, self.high])
        return 10 ** random_state.uniform(*exponents, size)


def halving_search(data, seed=0):
    (x_train, y_train), (x_val, y_val) = data["train"], data["val"]
    x, y = np.concatenate([x_train, x_val]), np.concatenate([y_train, y_val])
    # -1: always in training; 0: the one validation fold
    split = PredefinedSplit(np.r_[np.full(len(y_train), -1), np.full(len(y_val), 0)])
    search = HalvingRandomSearchCV(
        DigitsNet(), {"lr": LogUniform(1e-5, 10), "reg": LogUniform(1e-7, 1)},
        n_candidates=27, factor=3, resource="epochs", min_resources=1,
        max_resources=27, cv=split, refit=False, random_state=seed)
    return search.fit(x, y)


if __name__ == "__main__":
    search = halving_search(load_splits())
    results = search.cv_results_
    print(search.n_candidates_, search.n_resources_)
    #> [27, 9, 3, 1] [1, 3, 9, 27]
    print("epochs trained:", sum(results["n_resources"]))  # every fit from scratch
    #> epochs trained: 108
    for name, value in search.best_params_.items():
        print(f"{name} {value:.3g}")
    #> lr 0.563
    #> reg 0.000504
    #> epochs 27
    print(f"val acc {search.best_score_:.3f}")
    #> val acc 0.980
