"""The explorers (docs/assets/explorer.js) in a real browser, in both languages.

Each explorer fetches its data only once it is scrolled into view; the keyboard moves
its slider and changes the drawing and the readout; at the page's own cases the
readout shows exactly what the snippets print (their `#>` lines, which the unit tests
check against real output); no console error, no other origin, axe finds nothing
serious; its text is readable. Screenshots of each explorer at 390 and 1280 px, light
and dark, go to test-artifacts/screenshots/explorer--*.png.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e import sitecheck

REPO = Path(__file__).resolve().parents[2]
EXPLORERS = {  # name: (page path without the language prefix, data file)
    "init": ("/weight-initialization/", "weight_initialization/init.json"),
    "lr": ("/babysitting-learning/", "babysitting_learning/lr.json"),
}
CASES = [(name, lang) for name in EXPLORERS for lang in sitecheck.LANGS]
IDS = [f"{name}-{lang}" for name, lang in CASES]
MIN_TEXT_PX = {"desktop": 12, "phone": 11}


def url(origin: str, name: str, lang: str) -> str:
    return origin + ("/en" if lang == "en" else "") + EXPLORERS[name][0]


class Tab:
    """One page, with requests to other origins aborted and problems recorded."""

    def __init__(self, context, origin: str, name: str, lang: str, viewport=None):
        self.tab = context.new_page()
        self.tab.set_viewport_size(viewport or sitecheck.DESKTOP)
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.tab.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(origin) else route.abort())
        self.tab.on("request", lambda r: self.requests.append(r.url))
        self.tab.on("console", lambda m: self.problems.append(f"console: {m.text}")
                    if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.tab.on("requestfailed", lambda r: None if sitecheck.abandoned(r)
                    else self.problems.append(f"failed: {r.url} ({r.failure})"))
        self.tab.goto(url(origin, name, lang), wait_until="networkidle")
        self.figure = self.tab.locator("figure.explorer")

    def data_requested(self) -> bool:
        return any(u.endswith(".json") and "/figures/" in u for u in self.requests)

    def show(self) -> None:
        self.figure.scroll_into_view_if_needed()
        self.tab.wait_for_selector("figure.explorer--live svg", timeout=10_000)

    def drawing(self) -> str:
        return self.figure.locator(".explorer__charts").inner_html()

    def readout(self) -> str:
        return self.figure.locator(".explorer__readout").inner_text()

    def to_mark(self, label: str) -> None:
        """Reach a marked value with the keyboard only: Home, then ArrowRight."""
        slider = self.figure.locator("input[type=range]")
        buttons = self.figure.locator(".explorer__marks button")
        names = buttons.all_inner_texts()
        target = int(buttons.nth(names.index(label)).get_attribute("data-index"))
        slider.focus()
        slider.press("Home")
        for _ in range(target):
            slider.press("ArrowRight")
        assert slider.input_value() == str(target)


def output_lines(snippet: str) -> list[str]:
    """The `#>` lines of a snippet: what it prints (tests/test_snippets.py checks)."""
    text = (REPO / "snippets" / snippet).read_text(encoding="utf-8")
    return [line.strip()[3:] for line in text.splitlines() if line.strip()[:2] == "#>"]


def init_tables() -> dict[str, list[list[str]]]:
    """Each case's table from layer_statistics.py: rows of (act std, grad std)."""
    text = (REPO / "snippets/weight_initialization/layer_statistics.py").read_text()
    tables = {}
    for case in ("tanh_small", "tanh_large", "tanh_xavier", "relu_xavier", "relu_he"):
        part = text.split(f"[start:{case}]")[1].split(f"[end:{case}]")[0]
        # two tables: layer, act mean, act std; then layer, grad std, dW std
        rows = [line.strip()[3:].split() for line in part.splitlines()
                if line.strip().startswith("#>")]
        forward, backward = rows[1:11], rows[12:22]
        tables[case] = [[f[2], b[1]] for f, b in zip(forward, backward, strict=True)]
    return tables


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_data_is_fetched_only_when_the_explorer_is_in_view(context, origin, name, lang):
    page = Tab(context, origin, name, lang)
    assert page.tab.locator("script[src*='assets/explorer.js']").count() == 1
    assert not page.data_requested(), f"{name}: data fetched before it was in view"
    assert page.tab.locator("figure.explorer--live").count() == 0
    page.show()
    assert page.data_requested(), f"{name}: shown without fetching its data?"
    json = [u for u in page.requests if u.endswith(".json") and "/figures/" in u]
    assert json[0].endswith("/figures/" + EXPLORERS[name][1]), json
    assert all(u.startswith(origin) for u in page.requests)
    assert not page.problems, page.problems


