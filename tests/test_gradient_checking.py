"""Gradient checking: the helper that every backward-pass test on the site relies on.

The helper is checked against closed-form gradients (it cannot check itself), the
page's demonstrations against what the page claims, and the rest of the test suite
against the rule that it imports the helper from this one module.
"""

import ast
import re

import numpy as np
import pytest

from snippets.gradient_checking import (
    dropout,
    exercise_best_step,
    exercise_find_the_bug,
    exercise_two_layer_net,
    regularization,
    sparse_check,
    step_size,
    thresholds,
)
from snippets.gradient_checking.numerical_gradient import (
    numerical_gradient,
    relative_error,
)
from tests.conftest import REPO
from tools.pages import DOCS, LANGS

CANONICAL = "snippets.gradient_checking.numerical_gradient"
PAGE_SNIPPETS = REPO / "snippets" / "gradient_checking"


# --- numerical_gradient -----------------------------------------------------------

def test_numerical_gradient_of_a_quadratic_form_is_a_plus_a_transpose_times_x():
    rng = np.random.default_rng(1)
    A = rng.standard_normal((6, 6))  # not symmetric
    x = rng.standard_normal(6)
    numerical = numerical_gradient(lambda v: v @ A @ v, x)
    assert relative_error((A + A.T) @ x, numerical) < 1e-8


def test_numerical_gradient_of_sum_sin_is_cos_for_a_matrix_input():
    rng = np.random.default_rng(2)
    x = rng.uniform(-1.2, 1.2, size=(3, 4))  # |cos x| > 0.36: no tiny entries
    numerical = numerical_gradient(lambda v: np.sum(np.sin(v)), x)
    assert numerical.shape == x.shape
    assert relative_error(np.cos(x), numerical) < 1e-8


def test_numerical_gradient_leaves_its_input_untouched_and_works_in_float64():
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3)).astype(np.float32)
    before = x.copy()
    seen = []

    def f(v):
        seen.append((v.dtype, v is x))
        return float(np.sum(v.astype(np.float64) ** 2))

    grad = numerical_gradient(f, x)
    assert np.array_equal(x, before) and x.dtype == np.float32
    assert all(dtype == np.float64 and not same for dtype, same in seen)
    assert len(seen) == 2 * x.size
    assert relative_error(2 * before.astype(np.float64), grad) < 1e-8


def test_numerical_gradient_of_an_integer_array_is_not_truncated():
    grad = numerical_gradient(lambda v: np.sum(v**2), np.array([1, 2, 3]))
    assert grad.dtype == np.float64
    assert relative_error([2.0, 4.0, 6.0], grad) < 1e-8


def test_centered_error_on_a_cubic_is_h_squared():
    # f = sum(x^3): truncation error h^2 f'''/6 = h^2 in every entry
    x = np.array([0.5, -1.0, 2.0])
    for h in (1e-2, 1e-3):
        numerical = numerical_gradient(lambda v: np.sum(v**3), x, h=h)
        assert np.allclose(numerical - 3 * x**2, h**2, rtol=1e-3)


# --- relative_error ---------------------------------------------------------------

def test_relative_error_of_two_zeros_is_zero():
    assert relative_error(0, 0) == 0.0
    assert relative_error(np.zeros((2, 3)), np.zeros((2, 3))) == 0.0


def test_relative_error_guards_zero_over_zero_entry_by_entry():
    with np.errstate(all="raise"):  # no 0/0 is ever evaluated
        error = relative_error([0.0, 1.0, 0.0], [0.0, 1.1, 0.0])
    assert error == pytest.approx(0.1 / 1.1, rel=1e-12)
    assert relative_error([0.0, 2.0], [1e-3, 2.0]) == 1.0  # one zero, one not


def test_relative_error_is_symmetric_scale_free_and_at_most_two():
    rng = np.random.default_rng(4)
    a, n = rng.standard_normal(10), rng.standard_normal(10)
    assert relative_error(a, n) == relative_error(n, a)
    assert relative_error(1e6 * a, 1e6 * n) == pytest.approx(relative_error(a, n))
    assert relative_error(a, -a) == 2.0
    assert relative_error(1.0, 1.0 + 1e-4) == pytest.approx(1e-4 / (1 + 1e-4))


# --- thresholds: correct, wrong, kink ---------------------------------------------

def test_correct_gradient_passes_and_the_missing_transpose_fails():
    rng = np.random.default_rng(0)  # the page's data
    A = rng.standard_normal((4, 4))
    x = rng.standard_normal(4)
    numerical = numerical_gradient(lambda v: thresholds.quadratic(v, A), x)
    assert relative_error(thresholds.quadratic_grad(x, A), numerical) < 1e-7
    assert relative_error(thresholds.quadratic_grad_wrong(x, A), numerical) > 1e-2


