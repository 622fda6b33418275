"""Checks of the hyperparameter-optimization page's snippets and of the numbers its
prose quotes. The long searches are run (and their printed output compared) by
tests/test_snippets.py; here the properties behind them are checked quickly."""

import inspect
import math
import re
from functools import cache

import numpy as np
import pytest

from snippets.digits_net import load_splits
from snippets.hyperparameter_optimization import (
    best_so_far,
    coarse_fine,
    exercise_halving_budget,
    grid_vs_random,
    halton,
    hyperband,
    noise_floor,
    sampling,
    seed_check,
    sklearn_halving,
    successive_halving,
    tpe_search,
)
from tests.conftest import REPO

PAGES = {lang: (REPO / "docs" / lang / "hyperparameter-optimization.md").read_text(
    encoding="utf-8") for lang in ("ko", "en")}


@cache
def _data():
    return load_splits()


def _quoted(text):
    """A number must appear in both pages' prose exactly as printed (a line break
    reads as a space)."""
    for lang, page in PAGES.items():
        assert text in " ".join(page.split()), (
            f"docs/{lang}/hyperparameter-optimization.md lacks {text}")


def _printed(name):
    """The `#>` lines of a snippet of this page (test_snippets keeps them true)."""
    path = REPO / "snippets/hyperparameter_optimization" / f"{name}.py"
    return "\n".join(line.strip()[3:] for line in path.read_text().splitlines()
                     if line.strip().startswith("#> "))


def test_noise_floor_numbers_match_the_formula_and_the_pages():
    se = noise_floor.standard_error(0.97, 350)
    assert f"{se:.4f}" == "0.0091" and f"{2 * se:.4f}" == "0.0182"
    _quoted("0.0091")
    _quoted("0.0182")
    # the formula is the standard deviation of a binomial proportion: 200 000
    # simulated validation sets agree with it to 1 % (sampling error ~0.2 %)
    rng = np.random.default_rng(1)
    simulated = (rng.binomial(350, 0.97, size=200_000) / 350).std()
    assert abs(simulated / se - 1) < 0.01


def test_log_uniform_gives_every_decade_the_same_share():
    rng = np.random.default_rng(2)
    x = sampling.log_uniform(rng, 1e-5, 10, 120_000)
    assert x.min() >= 1e-5 and x.max() <= 10
    shares = np.histogram(np.log10(x), bins=np.arange(-5, 2))[0] / len(x)
    # 1/6 each; binomial sd is sqrt(1/6 * 5/6 / 120000) = 0.0011, allow 0.005
    np.testing.assert_allclose(shares, 1 / 6, atol=0.005)


def test_linear_uniform_fraction_below_0_01_is_the_quoted_one():
    exact = (0.01 - 1e-5) / (10 - 1e-5)
    assert f"{exact:.4%}" == "0.0999%"
    _quoted("0.0999")


def test_copies_of_the_search_helpers_are_identical():
    # grid_vs_random.py and best_so_far.py repeat coarse_fine.py's helpers so that
    # each file runs on its own; the page says the copies are identical
    for name in ("run_trial", "random_search"):
        original = inspect.getsource(getattr(coarse_fine, name))
        for module in (grid_vs_random, best_so_far, tpe_search):
            assert inspect.getsource(getattr(module, name)) == original, (
                f"{module.__name__}.{name} differs from coarse_fine.{name}")
    assert (inspect.getsource(exercise_halving_budget.halving_budget)
            == inspect.getsource(successive_halving.halving_budget))
    # hyperband.py repeats sample_configs and successive_halving
    for name in ("sample_configs", "successive_halving"):
        assert (inspect.getsource(getattr(hyperband, name))
                == inspect.getsource(getattr(successive_halving, name)))


def _trial(log_lr, log_reg, acc):
    return {"log_lr": log_lr, "log_reg": log_reg, "aborted": np.isnan(acc),
            "val_acc": acc}


def test_ranked_drops_aborted_trials_and_narrow_can_leave_the_old_box():
    trials = [_trial(-1, -7, 0.97), _trial(0.9, -3, np.nan), _trial(-3, -2, 0.5),
              _trial(-0.5, -5, 0.98), _trial(-4, -1, 0.12)]
    assert [t["val_acc"] for t in coarse_fine.ranked(trials)] == [0.98, 0.97, 0.5, 0.12]
    box = coarse_fine.narrow(trials, keep=2, pad=0.5)
    assert box == {"log_lr": (-1.5, 0.0), "log_reg": (-7.5, -4.5)}  # below -7


