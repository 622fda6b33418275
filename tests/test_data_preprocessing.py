"""Numerical checks of the data-preprocessing page.

No backward passes here, so no gradient checks: the checks are closed-form
properties (means, stds, covariances, inverses) with stated tolerances, and
statistical properties of the demos with tolerances several standard errors wide.
"""

import copy

import numpy as np
import pytest

from snippets.data_preprocessing.exercise_single_example import preprocess_one
from snippets.data_preprocessing.exercise_whitening_noise import whitening_gains
from snippets.data_preprocessing.exercise_zca import pca_and_zca_whitening
from snippets.data_preprocessing.image_statistics import (
    channel_mean,
    channel_std,
    mean_image,
    synthetic_images,
)
from snippets.data_preprocessing.leakage import leakage_experiment
from snippets.data_preprocessing.normalize import normalize
from snippets.data_preprocessing.pca_whitening import (
    decorrelate,
    fit_pca,
    unwhiten,
    whiten,
)
from snippets.data_preprocessing.train_test import fit_preprocessing, preprocess
from snippets.data_preprocessing.why_zero_center import (
    flipped_fraction,
    same_sign_fraction,
)
from snippets.data_preprocessing.zero_center import correlated_data, zero_center


def cov(X):
    return np.cov(X, rowvar=False, bias=True)


@pytest.fixture
def X5():
    """Correlated 5-D data with a large offset and features of very different scale."""
    rng = np.random.default_rng(1)
    mix = rng.standard_normal((5, 5)) * np.array([1e-2, 0.1, 1.0, 10.0, 100.0])
    return 1000.0 + rng.standard_normal((2000, 5)) @ mix


def test_zero_center_gives_zero_means_and_keeps_the_covariance(X5):
    Xc, mean = zero_center(X5)
    np.testing.assert_allclose(mean, X5.mean(axis=0), rtol=1e-15)
    # float64 rounding of a sum of 2000 values of size ~1e3: far below 1e-9
    assert np.abs(Xc.mean(axis=0)).max() < 1e-9
    np.testing.assert_allclose(cov(Xc), cov(X5), rtol=1e-8, atol=1e-8 * cov(X5).max())


def test_normalize_gives_unit_stds(X5):
    eps = 1e-8
    Xn, mean, std = normalize(X5, eps=eps)
    np.testing.assert_allclose(std, X5.std(axis=0), rtol=1e-15)
    # exactly std / (std + eps), so within eps / min(std) of 1
    np.testing.assert_allclose(Xn.std(axis=0), std / (std + eps), rtol=1e-10)
    assert np.abs(Xn.std(axis=0) - 1).max() <= eps / std.min() + 1e-10
    assert np.abs(Xn.mean(axis=0)).max() < 1e-9
    # a constant feature becomes 0, not NaN: that is what eps is for
    constant = np.hstack([X5[:, :1], np.full((len(X5), 1), 7.0)])
    out, _, _ = normalize(constant)
    assert np.all(np.isfinite(out)) and np.all(out[:, 1] == 0)


def test_normalization_does_not_decorrelate():
    Xn, _, _ = normalize(correlated_data())
    c = cov(Xn)
    corr = np.corrcoef(correlated_data(), rowvar=False)[0, 1]
    assert c[0, 1] == pytest.approx(corr, rel=1e-6)  # the correlation coefficient
    assert c[0, 1] > 0.85


def test_pca_rotation_diagonalizes_the_covariance(X5):
    mean, eigvals, U = fit_pca(X5)
    np.testing.assert_allclose(U.T @ U, np.eye(5), atol=1e-12)  # a rotation
    assert np.all(np.diff(eigvals) <= 0), "eigenvalues largest first"
    c = cov(decorrelate(X5, mean, U))
    off = c - np.diag(np.diag(c))
    assert np.abs(off).max() < 1e-10 * np.abs(c).max()
    np.testing.assert_allclose(np.diag(c), eigvals, rtol=1e-8)
    assert np.trace(c) == pytest.approx(np.trace(cov(X5)), rel=1e-10)


