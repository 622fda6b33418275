"""Numerical checks of the activation-functions page: every backward pass against
centered differences, closed-form values, and the two experiments' claims."""

import math
import warnings

import numpy as np
import pytest

from snippets.activation_functions.dead_relu import (
    dead_fraction,
    hidden_activations,
    init_mlp,
    load_data,
    loss_and_grads,
    train,
)
from snippets.activation_functions.elu import elu_backward, elu_forward
from snippets.activation_functions.gelu import gelu_backward, gelu_forward, gelu_tanh
from snippets.activation_functions.leaky_relu import (
    leaky_relu_backward,
    leaky_relu_forward,
)
from snippets.activation_functions.maxout import maxout_backward, maxout_forward
from snippets.activation_functions.prelu import prelu_backward, prelu_forward
from snippets.activation_functions.relu import relu_backward, relu_forward
from snippets.activation_functions.sigmoid import sigmoid_backward, sigmoid_forward
from snippets.activation_functions.silu import silu_backward, silu_forward
from snippets.activation_functions.tanh import tanh_backward, tanh_forward
from snippets.activation_functions.zigzag import (
    make_inputs,
    per_example_grads,
    sgd_path,
    w_star,
)
from snippets.gradient_checking.numerical_gradient import (
    numerical_gradient,
    relative_error,
)

TOL = 1e-7  # float64 centered differences with h = 1e-5 on smooth pieces


def inputs_away_from_zero(shape, seed=0):
    """Random float64 inputs with 0.01 <= |x| <= 3.

    ReLU, Leaky ReLU, PReLU and ELU have a kink (or a jump in a higher derivative)
    at 0. With |x| >= 0.01 and the step h = 1e-5, x - h and x + h always sit on
    the same side of the kink, so the centered difference sees a smooth function.
    """
    rng = np.random.default_rng(seed)
    return rng.uniform(0.01, 3.0, shape) * rng.choice([-1.0, 1.0], shape)


ELEMENTWISE = {
    "sigmoid": (sigmoid_forward, sigmoid_backward),
    "tanh": (tanh_forward, tanh_backward),
    "relu": (relu_forward, relu_backward),
    "leaky_relu": (leaky_relu_forward, leaky_relu_backward),
    "leaky_relu_0.2": (lambda x: leaky_relu_forward(x, 0.2), leaky_relu_backward),
    "prelu_dx": (
        lambda x: prelu_forward(x, np.array([0.1, 0.25, 0.5, 0.05, 0.3])),
        lambda d, c: prelu_backward(d, c)[0],
    ),
    "elu": (elu_forward, elu_backward),
    "elu_alpha_0.5": (lambda x: elu_forward(x, 0.5), elu_backward),
    "gelu": (gelu_forward, gelu_backward),
    "silu": (silu_forward, silu_backward),
}


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_backward_matches_numerical_gradient(name):
    forward, backward = ELEMENTWISE[name]
    x = inputs_away_from_zero((4, 5))
    dout = np.random.default_rng(1).standard_normal(x.shape)
    _, cache = forward(x)
    analytic = backward(dout, cache)
    numerical = numerical_gradient(lambda v: np.sum(forward(v)[0] * dout), x)
    assert analytic.dtype == np.float64
    assert relative_error(analytic, numerical) < TOL


@pytest.mark.parametrize("alpha", [0.25, np.array([0.1, 0.25, 0.5, 0.05, 0.3])])
def test_prelu_alpha_gradient_matches_numerical_gradient(alpha):
    x = inputs_away_from_zero((6, 5), seed=2)
    dout = np.random.default_rng(3).standard_normal(x.shape)
    _, dalpha = prelu_backward(dout, prelu_forward(x, alpha)[1])
    numerical = numerical_gradient(
        lambda a: np.sum(prelu_forward(x, a)[0] * dout), alpha
    )
    assert np.shape(dalpha) == np.shape(alpha)
    assert relative_error(dalpha, numerical) < TOL
    # the closed form of the page: the sum of x * upstream over the inputs with x < 0
    expected = np.where(x < 0, x * dout, 0).sum(axis=0)
    assert np.allclose(dalpha, expected if np.ndim(alpha) else expected.sum())


def _maxout_problem(margin=0.05):
    """Maxout inputs whose winning piece beats the runner-up by at least `margin`
    everywhere, so no perturbation of size h = 1e-5 can change which piece wins
    (the max is not differentiable where two pieces tie)."""
    N, D, M, k = 4, 3, 5, 3
    for seed in range(100):
        rng = np.random.default_rng(seed)
        x = rng.standard_normal((N, D))
        W, b = rng.standard_normal((k, D, M)), rng.standard_normal((k, M))
        z = np.sort(np.einsum("nd,kdm->nkm", x, W) + b, axis=1)
        if np.min(z[:, -1] - z[:, -2]) > margin:
            dout = rng.standard_normal((N, M))
            return x, W, b, dout
    raise AssertionError("no well-separated maxout example found")