def test_the_wrong_formula_is_right_exactly_when_a_is_symmetric():
    rng = np.random.default_rng(5)
    A = rng.standard_normal((4, 4))
    S = A + A.T
    x = rng.standard_normal(4)
    assert np.allclose(
        thresholds.quadratic_grad_wrong(x, S), thresholds.quadratic_grad(x, S)
    )


def test_a_kink_inflates_the_error_and_near_kink_finds_it():
    rng = np.random.default_rng(0)
    _ = rng.standard_normal((4, 4)), rng.standard_normal(4)  # the page draws A, x first
    X = rng.standard_normal((20, 3))
    w = rng.standard_normal(3)

    def error():
        numerical = numerical_gradient(lambda v: thresholds.relu_loss(v, X), w)
        return relative_error(thresholds.relu_loss_grad(w, X), numerical)

    smooth = error()
    assert smooth < 1e-7 and thresholds.near_kink(w, X).size == 0
    X[0] += (3e-6 - X[0] @ w) * w / (w @ w)
    assert X[0] @ w == pytest.approx(3e-6, rel=1e-6)
    kinked = error()
    assert kinked > 1e-2 and kinked > 1e5 * smooth
    assert list(thresholds.near_kink(w, X)) == [0]


# --- pitfalls ---------------------------------------------------------------------

def _regression_data():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 5))
    w_true = rng.standard_normal(5)
    y = X @ w_true + 0.1 * rng.standard_normal(50)
    return X, y, w_true + 0.01 * rng.standard_normal(5)


def test_regularization_hides_a_data_gradient_bug():
    X, y, w = _regression_data()
    errors = []
    for lam in (0.0, 0.1, 1.0, 10.0, 100.0):
        numerical = numerical_gradient(
            lambda v, lam=lam: regularization.total_loss(v, X, y, lam), w
        )
        analytic = regularization.data_loss_grad_buggy(w, X, y) + 2 * lam * w
        errors.append(relative_error(analytic, numerical))
    assert errors[0] == pytest.approx(0.5, abs=1e-6)  # a factor of 2 is off by 0.5
    assert all(a > b for a, b in zip(errors, errors[1:], strict=False))
    assert errors[-1] < 1e-3
    # halving the buggy gradient fixes it: the factor of 2 is the only bug
    fixed = regularization.data_loss_grad_buggy(w, X, y) / 2
    numerical = numerical_gradient(lambda v: regularization.data_loss(v, X, y), w)
    assert relative_error(fixed, numerical) < 1e-7


def test_dropout_must_be_seeded_or_off():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((8, 4))
    w = rng.standard_normal(4)
    live = np.random.default_rng(1)
    analytic = dropout.dropout_loss_grad(w, X, live)
    numerical = numerical_gradient(lambda v: dropout.dropout_loss(v, X, live), w)
    assert relative_error(analytic, numerical) > 0.5
    for p in (0.5, 1.0):
        analytic = dropout.dropout_loss_grad(w, X, np.random.default_rng(1), p=p)
        numerical = numerical_gradient(
            lambda v, p=p: dropout.dropout_loss(v, X, np.random.default_rng(1), p=p), w
        )
        assert relative_error(analytic, numerical) < 1e-7


def _softmax_data():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((20, 50))
    y = rng.integers(0, 10, size=20)
    W = 0.01 * rng.standard_normal((50, 10))
    return X, y, W, np.zeros(10)


def test_sparse_check_calls_f_2k_times_and_leaves_x_alone():
    rng = np.random.default_rng(6)
    x = rng.standard_normal((4, 5))
    before = x.copy()
    calls = []

    def f(v):
        calls.append(1)
        return np.sum(np.sin(v))

    error = sparse_check.grad_check_sparse(f, x, np.cos(x), k=7)
    assert len(calls) == 14 and np.array_equal(x, before)
    assert error < 1e-8
    assert sparse_check.grad_check_sparse(f, x, np.cos(x) + 0.1, k=3) > 1e-2


def test_softmax_loss_is_near_chance_and_the_bias_bug_is_caught_per_parameter():
    X, y, W, b = _softmax_data()  # the page's data
    loss, _, db = sparse_check.softmax_loss(W, b, X, y)
    assert loss == pytest.approx(np.log(10), abs=0.05)  # small weights: near chance
    assert sparse_check.grad_check_sparse(
        lambda v: sparse_check.softmax_loss(W, v, X, y)[0], b, db, k=5
    ) > 0.5