def test_whitening_gives_identity_covariance(X5):
    mean, eigvals, U = fit_pca(X5)
    # without eps: identity up to rounding
    c0 = cov(whiten(X5, mean, eigvals, U, eps=0.0))
    assert np.abs(c0 - np.eye(5)).max() < 1e-8
    # with eps the diagonal is lambda / (lambda + eps): off by at most eps / lambda_min
    eps = 1e-5
    c = cov(whiten(X5, mean, eigvals, U, eps=eps))
    np.testing.assert_allclose(np.diag(c), eigvals / (eigvals + eps), rtol=1e-8)
    assert np.abs(c - np.eye(5)).max() <= eps / eigvals.min() + 1e-8


def test_whitening_is_invertible(X5):
    mean, eigvals, U = fit_pca(X5)
    for eps in (0.0, 1e-5, 1e-1):
        Xw = whiten(X5, mean, eigvals, U, eps=eps)
        back = unwhiten(Xw, mean, eigvals, U, eps=eps)
        assert np.abs(back - X5).max() < 1e-9 * np.abs(X5).max()


def test_train_statistics_are_applied_unchanged_to_test_data():
    rng = np.random.default_rng(2)
    X_train = rng.normal([4.0, -2.0, 0.5], [2.0, 1.0, 0.1], size=(300, 3))
    X_test = rng.normal([5.0, -1.0, 0.6], [2.0, 1.0, 0.1], size=(50, 3))  # shifted
    params = fit_preprocessing(X_train)
    saved = copy.deepcopy(params)
    np.testing.assert_allclose(params["mean"], X_train.mean(axis=0), rtol=1e-15)
    np.testing.assert_allclose(params["std"], X_train.std(axis=0), rtol=1e-15)

    Z = preprocess(X_test, params)
    manual = (X_test - X_train.mean(0)) / X_train.std(0)
    np.testing.assert_allclose(Z, manual, rtol=1e-12)
    # the test mean is where the training statistics put it, not refitted to 0
    expected_mean = (X_test.mean(0) - X_train.mean(0)) / X_train.std(0)
    np.testing.assert_allclose(Z.mean(axis=0), expected_mean, rtol=1e-10)
    assert np.abs(Z.mean(axis=0)).min() > 0.3

    Zw = preprocess(X_test, params, whiten=True)
    rows = np.vstack([preprocess(x[None, :], params, whiten=True) for x in X_test])
    np.testing.assert_allclose(rows, Zw, rtol=1e-12, atol=1e-12)  # one row at a time
    for key in params:
        np.testing.assert_array_equal(params[key], saved[key])  # nothing refitted

    # on the training set itself the whitened covariance is identity (eps-bounded)
    c = cov(preprocess(X_train, params, whiten=True))
    assert np.abs(c - np.eye(3)).max() <= params["eps"] / params["eigvals"].min() + 1e-8


def test_leakage_makes_the_test_set_look_better_than_new_data():
    errors = leakage_experiment(trials=200)
    (proper_test, proper_new, leaky_test, leaky_new) = errors
    # proper: the test set is an honest stand-in for new data (averages of 200
    # trials; their relative standard error is a few percent)
    np.testing.assert_allclose(proper_test, proper_new, rtol=0.15)
    # leaky: the test set looks far better than new data processed the same way
    assert np.all(leaky_test < 0.7 * leaky_new)
    assert np.all(leaky_test < proper_test)


def test_image_statistics_have_the_right_shapes_and_values():
    X = synthetic_images(n=10, size=5).astype(np.float64)
    assert X.shape == (10, 5, 5, 3)
    assert mean_image(X).shape == (5, 5, 3)
    assert channel_mean(X).shape == (3,) and channel_std(X).shape == (3,)
    np.testing.assert_allclose(mean_image(X), sum(X) / len(X), rtol=1e-12)
    for c in range(3):
        np.testing.assert_allclose(channel_mean(X)[c], X[..., c].mean(), rtol=1e-12)
        np.testing.assert_allclose(channel_std(X)[c], X[..., c].std(), rtol=1e-12)
    Z = (X - channel_mean(X)) / channel_std(X)
    np.testing.assert_allclose(Z.mean(axis=(0, 1, 2)), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=(0, 1, 2)), 1, rtol=1e-12)
    np.testing.assert_allclose((X - mean_image(X)).mean(axis=0), 0, atol=1e-12)


