"""The explorers' data agrees with the snippets, and the explorers fit their budgets.

The data is the build's own file (docs/<lang>/figures/<page>/<name>.json) when the
figure cache says it is up to date, else it is computed here the same way
(tools/figures.explorer_data). A few frames are recomputed independently with the
snippet functions; at the page's own cases the numbers, formatted as the snippets
print them, equal the snippets' `#>` lines (which test_snippets checks against real
output).
"""

import functools
import json
import re

import numpy as np
import pytest

from tests.conftest import REPO
from tools import budget, figures
from tools.pages import pages

SCRIPTS = {s.stem.removeprefix("explore_"): s for s in figures.explorers()}


@functools.cache
def data(name: str) -> dict:
    script = SCRIPTS[name]
    built = REPO / "docs" / "en" / figures.data_path(script)
    cache = figures.CACHE
    recorded = json.loads(cache.read_text()) if cache.is_file() else {}
    key = recorded.get(script.relative_to(REPO).as_posix())
    if key == figures.cache_key(script) and built.is_file():
        return json.loads(built.read_text())
    return json.loads(figures.explorer_data(script))


def printed(snippet: str, section: str | None = None) -> list[str]:
    text = (REPO / "snippets" / snippet).read_text(encoding="utf-8")
    if section:
        text = text.split(f"[start:{section}]")[1].split(f"[end:{section}]")[0]
    return [line.strip()[3:] for line in text.splitlines() if line.strip()[:2] == "#>"]


def test_there_are_three_explorers_and_every_one_is_on_a_page_in_both_languages():
    assert set(SCRIPTS) == {"init", "lr", "paths"}
    for lang in ("ko", "en"):
        shown = {f.explorer for page in pages(lang) for f in page.figures}
        for script in SCRIPTS.values():
            assert figures.data_path(script) in shown, (
                f"docs/{lang}: no page shows the explorer of {script.name}"
            )


# ------------------------------------------------------------------ weight init
def test_weight_init_frames_are_the_snippets_runs():
    from figures_src.weight_initialization.data import BINS, RANGES
    from snippets.weight_initialization.layer_statistics import WEIGHT_STD, run_network

    d = data("init")
    assert len(d["stds"]) >= 25 and d["stds"][0] == 1e-3 and d["stds"][-1] == 10
    assert d["marks"] == {k: d["stds"].index(v) for k, v in
                          {"0.01": 0.01, "xavier": 0.0447214, "he": 0.0632456,
                           "1.0": 1.0}.items()}
    for nonlinearity, i in (("tanh", 3), ("relu", 17), ("tanh", 26)):
        std = d["stds"][i]
        WEIGHT_STD["test"] = lambda fan_in, std=std: std
        try:
            acts, grads, _ = run_network(nonlinearity, "test")
        finally:
            del WEIGHT_STD["test"]
        frame = d["frames"][nonlinearity][i]
        np.testing.assert_allclose(frame["act_std"], [h.std() for h in acts],
                                   rtol=1e-5)
        np.testing.assert_allclose(frame["grad_std"], [g.std() for g in grads],
                                   rtol=1e-5)
        lo, hi = RANGES[nonlinearity]
        h = acts[4]
        values = h[h != 0] if nonlinearity == "relu" else h.ravel()
        counts = np.histogram(values, bins=np.linspace(lo, hi, BINS + 1))[0]
        assert frame["counts"][4] == counts.tolist()
        assert frame["over"][4] == int(np.sum(values > hi))


@pytest.mark.parametrize(("nonlinearity", "mark", "section"), [
    ("tanh", "0.01", "tanh_small"),
    ("tanh", "1.0", "tanh_large"),
    ("tanh", "xavier", "tanh_xavier"),
    ("relu", "xavier", "relu_xavier"),
    ("relu", "he", "relu_he"),
])
def test_weight_init_marks_equal_the_pages_tables(nonlinearity, mark, section):
    d = data("init")
    frame = d["frames"][nonlinearity][d["marks"][mark]]
    # two tables: layer, act mean, act std; then layer, grad std, dW std
    lines = printed("weight_initialization/layer_statistics.py", section)
    forward, backward = lines[1:11], lines[12:22]
    assert lines[0].split()[-2:] == ["act", "std"] and lines[11].split()[1:3] == [
        "grad", "std"]
    table = [[f.split()[2], b.split()[1]] for f, b in zip(forward, backward,
                                                           strict=True)]
    shown = [[f"{a:.2e}", f"{g:.2e}"]
             for a, g in zip(frame["act_std"], frame["grad_std"], strict=True)]
    assert shown == table