def test_softmax_dw_is_right_and_db_is_right_once_divided_by_n():
    # A full check on a small problem (3 examples, 5 features, 4 classes): on a big
    # array some entry of dW is tiny, and rounding error alone (about eps |f| / h in
    # absolute terms) then exceeds 1e-7 of it.
    rng = np.random.default_rng(0)
    X = rng.standard_normal((3, 5))
    y = rng.integers(0, 4, size=3)
    W = rng.standard_normal((5, 4))
    b = rng.standard_normal(4)
    _, dW, db = sparse_check.softmax_loss(W, b, X, y)
    loss = sparse_check.softmax_loss
    numerical_W = numerical_gradient(lambda v: loss(v, b, X, y)[0], W)
    numerical_b = numerical_gradient(lambda v: loss(W, v, X, y)[0], b)
    assert relative_error(dW, numerical_W) < 1e-7
    assert relative_error(db, numerical_b) > 0.5  # the bug: a factor n = 3
    assert relative_error(db / len(y), numerical_b) < 1e-7


def test_the_page_s_flat_draw_really_misses_every_bias():
    drawn = np.random.default_rng(0).choice(510, size=10, replace=False)
    assert (drawn < 500).all()  # 10 draws, all among the 500 weights


def test_step_size_sweep_float64_float32_and_the_slopes():
    x, hs = step_size.POINTS, step_size.STEPS
    at = step_size.error_vs_step(np.exp, np.exp, x, [1e-5, 1e-12])
    assert at[0] < 1e-8
    assert at[1] > 100 * at[0]  # rounding error at tiny h
    forward = step_size.error_vs_step(np.exp, np.exp, x, [1e-5], method="forward")[0]
    assert forward > 1e-7 > at[0]
    best64 = step_size.error_vs_step(np.exp, np.exp, x, hs, np.float64).min()
    best32 = step_size.error_vs_step(np.exp, np.exp, x, hs, np.float32).min()
    assert best32 > 1e4 * best64
    # log-log slopes: truncation h^2 (centered) and h (forward), rounding 1/h
    for method, slope in (("centered", 2.0), ("forward", 1.0)):
        errors = step_size.error_vs_step(np.exp, np.exp, x, hs, method=method)
        big = (hs >= 1e-3) & (hs <= 1e-1)
        small = (hs >= 1e-13) & (hs <= 1e-9)
        fit = np.polyfit(np.log10(hs[big]), np.log10(errors[big]), 1)[0]
        assert fit == pytest.approx(slope, abs=0.1)
        fit = np.polyfit(np.log10(hs[small]), np.log10(errors[small]), 1)[0]
        assert fit == pytest.approx(-1.0, abs=0.2)


# --- exercises --------------------------------------------------------------------

def _two_layer_setup():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((5, 4))
    y = rng.integers(0, 3, size=5)
    params = {
        "W1": rng.standard_normal((4, 6)), "b1": 0.1 * rng.standard_normal(6),
        "W2": rng.standard_normal((6, 3)), "b2": np.zeros(3),
    }
    return X, y, params


def test_two_layer_net_gradients_pass_away_from_kinks():
    X, y, params = _two_layer_setup()
    # a step h moves a ReLU input by at most h * max(|x|, 1): far from any kink
    z = X @ params["W1"] + params["b1"]
    assert np.abs(z).min() > 1e3 * 1e-5 * max(np.abs(X).max(), 1.0)
    _, grads = exercise_two_layer_net.two_layer_net(params, X, y)
    for name in params:
        numerical = numerical_gradient(
            lambda v, name=name: exercise_two_layer_net.two_layer_net(
                {**params, name: v}, X, y
            )[0],
            params[name],
        )
        assert relative_error(grads[name], numerical) < 1e-7, name


def test_two_layer_net_loss_is_ln_3_with_zero_weights():
    X, y, params = _two_layer_setup()
    zero = {name: np.zeros_like(value) for name, value in params.items()}
    loss, grads = exercise_two_layer_net.two_layer_net(zero, X, y)
    assert loss == pytest.approx(np.log(3), rel=1e-12)
    assert np.all(grads["W1"] == 0)  # ReLU(0) = 0 passes nothing back


