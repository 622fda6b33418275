"""Numerical checks of the babysitting page: the shared network's backward pass,
and the numbers the page quotes, re-measured.

Gradient check (digits_net.loss_and_grads): float64, centered differences with
h = 1e-5 through the site's helper, reg > 0, all four parameter arrays. ReLU has a
kink at 0: every check first asserts that no hidden pre-activation lies within 1e-4
of 0, and moving one W1 entry by h moves a pre-activation by at most h * max|x| <
1e-4, so no kink can be crossed (if one were, the check would fail, not pass).
"""

import numpy as np
import pytest

from snippets.babysitting_learning.early_stopping import train_with_early_stopping
from snippets.babysitting_learning.exercise_initial_loss import softmax_loss, svm_loss
from snippets.babysitting_learning.exercise_plateau import deep_params
from snippets.babysitting_learning.loss_at_init import initial_loss
from snippets.babysitting_learning.lr_range_test import lr_range_test
from snippets.babysitting_learning.lr_sweep import first_epoch, lr_sweep
from snippets.babysitting_learning.overfit_small import overfit_subset
from snippets.babysitting_learning.train_val_gap import run
from snippets.babysitting_learning.update_ratio import update_ratios
from snippets.digits_net import (
    init_params,
    load_splits,
    loss_and_grads,
    scores,
    train,
)
from snippets.gradient_checking.numerical_gradient import (
    numerical_gradient,
    relative_error,
)
from tests.conftest import REPO

LN10 = np.log(10)
PAGES = {lang: " ".join((REPO / "docs" / lang / "babysitting-learning.md").read_text(
    encoding="utf-8").split()) for lang in ("ko", "en")}


def _quoted(*texts):
    """Each number must appear in both pages' prose exactly as the code prints it."""
    for text in texts:
        for lang, page in PAGES.items():
            assert text in page, f"docs/{lang}/babysitting-learning.md lacks {text}"


def _numerical_grads(params, x, y, reg, h=1e-5):
    return {
        name: numerical_gradient(
            lambda v, name=name: loss_and_grads({**params, name: v}, x, y, reg)[0],
            value,
            h,
        )
        for name, value in params.items()
    }


def _assert_no_kink(params, x, h):
    pre = x @ params["W1"] + params["b1"]
    assert np.abs(pre).min() > 1e-4, "a ReLU input is within 1e-4 of its kink"
    assert h * max(np.abs(x).max(), 1) < 1e-4


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_pass_matches_numerical_gradient_on_a_small_network(seed):
    # A small problem (4 examples, 5 -> 6 -> 4) so that no entry is tiny enough
    # for rounding error (~1e-16 * |loss| / h) to dominate: max error < 1e-7.
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((4, 5)), rng.integers(0, 4, size=4)
    params = init_params((5, 6, 4), seed=seed)
    params["b1"] = 0.1 * rng.standard_normal(6)  # a characteristic point, not 0
    params["b2"] = 0.1 * rng.standard_normal(4)
    _assert_no_kink(params, x, 1e-5)
    _, grads = loss_and_grads(params, x, y, reg=0.1)
    for name, numerical in _numerical_grads(params, x, y, 0.1).items():
        assert params[name].dtype == np.float64
        err = relative_error(grads[name], numerical)
        assert err < 1e-7, f"{name}: relative error {err:.1e}"


def test_backward_pass_matches_numerical_gradient_on_the_page_network():
    # The real 64-100-10 network on 3 digits images, reg 1e-3. Here some entries
    # of dW1 are ~1e-7 (pixels that are almost always 0), where rounding error
    # alone gives a large relative error, so: relative error < 1e-7 on every entry
    # larger than 1e-3, and absolute error < 1e-9 on all 7510 entries.
    x, y = load_splits()["train"]
    x, y = x[:3], y[:3]
    params = init_params(seed=0)
    rng = np.random.default_rng(0)
    params["b1"] = 0.1 * rng.standard_normal(100)
    params["b2"] = 0.1 * rng.standard_normal(10)
    # h = 3e-5: on this network the error of h = 1e-5 is rounding, not truncation
    # (1.0e-7 on W1 on an AMD EPYC, 4.7e-8 at 2e-5, 2.9e-8 at 3e-5), and 3e-5
    # still moves no ReLU input across its kink (_assert_no_kink).
    h = 3e-5
    _assert_no_kink(params, x, h)
    _, grads = loss_and_grads(params, x, y, reg=1e-3)
    for name, numerical in _numerical_grads(params, x, y, 1e-3, h).items():
        analytic = grads[name]
        big = np.maximum(np.abs(analytic), np.abs(numerical)) > 1e-3
        assert big.sum() > 0.5 * big.size / 2
        err = relative_error(analytic[big], numerical[big])
        assert err < 1e-7, f"{name}: relative error {err:.1e}"
        assert np.abs(analytic - numerical).max() < 1e-9


