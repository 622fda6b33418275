"""The explorers (docs/assets/explorer.js) in a real browser, in both languages.

Each explorer fetches its data only once it is scrolled into view and goes live
without laying the page out; the keyboard moves its slider and changes the drawing
and the readout; at the page's own cases the readout shows exactly what the snippets
print (their `#>` lines, which the unit tests check against real output). Going live
above a reader leaves the reader in place; the figure and its caption stay above
the live explorer, set like the figure; no text covers another; axe finds nothing
serious and the text is readable, in the light and the dark palette; no console
error, no other origin. Three loads per explorer and language: one from the top
(data, layout reads, keyboard, readouts), one per width arriving below it (the
rest). Screenshots at 390 and 1280 px, light and dark, go to
test-artifacts/screenshots/explorer--*.png.
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
    "paths": ("/parameter-updates/", "parameter_updates/paths.json"),
}
CASES = [(name, lang) for name in EXPLORERS for lang in sitecheck.LANGS]
IDS = [f"{name}-{lang}" for name, lang in CASES]
MIN_TEXT_PX = {"desktop": 12, "phone": 11}
VIEWPORTS = {"phone": sitecheck.PHONE, "desktop": sitecheck.DESKTOP}


def url(origin: str, name: str, lang: str) -> str:
    return origin + ("/en" if lang == "en" else "") + EXPLORERS[name][0]


class Tab:
    """One page, with requests to other origins aborted and problems recorded."""

    def __init__(self, context, origin: str, name: str, lang: str, viewport=None,
                 wait_until: str = "networkidle", init_script: str | None = None):
        self.tab = context.new_page()
        if init_script:
            self.tab.add_init_script(init_script)
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
        self.tab.goto(url(origin, name, lang), wait_until=wait_until)
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


def test_pages_without_an_explorer_do_not_load_the_viewer(context, origin):
    tab = context.new_page()
    tab.goto(origin + "/en/activation-functions/", wait_until="networkidle")
    assert tab.locator("script[src*='assets/explorer.min.js']").count() == 0


# ------------------------------------------------- what the explorer answers
def keyboard_problems(page: Tab, name: str, lang: str) -> list[str]:
    """The slider has a label in the page's language; ArrowRight changes the
    drawing, the readout and the value read out; End goes to the last value; the
    focused slider shows its focus."""
    slider = page.figure.locator("input[type=range]")
    label = page.tab.evaluate(
        "(s) => document.querySelector(`label[for='${s.id}']`).textContent",
        slider.element_handle(),
    )
    problems = []
    if (re.search(sitecheck.HANGUL, label) is not None) != (lang == "ko"):
        problems.append(f"slider labelled {label!r}")
    before = (page.drawing(), page.readout(), slider.get_attribute("aria-valuetext"))
    slider.focus()
    slider.press("ArrowRight")
    after = (page.drawing(), page.readout(), slider.get_attribute("aria-valuetext"))
    if any(a == b for a, b in zip(before, after, strict=True)):
        problems.append(f"ArrowRight changed nothing: {before[1:]} -> {after[1:]}")
    slider.press("End")
    if slider.input_value() != slider.get_attribute("max"):
        problems.append(f"End went to {slider.input_value()}")
    word = {"init": {"ko": "표준편차 10", "en": "std 10"},
            "lr": {"ko": "학습률 10", "en": "learning rate 10"},
            "paths": {"ko": "학습률 10", "en": "learning rate 10"}}[name][lang]
    if slider.get_attribute("aria-valuetext") != word:
        problems.append(f"at the end reads {slider.get_attribute('aria-valuetext')!r}")
    outline = page.tab.evaluate(
        "(s) => getComputedStyle(s).outlineStyle", slider.element_handle()
    )
    if outline == "none":
        problems.append("no visible focus on the slider")
    return problems


def init_readouts(page: Tab, lang: str) -> list[str]:
    """At the marks the weight-init table shows layer_statistics.py's rows."""
    tables, problems = init_tables(), []
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
        if shown != tables[case]:
            problems.append(f"{case}: {shown} != {tables[case]}")
    return problems