# ---------------------------------------------------------------- learning rate
def test_learning_rate_frames_are_the_snippets_runs():
    from figures_src.babysitting_learning.explore_lr import RATES
    from snippets.babysitting_learning.lr_sweep import lr_sweep
    from snippets.babysitting_learning.update_ratio import update_ratios

    d = data("lr")
    assert d["rates"][0] == 1e-4 and d["rates"][-1] == 10 and len(d["rates"]) >= 13
    for lr in (0.01, 5.62341):
        frame = d["frames"][d["rates"].index(lr)]
        exact = RATES[d["rates"].index(lr)]  # the rate the build ran, unrounded
        with np.errstate(over="ignore", invalid="ignore"):
            history = lr_sweep([exact])[exact]
            ratios = update_ratios(exact)
        loss = np.array(history["train_loss"])
        finite = np.isfinite(loss)
        assert [v is not None for v in frame["loss"]] == finite.tolist()
        np.testing.assert_allclose(np.array(frame["loss"])[finite].astype(float),
                                   loss[finite], rtol=1e-5)
        assert frame["val_acc"] == [round(v, 3) for v in history["val_acc"]]
        for name, r in ratios.items():
            ok = np.isfinite(r)
            np.testing.assert_allclose(
                np.array(frame["ratio"][name])[ok].astype(float), r[ok], rtol=1e-5)
    assert d["frames"][d["rates"].index(5.62341)]["status"] == "diverged"


def test_learning_rate_marks_equal_the_sweep_and_ratio_output():
    d = data("lr")
    # two tables of seven rows: losses (lr, ep 1, ep 20), then accuracies and the
    # first inf and nan epochs (lr, train, val, inf, nan)
    lines = printed("babysitting_learning/lr_sweep.py")
    losses, accuracies = lines[1:8], lines[9:16]
    assert len(losses) == len(accuracies) == len(d["marks"]) == 7
    for loss_row, acc_row, i in zip(losses, accuracies, d["marks"], strict=True):
        lr, ep1, ep20 = loss_row.split()
        lr_again, train_acc, val_acc, inf, nan = acc_row.split()
        assert lr_again == lr
        f = d["frames"][i]

        def g(v):
            return "nan" if v is None else f"{v:.3g}"

        assert (f"{d['rates'][i]:g}", g(f["loss"][1])) == (lr, ep1)
        # A diverged run prints a bound for its loss and "-" for its accuracies
        # (their digits depend on the CPU's rounding): check the bound, skip the "-".
        if ep20 == ">1e100":
            assert f["loss"][-1] > 1e100
        else:
            assert g(f["loss"][-1]) == ep20
        if (train_acc, val_acc) != ("-", "-"):
            assert (f"{f['train_acc']:.3f}", f"{f['val_acc'][-1]:.3f}") == (
                train_acc, val_acc)
        assert (f["inf"] or "-", f["nan"] or "-") == (
            int(inf) if inf != "-" else "-", int(nan) if nan != "-" else "-")
        expected = {"3": "diverged", "10": "diverged", "0.0001": "slow"}.get(lr, "ok")
        assert f["status"] == expected, (lr, f["status"])
    # one table per weight matrix (W1, then W2): lr, epoch 1, epoch 20
    lines = printed("babysitting_learning/update_ratio.py")
    assert len(lines) == 8 and lines[0].startswith("lr     W1") and (
        lines[4].startswith("lr     W2"))
    for name, rows in (("W1", lines[1:4]), ("W2", lines[5:8])):
        for row in rows:
            lr, *numbers = row.split()
            r = d["frames"][d["rates"].index(float(lr))]["ratio"][name]
            shown = [f"{r[0]:.1e}", f"{r[-1]:.1e}"]
            assert len(numbers) == 2, (name, lr)
            for number, value in zip(numbers, shown, strict=True):
                if number != "-":  # "-": a diverging run's last epoch is not printed
                    assert number == value, (name, lr)


# ------------------------------------------------------------ update-rule paths
def decoded(d: dict, surface: str, xy: list[int]) -> np.ndarray:
    """A stored polyline back in the surface's coordinates."""
    (x0, x1), (y0, y1) = d["surfaces"][surface]["view"]
    points = np.cumsum(np.reshape(xy, (-1, 2)), axis=0) / d["grid"]
    return np.c_[x0 + points[:, 0] * (x1 - x0), y0 + points[:, 1] * (y1 - y0)]


