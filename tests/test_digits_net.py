"""The network both training pages share (snippets/digits_net.py): its split, its
preprocessing and its training loop. Its gradient check is in
test_babysitting_learning.py, beside the page that shows the backward pass."""

import numpy as np
import pytest
from sklearn.datasets import load_digits

from snippets.digits_net import (
    accuracy,
    init_params,
    load_splits,
    loss_and_grads,
    train,
)

DATA = load_splits()


def test_the_split_is_1097_350_350_disjoint_and_stratified():
    sizes = {part: len(y) for part, (_, y) in DATA.items()}
    assert sizes == {"train": 1097, "val": 350, "test": 350}
    rows = np.concatenate([x for x, _ in DATA.values()])
    assert len(np.unique(rows.round(9), axis=0)) == len(
        np.unique(load_digits().data, axis=0)
    ), "an image appears in two splits"
    overall = np.bincount(load_digits().target) / 1797
    for part, (_, y) in DATA.items():
        share = np.bincount(y, minlength=10) / len(y)
        assert np.abs(share - overall).max() < 0.005, f"{part} is not stratified"


def test_preprocessing_is_fitted_on_the_training_images_only():
    x_train, x_val = DATA["train"][0], DATA["val"][0]
    assert np.abs(x_train.mean(axis=0)).max() < 1e-12
    assert x_train.std() == pytest.approx(1.0, abs=1e-12)
    # the validation images are shifted with the training mean, not their own
    assert np.abs(x_val.mean(axis=0)).max() > 0.05


def test_zero_weights_give_the_uniform_loss_ln_10():
    params = {k: np.zeros_like(v) for k, v in init_params().items()}
    x, y = DATA["train"]
    assert loss_and_grads(params, x, y)[0] == pytest.approx(np.log(10), abs=1e-12)


def test_l2_adds_half_reg_times_the_squared_weights():
    params = init_params()
    x, y = DATA["train"]
    squares = sum(np.sum(params[k] ** 2) for k in ("W1", "W2"))
    gap = loss_and_grads(params, x, y, reg=0.1)[0] - loss_and_grads(params, x, y)[0]
    assert gap == pytest.approx(0.05 * squares, rel=1e-12)


def test_history_has_one_entry_per_epoch_and_one_ratio_per_step():
    _, history = train(DATA["train"], DATA["val"], epochs=3, batch_size=100)
    assert len(history["train_loss"]) == len(history["val_acc"]) == 4
    steps = 3 * int(np.ceil(1097 / 100))
    assert {k: len(v) for k, v in history["update_ratio"].items()} == {
        "W1": steps,
        "W2": steps,
    }
    assert history["train_loss"][-1] < history["train_loss"][0]


def test_history_records_the_validation_loss_of_each_epoch():
    params, history = train(DATA["train"], DATA["val"], epochs=2, reg=1e-3)
    assert len(history["val_loss"]) == 3
    expected = loss_and_grads(params, *DATA["val"], reg=1e-3)[0]
    assert history["val_loss"][-1] == pytest.approx(expected, rel=1e-12)
    start = loss_and_grads(init_params(), *DATA["val"], reg=1e-3)[0]
    assert history["val_loss"][0] == pytest.approx(start, rel=1e-12)
    assert history["val_loss"][-1] < history["val_loss"][0]


def test_the_update_ratio_is_the_actual_step_over_the_weights():
    # one full-batch SGD step: the ratio is ||lr * dW|| / ||W|| at the start
    x, y = DATA["train"]
    params = init_params()
    _, grads = loss_and_grads(params, x, y)
    _, history = train((x, y), DATA["val"], lr=0.5, epochs=1, batch_size=len(y))
    expected = 0.5 * np.linalg.norm(grads["W1"]) / np.linalg.norm(params["W1"])
    assert history["update_ratio"]["W1"][0] == pytest.approx(expected, rel=1e-12)


def test_momentum_ratios_use_the_velocity_not_the_gradient():
    # with momentum 0.9 the second step is lr * g2 + 0.9 * (first step), larger
    # than lr * g2 alone when successive gradients agree, as they do at the start
    _, plain = train(DATA["train"], DATA["val"], lr=0.01, epochs=1)
    _, heavy = train(DATA["train"], DATA["val"], lr=0.01, epochs=1, momentum=0.9)
    assert heavy["update_ratio"]["W1"][5] > 3 * plain["update_ratio"]["W1"][5]


def test_abort_stops_a_diverging_run_and_says_so():
    _, history = train(DATA["train"], DATA["val"], lr=10.0, epochs=5, abort_factor=3)
    assert history["aborted"] and len(history["train_loss"]) < 6
    _, history = train(DATA["train"], DATA["val"], lr=0.1, epochs=2, abort_factor=3)
    assert not history["aborted"] and len(history["train_loss"]) == 3


def test_training_continues_from_given_parameters_without_changing_them():
    params, _ = train(DATA["train"], DATA["val"], epochs=2)
    before = {k: v.copy() for k, v in params.items()}
    _, history = train(DATA["train"], DATA["val"], epochs=1, params=params)
    assert all(np.array_equal(before[k], params[k]) for k in params)
    assert history["val_acc"][0] == accuracy(params, *DATA["val"])
