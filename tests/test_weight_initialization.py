"""Weight initialization: the initializers' variances, the symmetry problem, the
backward passes (gradient checks) and the layer-statistics experiment's results."""

import numpy as np
import pytest

from snippets.gradient_checking.numerical_gradient import (
    numerical_gradient,
    relative_error,
)
from snippets.weight_initialization.exercise_leaky_relu import (
    leaky_relu,
    preactivation_std,
)
from snippets.weight_initialization.exercise_shrink_factor import tanh_layer_std
from snippets.weight_initialization.exercise_uniform_vs_normal import (
    layer_std_with_init as tanh_std_with,
)
from snippets.weight_initialization.initializers import (
    glorot_normal,
    glorot_uniform,
    he,
    large_random,
    small_random,
    xavier,
)
from snippets.weight_initialization.layer_statistics import (
    WEIGHT_STD,
    layer_backward,
    layer_forward,
    run_network,
)
from snippets.weight_initialization.symmetry import train, two_layer_loss

GRAD_TOL = 1e-7

# --- the initializers -----------------------------------------------------------

FORMULAS = {
    small_random: lambda fi, fo: 0.01**2,
    large_random: lambda fi, fo: 1.0,
    xavier: lambda fi, fo: 1 / fi,
    glorot_normal: lambda fi, fo: 2 / (fi + fo),
    glorot_uniform: lambda fi, fo: 2 / (fi + fo),
    he: lambda fi, fo: 2 / fi,
}