def test_random_search_tries_a_new_value_of_each_parameter_per_trial_grid_does_not():
    box = {"log_lr": (-5, 1), "log_reg": (-7, -3)}
    data = _data()
    grid = grid_vs_random.grid_search(data, box, per_axis=2, epochs=1)
    rand = coarse_fine.random_search(data, box, n_trials=4, epochs=1)
    assert len({t["log_lr"] for t in grid}) == 2 and len(grid) == 4
    assert len({t["log_lr"] for t in rand}) == 4
    assert all(-5 <= t["log_lr"] <= 1 and -7 <= t["log_reg"] <= -3 for t in rand)
    # lr 10 (the grid's top corner) diverges and is aborted: score nan
    top = [t for t in grid if t["log_lr"] == 1]
    assert all(t["aborted"] and np.isnan(t["val_acc"]) for t in top)


def test_learning_rate_matters_and_regularization_does_not_on_digits():
    # the page: lr moves val acc from chance (0.120) to 0.980; reg from 1e-7 to
    # 1e-3 moves it by less than two standard errors (0.018) -- measured: 0
    _, by_lr, _, by_reg = grid_vs_random.one_at_a_time(_data())
    assert min(by_lr) < 0.15 and max(by_lr) > 0.97
    assert max(by_reg) - min(by_reg) < 2 * noise_floor.standard_error(0.98, 350)
    assert (f"{min(by_lr):.3f}", f"{max(by_lr):.3f}") == ("0.120", "0.980")
    _quoted("0.120")


def test_halton_points_are_the_radical_inverses():
    points = halton.halton(4)
    np.testing.assert_allclose(points[:, 0], [1 / 2, 1 / 4, 3 / 4, 1 / 8])
    np.testing.assert_allclose(points[:, 1], [1 / 3, 2 / 3, 1 / 9, 4 / 9])
    assert halton.radical_inverse(6, 2) == 0.375  # the docstring's example
    assert halton.largest_gap(halton.halton(9)[:, 0]) == pytest.approx(0.125)


@pytest.mark.parametrize(("n", "rungs", "continuing", "restarting"),
                         [(27, (1, 3, 9, 27), 81, 108),
                          (81, (1, 3, 9, 27, 81), 297, 405)])
def test_successive_halving_budget_counts_exactly(n, rungs, continuing, restarting):
    budget = successive_halving.halving_budget
    assert budget(n, 3, rungs) == continuing
    assert budget(n, 3, rungs, continue_training=False) == restarting
    # the page's sum for 27 configurations, term by term
    if n == 27:
        assert 27 * 1 + 9 * (3 - 1) + 3 * (9 - 3) + 1 * (27 - 9) == continuing


def test_successive_halving_continues_training_and_spends_the_counted_budget():
    configs = successive_halving.sample_configs(9, seed=5)
    survivors, curves, spent = successive_halving.successive_halving(
        _data(), configs, eta=3, rungs=(1, 3))
    assert [len(s) for s in survivors] == [9, 3]
    assert spent == successive_halving.halving_budget(9, 3, (1, 3)) == 15
    for i in survivors[1]:  # continued: one curve of 3 epochs, not 1 + 3
        assert len(curves[i]) == 3
    dropped = set(survivors[0]) - set(survivors[1])
    kept_worst = min(curves[i][0] for i in survivors[1])
    assert all(np.nan_to_num(curves[i][0], nan=-1) <= kept_worst for i in dropped)


def test_sklearn_halving_refits_from_scratch_at_every_rung():
    search = sklearn_halving.halving_search(_data())  # the page's search, ~1 s
    assert search.n_resources_ == [1, 3, 9, 27]
    assert search.n_candidates_ == [27, 9, 3, 1]
    assert sum(search.cv_results_["n_resources"]) == (
        successive_halving.halving_budget(27, 3, (1, 3, 9, 27), False))
    est = sklearn_halving.DigitsNet(lr=0.5, reg=1e-4, epochs=2)
    assert est.get_params() == {"lr": 0.5, "reg": 1e-4, "epochs": 2}
    rng = np.random.RandomState(0)
    samples = sklearn_halving.LogUniform(1e-5, 10).rvs(rng, size=60_000)
    assert samples.min() >= 1e-5 and samples.max() <= 10
    assert abs(np.mean(samples < 0.01) - 0.5) < 0.01  # half the decades


def test_chance_of_a_top_5_percent_trial_in_60():
    p = best_so_far.chance_in_top(0.05, 60)
    assert p == pytest.approx(1 - 0.95 ** 60) and f"{p:.4f}" == "0.9539"
    assert math.ceil(math.log(0.05) / math.log(0.95)) == 59
    _quoted("0.9539")
    # simulated: the best of 60 uniform draws lies in the top 5 % in ~95.4 % of
    # 20 000 searches (binomial sd 0.0015, allow 0.006)
    rng = np.random.default_rng(3)
    hits = (rng.uniform(size=(20_000, 60)) > 0.95).any(axis=1).mean()
    assert abs(hits - p) < 0.006


