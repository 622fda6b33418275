"""Numerical checks of the parameter-updates page: every update rule against steps
worked out by hand, against closed forms on a quadratic, against the other
convention of the same method; the schedules' values; the shared network trained
with a rule; and the numbers the page quotes, re-measured."""

import numpy as np
import pytest

from snippets.digits_net import load_splits, train
from snippets.update_rules import (
    adagrad,
    adam,
    adamw,
    constant,
    cosine,
    exponential,
    inverse_time,
    momentum,
    momentum_pytorch,
    nesterov,
    rmsprop,
    sgd,
    step_decay,
    warmup,
)
from tests.conftest import REPO

G = np.array([0.5, -2.0])


def _steps(rule, grads, lrs):
    """The parameter after each step from w = 0, for a sequence of gradients."""
    init, step = rule
    params = {"w": np.zeros_like(grads[0])}
    state = init(params)
    out = []
    for g, lr in zip(grads, lrs, strict=True):
        step(params, {"w": g}, state, lr)
        out.append(params["w"].copy())
    return out


# ------------------------------------------------------------ steps by hand
def test_first_two_steps_of_every_rule_by_hand():
    lr, g = 0.1, G
    s = np.sign(g)
    hand = {
        # w1, w2 after two steps with the same gradient g
        "sgd": (-lr * g, -2 * lr * g),
        # v1 = -lr g, v2 = 0.9 v1 - lr g = -1.9 lr g
        "momentum": (-lr * g, -lr * g - 1.9 * lr * g),
        # w1 = 1.9 v1; w2 = w1 - 0.9 v1 + 1.9 v2
        "nesterov": (-1.9 * lr * g, -1.9 * lr * g + 0.9 * lr * g - 3.61 * lr * g),
        # cache g^2, then 2 g^2: steps lr sign(g), lr sign(g) / sqrt(2)
        "adagrad": (-lr * s, -lr * s * (1 + 1 / np.sqrt(2))),
        # cache 0.01 g^2: step 10 lr sign(g); then 0.0199 g^2
        "rmsprop": (-10 * lr * s, -10 * lr * s - lr * s / np.sqrt(0.0199)),
        # bias-corrected moments of a constant gradient are g and g^2
        "adam": (-lr * s, -2 * lr * s),
    }
    rules = {"sgd": sgd(), "momentum": momentum(), "nesterov": nesterov(),
             "adagrad": adagrad(), "rmsprop": rmsprop(), "adam": adam()}
    for name, rule in rules.items():
        got = _steps(rule, [g, g], [lr, lr])
        np.testing.assert_allclose(got, hand[name], rtol=1e-6, err_msg=name)


def test_adam_without_bias_correction_first_step_is_3_16_lr():
    # m1 = 0.1 g, v1 = 0.001 g^2: step lr * 0.1 / sqrt(0.001) = 3.162 lr
    # (eps = 1e-8 is negligible next to sqrt(v) at these gradients)
    for scale in (0.1, 1.0, 1e3):
        w = _steps(adam(bias_correction=False), [scale * G], [0.01])[0]
        np.testing.assert_allclose(w, -0.01 * np.sqrt(10) * np.sign(G), rtol=1e-4)
        w = _steps(adam(), [scale * G], [0.01])[0]
        np.testing.assert_allclose(w, -0.01 * np.sign(G), rtol=1e-4)


def test_adam_without_bias_correction_approaches_the_corrected_steps():
    grads = [G] * 3000
    raw = np.diff(_steps(adam(bias_correction=False), grads, [1e-3] * 3000),
                  axis=0, prepend=0)
    assert np.abs(raw[0]).max() == pytest.approx(3.162e-3, rel=1e-3)
    # m reaches g after ~50 steps, v after ~5000; at t = 3000, 1 - 0.999^t = 0.95
    np.testing.assert_allclose(raw[-1], -1e-3 * np.sign(G) / np.sqrt(1 - 0.999**3000),
                               rtol=1e-3)


def test_adagrad_step_after_k_identical_gradients_is_lr_over_sqrt_k():
    w = _steps(adagrad(), [G] * 16, [0.1] * 16)
    steps = -np.diff(w, axis=0, prepend=0)[:, 1]  # the coordinate with g < 0
    k = np.arange(1, 17)
    np.testing.assert_allclose(steps, -0.1 / np.sqrt(k), rtol=1e-6)
    assert steps[3] == pytest.approx(steps[0] / 2, rel=1e-6)  # halved at k = 4