def test_path_frames_are_the_snippets_runs():
    from snippets.parameter_updates.trajectories import (
        RATES,
        RULES,
        SURFACES,
        trajectory,
    )

    d = data("paths")
    assert d["rates"] == [float(f"{r:.6g}") for r in RATES] and len(RATES) == 21
    assert d["rules"] == list(RULES)
    for surface, rule, i in (("ravine", "momentum", 8), ("rosenbrock", "Adam", 16),
                             ("saddle", "SGD", 20), ("ravine", "SGD", 11)):
        frame = d["frames"][surface][rule][i]
        (x0, x1), (y0, y1) = d["surfaces"][surface]["view"]
        path = trajectory(RULES[rule](), surface, RATES[i])
        inside = path[: frame["steps"] + 1]
        # every stored point is a visited point, to the grid's resolution, in order
        cell = np.array([x1 - x0, y1 - y0]) / d["grid"]
        points = decoded(d, surface, frame["xy"])
        visits = [np.flatnonzero((np.abs(inside - p) <= cell / 2 + 1e-9).all(axis=1))
                  for p in (points[:-1] if frame["left"] else points)]
        step = 0  # the stored points visit the run in its order
        for v in visits:
            later = v[v >= step]
            assert len(later), (surface, rule, i)
            step = later[0]
        assert frame["left"] == (frame["steps"] < 100)
        with np.errstate(over="ignore", invalid="ignore"):
            f, _, lowest = SURFACES[surface]
            gap = f(*path[-1])[0] - lowest
        if np.isfinite(gap):
            assert frame["gap"] == pytest.approx(gap, rel=1e-5, abs=1e-300)
        else:
            assert frame["gap"] is None
    assert d["frames"]["saddle"]["SGD"][20]["left"]  # lr 10 leaves the box
    assert not d["frames"]["ravine"]["SGD"][10]["left"]


def test_path_frames_at_the_tuned_rates_are_what_the_demo_prints():
    """The readout at each rule's tuned rate says the rate and gap the page's demo
    prints (the `#>` lines, which test_snippets checks against real output), rounded
    the way explorer.js rounds them (e1: Python's .1e)."""
    d = data("paths")
    lines = printed("parameter_updates/trajectories.py", "demo")
    surface, seen = None, 0
    for row in lines:
        if row.endswith(": lr, gap"):
            surface = row.split(":")[0]
            continue
        rule, lr, gap = row.split()
        i = d["tuned"][surface][rule]
        assert f"{d['rates'][i]:.3g}" == lr, (surface, rule)
        frame = d["frames"][surface][rule][i]
        shown = "<1e-12" if frame["gap"] < 1e-12 else f"{frame['gap']:.1e}"
        assert shown == gap, (surface, rule, shown, gap)
        seen += 1
    assert seen == 18


def test_path_background_is_the_figures():
    """The contour lines are the figure's (every stored point a vertex of them, to
    the grid's resolution), and so are the start, minima and surface names."""
    import contourpy
    from matplotlib.ticker import MaxNLocator

    from figures_src.parameter_updates.plot_trajectories import LABELS, MINIMA, VIEW
    from snippets.parameter_updates.trajectories import SURFACES as surfaces

    d = data("paths")
    assert list(d["surfaces"]) == list(surfaces)
    js = VIEWER.read_text(encoding="utf-8")
    for lang in ("en", "ko"):
        block = js.split(f"    {lang}: {{")[1].split("\n    }")[0]
        for surface in surfaces:
            label = json.dumps(LABELS[lang][surface], ensure_ascii=False)
            assert f"{surface}: {label}" in block, (lang, surface)
    for surface, shown in d["surfaces"].items():
        f, start, lowest = surfaces[surface]
        assert shown["view"] == [list(v) for v in VIEW[surface]]
        assert shown["start"] == list(start)
        assert shown["minima"] == [list(m) for m in MINIMA[surface]]
        # contourpy (matplotlib's contour engine) on the figure's 50 x 50 grid at the
        # levels matplotlib picks for levels=7: MaxNLocator(8) over the log gap
        (x0, x1), (y0, y1) = VIEW[surface]
        x, y = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
        z = np.log10(f(x, y)[0] - lowest + 1e-3)
        levels = MaxNLocator(8).tick_values(z.min(), z.max())
        engine = contourpy.contour_generator(x, y, z)
        lines = [line for level in levels for line in engine.lines(level)
                 if len(line) > 1]
        assert len(shown["contours"]) == len(lines) >= 5, surface
        vertices = np.concatenate(lines)
        cell = np.array([x1 - x0, y1 - y0]) / d["grid"]
        for c in shown["contours"]:
            for p in decoded(d, surface, c):
                assert (np.abs(vertices - p) <= cell / 2 + 1e-9).all(axis=1).any()