def test_best_so_far_is_a_running_maximum_that_skips_aborted_trials():
    curve = best_so_far.best_so_far([0.5, np.nan, 0.4, 0.9, np.nan, 0.8])
    np.testing.assert_array_equal(curve, [0.5, 0.5, 0.5, 0.9, 0.9, 0.9])


def test_seed_check_reruns_the_fine_top_three_and_final_test_the_chosen_one():
    # coarse_fine.py's printed output names the fine search's top three;
    # seed_check.py must rerun exactly those, and final_test.py must train the one
    # seed_check.py printed as chosen by the mean
    fine = _printed("coarse_fine").split("fine: ")[1]
    top3 = re.findall(r"^lr ([\d.]+), reg ([\d.e+-]+): 0\.\d{3}$", fine, re.M)[:3]
    source = (REPO / "snippets/hyperparameter_optimization/seed_check.py").read_text()
    listed = ", ".join(f"({lr}, {float(reg):.1e})" for lr, reg in top3)
    assert f"top3 = [{listed.replace('e-04', 'e-4').replace('e-03', 'e-3')}]" in source
    lr, reg = re.search(r"chosen by the mean:\nlr ([\d.]+), reg ([\d.e+-]+)",
                        _printed("seed_check")).groups()
    final = (REPO / "snippets/hyperparameter_optimization/final_test.py").read_text()
    assert f"lr={lr}, reg={float(reg):.1e}".replace("e-03", "e-3") in final
    _quoted(f"lr {lr}, reg {reg}")
    for mean_sd in re.findall(r"(0\.\d{3} ± 0\.\d{3})", _printed("seed_check")):
        _quoted(mean_sd)
    val, test = re.findall(r"acc (0\.\d{3} ± 0\.\d{3})", _printed("final_test"))
    for text in (val, test):
        _quoted(text)
    # the search's run of the winner is seed 0 of the rerun: same number twice
    assert _printed("seed_check").splitlines()[4].split()[0] == "0.986"


def test_seed_zero_of_the_rerun_is_the_search_run_and_seeds_differ():
    # the rerun's seed 0 is exactly the search's single run; other seeds differ
    data = _data()
    runs = seed_check.rerun_with_seeds(data, [(0.296, 1.9e-4)], seeds=range(3))
    accs = runs[(0.296, 1.9e-4)]
    assert accs[0] == coarse_fine.run_trial(data, 0.296, 1.9e-4, 20)["val_acc"]
    assert len(set(accs)) > 1


def test_the_standard_deviation_over_seeds_is_the_sample_one():
    # mean ± sd with ddof=1, as printed; here recomputed from the five printed
    # (rounded) accuracies, so allow the rounding
    accs = [float(a) for a in _printed("seed_check").splitlines()[4].split()]
    assert abs(np.mean(accs) - 0.979) < 0.0006
    assert abs(np.std(accs, ddof=1) - 0.004) < 0.0011
    test = [float(a) for a in _printed("final_test").splitlines()[-1].split()]
    assert f"{np.mean(test):.3f}" == "0.982"
    assert (min(test), max(test)) == (0.977, 0.986)
    _quoted("0.977")
    _quoted("0.986")


def test_difference_of_two_independent_scores_is_sqrt_2_noisier():
    se = noise_floor.standard_error(0.97, 350)
    # 200 000 pairs of independent validation sets: the sd of the difference
    rng = np.random.default_rng(5)
    a, b = rng.binomial(350, 0.97, size=(2, 200_000)) / 350
    assert abs((a - b).std() / (math.sqrt(2) * se) - 1) < 0.01
    assert f"{math.sqrt(2) * se:.4f}" == "0.0129"
    _quoted("0.0129")
    _quoted("0.0258")


@pytest.mark.parametrize(("a_only", "b_only"),
                         [(2, 1), (7, 2), (0, 5), (10, 10), (3, 0)])
def test_paired_test_is_the_exact_binomial_mcnemar_test(a_only, b_only):
    from scipy.stats import binomtest  # installed with scikit-learn

    right_a = np.array([True] * a_only + [False] * b_only + [True] * 30)
    right_b = np.array([False] * a_only + [True] * b_only + [True] * 30)
    got = noise_floor.paired_test(right_a, right_b)
    expected = binomtest(a_only, a_only + b_only, 0.5).pvalue
    assert got[:2] == (a_only, b_only) and got[2] == pytest.approx(expected)