def test_a_wrong_gradient_would_fail_the_check():
    rng = np.random.default_rng(3)
    x, y = rng.standard_normal((4, 5)), rng.integers(0, 4, size=4)
    params = init_params((5, 6, 4), seed=3)
    _, grads = loss_and_grads(params, x, y, reg=0.1)
    numerical = _numerical_grads(params, x, y, 0.1)["W1"]
    assert relative_error(grads["W1"] - 0.1 * params["W1"], numerical) > 1e-2


def test_loss_at_init_is_ln10_only_with_small_last_layer_and_reg_off():
    small = initial_loss(last_std=0.01)
    assert abs(small - LN10) < 0.01  # 2.310 vs 2.303: within 0.01
    assert round(small, 3) == 2.310
    assert round(initial_loss(), 3) == 3.246  # He-init output layer: above ln 10
    params = init_params(last_std=0.01)
    penalty = 0.5 * 0.02 * sum(np.sum(params[w] ** 2) for w in ("W1", "W2"))
    with_reg = initial_loss(last_std=0.01, reg=0.02)
    assert with_reg == pytest.approx(small + penalty, rel=1e-12)
    assert round(with_reg, 3) == 4.294


def test_log_prior_bias_barely_matters_for_balanced_digits():
    y = load_splits()["train"][1]
    assert np.bincount(y).min() >= 106 and np.bincount(y).max() <= 112
    zero, prior = initial_loss(0.01), initial_loss(0.01, log_prior_bias=True)
    assert (round(zero, 4), round(prior, 4)) == (2.3102, 2.3097)
    assert abs(zero - prior) < 1e-3


def test_overfitting_twenty_images_works_with_real_and_shuffled_labels():
    real = overfit_subset()
    shuffled = overfit_subset(shuffle_labels=True)
    for h in (real, shuffled):
        assert h["train_acc"][-1] == 1.0 and h["train_loss"][-1] < 5e-3
    assert f"{real['train_loss'][-1]:.1e}" == "1.9e-03"
    assert f"{shuffled['train_loss'][-1]:.1e}" == "3.3e-03"
    assert round(real["val_acc"][-1], 2) == 0.50
    assert shuffled["val_acc"][-1] < 0.2  # chance is 0.1


def test_learning_rate_sweep_numbers():
    h = lr_sweep()
    final = {lr: hist["train_loss"][-1] for lr, hist in h.items()}
    assert final[1e-4] > 0.9 * h[1e-4]["train_loss"][0]  # barely moves
    assert round(final[0.1], 4) == 0.0363 and round(h[0.1]["val_acc"][-1], 3) == 0.98
    assert round(h[1.0]["val_acc"][-1], 3) == 0.977
    # lr 3: no inf or nan in 20 epochs, but ~3e37 after 4 epochs and past 1e100 at 20
    # (how far past depends on the CPU's rounding: 2e174 to 9e178 seen), as printed
    assert first_epoch(h[3.0], lambda v: not np.isfinite(v)) == "-"
    assert 1e37 < h[3.0]["train_loss"][4] < 1e38
    assert 1e100 < final[3.0] < 1e200
    # lr 10: loss inf after epoch 10, nan (and nan weights) after epoch 11
    assert first_epoch(h[10.0], np.isinf) == 10
    assert first_epoch(h[10.0], np.isnan) == 11
    small = lr_sweep([1e-4], params=init_params(last_std=0.01))[1e-4]
    assert round(small["train_loss"][-1], 3) == 2.218
    assert round(small["train_acc"][-1], 3) == 0.301