def test_maxout_backward_matches_numerical_gradient_for_x_w_and_b():
    x, W, b, dout = _maxout_problem()
    out, cache = maxout_forward(x, W, b)
    dx, dW, db = maxout_backward(dout, cache)
    assert out.shape == dout.shape and dW.shape == W.shape and db.shape == b.shape

    def loss(x_, W_, b_):
        return np.sum(maxout_forward(x_, W_, b_)[0] * dout)

    assert relative_error(dx, numerical_gradient(lambda v: loss(v, W, b), x)) < TOL
    assert relative_error(dW, numerical_gradient(lambda v: loss(x, v, b), W)) < TOL
    assert relative_error(db, numerical_gradient(lambda v: loss(x, W, v), b)) < TOL


def test_maxout_with_a_zero_piece_is_relu_and_doubles_the_parameters():
    x, W, b, _ = _maxout_problem()
    W, b = W[:2].copy(), b[:2].copy()
    W[1], b[1] = 0.0, 0.0
    out, _ = maxout_forward(x, W, b)
    # einsum and @ may round differently in the last bit
    assert np.allclose(out, np.maximum(0, x @ W[0] + b[0]), rtol=0, atol=1e-12)
    assert W.size + b.size == 2 * (W[0].size + b[0].size)


def test_sigmoid_known_values_and_readme_api():
    y, cache = sigmoid_forward(0.0)
    grad = sigmoid_backward(1.0, cache)
    assert y == 0.5 and grad == 0.25  # exactly: sigma'(0) = 0.5 * 0.5
    assert f"{y} {grad}" == "0.5 0.25"  # what README.md prints
    closed_form = math.exp(-10) / (1 + math.exp(-10)) ** 2
    for x in (-10.0, 10.0):  # saturated on BOTH sides: sigma'(+10) is not 1
        _, cache = sigmoid_forward(x)
        assert sigmoid_backward(1.0, cache) == pytest.approx(closed_form, rel=1e-12)
    assert closed_form == pytest.approx(4.5396e-5, rel=1e-4)
    grid = np.linspace(-20, 20, 4001)
    assert sigmoid_backward(1.0, sigmoid_forward(grid)[1]).max() == 0.25