def test_paired_test_numbers_are_the_pages():
    printed = _printed("noise_floor")
    assert "0.986 vs 0.983: 2 vs 1, p = 1.00" in printed
    assert "seed 0 vs 3: 7 vs 2, p = 0.18" in printed
    _quoted("= 1.00")
    _quoted("= 0.18")


def test_a_20_epoch_run_takes_a_fraction_of_a_second_on_one_core():
    # the page: 20 epochs take about 0.15 s on one core and stay under 0.3 s; the
    # best of three runs with one BLAS thread is what is checked
    import time

    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    from snippets.digits_net import train

    data = _data()
    times = []
    with threadpool_limits(1):
        for _ in range(3):
            start = time.perf_counter()
            train(data["train"], data["val"], lr=0.1, epochs=20)
            times.append(time.perf_counter() - start)
    assert min(times) < 0.3, f"20 epochs took {min(times):.2f} s at best"
    _quoted("0.3")


def test_regularization_beyond_the_box_decides_the_score():
    # printed by grid_vs_random.py; the page quotes each
    lines = _printed("grid_vs_random").splitlines()
    row = next(i for i, x in enumerate(lines) if x.split() == ["reg", "0.01", "0.1",
                                                               "0.3", "1"])
    assert lines[row + 1].startswith("val acc ")
    values = lines[row + 1].split()[2:]
    assert values == ["0.974", "0.934", "0.791", "0.100"]
    assert [float(v) for v in values] == sorted(map(float, values), reverse=True)
    assert float(values[-1]) < 0.15  # chance level: one class of ten
    for v in values:
        _quoted(v)


def test_coarse_and_fine_counts_quoted_on_the_pages():
    printed = _printed("coarse_fine")
    assert "after 1 epoch:\n  2 aborted, 9 below 0.15\n  12 at 0.64 or more" in printed
    assert "aborted at lr 1.70 1.72 2.34 4.07" in printed
    assert "largest lr that finished: 0.74" in printed
    assert "fine top 10: 0.980 to 0.986" in printed
    for text in ("1.70, 1.72, 2.34", "4.07", "0.74", "1.51", "1.82", "0.64"):
        _quoted(text)


def test_hyperband_brackets_follow_li_et_al():
    # Li et al. (2018), Algorithm 1 with R = 27, eta = 3: s_max = 3, B = 4R;
    # bracket s starts n = ceil(B / R * eta^s / (s + 1)) configs at r = R / eta^s
    sizes = [math.ceil(4 * 3 ** s / (s + 1)) for s in (3, 2, 1, 0)]
    assert sizes == [27, 12, 6, 4]
    printed = _printed("hyperband")
    for n, spent in zip(sizes, (81, 78, 90, 108), strict=True):
        assert re.search(rf"^\[{n}(, [\d, ]+)?\]\s+{spent}\s", printed, re.M)
    # continuing budgets: 12*3 + 4*6 + 1*18, 6*9 + 2*18, 4*27
    assert (12 * 3 + 4 * 6 + 1 * 18, 6 * 9 + 2 * 18, 4 * 27) == (78, 90, 108)
    assert "357 epochs, best 0.986" in printed
    for text in ("27, 12, 6", "81, 78, 90", "357", "0.974, 0.963, 0.957", "4.4"):
        _quoted(text)
    assert f"{357 / 81:.1f}" == "4.4"


def test_tpe_search_is_seeded_and_stays_in_the_box():
    box = {"log_lr": (-5, 1), "log_reg": (-7, 0)}
    data = _data()
    first = tpe_search.tpe_search(data, box, n_trials=12, epochs=1, seed=3)
    again = tpe_search.tpe_search(data, box, n_trials=12, epochs=1, seed=3)
    assert [t["log_lr"] for t in first] == [t["log_lr"] for t in again]
    assert all(-5 <= t["log_lr"] <= 1 and -7 <= t["log_reg"] <= 0 for t in first)
    printed = _printed("tpe_search")
    assert "TPE: trials 11-30 >= 0.95: 10 9" in printed
    assert "random: trials 11-30 >= 0.95: 4 3" in printed


def test_best_of_20_equal_scores_is_biased_by_about_1_9_standard_errors():
    # expected maximum of 20 standard normals is 1.867; binomial discreteness and
    # skew move it a little: allow 0.002 around 0.97 + 1.867 * se
    rng = np.random.default_rng(4)
    best = (rng.binomial(350, 0.97, size=(20_000, 20)) / 350).max(axis=1).mean()
    expected = 0.97 + 1.867 * noise_floor.standard_error(0.97, 350)
    assert abs(best - expected) < 0.002