def test_lr_10_nan_comes_from_overflowing_scores_not_from_exp():
    data = load_splits()
    x, y = data["train"]
    with np.errstate(over="ignore", invalid="ignore"):
        params, _ = train(data["train"], data["val"], lr=10.0, epochs=10)
        s = scores(params, x)
        params11, _ = train(data["train"], data["val"], lr=10.0, epochs=11)
    assert all(np.isfinite(p).all() for p in params.values())
    largest = max(np.abs(params[w]).max() for w in ("W1", "W2"))
    assert f"{largest:.1e}" == "1.8e+153"
    assert np.isfinite(s).all() and f"{np.abs(s).max():.1e}" == "4.1e+306"
    _quoted("1.8e+153", "4.1e+306")
    assert all(np.isnan(p).all() for p in params11.values())


def test_lr_range_test_restores_weights_and_suggests_a_good_rate():
    data = load_splits()
    params = init_params(seed=0)
    before = {k: v.copy() for k, v in params.items()}
    lrs, raw, smoothed, suggested = lr_range_test(data["train"], params)
    for k in params:
        np.testing.assert_array_equal(params[k], before[k])
    assert len(lrs) == 93 and f"{lrs[-1]:.3g}" == "3.76"
    np.testing.assert_allclose(lrs[1:] / lrs[:-1], (1e6) ** (1 / 99), rtol=1e-12)
    assert suggested == pytest.approx(lrs[np.argmin(smoothed)] / 10)
    assert f"{suggested:.3g}" == "0.187" and f"{smoothed.min():.3f}" == "1.775"
    _, history = train(data["train"], data["val"], lr=suggested, epochs=20)
    assert round(history["val_acc"][-1], 3) == 0.980
    _quoted("93", "3.76", "1.775", "1.87", "0.187")


def test_the_smoothed_range_test_curve_lags_the_raw_loss():
    data = load_splits()
    lrs, raw, smoothed, _ = lr_range_test(data["train"], init_params(seed=0))
    # the raw losses are the minibatch losses of the same steps: averaging them with
    # the bias-corrected EMA by hand gives the smoothed curve
    weights = 0.98 ** np.arange(len(raw))[::-1]
    by_hand = [np.sum(weights[-(t + 1):] * raw[:t + 1]) * 0.02 / (1 - 0.98 ** (t + 1))
               for t in range(len(raw))]
    np.testing.assert_allclose(smoothed, by_hand, rtol=1e-12)
    # 50 steps (the EMA's memory) cover 3 decades of lr in this 100-step test
    assert f"{50 * np.log10(lrs[1] / lrs[0]):.1f}" == "3.0"
    low, best = np.argmin(raw), np.argmin(smoothed)
    assert (f"{raw[low]:.3f}", f"{lrs[low]:.3g}") == ("0.222", "0.811")
    assert low < best and raw[best] > 4 * raw[low]  # the raw loss has turned up
    assert all(raw[best + 1:best + 4] > 2)
    at_01 = np.argmin(np.abs(lrs - 0.1))
    assert smoothed[at_01] > 2 * raw[at_01]  # lagging: still near the start
    _quoted("0.222", "0.811", "1.223", "2.661", "1.089", "2.90, 2.79", "6.25")
    lrs9, _, smoothed9, suggested9 = lr_range_test(data["train"], init_params(seed=0),
                                                   beta=0.9)
    assert f"{lrs9[np.argmin(smoothed9)]:.3g} {suggested9:.3g}" == "1.63 0.163"
    _quoted("1.63", "0.163")


