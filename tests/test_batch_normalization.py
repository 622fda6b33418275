"""Numerical checks of the batch-normalization page's snippets.

Gradient checks: float64, centered differences (h = 1e-5) through the shared helper,
loss = sum(out * dout) with a random upstream dout, relative error < 1e-7.
BN and LN are smooth (eps > 0 keeps the square root away from 0), so no kinks.
"""

from pathlib import Path

import numpy as np
import pytest

from snippets.batch_normalization.batchnorm import (
    batchnorm_backward,
    batchnorm_forward,
    spatial_batchnorm_backward,
    spatial_batchnorm_forward,
)
from snippets.batch_normalization.deep_activations import layer_activations
from snippets.batch_normalization.digits_mlp import init_mlp, load_data, mlp_loss
from snippets.batch_normalization.exercise_bias_before_bn import linear_bn
from snippets.batch_normalization.exercise_staged_backward import (
    batchnorm_backward_compact,
    batchnorm_backward_staged,
    batchnorm_forward_staged,
)
from snippets.batch_normalization.fuse import fuse_linear_batchnorm
from snippets.batch_normalization.layernorm import layernorm_backward, layernorm_forward
from snippets.batch_normalization.normalization_axes import (
    batch_norm,
    group_norm,
    instance_norm,
    layer_norm,
)
from snippets.gradient_checking.numerical_gradient import (
    numerical_gradient,
    relative_error,
)

TOL = 1e-7
DOCS = Path(__file__).resolve().parent.parent / "docs"


def _check_layer(forward, backward, x, gamma, beta):
    """Gradient check of (dx, dgamma, dbeta) for loss = sum(forward(...) * dout)."""
    rng = np.random.default_rng(100)
    out, cache = forward(x, gamma, beta)
    dout = rng.normal(size=out.shape)
    dx, dgamma, dbeta = backward(dout, cache)
    grads = {
        "x": (dx, lambda v: np.sum(forward(v, gamma, beta)[0] * dout), x),
        "gamma": (dgamma, lambda v: np.sum(forward(x, v, beta)[0] * dout), gamma),
        "beta": (dbeta, lambda v: np.sum(forward(x, gamma, v)[0] * dout), beta),
    }
    for name, (analytic, loss, at) in grads.items():
        err = relative_error(analytic, numerical_gradient(loss, at))
        assert err < TOL, f"d{name}: relative error {err:.1e}"


def _bn_train(x, gamma, beta):
    return batchnorm_forward(x, gamma, beta, {"mode": "train"})


def _spatial_train(x, gamma, beta):
    return spatial_batchnorm_forward(x, gamma, beta, {"mode": "train"})


def _ln(x, gamma, beta):
    return layernorm_forward(x, gamma, beta, {})


@pytest.mark.parametrize("seed", [0, 1])
def test_batchnorm_backward_matches_numerical_gradient(seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(3.0, 2.0, size=(6, 4))
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    _check_layer(_bn_train, batchnorm_backward, x, gamma, beta)


def test_spatial_batchnorm_backward_matches_numerical_gradient():
    rng = np.random.default_rng(2)
    x = rng.normal(-1.0, 3.0, size=(2, 3, 4, 3))
    gamma, beta = rng.normal(size=3), rng.normal(size=3)
    _check_layer(_spatial_train, spatial_batchnorm_backward, x, gamma, beta)


def test_layernorm_backward_matches_numerical_gradient():
    rng = np.random.default_rng(3)
    x = rng.normal(1.0, 2.0, size=(4, 5))
    gamma, beta = rng.normal(size=5), rng.normal(size=5)
    _check_layer(_ln, layernorm_backward, x, gamma, beta)


def test_train_mode_output_has_zero_mean_and_variance_shrunk_only_by_eps():
    # per feature: mean 0 to 1e-12, variance exactly sigma^2 / (sigma^2 + eps)
    # (to 1e-10 relative), i.e. 1 to within 1e-4 when sigma^2 >= 0.1
    rng = np.random.default_rng(4)
    x = rng.normal([5.0, -2.0, 0.0], [3.0, 0.5, 0.4], size=(200, 3))
    out, _ = batchnorm_forward(x, np.ones(3), np.zeros(3), {"mode": "train"})
    var = x.var(axis=0)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=0), var / (var + 1e-5), rtol=1e-10)
    np.testing.assert_allclose(out.var(axis=0), 1, atol=1e-4)