def test_all_positive_inputs_give_same_sign_gradients():
    rng = np.random.default_rng(3)
    X = rng.uniform(0, 255, size=(20000, 3))
    upstream = rng.standard_normal(20000)
    assert same_sign_fraction(X, upstream) == 1.0
    # centered: three independent symmetric signs agree with probability 2/8;
    # binomial standard error sqrt(0.25 * 0.75 / 20000) = 0.003
    assert abs(same_sign_fraction(X - X.mean(0), upstream) - 0.25) < 0.015


def test_turning_w_flips_theta_over_pi_of_centered_isotropic_data():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((200000, 2))
    w = np.array([1.0, 0.0])
    assert flipped_fraction(X, w, 0.0, degrees=0) == 0.0
    # the boundary turns by theta: a double wedge holding theta / pi of the mass;
    # for 1 degree that is 1/180, standard error about 1.7e-4
    assert abs(flipped_fraction(X, w, 0.0, degrees=1) - 1 / 180) < 1e-3
    # the same cloud moved to (10, 10): the turn sweeps the boundary through it
    far = X + 10.0
    assert flipped_fraction(far, w, -(w @ far.mean(0)), degrees=1) > 5 / 180


def test_whitening_amplifies_small_variance_directions():
    rng = np.random.default_rng(5)
    signal = rng.normal(0, [2.0, 1.0], (5000, 2))
    X = np.hstack([signal, rng.normal(0, 0.01, (5000, 1))])
    eigvals, gains = whitening_gains(X, eps=1e-5)
    Xc = X - X.mean(0)
    np.testing.assert_allclose(eigvals, np.sort(np.linalg.eigvalsh(cov(Xc)))[::-1])
    np.testing.assert_allclose(gains, 1 / np.sqrt(eigvals + 1e-5), rtol=1e-12)
    assert gains[-1] > 90  # about 1 / sqrt(1e-4 + 1e-5) = 95 for the noise direction
    assert gains[-1] > 50 * gains[0]
    _, gains_big_eps = whitening_gains(X, eps=1e-1)
    assert gains_big_eps[-1] < 3.2  # at most 1 / sqrt(eps) = 3.16


def test_single_example_uses_the_stored_statistics():
    rng = np.random.default_rng(6)
    X = rng.normal(3.0, 2.0, size=(100, 4))
    mean, std = X.mean(0), X.std(0)
    for x in X[:5]:
        np.testing.assert_allclose(preprocess_one(x, mean, std), (x - mean) / std)
    assert preprocess_one(X[0], mean, std).shape == (4,)
    with np.errstate(invalid="ignore"):
        own = preprocess_one(X[0], X[:1].mean(0), X[:1].std(0))
    assert np.all(np.isnan(own))  # 0 / 0: one example has no spread
    # across its features instead: finite, but it mixes units (the wrong-axis bug)
    wrong = preprocess_one(X[0], X[0].mean(), X[0].std())
    assert np.all(np.isfinite(wrong)) and abs(wrong.mean()) < 1e-12
    assert not np.allclose(wrong, preprocess_one(X[0], mean, std), atol=0.1)


def test_zca_whitens_and_stays_closest_to_the_data():
    X = correlated_data()
    Xc, pca, zca = pca_and_zca_whitening(X, eps=0.0)
    for Z in (pca, zca):
        assert np.abs(cov(Z) - np.eye(2)).max() < 1e-10
    # Kessy et al. 2018: among all whitenings, ZCA minimizes E||z - x||^2;
    # every whitening of Xc is pca @ Q for an orthogonal Q
    best = np.mean(np.sum((zca - Xc) ** 2, axis=1))
    rng = np.random.default_rng(7)
    for _ in range(100):
        Q, _ = np.linalg.qr(rng.standard_normal((2, 2)))
        other = np.mean(np.sum((pca @ Q - Xc) ** 2, axis=1))
        assert other >= best - 1e-10
    assert np.mean(np.sum((pca - Xc) ** 2, axis=1)) > best + 0.1