def test_update_ratio_is_the_actual_step_per_matrix():
    data = load_splits()
    x, y = data["train"]
    params = init_params(seed=0)
    _, history = train(data["train"], data["val"], lr=0.1, epochs=1)
    first = np.random.default_rng(0).permutation(len(y))[:64]
    _, grads = loss_and_grads(params, x[first], y[first])
    for name in ("W1", "W2"):
        expected = np.linalg.norm(0.1 * grads[name]) / np.linalg.norm(params[name])
        assert history["update_ratio"][name][0] == pytest.approx(expected, rel=1e-12)
    low, good, high = (update_ratios(lr) for lr in (1e-3, 1e-1, 3.0))
    for name in ("W1", "W2"):
        # at lr 3 the last epochs depend on the CPU's rounding (one epoch's median
        # fell to 0.85 in a perturbed run): the typical epoch's steps exceed the weights
        assert low[name].max() < 1e-3 < high[name].min() and np.median(high[name]) > 1
        assert 5e-4 < good[name][-1] < 3e-3
    assert f"{good['W1'][0]:.1e} {good['W1'][-1]:.1e}" == "6.9e-03 7.9e-04"
    assert f"{good['W2'][0]:.1e} {good['W2'][-1]:.1e}" == "2.6e-02 2.1e-03"
    _quoted("6.9e-03", "2.6e-02", "7.9e-04", "2.1e-03")
    # W2's steps are larger relative to its weights than W1's: 3.7x in epoch 1, 2.6x
    # in epoch 20, 2.4x to 3.7x in between; the first epoch is 7x and 26x the guide
    times = good["W2"] / good["W1"]
    assert f"{times[0]:.1f} {times[-1]:.1f} {times.min():.1f} {times.max():.1f}" == (
        "3.7 2.6 2.4 3.7")
    assert (round(good["W1"][0] / 1e-3), round(good["W2"][0] / 1e-3)) == (7, 26)
    _quoted("3.7", "2.6", "2.4")


def test_at_lr_3_the_typical_first_epoch_step_exceeds_the_weights_but_not_all():
    data = load_splits()
    with np.errstate(over="ignore", invalid="ignore"):
        _, h = train(data["train"], data["val"], lr=3.0, epochs=1)
    w1, w2 = (np.array(h["update_ratio"][n]) for n in ("W1", "W2"))
    assert len(w1) == 18 and np.median(w1) > 1 and np.median(w2) > 1
    assert (f"{w1.min():.2f}", f"{w1.max():.2f}", int(np.sum(w1 < 1))) == (
        "0.43", "3.63", 3)
    assert (f"{w2.min():.2f}", f"{w2.max():.2f}", int(np.sum(w2 < 1))) == (
        "0.69", "5.03", 2)
    _quoted("1.58", "1.49", "0.43", "3.63", "0.69", "5.03")


def test_train_val_gap_shrinks_with_data_and_width_two_underfits():
    gaps = []
    for n in (50, 100, 200, 500, 1097):
        h = run(n_train=n)
        gaps.append(h["train_acc"][-1] - h["val_acc"][-1])
    assert all(b < a for a, b in zip(gaps, gaps[1:], strict=False))
    assert f"{gaps[0]:.3f}" == "0.231" and f"{gaps[-1]:.3f}" == "0.016"
    narrow = run(hidden=2)
    assert (round(narrow["train_acc"][-1], 3), round(narrow["val_acc"][-1], 3)) == (
        0.444, 0.406)
    fifty = run(n_train=50)
    assert fifty["train_acc"].index(1.0) == 20
    assert max(fifty["val_acc"]) == fifty["val_acc"][-1]  # still rising
    # and the validation loss is lowest at the last of the 360 epochs
    assert int(np.argmin(fifty["val_loss"])) == len(fifty["val_loss"]) - 1 == 360
    assert f"{fifty['val_loss'][-1]:.3f}" == "0.731"
    _quoted("0.231", "0.016", "0.769", "0.680", "0.731")


def test_l2_barely_moves_the_gap_at_50_images():
    gaps = {}
    for reg in (0.0, 1e-3, 1e-2, 1e-1):
        h = run(n_train=50, reg=reg)
        gaps[reg] = h["train_acc"][-1] - h["val_acc"][-1]
    assert [f"{g:.3f}" for g in gaps.values()] == ["0.231", "0.229", "0.214", "0.271"]
    assert max(gaps.values()) - min(gaps.values()) < 0.06  # data moved it by 0.215
    _quoted("0.229", "0.214", "0.271")