def paths_readouts(page: Tab, lang: str) -> list[str]:
    """Each rule and surface draws another path; the "tuned" button goes to the
    rule's tuned rate, where the readout says the rate and gap the demo prints."""
    lines = output_lines("parameter_updates/trajectories.py")
    demo, surface = {}, None
    for row in lines:
        if row.endswith(": lr, gap"):
            surface = row.split(":")[0]
        else:
            rule, lr, gap = row.split()
            demo[surface, rule] = (lr, gap)
    assert len(demo) == 18
    tuned = {"en": "tuned", "ko": "고른 학습률"}[lang]
    drawings, problems = set(), []
    for surface, rule in (("ravine", "SGD"), ("ravine", "Adam"),
                          ("saddle", "momentum"), ("rosenbrock", "RMSProp")):
        page.figure.locator(f"input[type=radio][value={surface}]").check()
        page.figure.locator(f"input[type=radio][value={rule}]").check()
        page.figure.locator(".explorer__marks button",
                            has_text=re.compile(rf"^{tuned}$")).click()
        lr, gap = demo[surface, rule]
        text = page.readout()
        if not (f" {lr} ({tuned})" in text and gap in text):
            problems.append(f"{surface} {rule}: not lr {lr}, gap {gap}: {text!r}")
        drawings.add(page.drawing())
    if len(drawings) != 4:
        problems.append("a rule or surface left the drawing as it was")
    # the chosen path drawn strongly, the other five rules faint, in the frame
    paths = page.figure.locator(".explorer__charts path.line")
    kinds = paths.evaluate_all("(ps) => ps.map((p) => p.classList[1])")
    if kinds != ["contour", "others", "act"]:
        problems.append(f"paths drawn: {kinds}")
    return problems


def lr_readouts(page: Tab, lang: str) -> list[str]:
    """At each rate the readout shows lr_sweep.py's losses and accuracies (and
    where a run diverged) and update_ratio.py's ratios."""
    # lr -> loss ep 1, ep 20, train acc, val acc, inf, nan: the sweep prints two
    # tables of seven rows (lr, ep 1, ep 20; then lr, train, val, inf, nan)
    lines = output_lines("babysitting_learning/lr_sweep.py")
    sweep = {}
    for losses, accuracies in zip(lines[1:8], lines[9:16], strict=True):
        lr, *values = losses.split()
        lr_again, *more = accuracies.split()
        assert lr_again == lr
        sweep[lr] = values + more
    # lr -> W1 epoch 1, epoch 20, W2 epoch 1, epoch 20: one table per matrix
    lines = output_lines("babysitting_learning/update_ratio.py")
    ratios = {}
    for row in lines[1:4] + lines[5:8]:
        lr, *numbers = row.split()
        ratios.setdefault(lr, []).extend(numbers)
    assert len(sweep) == 7 and len(ratios) == 3
    assert all(len(v) == 6 for v in sweep.values()), sweep
    assert all(len(v) == 4 for v in ratios.values()), ratios
    problems = []
    for lr, (ep1, ep20, train_acc, val_acc, inf, nan) in sweep.items():
        page.to_mark(lr)
        text = page.readout()
        for number in (ep1, ep20, train_acc, val_acc):
            if number in ("-", ">1e100"):  # a diverged run: no digits printed
                continue
            if number not in text:
                problems.append(f"lr {lr}: {number} not in {text!r}")
        for epoch, word in ((inf, "inf"), (nan, "nan")):
            if epoch != "-" and not (f" {epoch}" in text and word in text.lower()):
                problems.append(f"lr {lr}: no {word} at epoch {epoch}: {text!r}")
        if lr in ("3", "10") and ("발산" if lang == "ko" else "Diverged") not in text:
            problems.append(f"lr {lr}: not said to diverge: {text!r}")
        for number in ratios.get(lr, []):
            if number != "-" and number not in text:  # "-": a diverged run's last
                problems.append(f"lr {lr}: ratio {number} not in {text!r}")
    return problems


READOUTS = {"init": init_readouts, "paths": paths_readouts, "lr": lr_readouts}


def readable_and_accessible(page: Tab, axe, shot: Path, viewport: str) -> list[str]:
    """The explorer's text is large enough, it fits the column, axe finds nothing
    serious in it; its screenshot is taken (to `shot`)."""
    problems = []
    smallest = page.tab.evaluate(
        "(f) => Math.min(...[...f.querySelectorAll('text, label, button,"
        " output, td, th, p')].map((t) => parseFloat(getComputedStyle(t)"
        ".fontSize)))",
        page.figure.element_handle(),
    )
    if smallest < MIN_TEXT_PX[viewport]:
        problems.append(f"text at {smallest} px (< {MIN_TEXT_PX[viewport]})")
    if page.tab.evaluate("(f) => f.scrollWidth > f.clientWidth + 1",
                         page.figure.element_handle()):
        problems.append("wider than the column")
    result = axe.run(page.tab, context="figure.explorer",
                     options={"resultTypes": ["violations"]})
    problems += [f"axe: {v['id']}: {v['help']}" for v in result.response["violations"]
                 if v["impact"] in sitecheck.SERIOUS]
    # the sticky header would cover the top of the explorer
    hidden = page.tab.add_style_tag(content=".md-header{visibility:hidden}")
    page.figure.screenshot(path=str(shot), animations="disabled")
    hidden.evaluate("(style) => style.remove()")
    return problems