def test_adamw_decays_matrices_only_and_outside_the_adaptive_step():
    params = {"W": np.full((2, 2), 3.0), "b": np.full(2, 3.0)}
    grads = {"W": np.ones((2, 2)), "b": np.ones(2)}
    init, step = adamw(weight_decay=0.1)
    step(params, grads, init(params), 0.01)
    # W: 3 - 0.01 * 0.1 * 3 - 0.01 * sign(1); b: no decay
    np.testing.assert_allclose(params["W"], 3 - 0.003 - 0.01, rtol=1e-7)
    np.testing.assert_allclose(params["b"], 3 - 0.01, rtol=1e-7)


def test_adam_with_l2_shrinks_a_weight_without_gradient_by_lr_per_step():
    # Adam + L2: the only gradient of a weight is reg * w, which Adam normalizes:
    # the weight moves by about lr per step, whatever reg is. AdamW: lr * wd * w.
    for reg in (1e-4, 1e-1):
        w = _steps(adam(), [np.array([reg * 1.0])] * 1, [0.01])[0]
        assert w[0] == pytest.approx(-0.01, rel=1e-4)


# ----------------------------------------------------------- two conventions
def _random_quadratic_run(rule, lrs, seed=0):
    rng = np.random.default_rng(seed)
    h = np.diag([1.0, 10.0, 50.0])
    init, step = rule
    params = {"x": rng.standard_normal(3)}
    state = init(params)
    path = []
    for lr in lrs:
        step(params, {"x": h @ params["x"]}, state, lr)
        path.append(params["x"].copy())
    return np.array(path)


def test_cs231n_and_pytorch_momentum_agree_at_constant_lr_and_differ_after_a_change():
    same = [0.01] * 40
    np.testing.assert_allclose(_random_quadratic_run(momentum(0.9), same),
                               _random_quadratic_run(momentum_pytorch(0.9), same),
                               rtol=1e-12, atol=1e-14)
    changed = [0.01] * 20 + [0.001] * 20
    a = _random_quadratic_run(momentum(0.9), changed)
    b = _random_quadratic_run(momentum_pytorch(0.9), changed)
    np.testing.assert_allclose(a[:20], b[:20], rtol=1e-12, atol=1e-14)
    # after the drop, CS231n's velocity still carries steps of the old rate;
    # PyTorch's buffer is multiplied by the new rate at once
    assert np.abs(a[20] - b[20]).max() > 1e-3


def test_nesterov_code_form_is_the_look_ahead_form_shifted_by_rho_v():
    # look-ahead form: v = rho v - lr grad(x + rho v); x += v. The code keeps
    # x_ahead = x + rho v: both must give the same points.
    h = np.diag([1.0, 10.0, 50.0])
    rho, lr = 0.9, 0.01
    x = np.array([1.0, -2.0, 0.5])
    v = np.zeros(3)
    init, step = nesterov(rho)
    params = {"x": x.copy()}
    state = init(params)
    for _ in range(50):
        v = rho * v - lr * h @ (x + rho * v)
        x = x + v
        step(params, {"x": h @ params["x"]}, state, lr)
        np.testing.assert_allclose(params["x"], x + rho * v, rtol=1e-10, atol=1e-14)


def test_nesterov_equals_pytorch_nesterov_at_constant_lr():
    # torch.optim.SGD(nesterov=True): b = mu b + g; x -= lr (g + mu b)
    def pytorch_nesterov(mu=0.9):
        def init(params):
            return {k: np.zeros_like(p) for k, p in params.items()}

        def step(params, grads, b, lr):
            for k, p in params.items():
                b[k] = mu * b[k] + grads[k]
                p -= lr * (grads[k] + mu * b[k])

        return init, step

    lrs = [0.01] * 40
    np.testing.assert_allclose(_random_quadratic_run(nesterov(), lrs),
                               _random_quadratic_run(pytorch_nesterov(), lrs),
                               rtol=1e-10, atol=1e-14)


# ------------------------------------------------------ closed forms, quadratic
def _contraction(rule, lr, eigenvalues, steps=1000):
    """Measured rate at which |x| shrinks per step on 0.5 x^T diag(eig) x."""
    init, step = rule
    params = {"x": np.ones(len(eigenvalues))}
    state = init(params)
    norms = []
    for _ in range(steps):
        step(params, {"x": eigenvalues * params["x"]}, state, lr)
        norms.append(np.linalg.norm(params["x"]))
    # complex roots rotate x, so |x| passes near 0 now and then: compare the
    # envelope (largest |x| in 50 steps) 500 steps apart
    return (max(norms[-50:]) / max(norms[-550:-500])) ** (1 / 500)