def test_spatial_batchnorm_normalizes_each_channel_over_n_h_w():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(3, 4, 5, 5)) * 4.0 + np.arange(4)[:, None, None]
    out, _ = spatial_batchnorm_forward(x, np.ones(4), np.zeros(4), {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=(0, 2, 3)), 1, atol=1e-4)
    np.testing.assert_allclose(out, batch_norm(x), atol=1e-12)


def test_the_spatial_demo_third_channel_loses_eps_over_its_variance():
    # The page: channel 3 (std 0.2) has output variance 0.9998, below 1 by
    # eps / sigma^2, about 25 eps (0.0002), not by eps. Same data as the demo.
    rng = np.random.default_rng(3)
    scale, shift = np.array([1.0, 4.0, 0.2]), np.array([0.0, -3.0, 10.0])
    x = scale[:, None, None] * rng.normal(size=(4, 3, 5, 5)) + shift[:, None, None]
    out, _ = spatial_batchnorm_forward(x, np.ones(3), np.zeros(3), {"mode": "train"})
    var_in, var_out = x.var(axis=(0, 2, 3))[2], out.var(axis=(0, 2, 3))[2]
    drop = 1 - var_out
    assert round(var_out, 4) == 0.9998
    assert drop == pytest.approx(1e-5 / (var_in + 1e-5), rel=1e-9)
    assert 20 < drop / 1e-5 < 30 and round(drop, 4) == 0.0002
    for lang, words in (
        ("ko", "25배인 0.0002"),
        ("en", "about 25 times $\\epsilon$, or 0.0002"),
    ):
        text = (DOCS / lang / "batch-normalization.md").read_text(encoding="utf-8")
        assert words in " ".join(text.split()), (
            f"docs/{lang}: state the drop as about 25 eps"
        )


def test_gamma_sqrt_var_eps_and_beta_mean_reconstruct_the_input():
    rng = np.random.default_rng(6)
    x = rng.normal([1.0, -4.0], [0.2, 7.0], size=(32, 2))
    gamma, beta = np.sqrt(x.var(axis=0) + 1e-5), x.mean(axis=0)
    out, _ = batchnorm_forward(x, gamma, beta, {"mode": "train"})
    np.testing.assert_allclose(out, x, rtol=0, atol=1e-12)


def test_test_mode_uses_running_statistics():
    rng = np.random.default_rng(7)
    x = rng.normal(size=(10, 3))
    gamma, beta = rng.normal(size=3), rng.normal(size=3)
    mean, var = rng.normal(size=3), rng.uniform(0.5, 2, size=3)
    param = {"mode": "test", "running_mean": mean.copy(), "running_var": var.copy()}
    out, _ = batchnorm_forward(x, gamma, beta, param)
    np.testing.assert_allclose(out, gamma * (x - mean) / np.sqrt(var + 1e-5) + beta)
    np.testing.assert_array_equal(param["running_mean"], mean)  # not updated
    np.testing.assert_array_equal(param["running_var"], var)


def test_an_example_depends_on_its_batch_in_train_mode_only():
    rng = np.random.default_rng(8)
    batch = rng.normal(size=(16, 3))
    other = rng.normal(size=(16, 3))
    other[0] = batch[0]  # same first example, all others changed
    gamma, beta = np.ones(3), np.zeros(3)
    stats = {"running_mean": np.full(3, 0.1), "running_var": np.full(3, 0.9)}
    test_a, _ = batchnorm_forward(batch, gamma, beta, {"mode": "test", **stats})
    test_b, _ = batchnorm_forward(other, gamma, beta, {"mode": "test", **stats})
    np.testing.assert_array_equal(test_a[0], test_b[0])
    train_a, _ = batchnorm_forward(batch, gamma, beta, {"mode": "train", **stats})
    train_b, _ = batchnorm_forward(other, gamma, beta, {"mode": "train", **stats})
    assert np.abs(train_a[0] - train_b[0]).min() > 1e-3


def test_running_averages_converge_to_the_data_statistics():
    # momentum 0.9 averages about the last 10 batches of 256: the running mean's
    # noise is about 0.23 * sigma / sqrt(256) = 0.015 sigma, so allow 0.1 sigma;
    # the running variance averages the biased batch variance (255/256 of sigma^2)
    # and is allowed 10 % relative error
    rng = np.random.default_rng(9)
    mean, std = np.array([3.0, -1.0, 0.0]), np.array([2.0, 0.1, 5.0])
    param = {"mode": "train", "momentum": 0.9}
    for _ in range(300):
        batch = rng.normal(mean, std, size=(256, 3))
        batchnorm_forward(batch, np.ones(3), np.zeros(3), param)
    assert np.all(np.abs(param["running_mean"] - mean) < 0.1 * std)
    np.testing.assert_allclose(param["running_var"], std**2, rtol=0.1)