def test_find_the_bug_only_db_is_wrong_and_the_fix_passes():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((4, 5))
    w = rng.standard_normal((5, 3))
    b = rng.standard_normal(3)
    dout = rng.standard_normal((4, 3))
    _, cache = exercise_find_the_bug.affine_tanh_forward(x, w, b)
    forward = exercise_find_the_bug.affine_tanh_forward
    numerical = (
        numerical_gradient(lambda v: np.sum(forward(v, w, b)[0] * dout), x),
        numerical_gradient(lambda v: np.sum(forward(x, v, b)[0] * dout), w),
        numerical_gradient(lambda v: np.sum(forward(x, w, v)[0] * dout), b),
    )
    buggy = exercise_find_the_bug.affine_tanh_backward_buggy(dout, cache)
    fixed = exercise_find_the_bug.affine_tanh_backward(dout, cache)
    assert relative_error(buggy[0], numerical[0]) < 1e-7
    assert relative_error(buggy[1], numerical[1]) < 1e-7
    assert relative_error(buggy[2], numerical[2]) > 1e-2
    for grad, num in zip(fixed, numerical, strict=True):
        assert relative_error(grad, num) < 1e-7


def test_best_step_is_near_the_cube_root_of_epsilon():
    for dtype in (np.float64, np.float32):
        errors = exercise_best_step.error_vs_step(
            np.exp, np.exp, exercise_best_step.POINTS, exercise_best_step.STEPS, dtype
        )
        eps = np.finfo(dtype).eps
        best = exercise_best_step.STEPS[np.argmin(errors)]
        assert eps ** (1 / 3) / 10 < best < 10 * eps ** (1 / 3)
        assert eps ** (2 / 3) / 10 < errors.min() < 10 * eps ** (2 / 3)


# --- one helper, one place --------------------------------------------------------

def _body_without_docstring(source, name):
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            body = node.body
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                body = body[1:]
            return ast.dump(ast.Module(body=body, type_ignores=[]))
    return None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("numerical_gradient", "numerical_gradient.py"),
        ("relative_error", "numerical_gradient.py"),
        ("error_vs_step", "step_size.py"),
    ],
)
def test_the_copies_in_example_files_are_identical_to_the_shown_code(name, canonical):
    # Each example file carries a copy so that it runs alone; a copy must not drift.
    reference = _body_without_docstring((PAGE_SNIPPETS / canonical).read_text(), name)
    copies = 0
    for path in sorted(PAGE_SNIPPETS.glob("*.py")):
        body = _body_without_docstring(path.read_text(), name)
        if body is not None and path.name != canonical:
            assert body == reference, f"{path.name}: {name} differs from {canonical}"
            copies += 1
    assert copies >= 1
    assert np.array_equal(exercise_best_step.STEPS, step_size.STEPS)
    assert np.array_equal(exercise_best_step.POINTS, step_size.POINTS)


def test_every_test_imports_the_helper_from_the_one_module():
    helper_names = {"numerical_gradient", "relative_error"}
    own_copies = helper_names | {"rel_error", "eval_numerical_gradient",
                                 "eval_numerical_gradient_array"}
    for path in sorted((REPO / "tests").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {
            node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        }
        assert not defined & own_copies, (
            f"{path.relative_to(REPO)} defines {sorted(defined & own_copies)}: import "
            f"numerical_gradient and relative_error from {CANONICAL} instead"
        )
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                imported = {alias.name for alias in node.names} & helper_names
                assert not imported or node.module == CANONICAL, (
                    f"{path.relative_to(REPO)} imports {sorted(imported)} from "
                    f"{node.module}; import them from {CANONICAL}"
                )


# --- the numbers in the prose are the numbers the code prints ----------------------

# a Korean particle attaches to a number (1.0e-10이): only ASCII ends one
_ASCII = "A-Za-z0-9_."
PRINTED_NUMBER = re.compile(rf"(?<![{_ASCII}])\d(?:\.\d+)?e[+-]\d{{2}}(?![{_ASCII}])")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def _prose(text):
    lines, inside = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            inside = not inside
            continue
        if not inside:
            lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGS)
def test_numbers_quoted_on_the_page_are_printed_by_its_snippets(lang):
    printed = set()
    for path in PAGE_SNIPPETS.glob("*.py"):
        for line in path.read_text().splitlines():
            if line.strip().startswith("#>"):
                printed |= set(PRINTED_NUMBER.findall(line))
    prose = _prose((DOCS / lang / "gradient-checking.md").read_text(encoding="utf-8"))
    quoted = PRINTED_NUMBER.findall(prose)
    assert len(quoted) > 20  # the page does quote its results
    missing = sorted(set(quoted) - printed)
    assert not missing, f"docs/{lang}/gradient-checking.md quotes {missing} unprinted"