@pytest.mark.parametrize("lr", [0.002, 0.02, 0.035])
def test_momentum_converges_at_the_spectral_radius_of_its_iteration(lr):
    eig, rho = np.array([1.0, 50.0]), 0.9
    # per eigenvalue h: x_{t+1} = (1 + rho - lr h) x_t - rho x_{t-1}
    radius = max(np.abs(np.roots([1, -(1 + rho - lr * h), rho])).max() for h in eig)
    assert _contraction(momentum(rho), lr, eig) == pytest.approx(radius, rel=2e-3)
    # with complex roots (lr h in [(1 - sqrt rho)^2, (1 + sqrt rho)^2]) it is sqrt rho
    if all((1 - rho**0.5) ** 2 < lr * h < (1 + rho**0.5) ** 2 for h in eig):
        assert radius == pytest.approx(rho**0.5)


def test_sgd_converges_at_max_of_1_minus_lr_times_eigenvalue():
    eig = np.array([1.0, 50.0])
    for lr in (0.01, 0.03):
        expected = np.abs(1 - lr * eig).max()
        assert _contraction(sgd(), lr, eig) == pytest.approx(expected, rel=1e-6)


def test_momentum_steady_state_step_is_lr_over_1_minus_rho():
    w = _steps(momentum(0.9), [G] * 200, [0.01] * 200)
    np.testing.assert_allclose(w[-1] - w[-2], -0.01 * G / 0.1, rtol=1e-8)


# ------------------------------------------------------------------ schedules
def test_schedules_take_their_closed_form_values():
    assert [step_decay(0.1, 0.5, 10)(t) for t in (0, 9, 10, 25)] == pytest.approx(
        [0.1, 0.1, 0.05, 0.025])
    assert exponential(0.1, 0.01)(100) == pytest.approx(0.1 / np.e)
    assert inverse_time(0.1, 0.01)(100) == pytest.approx(0.05)
    cos = cosine(0.1, 100, lr_min=0.001)
    assert [cos(0), cos(50), cos(100), cos(150)] == pytest.approx(
        [0.1, 0.0505, 0.001, 0.001])
    warm = warmup(constant(1.8), 100)
    assert [warm(0), warm(49), warm(99), warm(500)] == pytest.approx(
        [0.018, 0.9, 1.8, 1.8])


# -------------------------------------------------------- the shared network
DATA = load_splits()