def test_sigmoid_silu_elu_gelu_do_not_overflow_for_large_inputs():
    x = np.array([-1000.0, -50.0, 50.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise"):
        warnings.simplefilter("error")
        assert np.array_equal(sigmoid_forward(x)[0], [0.0, sigmoid_forward(-50.0)[0],
                                                      1.0, 1.0])
        assert np.allclose(silu_forward(x)[0], [0.0, 0.0, 50.0, 1000.0])
        assert np.allclose(elu_forward(x)[0], [-1.0, -1.0, 50.0, 1000.0])
        assert np.allclose(gelu_forward(x)[0], [0.0, 0.0, 50.0, 1000.0])


def test_tanh_is_a_rescaled_sigmoid():
    x = np.linspace(-8, 8, 1601)
    tanh, _ = tanh_forward(x)
    assert np.allclose(tanh, 2 * sigmoid_forward(2 * x)[0] - 1, rtol=0, atol=1e-12)
    assert not np.allclose(tanh, 2 * sigmoid_forward(x)[0] - 1, atol=1e-2)
    assert tanh_backward(1.0, tanh_forward(0.0)[1]) == 1.0


def test_gelu_and_silu_known_values():
    y, _ = gelu_forward(np.array([1.0, -1.0]))
    phi_1 = 0.5 * (1 + math.erf(1 / math.sqrt(2)))  # standard normal CDF at 1
    assert y[0] == pytest.approx(phi_1, rel=1e-14)
    assert y[0] == pytest.approx(0.841345, abs=1e-6)
    assert y[1] == pytest.approx(-0.158655, abs=1e-6)
    assert silu_forward(1.0)[0] == pytest.approx(sigmoid_forward(1.0)[0], rel=1e-15)
    assert silu_forward(1.0)[0] == pytest.approx(0.731059, abs=1e-6)


def test_gelu_tanh_approximation_is_close_but_not_exact():
    x = np.linspace(-6, 6, 12001)
    gap = np.abs(gelu_forward(x)[0] - gelu_tanh(x)).max()
    assert 1e-4 < gap < 1e-3  # the page quotes the printed 4.7e-04


def test_elu_derivative_for_negative_inputs_is_output_plus_alpha():
    x = -inputs_away_from_zero((50,)) ** 2  # x <= 0
    for alpha in (1.0, 0.5):
        out, cache = elu_forward(x, alpha)
        grad = elu_backward(np.ones_like(x), cache)
        assert np.allclose(grad, out + alpha, rtol=0, atol=1e-15)
        assert np.allclose(grad, alpha * np.exp(x), rtol=1e-12)


def test_derivative_conventions_at_zero():
    # ReLU'(0) := 0; Leaky ReLU'(0) := alpha; both are valid subgradients.
    assert relu_backward(1.0, relu_forward(0.0)[1]) == 0.0
    assert leaky_relu_backward(1.0, leaky_relu_forward(0.0)[1]) == 0.01
    assert relu_backward(1.0, relu_forward(1e-12)[1]) == 1.0


def test_zigzag_all_positive_inputs_give_same_sign_gradient_components():
    X_pos, X_centered = make_inputs()
    assert (X_pos > 0).all()
    rng = np.random.default_rng(0)
    for w in [np.zeros(2), *rng.standard_normal((20, 2))]:
        g = per_example_grads(w, X_pos)
        upstream = X_pos @ w - X_pos @ w_star
        # every component has the sign of the upstream gradient dL/df
        assert (np.sign(g) == np.sign(upstream)[:, None]).all()
    g = per_example_grads(np.zeros(2), X_centered)
    mixed = np.mean(np.sign(g[:, 0]) != np.sign(g[:, 1]))
    assert mixed > 0.3  # printed: 0.46 share one sign, i.e. 0.54 mixed
    pos_path, cen_path = sgd_path(X_pos), sgd_path(X_centered)
    length = [np.linalg.norm(np.diff(p, axis=0), axis=1).sum()
              for p in (pos_path, cen_path)]
    assert length[0] > 1.5 * length[1]  # the zig-zag is a detour
    assert np.allclose(pos_path[-1], w_star, atol=1e-3)
    assert np.allclose(cen_path[-1], w_star, atol=1e-3)


def test_dead_fraction_counts_units_that_never_fire():
    X = np.abs(np.random.default_rng(0).standard_normal((30, 4)))  # inputs >= 0
    W1 = np.ones((4, 3))
    W1[:, 1] = -1.0  # unit 1 is negative for every non-negative input: dead
    params = [(W1, np.zeros(3)), (np.ones((3, 2)), np.zeros(2))]
    frac, per_layer = dead_fraction(params, X)
    assert per_layer == [1] and frac == pytest.approx(1 / 3)


def test_high_learning_rate_kills_many_more_relus():
    X, y = load_data()
    low, high, acc_low = [], [], []
    for seed in range(3):
        params = train(0.1, seed=seed)
        low.append(dead_fraction(params, X)[0])
        acc_low.append(np.mean(hidden_activations(params, X)[1].argmax(axis=1) == y))
        high.append(dead_fraction(train(0.7, seed=seed), X)[0])
    assert all(h > lo + 0.05 for h, lo in zip(high, low, strict=True))
    assert np.mean(high) > np.mean(low) + 0.2
    assert max(low) < 0.1           # the low rate keeps the units alive
    assert min(acc_low) > 0.7       # and it does learn


@pytest.mark.parametrize("bias", [0.0, 0.01])
def test_dead_relu_training_backward_matches_numerical_gradient(bias):
    # The hand-written backward inside dead_relu.train, on 6 digits and a small
    # net of the same shape family (64 -> 12 -> 8 -> 10), in float64.
    X, y = load_data()
    X, y = X[:6], y[:6]
    params = init_mlp((64, 12, 8, 10), np.random.default_rng(3), bias)
    # no ReLU input may sit within reach of a step h = 1e-5: stay off the kinks
    h, pre = X, []
    for W, b in params[:-1]:
        z = h @ W + b
        pre.append(np.abs(z).min())
        h = np.maximum(0, z)
    assert min(pre) > 1e-3
    loss, grads = loss_and_grads(params, X, y)
    assert np.isfinite(loss)
    for i, (dW, db) in enumerate(grads):
        W, b = params[i]

        def loss_with(i, W_new=None, b_new=None, W=W, b=b):
            trial = list(params)
            trial[i] = (W if W_new is None else W_new, b if b_new is None else b_new)
            return loss_and_grads(trial, X, y)[0]

        num_W = numerical_gradient(lambda v, i=i: loss_with(i, W_new=v), W)
        num_b = numerical_gradient(lambda v, i=i: loss_with(i, b_new=v), b)
        assert dW.dtype == np.float64
        for name, a, n in [(f"dW{i + 1}", dW, num_W), (f"db{i + 1}", db, num_b)]:
            # The error is the max over every entry. The loss (~2.3) carries ~5e-11
            # of roundoff into each centered difference, and entries of ~1e-4 (small
            # softmax probabilities times small activations) turn that into ~2e-7
            # (the gradient-checking page, "Watch the small entries"). So: 1e-6 for
            # every entry, and the usual 1e-7 for the entries above 1e-3.
            assert relative_error(a, n) < 1e-6, name
            big = np.abs(a) > 1e-3
            assert big.sum() > a.size / 4
            assert relative_error(a[big], n[big]) < TOL, name


def test_dead_relu_loss_is_the_mean_cross_entropy():
    X, y = load_data()
    params = init_mlp((64, 10, 10), np.random.default_rng(0))
    scores = hidden_activations(params, X[:50])[1]
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(p[np.arange(50), y[:50]]))
    assert loss_and_grads(params, X[:50], y[:50])[0] == pytest.approx(expected)