@pytest.mark.parametrize("init", FORMULAS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("fan_in, fan_out", [(1000, 1000), (800, 1250)])
def test_initializer_variance_matches_its_formula(init, fan_in, fan_out):
    # 1e6 draws: the sample variance's relative std is sqrt(2/1e6) = 0.14% for a
    # Gaussian (less for a uniform), so a 2% tolerance is > 10 standard errors.
    W = init(fan_in, fan_out, np.random.default_rng(1))
    assert W.shape == (fan_in, fan_out)
    var = FORMULAS[init](fan_in, fan_out)
    assert abs(W.var() / var - 1) < 0.02
    assert abs(W.mean()) < 5 * np.sqrt(var / W.size)  # zero mean, 5 standard errors


def test_glorot_uniform_stays_inside_its_bound_and_fills_it():
    fan_in, fan_out = 800, 1250
    a = np.sqrt(6 / (fan_in + fan_out))
    W = glorot_uniform(fan_in, fan_out, np.random.default_rng(2))
    assert np.abs(W).max() <= a
    assert np.abs(W).max() > 0.999 * a
    # Uniform: a quarter of the mass in each quarter of [-a, a].
    counts, _ = np.histogram(W, bins=4, range=(-a, a))
    assert np.allclose(counts / W.size, 0.25, atol=0.005)


def test_variance_rule_var_y_equals_fan_in_var_w_var_x():
    rng = np.random.default_rng(3)
    fan_in = 400
    x = 1.5 * rng.standard_normal((2000, fan_in))
    W = xavier(fan_in, 300, rng) * 0.7
    y = x @ W
    predicted = fan_in * (0.7**2 / fan_in) * 1.5**2
    assert abs(y.var() / predicted - 1) < 0.03


# --- symmetry ---------------------------------------------------------------------


def _toy_data():
    rng = np.random.default_rng(4)
    return rng.standard_normal((8, 4)), rng.standard_normal((8, 2))


def test_constant_init_gives_every_hidden_unit_the_same_gradient():
    x, y = _toy_data()
    W1, W2 = np.full((4, 3), 0.3), np.full((3, 2), -0.2)
    _, dW1, dW2 = two_layer_loss(x, y, W1, W2)
    assert np.abs(dW1).max() > 1e-3  # the gradient is not zero: units are not dead
    assert np.allclose(dW1, dW1[:, :1], rtol=1e-12, atol=0)  # ...but identical
    assert np.allclose(dW2, dW2[:1, :], rtol=1e-12, atol=0)
    W1, W2 = train(W1, W2, x, y, steps=50)
    assert np.allclose(W1, W1[:, :1], rtol=1e-12, atol=0)
    assert not np.allclose(W1, 0.3)  # the weights did move


def test_random_init_breaks_the_symmetry():
    x, y = _toy_data()
    rng = np.random.default_rng(5)
    W1, W2 = train(0.1 * rng.standard_normal((4, 3)), 0.1 * rng.standard_normal((3, 2)),
                   x, y, steps=50)
    assert np.ptp(W1, axis=1).max() > 1e-2


def test_two_layer_loss_gradients():
    x, y = _toy_data()
    rng = np.random.default_rng(6)
    W1, W2 = rng.standard_normal((4, 3)), rng.standard_normal((3, 2))
    _, dW1, dW2 = two_layer_loss(x, y, W1, W2)
    n1 = numerical_gradient(lambda w: two_layer_loss(x, y, w, W2)[0], W1)
    n2 = numerical_gradient(lambda w: two_layer_loss(x, y, W1, w)[0], W2)
    assert relative_error(dW1, n1) < GRAD_TOL
    assert relative_error(dW2, n2) < GRAD_TOL


# --- gradient checks of the experiment's backward pass ------------------------------


def _tiny_net_loss(x, weights, upstream, nonlinearity):
    h = x
    for W in weights:
        h, _ = layer_forward(h, W, nonlinearity)
    return np.sum(upstream * h)  # dL/dh_last = upstream


def _min_abs_preactivation(x, weights, nonlinearity):
    h, smallest = x, np.inf
    for W in weights:
        smallest = min(smallest, np.abs(h @ W).min())
        h, _ = layer_forward(h, W, nonlinearity)
    return smallest


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_layer_backward_through_a_tiny_network(nonlinearity):
    rng = np.random.default_rng(22)
    x = rng.standard_normal((4, 5))
    weights = [rng.standard_normal((5, 5)) / np.sqrt(5) for _ in range(3)]
    upstream = rng.standard_normal((4, 5))
    # ReLU kinks: every pre-activation is at least 1e-3 away from 0, while a 1e-5
    # step in one weight moves a pre-activation by far less than that.
    assert _min_abs_preactivation(x, weights, nonlinearity) > 1e-3
    caches, h = [], x
    for W in weights:
        h, cache = layer_forward(h, W, nonlinearity)
        caches.append(cache)
    dout, dWs = upstream, []
    for cache in reversed(caches):
        dout, dW = layer_backward(dout, cache)
        dWs.insert(0, dW)
    num_dx = numerical_gradient(
        lambda v: _tiny_net_loss(v, weights, upstream, nonlinearity), x
    )
    assert relative_error(dout, num_dx) < GRAD_TOL
    for i, dW in enumerate(dWs):
        def loss_of_Wi(w, i=i):
            return _tiny_net_loss(x, weights[:i] + [w] + weights[i + 1:], upstream,
                                  nonlinearity)
        assert relative_error(dW, numerical_gradient(loss_of_Wi, weights[i])) < GRAD_TOL


@pytest.mark.parametrize("nonlinearity, init", [("tanh", "xavier"), ("relu", "he")])
def test_run_network_gradients_on_a_tiny_configuration(nonlinearity, init):
    """run_network draws x, then W1..Wn, then the upstream gradient from one seeded
    generator; rebuild them here and check every returned gradient numerically."""
    n_layers, width, n, seed = 3, 4, 5, 22
    acts, grads, dWs = run_network(nonlinearity, init, n_layers, width, n, seed)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, width))
    weights = [rng.standard_normal((width, width)) * WEIGHT_STD[init](width)
               for _ in range(n_layers)]
    upstream = rng.standard_normal((n, width))
    assert _min_abs_preactivation(x, weights, nonlinearity) > 1e-3
    h = x
    for i, W in enumerate(weights):  # the rebuilt weights reproduce the activations
        h, _ = layer_forward(h, W, nonlinearity)
        assert np.allclose(h, acts[i], rtol=1e-12, atol=1e-12)
    assert np.array_equal(grads[-1], upstream)
    for i in range(n_layers):
        def loss_of_Wi(w, i=i):
            return _tiny_net_loss(x, weights[:i] + [w] + weights[i + 1:], upstream,
                                  nonlinearity)

        def loss_of_hi(v, i=i):  # the layers above layer i, fed with v
            return _tiny_net_loss(v, weights[i + 1:], upstream, nonlinearity)
        num_dW = numerical_gradient(loss_of_Wi, weights[i])
        assert relative_error(dWs[i], num_dW) < GRAD_TOL
        num_dh = numerical_gradient(loss_of_hi, acts[i])
        assert relative_error(grads[i], num_dh) < GRAD_TOL


# --- the layer-statistics experiment (1000 x 500 input, 10 layers of 500) ------------


@pytest.fixture(scope="module")
def stats():
    """Per-layer numbers of the five cases; the big arrays are not kept."""
    out = {}
    for case in [("tanh", "0.01"), ("tanh", "1.0"), ("tanh", "xavier"),
                 ("relu", "xavier"), ("relu", "he")]:
        acts, grads, _ = run_network(*case)
        out[case] = {
            "act_std": np.array([h.std() for h in acts]),
            "grad_std": np.array([g.std() for g in grads]),
            "saturated": np.array([np.mean(np.abs(h) > 0.99) for h in acts]),
            "zeros": np.array([np.mean(h == 0) for h in acts]),
        }
    return out