def test_pages_without_an_explorer_do_not_load_the_viewer(context, origin):
    tab = context.new_page()
    tab.goto(origin + "/en/activation-functions/", wait_until="networkidle")
    assert tab.locator("script[src*='assets/explorer.js']").count() == 0


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_the_keyboard_moves_the_slider_and_changes_the_drawing(
    context, origin, name, lang
):
    page = Tab(context, origin, name, lang)
    page.show()
    slider = page.figure.locator("input[type=range]")
    label = page.tab.evaluate(
        "(s) => document.querySelector(`label[for='${s.id}']`).textContent",
        slider.element_handle(),
    )
    assert (re.search(sitecheck.HANGUL, label) is not None) == (lang == "ko"), label
    before = (page.drawing(), page.readout(), slider.get_attribute("aria-valuetext"))
    slider.focus()
    slider.press("ArrowRight")
    after = (page.drawing(), page.readout(), slider.get_attribute("aria-valuetext"))
    assert all(a != b for a, b in zip(before, after, strict=True)), (
        f"{name}: ArrowRight changed nothing: {before[1:]} -> {after[1:]}"
    )
    slider.press("End")
    assert slider.input_value() == slider.get_attribute("max")
    word = {"init": {"ko": "표준편차 10", "en": "std 10"},
            "lr": {"ko": "학습률 10", "en": "learning rate 10"}}[name][lang]
    assert slider.get_attribute("aria-valuetext") == word
    outline = page.tab.evaluate(
        "(s) => getComputedStyle(s).outlineStyle", slider.element_handle()
    )
    assert outline != "none", f"{name}: no visible focus on the slider"
    assert not page.problems, page.problems


def test_weight_init_readout_at_the_marks_equals_the_tables(context, origin):
    tables = init_tables()
    for lang in sitecheck.LANGS:
        page = Tab(context, origin, "init", lang)
        page.show()
        for act, mark, case in [
            ("tanh", "0.01", "tanh_small"),
            ("tanh", "1.0", "tanh_large"),
            ("tanh", "Xavier 0.0447", "tanh_xavier"),
            ("relu", "Xavier 0.0447", "relu_xavier"),
            ("relu", "He 0.0632", "relu_he"),
        ]:
            page.figure.locator(f"input[type=radio][value={act}]").check()
            page.to_mark(mark)
            rows = page.figure.locator(".explorer__table tbody tr").all_inner_texts()
            shown = [row.split("\t")[1:] for row in rows]
            assert shown == tables[case], f"{lang} {case}: {shown} != {tables[case]}"
        assert not page.problems, page.problems


def test_learning_rate_readout_at_the_marks_equals_the_sweep(context, origin):
    sweep = {}  # lr -> the printed row: loss ep 1, ep 20, train acc, val acc, inf, nan
    for line in output_lines("babysitting_learning/lr_sweep.py")[1:8]:
        lr, *values = line.split()
        sweep[lr] = values
    ratios = {line.split()[0]: line.split()[1:]
              for line in output_lines("babysitting_learning/update_ratio.py")[1:]}
    assert len(sweep) == 7 and len(ratios) == 3
    for lang in sitecheck.LANGS:
        page = Tab(context, origin, "lr", lang)
        page.show()
        for lr, (ep1, ep20, train_acc, val_acc, inf, nan) in sweep.items():
            page.to_mark(lr)
            text = page.readout()
            for number in (ep1, ep20, train_acc, val_acc):
                if number in ("-", ">1e100"):  # a diverged run: no digits printed
                    continue
                assert number in text, f"{lang} lr {lr}: {number} not in {text!r}"
            for epoch, word in ((inf, "inf"), (nan, "nan")):
                if epoch != "-":
                    assert f" {epoch}" in text and word in text.lower(), (lr, text)
            if lr in ("3", "10"):
                assert ("발산" if lang == "ko" else "Diverged") in text, text
            for number in ratios.get(lr, []):
                if number == "-":  # a diverging run's last epoch is not printed
                    continue
                assert number in text, f"{lang} lr {lr}: ratio {number} not in {text!r}"
        assert not page.problems, page.problems


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_explorer_is_accessible_readable_and_shot(
    browser, origin, axe, screenshots, name, lang
):
    for scheme in ("light", "dark"):
        ctx = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
        try:
            for viewport, size in (("desktop", sitecheck.DESKTOP),
                                   ("phone", sitecheck.PHONE)):
                page = Tab(ctx, origin, name, lang, viewport=size)
                page.show()
                slate = page.tab.evaluate(
                    "() => document.body.getAttribute('data-md-color-scheme')")
                assert slate == ("slate" if scheme == "dark" else "default")
                smallest = page.tab.evaluate(
                    "(f) => Math.min(...[...f.querySelectorAll('text, label, button,"
                    " output, td, th, p')].map((t) => parseFloat(getComputedStyle(t)"
                    ".fontSize)))",
                    page.figure.element_handle(),
                )
                assert smallest >= MIN_TEXT_PX[viewport], (name, viewport, smallest)
                wide = page.tab.evaluate(
                    "(f) => f.scrollWidth > f.clientWidth + 1",
                    page.figure.element_handle())
                assert not wide, f"{name} {lang}: wider than the column at {viewport}"
                result = axe.run(page.tab, context="figure.explorer",
                                 options={"resultTypes": ["violations"]})
                serious = [(v["id"], v["help"]) for v in result.response["violations"]
                           if v["impact"] in sitecheck.SERIOUS]
                assert not serious, f"{name} {lang} {scheme} {viewport}: {serious}"
                # the sticky header would cover the top of the explorer
                page.tab.add_style_tag(content=".md-header{visibility:hidden}")
                page.figure.screenshot(
                    path=str(screenshots / f"explorer--{name}--{lang}--{viewport}"
                             f"-{scheme}.png"),
                    animations="disabled",
                )
                assert not page.problems, page.problems
                page.tab.close()
        finally:
            ctx.close()