# ------------------------------------------------------------------------ budgets
def served_viewer() -> str:
    """explorer.js as the site serves it: mkdocs-minify-plugin runs jsmin on it
    (mkdocs.yml: minify_js, js_files) with these quote characters."""
    import jsmin

    return jsmin.jsmin(VIEWER.read_text(encoding="utf-8"), quote_chars="'\"`")


def test_the_viewer_is_served_minified_from_both_builds():
    import yaml

    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        text = (REPO / config).read_text(encoding="utf-8")
        plugins = yaml.safe_load(text.split("\nplugins:")[1].split("\n\n")[0])
        minify = next(p["minify"] for p in plugins if isinstance(p, dict)
                      and "minify" in p)
        assert minify.get("minify_js") and minify.get("js_files") == [
            "assets/explorer.js"], (config, minify)
    html = (REPO / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "'assets/explorer.min.js' | url" in html
    assert budget.VIEWER == "assets/explorer.min.js"
    # the minified viewer still parses, and is really smaller
    node(f"new Function({json.dumps(served_viewer())}); console.log('1')")
    assert len(served_viewer()) < 0.8 * len(VIEWER.read_text(encoding="utf-8"))


def test_viewer_and_data_fit_their_budgets():
    assert len(served_viewer().encode("utf-8")) <= budget.VIEWER_LIMIT
    for name in SCRIPTS:
        size = len(json.dumps(data(name), separators=(",", ":")).encode())
        assert size <= budget.EXPLORER_DATA_LIMIT, f"{name}: {size} bytes"


def test_the_viewer_knows_every_kind_and_has_both_languages():
    js = (REPO / "docs" / "assets" / "explorer.js").read_text(encoding="utf-8")
    kinds = set(re.findall(r'"([\w-]+)": \w+(?:,|\})', js.split("KINDS = ")[1]))
    assert {data(name)["kind"] for name in SCRIPTS} <= kinds
    keys = {lang: re.findall(r"^      (\w+):", js.split(f"    {lang}: {{")[1]
                             .split("\n    }")[0], re.M) for lang in ("en", "ko")}
    assert keys["en"] == keys["ko"] and len(keys["en"]) > 10


def test_a_failing_explorer_script_fails_naming_its_file(tmp_path, monkeypatch):
    script = tmp_path / "demo_src" / "demo" / "explore_broken.py"
    script.parent.mkdir(parents=True)
    script.write_text("def data():\n    return {'x': 1 / 0}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(figures, "REPO", tmp_path)
    message = figures._draw(script)
    first, second, *_ = message.splitlines()
    where = "demo_src/demo/explore_broken.py"
    assert first == f"{where}:2: ZeroDivisionError: division by zero"
    assert second == "  (while computing the data of demo_src/demo/explore_broken.py)"
    assert not (tmp_path / "docs").exists()  # nothing half-written


# ---------------------------------------------------------------------- the viewer
VIEWER = REPO / "docs" / "assets" / "explorer.js"
SITE_CSS = REPO / "docs" / "assets" / "site.css"


def css_rules(text: str) -> list[tuple[str, str, str]]:
    """(media condition or "", selector, declarations) of every rule of a stylesheet
    with at most one level of @media, comments removed."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules = []
    for media, body, selector, declarations in re.findall(
        r"@media([^{]+)\{((?:[^{}]*\{[^{}]*\})*)\s*\}|([^{}@]+)\{([^{}]*)\}", text
    ):
        if media:
            rules += [(media.strip(), s.strip(), d.strip())
                      for s, d in re.findall(r"([^{}]+)\{([^{}]*)\}", body)]
        else:
            rules.append(("", selector.strip(), declarations.strip()))
    return rules


def test_no_rule_hides_the_figure_of_an_explorer_on_screen():
    """The static figure and its caption stay in view when the explorer goes live:
    the prose compares what they show, and the explorer is drawn under them."""
    hiding = [
        selector for media, selector, declarations in css_rules(SITE_CSS.read_text())
        if "explorer" in selector and "print" not in media
        and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", declarations)
    ]
    assert not hiding, f"docs/assets/site.css hides parts of a live explorer: {hiding}"


def test_the_charts_are_set_in_the_figures_type_sizes():
    """10 pt text, the histograms' 9 pt labels, matplotlib's "large" titles, in CSS
    px: as the figures beside them are shown on a desktop, and scaled from the
    narrow figure's width to the phone's column."""
    import matplotlib

    from figures_src import style

    text = style.RC["font.size"]
    histograms = REPO / "figures_src" / "weight_initialization" / "histograms.py"
    small = float(re.search(r"labelsize=(\d+)", histograms.read_text())[1])
    title = matplotlib.font_manager.font_scalings["large"] * text
    expected = {"text": text, "small": small, "title": title}
    rules = css_rules(SITE_CSS.read_text())
    desktop = [d for m, s, d in rules if s == ".explorer__live" and not m
               and "--explorer" in d]
    phone = [(m, d) for m, s, d in rules if s == ".explorer__live" and m
             and "--explorer" in d]
    assert len(desktop) == len(phone) == 1, "one rule each for desktop and phone"
    media, narrow = phone[0]
    assert media == f"(max-width: {figures.NARROW_MEDIA.split(': ')[1]}"
    for name, pt in expected.items():
        px = pt * 4 / 3
        wide = re.search(rf"--explorer-{name}:\s*([\d.]+)px;", desktop[0])
        assert wide and float(wide[1]) == pytest.approx(px, abs=0.01), (name, pt)
        scaled = re.search(rf"--explorer-{name}:\s*min\(([\d.]+)px, calc\(\(100vw - "
                           rf"1\.6rem\) \* ([\d.]+) / (\d+)\)\);", narrow)
        assert scaled, f"--explorer-{name} on a phone: {narrow}"
        assert float(scaled[1]) == float(scaled[2]) == pytest.approx(px, abs=0.01)
        assert int(scaled[3]) == round(figures.NARROW_WIDTH * 96)


def viewer_functions(*names: str) -> str:
    """The source of top-level functions of explorer.js (one line, or up to the
    closing brace at their indentation), to run in Node."""
    lines = VIEWER.read_text(encoding="utf-8").splitlines()
    parts = []
    for name in names:
        start = next(i for i, line in enumerate(lines)
                     if line.startswith(f"  function {name}("))
        end = start if lines[start].split("//")[0].rstrip().endswith("}") else next(
            i for i in range(start, len(lines)) if lines[i] == "  }")
        parts.append("\n".join(lines[start:end + 1]))
    return "\n".join(parts)


def node(script: str):
    """What a Node.js script prints as JSON (the build's Node, tools/nodejs.py)."""
    import subprocess

    from tools import nodejs

    done = subprocess.run([str(nodejs.executable()), "-e", script],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_tick_labels_are_written_as_the_figures_write_them():
    from figures_src.babysitting_learning import plot_lr_sweep, plot_update_ratio
    from figures_src.weight_initialization import plot_layer_std

    powers = [10.0 ** k for k in range(-6, 6)]
    shown = node(viewer_functions("g", "power", "lossTick") + f"""
      const v = {json.dumps(powers)};
      console.log(JSON.stringify([v.map(power), v.map(lossTick)]));""")
    assert shown[0] == [plot_layer_std.POWER(v, None) for v in powers]
    assert shown[0] == [plot_update_ratio.POWER(v, None) for v in powers]
    assert shown[1] == [plot_lr_sweep.POWER(v, None) for v in powers]


def test_histogram_y_ticks_are_matplotlibs_max_n_locator():
    """The histograms' y axis: at most three steps from 0, as the page's histogram
    figures (MaxNLocator(3)), for the tops the explorer's frames reach."""
    from matplotlib.ticker import MaxNLocator

    d = data("init")
    tops = sorted({1.05 * max(max(c) for c in f["counts"]) / d["units"]
                   for frames in d["frames"].values() for f in frames})
    tops += np.geomspace(1e-5, 1, 41).tolist()
    shown = node(viewer_functions("g", "steps") + f"""
      console.log(JSON.stringify({json.dumps(tops)}.map(steps)));""")
    for top, ticks in zip(tops, shown, strict=True):
        expected = [t for t in MaxNLocator(3).tick_values(0, top) if 0 <= t <= top]
        np.testing.assert_allclose(ticks, expected, rtol=1e-9, err_msg=str(top))


def test_the_histograms_share_the_figures_x_axis():
    from figures_src.weight_initialization.data import RANGES
    from figures_src.weight_initialization.histograms import TICKS

    d = data("init")
    assert d["ranges"] == {k: list(v) for k, v in RANGES.items()}
    assert d["ticks"] == TICKS