# ------------------------------------------------------ what a reader takes home
def at(page: Tab, name: str, act: str | None, mark: str) -> None:
    """The explorer at one of its marked values (and nonlinearity or surface), by
    its button."""
    if act:
        page.figure.locator(f"input[type=radio][value={act}]").check()
    page.figure.locator(".explorer__marks button", has_text=re.compile(
        rf"^{re.escape(mark)}$")).dispatch_event("click")


# The static figure, its caption and the live explorer, as boxes.
STATIC = """(f) => {
  const box = (el) => el && {top: el.getBoundingClientRect().top,
    bottom: el.getBoundingClientRect().bottom, width: el.getBoundingClientRect().width,
    height: el.getBoundingClientRect().height, visible: el.checkVisibility()};
  const img = f.querySelector('picture img');
  return {img: box(img), loaded: !!img && img.complete && img.naturalWidth > 0,
          caption: box(f.querySelector('figcaption')),
          text: f.querySelector('figcaption').innerText,
          live: box(f.querySelector('.explorer__live'))};
}"""


def figure_and_caption(page: Tab, caption: str, where: str) -> list[str]:
    """The prose compares what the static figure shows (the seven rates, the five
    cases) and refers to its caption: going live keeps both, the explorer under them."""
    seen = page.tab.evaluate(STATIC, page.figure.element_handle())
    problems = []
    if not (seen["loaded"] and seen["img"]["visible"]):
        problems.append(f"{where}: figure hidden")
    elif not (seen["img"]["height"] > 100 and seen["img"]["width"] > 300):
        problems.append(f"{where}: figure shrunk: {seen['img']}")
    if not (seen["caption"]["visible"] and seen["caption"]["height"] > 0):
        problems.append(f"{where}: caption hidden")
    if seen["text"] != caption:
        problems.append(f"{where}: caption changed: {seen['text']!r}")
    if not seen["img"]["bottom"] <= seen["caption"]["top"] <= seen["live"]["top"]:
        problems.append(f"{where}: not figure, caption, explorer from top to bottom: "
                        f"{seen}")
    return problems


# Every control's touch area: a radio button's is its label.
CONTROLS = """(f) => [
  ...f.querySelectorAll('.explorer__live :is(button, input, select)')].map((c) => {
    const area = ['radio', 'checkbox'].includes(c.type) ? c.closest('label') || c : c;
    const b = area.getBoundingClientRect();
    return [c.type || c.tagName, (c.textContent || c.value).trim(), b.width, b.height];
  })"""
TOUCH_PX = 44  # WCAG 2.5.5 (AAA) and Apple's guideline: 44 x 44 CSS px


def touch_areas(page: Tab, where: str) -> list[str]:
    """On a phone every control has a 44 px touch area (that they fit the column:
    test_explorer_is_accessible_readable_and_shot, at both widths)."""
    controls = page.tab.evaluate(CONTROLS, page.figure.element_handle())
    kinds = {kind for kind, *_ in controls}
    problems = [] if {"range", "button"} <= kinds else [f"{where}: controls {kinds}"]
    small = [c for c in controls if min(c[2], c[3]) < TOUCH_PX - 0.01]
    if small:
        problems.append(f"{where}: touch areas under {TOUCH_PX} px: {small}")
    return problems


# Every text of the charts (SVG texts and the HTML titles, legends and notes shown),
# as boxes with their chart.
TEXTS = """(f) => {
  const out = [];
  const charts = f.querySelectorAll('.explorer__chart, .explorer__charts > svg');
  charts.forEach((chart, c) => {
    chart.querySelectorAll('text, p, span').forEach((t) => {
      if (t.children.length && t.tagName.toLowerCase() === 'p'
          && t.querySelector('span')) return;  // a legend: its keys count
      const shown = t.checkVisibility({visibilityProperty: true});
      if (!t.textContent.trim() || !shown) return;
      const b = t.getBoundingClientRect();
      out.push({chart: c, text: t.textContent.trim(), svg: !!t.closest('svg'),
                left: b.left, right: b.right, top: b.top, bottom: b.bottom});
    });
  });
  const r = f.getBoundingClientRect();
  return {texts: out, left: r.left, right: r.right};
}"""