def test_layernorm_normalizes_each_example_and_ignores_the_batch():
    rng = np.random.default_rng(10)
    x = rng.normal(size=(5, 8)) * np.array([[0.5], [1], [3], [10], [100]])
    out, _ = layernorm_forward(x, np.ones(8), np.zeros(8), {})
    var = x.var(axis=1)
    np.testing.assert_allclose(out.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=1), var / (var + 1e-5), rtol=1e-10)
    alone, _ = layernorm_forward(x[2:3], np.ones(8), np.zeros(8), {})
    np.testing.assert_array_equal(alone[0], out[2])
    # LN of x is BN of x transposed (with gamma = 1, beta = 0)
    bn_t, _ = batchnorm_forward(x.T, np.ones(5), np.zeros(5), {"mode": "train"})
    np.testing.assert_allclose(out, bn_t.T, atol=1e-12)


def test_normalization_variants_relate_as_in_wu_and_he():
    rng = np.random.default_rng(11)
    x = rng.normal(size=(4, 6, 3, 3)) * 2 + 1
    np.testing.assert_allclose(group_norm(x, 1), layer_norm(x), atol=1e-12)
    np.testing.assert_allclose(group_norm(x, 6), instance_norm(x), atol=1e-12)
    np.testing.assert_allclose(layer_norm(x).mean(axis=(1, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(instance_norm(x).var(axis=(2, 3)), 1, atol=1e-3)
    gn = group_norm(x, 3).reshape(4, 3, 2, 3, 3)
    np.testing.assert_allclose(gn.mean(axis=(2, 3, 4)), 0, atol=1e-12)


def test_fused_linear_layer_equals_linear_then_test_mode_bn():
    rng = np.random.default_rng(12)
    x, w, b = rng.normal(size=(7, 5)), rng.normal(size=(5, 4)), rng.normal(size=4)
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    mean, var = rng.normal(size=4), rng.uniform(0.1, 3, size=4)
    param = {"mode": "test", "running_mean": mean, "running_var": var}
    expected, _ = batchnorm_forward(x @ w + b, gamma, beta, param)
    w_f, b_f = fuse_linear_batchnorm(w, b, gamma, beta, mean, var)
    np.testing.assert_allclose(x @ w_f + b_f, expected, rtol=1e-12, atol=1e-12)


def test_staged_backward_equals_compact_and_page_backward():
    rng = np.random.default_rng(13)
    x, dout = rng.normal(1, 2, size=(9, 4)), rng.normal(size=(9, 4))
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    out, cache = batchnorm_forward_staged(x, gamma, beta)
    page_out, page_cache = batchnorm_forward(x, gamma, beta, {"mode": "train"})
    np.testing.assert_allclose(out, page_out, atol=1e-12)
    staged = batchnorm_backward_staged(dout, cache)
    compact = batchnorm_backward_compact(dout, cache[4], gamma, cache[2])
    page = batchnorm_backward(dout, page_cache)
    for s, c, p in zip(staged, compact, page, strict=True):
        np.testing.assert_allclose(s, c, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(s, p, rtol=1e-10, atol=1e-12)


def test_single_example_exercise_values():
    # the exercise's numbers worked by hand: 2 * (7 - 4) / 3 + 1 = 3,
    # 0.5 * (-1 + 2) / 0.5 - 1 = 0 (eps moves them by < 1e-4)
    gamma, beta = np.array([2.0, 0.5]), np.array([1.0, -1.0])
    param = {"mode": "test", "running_mean": np.array([4.0, -2.0]),
             "running_var": np.array([9.0, 0.25])}
    out, _ = batchnorm_forward(np.array([[7.0, -1.0]]), gamma, beta, param)
    np.testing.assert_allclose(out[0], [3.0, 0.0], atol=1e-4)
    train_out, _ = batchnorm_forward(np.array([[7.0, -1.0]]), gamma, beta,
                                     {"mode": "train"})
    np.testing.assert_array_equal(train_out[0], beta)  # batch of one -> beta


def test_bias_before_batchnorm_has_no_effect_and_zero_gradient():
    rng = np.random.default_rng(14)
    x, w, b = rng.normal(size=(20, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    dout = rng.normal(size=(20, 2))
    np.testing.assert_allclose(linear_bn(x, w, b), linear_bn(x, w, b + 50), atol=1e-9)
    db = numerical_gradient(lambda v: np.sum(linear_bn(x, w, v) * dout), b)
    np.testing.assert_allclose(db, 0, atol=1e-8)
    # and the page's backward gives exactly sum(dx) = 0 over the batch
    _, cache = batchnorm_forward(x @ w + b, np.ones(2), np.zeros(2), {"mode": "train"})
    dx, _, _ = batchnorm_backward(dout, cache)
    np.testing.assert_allclose(dx.sum(axis=0), 0, atol=1e-12)


def test_deep_tanh_net_collapses_without_bn_and_not_with_it():
    without = [h.std() for h in layer_activations(False)]
    with_bn = [h.std() for h in layer_activations(True)]
    # CS231n's numbers: 0.21, 0.048, 0.011, ... shrinking about 4.5x per layer
    assert abs(without[0] - 0.21) < 0.01 and without[-1] < 1e-6
    assert all(b < a / 3 for a, b in zip(without, without[1:], strict=False))
    # with BN every pre-activation is N(0, 1)-like: std of tanh(z) is about 0.63
    np.testing.assert_allclose(with_bn, 0.63, atol=0.01)


def test_bn_rescues_any_weight_scale_only_while_the_variance_exceeds_eps():
    # the first pre-activation has variance ~ 500 * scale**2; BN's output variance
    # is var / (var + eps), so below scale = sqrt(1e-5 / 500) = 1.4e-4 it shrinks
    for scale in (1.0, 1e-3):
        np.testing.assert_allclose(
            [h.std() for h in layer_activations(True, weight_scale=scale)], 0.63,
            atol=0.015,
        )
    broken = [h.std() for h in layer_activations(True, weight_scale=1e-4)]
    assert abs(broken[0] - 0.46) < 0.01 and abs(broken[-1] - 0.016) < 0.001
    assert all(b < a for a, b in zip(broken, broken[1:], strict=False))


def test_fixed_gamma_beta_undo_bn_only_for_the_batch_they_came_from():
    rng = np.random.default_rng(0)
    x = rng.normal([5.0, -2.0], [3.0, 0.5], size=(128, 2))
    other = rng.normal([5.0, -2.0], [3.0, 0.5], size=(128, 2))
    gamma, beta = np.sqrt(x.var(axis=0) + 1e-5), x.mean(axis=0)
    out, _ = batchnorm_forward(other, gamma, beta, {"mode": "train"})
    assert np.abs(out - other).max() > 0.05


@pytest.mark.parametrize("use_bn", [False, True])
def test_digits_mlp_backward_matches_numerical_gradient(use_bn):
    # Random inputs rather than digits: some digit pixels are 0 in every image,
    # which makes their true gradient exactly 0 and the relative error 0/noise.
    # ReLU has a kink at 0; with these random values no pre-activation lies within
    # h = 1e-5 of 0 (if one did, this test would fail, not pass).
    # Tolerance 1e-6, not 1e-7: the error is the max over every weight, a few
    # entries are ~1e-4 in size, and the loss (~2.4) carries ~3e-11 of roundoff
    # into each centered difference; the BN and LN layers above pass 1e-7.
    rng = np.random.default_rng(15)
    x, y = rng.normal(size=(12, 64)), rng.integers(0, 10, size=12)
    params, states = init_mlp([64, 7, 6, 10], "he", use_bn, seed=1)
    for key in params:
        if not key.startswith("W"):
            params[key] = params[key] + 0.3 * rng.normal(size=params[key].shape)
    _, grads, _ = mlp_loss(params, states, x, y)
    for key, value in params.items():
        def loss(v, key=key):
            return mlp_loss({**params, key: v}, states, x, y)[0]

        numerical = numerical_gradient(loss, value)
        if use_bn and key in ("b0", "b1"):  # bias before BN: gradient exactly 0
            np.testing.assert_allclose(grads[key], 0, atol=1e-15)
            np.testing.assert_allclose(numerical, 0, atol=1e-9)
            continue
        err = relative_error(grads[key], numerical)
        assert err < 1e-6, f"{key}: relative error {err:.1e}"


def test_digits_data_split_uses_training_statistics_only():
    x_train, y_train, x_val, y_val = load_data()
    assert x_train.shape == (1297, 64) and x_val.shape == (500, 64)
    np.testing.assert_allclose(x_train.mean(axis=0), 0, atol=1e-12)
    assert set(np.unique(y_train)) == set(range(10))