def test_tanh_small_init_activations_collapse(stats):
    std = stats["tanh", "0.01"]["act_std"]
    assert std[-1] < 1e-3 * std[0]
    assert np.all(np.diff(std) < 0)
    # Each layer multiplies the std by about 0.01 * sqrt(500) = 0.224 (tanh ~ linear).
    assert np.allclose(std[1:] / std[:-1], 0.01 * np.sqrt(500), rtol=0.02)


def test_tanh_small_init_backpropagated_gradient_vanishes(stats):
    grad = stats["tanh", "0.01"]["grad_std"]
    assert grad[0] < 1e-3 * grad[-1]


def test_tanh_large_init_saturates_every_layer(stats):
    # Checked on all ten layers, not only the last one.
    assert np.all(stats["tanh", "1.0"]["saturated"] > 0.85)


def test_tanh_large_init_gradient_grows_backward_instead_of_vanishing(stats):
    # The page's honest reading: saturated units pass ~0, the unsaturated ~10% times
    # weights of std 1 make the backpropagated gradient grow layer after layer.
    grad = stats["tanh", "1.0"]["grad_std"]
    assert grad[0] > 1e3 * grad[-1]


def test_tanh_xavier_shrinks_slowly(stats):
    std = stats["tanh", "xavier"]["act_std"]
    assert 0.1 < std[-1] / std[0] < 1
    assert np.all(np.diff(std) < 0)
    assert np.all(stats["tanh", "xavier"]["saturated"][1:] < 0.01)


def test_relu_xavier_collapses_by_about_sqrt2_per_layer(stats):
    std = stats["relu", "xavier"]["act_std"]
    assert std[-1] < 0.1 * std[0]  # "much smaller": at least a factor 10
    per_layer = (std[-1] / std[0]) ** (1 / 9)  # geometric mean factor per layer
    assert abs(per_layer / np.sqrt(0.5) - 1) < 0.1


def test_relu_he_stays_stable(stats):
    act, grad = stats["relu", "he"]["act_std"], stats["relu", "he"]["grad_std"]
    assert 0.5 < act[-1] / act[0] < 2
    assert np.all((act > 0.5 * act[0]) & (act < 2 * act[0]))
    assert 0.5 < grad[0] / grad[-1] < 2


def test_relu_zeroes_about_half_of_a_symmetric_preactivation(stats):
    # This is why He's factor is 2; it is not "half the units are dead". Each unit's
    # pre-activation has its own small mean (ReLU inputs are positive), so the
    # fraction per layer scatters around 0.5 (0.48 to 0.53 here): tolerance 0.05.
    for case in [("relu", "xavier"), ("relu", "he")]:
        assert np.allclose(stats[case]["zeros"], 0.5, atol=0.05)


# --- exercises -----------------------------------------------------------------------


def test_exercise_shrink_factor_matches_the_prediction():
    std = tanh_layer_std(0.01)  # the page's setup
    assert np.allclose(std[1:] / std[:-1], 0.01 * np.sqrt(500), rtol=0.02)
    std = tanh_layer_std(0.02, width=250)  # the exercise's
    assert np.allclose(std[1:] / std[:-1], 0.02 * np.sqrt(250), rtol=0.02)


@pytest.mark.parametrize("a", [0.0, 0.01, 0.25, 0.5, 1.0])
def test_exercise_leaky_relu_second_moment(a):
    y = np.random.default_rng(8).standard_normal(1_000_000)
    ratio = np.mean(leaky_relu(y, a) ** 2) / y.var()
    assert abs(ratio / ((1 + a**2) / 2) - 1) < 0.01


def test_exercise_leaky_relu_gain_keeps_the_variance():
    a, fan_in = 0.5, 500
    fixed = preactivation_std(a, 2 / ((1 + a**2) * fan_in))
    assert np.all(np.abs(fixed / fixed[0] - 1) < 0.25)
    he_std = preactivation_std(a, 2 / fan_in)
    # He's 2/fan_in ignores the negative slope: Var grows by 1 + a^2 = 1.25 a layer.
    assert he_std[-1] / he_std[0] > 2


def test_exercise_uniform_and_normal_glorot_agree_and_the_old_heuristic_collapses():
    n = 500
    a = np.sqrt(6 / (n + n))
    normal = tanh_std_with(lambda rng: rng.normal(0, np.sqrt(2 / (n + n)), (n, n)))
    uniform = tanh_std_with(lambda rng: rng.uniform(-a, a, (n, n)))
    heuristic = tanh_std_with(lambda rng: rng.uniform(-1, 1, (n, n)) / np.sqrt(n))
    assert np.allclose(uniform, normal, rtol=0.03)
    assert heuristic[-1] < 0.1 * normal[-1]