def overlaps(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (a["left"] < b["right"] - slack and b["left"] < a["right"] - slack
            and a["top"] < b["bottom"] - slack and b["top"] < a["bottom"] - slack)


def clashes(seen: dict) -> list[str]:
    """Texts of one chart that cover each other, and texts outside the figure."""
    texts = seen["texts"]
    found = [f"{a['text']!r} covers {b['text']!r}"
             for i, a in enumerate(texts) for b in texts[i + 1:]
             if a["chart"] == b["chart"] and overlaps(a, b)]
    found += [f"{t['text']!r} runs past the column ({t['left']:.0f}-{t['right']:.0f}"
              f" px, column {seen['left']:.0f}-{seen['right']:.0f})"
              for t in texts if t["left"] < seen["left"] - 1
              or t["right"] > seen["right"] + 1]
    return found


EPOCH = {"en": "epoch", "ko": "에폭"}
STATES = {  # name: [(nonlinearity, mark)]: the marks with the most text drawn
    "lr": [(None, "3"), (None, "10"), (None, "0.0001")],
    "init": [("tanh", "1.0"), ("relu", "1.0"), ("relu", "0.01")],
    "paths": [("rosenbrock", "10"), ("saddle", "0.0001"), ("ravine", "1")],
}


def text_clashes(page: Tab, name: str, lang: str, where: str) -> list[str]:
    """No text of a chart covers another or leaves the column, at the marks with the
    most text. At lr 3 and 10 the note on clipped losses ("▲ above 1000 or not
    finite") was drawn over the x axis label; the histograms' title ran past a
    phone's edge. (Moves the explorer to those marks.)"""
    problems = []
    for act, mark in STATES[name]:
        at(page, name, act, mark)
        seen = page.tab.evaluate(TEXTS, page.figure.element_handle())
        here = f"{where} at {act or ''} {mark}"
        problems += [f"{here}: {clash}" for clash in clashes(seen)]
        if name == "lr" and mark in ("3", "10"):
            notes = [t for t in seen["texts"] if t["text"].startswith("▲ ")]
            label = [t for t in seen["texts"] if t["text"] == EPOCH[lang]
                     and t["chart"] == 0]
            if len(notes) != 1 or len(label) != 1 or overlaps(notes[0], label[0],
                                                              slack=0):
                problems.append(f"{here}: the note and the axis label: {notes} {label}")
    return problems


# The histograms (the first chart of the weight-init explorer): each bar outline,
# and every number drawn, as boxes.
HISTOGRAMS = """(f) => {
  const svg = f.querySelector('.explorer__charts svg');
  const box = (el) => { const b = el.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  return {
    bars: [...svg.querySelectorAll('path.bars')].map(box),
    numbers: [...svg.querySelectorAll('text')]
      .filter((t) => /^-?\\d+(\\.\\d+)?(e-?\\d+)?$/.test(t.textContent.trim()))
      .map((t) => ({value: parseFloat(t.textContent), ...box(t)})),
  };
}"""


def histogram_scales(page: Tab, phone: bool, where: str) -> list[str]:
    """Saturated tanh (std 1.0) piles the activations at -1 and 1: without a y
    scale and with the bars at the panel's edges, each histogram read as an empty
    box. The first histogram of each row has y tick labels from 0 up (the fraction
    of units), and the x ticks -1 and 1 sit under the spikes. (Moves the explorer
    to tanh, 1.0.)"""
    at(page, "init", "tanh", "1.0")
    seen = page.tab.evaluate(HISTOGRAMS, page.figure.element_handle())
    if len(seen["bars"]) != 10:
        return [f"{where}: {len(seen['bars'])} histograms, not 10"]
    rows = sorted({round(b["bottom"]) for b in seen["bars"]})
    if len(rows) != (2 if phone else 1):
        return [f"{where}: histograms in rows at {rows}"]
    problems = []
    for bottom in rows:
        first = min((b for b in seen["bars"] if round(b["bottom"]) == bottom),
                    key=lambda b: b["left"])
        height = first["bottom"] - first["top"]
        scale = sorted(
            (n for n in seen["numbers"] if n["right"] <= first["left"]
             and first["top"] - height / 2 <= (n["top"] + n["bottom"]) / 2
             <= first["bottom"] + 8),
            key=lambda n: -n["top"])  # from the bottom up
        values = [n["value"] for n in scale]
        if len(values) < 2 or values[0] != 0 or values != sorted(set(values)):
            problems.append(f"{where}: y ticks {values}")
        elif values[-1] <= 0.1:
            problems.append(f"{where}: spikes of ~47 % under a scale {values}")
        below = {n["value"]: (n["left"] + n["right"]) / 2 for n in seen["numbers"]
                 if n["top"] >= first["bottom"] - 1 and n["left"] < first["right"]
                 and n["right"] > first["left"] - 10}
        spikes = below.get(-1), below.get(1)
        if spikes != (pytest.approx(first["left"], abs=1.5),
                      pytest.approx(first["right"], abs=1.5)):
            problems.append(f"{where}: x ticks -1 and 1 not under the spikes: {below}")
    return problems


# Each chart's texts and their sizes, and the static figure's scale (shown width
# over its own width: the figure's 10 pt text is 10 * 4/3 px times that).
TYPE = """(f) => {
  const img = f.querySelector('picture img');
  return {scale: img.getBoundingClientRect().width / img.naturalWidth,
    charts: [...f.querySelectorAll('.explorer__charts svg')].map((svg) =>
      [...svg.querySelectorAll('text')].map((t) =>
        [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize)]))};
}"""
LOSS_TICKS = ["1000", "100", "10", "1", "0.1", "0.01", "0.001"]  # plot_lr_sweep.POWER


def type_like_the_figure(page: Tab, name: str, where: str) -> list[str]:
    """One visual language: the text of the line charts is the figure's 10 pt as
    the reader sees it, and the loss axis is labelled as the figure labels it (1000
    ... 0.001, not 1e3 ... 1e-3; tests/test_explorers.py checks the formatters
    against the figures' own)."""
    from figures_src import style

    seen = page.tab.evaluate(TYPE, page.figure.element_handle())
    px = style.RC["font.size"] * 4 / 3 * seen["scale"]
    line_charts = seen["charts"][1:] if name == "init" else seen["charts"]
    sizes = {size for chart in line_charts for _, size in chart}
    problems = []
    if not sizes or any(abs(size - px) >= 0.2 for size in sizes):
        problems.append(f"{where}: chart text {sorted(sizes)} px, figure {px:.2f}")
    if name == "lr":
        labels = [text for text, _ in seen["charts"][0]]
        if labels[:len(LOSS_TICKS)] != LOSS_TICKS or [t for t in labels
                                                     if t.startswith("1e")]:
            problems.append(f"{where}: loss axis labelled {labels}")
    return problems


# Records every layout read (offsetHeight, getBoundingClientRect, ...) that
# explorer.js makes outside a ResizeObserver or IntersectionObserver callback,
# where the browser has just laid the page out. A read elsewhere, after the page
# changed, makes the browser lay it out then and there: inside the task that goes
# live, which Lighthouse counted as one 66-124 ms task (4x CPU throttling).
# TAKE_READS returns them and stops recording (the checks after it read the layout
# through the same functions).
LAYOUT_READS = """(() => {
  window.__reads = [];
  let observing = 0;
  const guard = (cb) => function () {
    observing++;
    try { return cb.apply(this, arguments); } finally { observing--; }
  };
  for (const name of ['ResizeObserver', 'IntersectionObserver']) {
    const Base = window[name];
    window[name] = class extends Base {
      constructor(cb, options) { super(guard(cb), options); }
    };
  }
  const record = (what) => {
    if (!window.__reads || observing) return;
    if (/explorer(\\.min)?\\.js/.test(new Error().stack)) window.__reads.push(what);
  };
  const props = {
    HTMLElement: ['offsetHeight', 'offsetWidth', 'offsetTop', 'offsetLeft'],
    Element: ['clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight']};
  for (const [cls, names] of Object.entries(props)) {
    for (const p of names) {
      const d = Object.getOwnPropertyDescriptor(window[cls].prototype, p);
      Object.defineProperty(window[cls].prototype, p, {configurable: true,
        get() { record(p); return d.get.call(this); }});
    }
  }
  for (const m of ['getBoundingClientRect', 'getClientRects']) {
    const f = Element.prototype[m];
    Element.prototype[m] = function () { record(m); return f.apply(this, arguments); };
  }
  const style = window.getComputedStyle;
  window.getComputedStyle = function () {
    record('getComputedStyle'); return style.apply(this, arguments);
  };
})();"""
TAKE_READS = "() => { const r = window.__reads; window.__reads = null; return r; }"


@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_explorer_fetches_in_view_goes_live_and_answers(context, origin, name, lang):
    """One load at phone width, from the top: the viewer's script is on the page,
    its data is fetched only once the explorer is in view, and going live reads no
    layout (LAYOUT_READS); then the keyboard, and the readout at the page's own
    cases."""
    page = Tab(context, origin, name, lang, viewport=sitecheck.PHONE,
               init_script=LAYOUT_READS)
    assert page.tab.locator("script[src*='assets/explorer.min.js']").count() == 1
    assert not page.data_requested(), f"{name}: data fetched before it was in view"
    assert page.tab.locator("figure.explorer--live").count() == 0
    page.show()
    assert page.data_requested(), f"{name}: shown without fetching its data?"
    json = [u for u in page.requests if u.endswith(".json") and "/figures/" in u]
    assert json[0].endswith("/figures/" + EXPLORERS[name][1]), json
    page.tab.wait_for_timeout(200)  # the frames after it went live
    reads = page.tab.evaluate(TAKE_READS)
    assert not reads, f"{name} {lang}: explorer.js read the layout: {reads}"
    problems = keyboard_problems(page, name, lang) + READOUTS[name](page, lang)
    problems += page.problems
    assert all(u.startswith(origin) for u in page.requests)
    assert not problems, f"{name} {lang}:\n" + "\n".join(problems)


# Put the reader 600 px below the explorer before it goes live (the script's
# observer has not run yet: it runs after the first layout), note where the block
# across the middle of the viewport is, and where it is once the explorer is live.
BELOW_IT = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const fig = document.querySelector('figure.explorer');
  const below = fig.getBoundingClientRect().bottom + scrollY + 600;
  scrollTo({top: below, behavior: 'instant'});
  const live = () => fig.classList.contains('explorer--live');
  const wasLive = live();
  const block = [...document.querySelectorAll('article > *')]
    .find((b) => b.getBoundingClientRect().bottom >= innerHeight / 2);
  const before = block.getBoundingClientRect().top;
  for (let i = 0; i < 300 && !live(); i++) await frame();
  await frame(); await frame();
  return {wasLive, live: live(), before, after: block.getBoundingClientRect().top};
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "lang"), CASES, ids=IDS)
def test_explorer_in_the_page(context, origin, axe, screenshots, name, lang, viewport):
    """One load per width, the reader arriving below the explorer: it grows the
    page above them, and what they read stays where it is (the same check in Firefox
    and WebKit: test_engines.py). Then: the figure and its caption stay in view
    above the live explorer, the charts are set like the figure, every control has
    a 44 px touch area on a phone; the explorer is readable, fits and passes axe in
    the light palette (and is shot); the histograms have a y scale and no text
    covers another (these move the explorer); readable, fitting, axe and a shot
    again in the dark palette (the header's toggle: the explorer's colours are the
    page's, site.css; that the system's palette is followed is test_engines.py's)."""
    phone = viewport == "phone"
    where = f"{name} {lang} {viewport}"
    page = Tab(context, origin, name, lang, viewport=VIEWPORTS[viewport],
               wait_until="domcontentloaded")
    caption = page.figure.locator("figcaption").inner_text()
    seen = page.tab.evaluate(BELOW_IT)
    assert not seen["wasLive"] and seen["live"], (where, seen)
    # within 2 px, as test_engines.STEP_PX: the explorer's height is fractional
    assert abs(seen["after"] - seen["before"]) <= 2, (where, seen)
    page.show()
    page.tab.wait_for_load_state("networkidle")
    problems = figure_and_caption(page, caption, where)
    problems += type_like_the_figure(page, name, where)
    if phone:
        problems += touch_areas(page, where)
    shot = f"explorer--{name}--{lang}--{viewport}"
    problems += [f"{where} light: {problem}" for problem in readable_and_accessible(
        page, axe, screenshots / f"{shot}-light.png", viewport)]
    if name == "init":
        problems += histogram_scales(page, phone, where)
    problems += text_clashes(page, name, lang, where)
    if sitecheck._set_dark(page.tab):
        problems += [f"{where} dark: {problem}" for problem in readable_and_accessible(
            page, axe, screenshots / f"{shot}-dark.png", viewport)]
    else:
        problems.append(f"{where}: no dark palette")
    problems += [f"{where}: {problem}" for problem in page.problems]
    assert not problems, "\n".join(problems)