def test_early_stopping_keeps_the_epoch_of_lowest_validation_loss():
    data = load_splits()
    x, y = data["train"]
    subset = np.sort(np.random.default_rng(0).permutation(len(y))[:200])
    small = (x[subset], y[subset])
    best, log = train_with_early_stopping(small, data["val"], lr=1.0)
    losses = [row["val_loss"] for row in log]
    assert best["epoch"] == 15 == 1 + int(np.argmin(losses)) and len(log) == 25
    assert min(losses[15:]) > best["val_loss"]  # 10 epochs without improvement
    # the kept parameters are those of epoch 15: their validation loss, recomputed
    assert loss_and_grads(best["params"], *data["val"])[0] == pytest.approx(
        best["val_loss"], rel=1e-12)
    # the gradient norm is that of the whole training set at those parameters
    grads = loss_and_grads(best["params"], *small)[1]
    assert np.linalg.norm(grads["W1"]) == pytest.approx(best["grad_W1"], rel=1e-12)
    assert (f"{best['val_loss']:.3f}", f"{best['val_acc']:.3f}") == ("0.271", "0.926")
    assert f"{log[-1]['val_acc']:.3f}" == "0.926"
    assert (f"{log[0]['grad_W1']:.1e}", f"{log[-1]['grad_W1']:.1e}") == (
        "1.6e+00", "4.4e-03")
    _, full = train_with_early_stopping(small, data["val"], lr=1.0, patience=None)
    assert len(full) == 100 and full[14]["val_loss"] == best["val_loss"]
    assert f"{full[-1]['val_loss']:.3f}" == "0.300"
    # the accuracy has not fallen: it is at its best later, while the loss rose
    peak = max(full, key=lambda row: row["val_acc"])
    assert (f"{peak['val_acc']:.3f}", peak["epoch"]) == ("0.934", 65)
    assert round((peak["val_acc"] - best["val_acc"]) * 350) == 3
    _quoted("0.271", "0.926", "0.300", "0.934", "4.4e-03")


def test_zeroed_inputs_learn_only_the_label_frequencies():
    h = overfit_subset(zero_inputs=True)
    y = load_splits()["train"][1]
    labels = y[np.random.default_rng(0).choice(len(y), 20, replace=False)]
    share = np.bincount(labels) / 20
    entropy = -(share[share > 0] * np.log(share[share > 0])).sum()
    # the loss cannot go below the entropy of the labels, the accuracy above the
    # largest class's share
    assert entropy < h["train_loss"][-1] < entropy + 0.05
    assert h["train_acc"][-1] == share.max() == 0.25
    _quoted("2.03", "2.01", "0.25")


def test_full_run_matches_the_digits_net_demo():
    h = run()
    assert round(h["val_acc"][-1], 3) == 0.980 and len(h["val_acc"]) == 21


@pytest.mark.parametrize("classes", [10, 100])
def test_initial_softmax_loss_is_ln_c_and_svm_loss_is_c_minus_1(classes):
    rng = np.random.default_rng(0)
    s = 1e-3 * rng.standard_normal((500, classes))
    y = rng.integers(0, classes, size=500)
    assert abs(softmax_loss(s, y) - np.log(classes)) < 0.01
    assert abs(svm_loss(s, y) - (classes - 1)) < 0.05
    assert svm_loss(np.zeros((3, classes)), np.zeros(3, int)) == classes - 1


def test_small_weights_give_a_plateau_then_a_drop():
    data = load_splits()
    _, bad = train(data["train"], data["val"], lr=0.1, epochs=12,
                   params=deep_params(0.05))
    _, good = train(data["train"], data["val"], lr=0.1, epochs=12,
                    params=deep_params())
    assert all(abs(v - LN10) < 0.05 for v in bad["train_loss"][:7])
    assert bad["train_loss"][12] < 1.5
    assert good["train_loss"][2] < 0.5


def test_small_weights_shrink_the_signal_by_0_28_then_0_25_per_layer():
    x = load_splits()["train"][0]
    params = deep_params(0.05)
    h, factors = x, []
    for i in (1, 2, 3):
        new = np.maximum(h @ params[f"W{i}"] + params[f"b{i}"], 0)
        factors.append(np.sqrt(np.mean(new**2) / np.mean(h**2)))
        h = new
    # measured RMS ratios agree with 0.05 * sqrt(fan_in / 2) to a few percent
    np.testing.assert_allclose(factors, [0.283, 0.25, 0.25], rtol=0.1)
    _quoted("0.28", "0.25")