def test_train_with_the_sgd_rule_takes_the_builtin_steps():
    p_rule, h_rule = train(DATA["train"], DATA["val"], epochs=2, rule=sgd())
    p_plain, h_plain = train(DATA["train"], DATA["val"], epochs=2)
    for k in p_plain:
        np.testing.assert_allclose(p_rule[k], p_plain[k], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(h_rule["update_ratio"]["W1"],
                               h_plain["update_ratio"]["W1"], rtol=1e-6)


def test_train_with_the_momentum_rule_takes_the_builtin_momentum_steps():
    p_rule, _ = train(DATA["train"], DATA["val"], lr=0.01, epochs=2, rule=momentum())
    p_plain, _ = train(DATA["train"], DATA["val"], lr=0.01, epochs=2, momentum=0.9)
    for k in p_plain:
        np.testing.assert_allclose(p_rule[k], p_plain[k], rtol=1e-9, atol=1e-12)


def test_a_schedule_gives_the_rate_of_each_step():
    seen = []
    _, h = train(DATA["train"], DATA["val"], epochs=2, batch_size=500,
                 lr=lambda t: seen.append(t) or 0.1)
    assert seen == list(range(6))  # 3 minibatches of 500 in 1097 images, 2 epochs
    _, plain = train(DATA["train"], DATA["val"], epochs=2, batch_size=500)
    assert h["train_loss"] == plain["train_loss"]


# ------------------------------------------- the page quotes what the code prints
def _printed(snippet):
    """The `#>` lines of a snippet (test_snippets checks them against real output)."""
    text = (REPO / "snippets" / snippet).read_text(encoding="utf-8")
    return [line.strip()[3:] for line in text.splitlines() if line.strip()[:2] == "#>"]


def _rows(snippet):
    return {row.split()[0]: row.split()[1:] for row in _printed(snippet)[1:]}


def _quoted(*texts):
    for text in texts:
        for lang, page in PAGES.items():
            assert text in page, f"docs/{lang}/parameter-updates.md lacks {text}"


PAGES = {lang: " ".join((REPO / "docs" / lang / "parameter-updates.md").read_text(
    encoding="utf-8").split()) for lang in ("ko", "en")}


def test_the_page_quotes_the_digits_comparison_as_printed():
    rows = _rows("parameter_updates/digits_rules.py")
    best = {name: row[1].split("±") for name, row in rows.items()}
    epochs = {name: row[2].replace("±", " ± ") for name, row in rows.items()}
    accs = sorted(float(acc) for acc, _ in best.values())
    sds = sorted(float(sd) for _, sd in best.values())
    _quoted(f"{sds[0]:.3f}", f"{sds[-1]:.3f}")  # the range of standard deviations
    _quoted(f"{accs[0]:.3f}", f"{accs[-1]:.3f}", epochs["AdaGrad"], epochs["Adam"],
            rows["SGD"][0], rows["Adam"][0])
    assert epochs["AdaGrad"] == epochs["RMSProp"]  # "AdaGrad and RMSProp ... first"
    assert min(epochs, key=lambda n: float(epochs[n].split()[0])) in ("AdaGrad",
                                                                       "RMSProp")
    # "Adam is not the fastest here ... no better than plain SGD"
    assert float(epochs["Adam"].split()[0]) >= float(epochs["SGD"].split()[0])
    # "its best rate is the middle one of the three tried"
    from snippets.parameter_updates.digits_rules import RATES
    assert RATES["Adam"][1][1] == float(rows["Adam"][0])
    assert RATES["AdaGrad"][1][-1] == float(rows["AdaGrad"][0])


def test_the_page_quotes_the_trajectories_as_printed():
    lines = _printed("parameter_updates/trajectories.py")
    ravine = {r.split()[0]: r.split() for r in lines[1:7]}
    rosen = {r.split()[0]: r.split() for r in lines[15:21]}
    _quoted(ravine["SGD"][1], ravine["SGD"][2], ravine["momentum"][2],
            ravine["Nesterov"][2], rosen["SGD"][2].replace("e+00", ""),
            rosen["momentum"][2], rosen["AdaGrad"][2], rosen["RMSProp"][2],
            rosen["Adam"][2])
    assert float(ravine["SGD"][1]) < 2 / 50  # "just under the limit 2/50"
    # "at their tuned rates, all six reach a minimum within the 100 steps"
    assert all(float(r.split()[2].lstrip("<")) < 1e-4 for r in lines[8:14])


def test_the_page_quotes_bias_correction_warmup_batch_and_adamw_as_printed():
    steps = _printed("parameter_updates/bias_correction.py")
    _quoted(steps[1].split()[-1], steps[5].split()[-1],
            *steps[-1].split(": ")[1].split(" vs "))
    assert 1 - 0.999**18 < 0.02
    warm = {tuple(r.split()[:2]): r.split()[2:] for r in _printed(
        "parameter_updates/warmup.py")[1:]}
    _quoted(warm["1.8", "none"][0], warm["1.8", "warmup"][0],
            warm["2.5", "none"][2], warm["2.5", "warmup"][2],
            warm["1.8", "warm+cos"][1], warm["2.5", "warm+cos"][1],
            warm["1.8", "warm+cos"][2], warm["2.5", "warm+cos"][2])
    assert warm["1.8", "warmup"][1] == warm["2.5", "warmup"][1] == ">100"
    batch = {r.split()[0]: [c.split("±")[0] for c in r.split()[1:]]
             for r in _printed("parameter_updates/batch_size.py")[1:]}
    scaled = [float(batch[b][1]) for b in ("16", "32", "64", "128", "256", "512")]
    _quoted(batch["16"][0], batch["512"][0], batch["1097"][0], batch["1097"][1],
            f"{min(scaled):.3f}", f"{max(scaled):.3f}", batch["16"][1],
            f"{0.1 * 1097 / 64:.2f}")
    decay = _printed("parameter_updates/adamw_vs_l2.py")
    _quoted(decay[0].split()[0], *decay[2].split()[3:], *decay[3].split()[3:4],
            decay[4].split()[2], *decay[4].split()[3:], *decay[5].split()[3:4])
    assert decay[2].split()[3] == decay[4].split()[3]  # "at both coefficients"


def test_the_page_quotes_the_exercises_and_closed_forms():
    adam_first = _printed("parameter_updates/exercise_adam_first_step.py")
    _quoted(adam_first[-1], "3.161", "3.162")
    steady = _printed("parameter_updates/exercise_momentum_steady.py")
    _quoted(*(line.split(": ")[1] for line in steady[1:3]), steady[-1].split()[-1])
    assert min(t for t in range(1, 100) if 0.9**t < 0.01) == 44
    _quoted("44")
    halving = _printed("parameter_updates/exercise_adagrad_halving.py")
    assert halving[-1] == "step 4 is half of step 1"
    assert f"{7510**2 / 1e6:.0f}" == "56"
    from snippets.digits_net import init_params
    assert sum(p.size for p in init_params().values()) == 7510
    _quoted("7510", "3.16", "0.0316")
    assert f"{(1 - 0.9) / np.sqrt(1 - 0.999):.2f}" == "3.16"
