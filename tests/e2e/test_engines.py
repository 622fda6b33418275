"""The site in Chromium, Firefox and WebKit (tests/e2e/engines.py drives each).

What a reader of any browser must get, checked the same way in all three:
- Arriving at a `#section` (a fresh load with the hash, a table-of-contents click,
  the language switch) puts the heading where the browser is told to put it: its
  `scroll-margin-top` below the viewport's top, just under the header (ANCHOR_PX).
- Scrolling up from there in 300 px steps moves the text by exactly the scroll
  (STEP_PX) at every step: no size on the page is an estimate that changes once
  drawn; no element is laid out lazily at all (`content-visibility`).
- A whole-page screenshot has no blank stretch as tall as a screen.
- Figures follow the palette, whether it comes from the system or the header toggle,
  and only the chosen variant is downloaded; the palette chosen on one language is
  the palette of the other.
- The explorer goes live; no page logs an error.

Each engine sees every page of the site once (at one width, alternating between
engines so that each page of each language is seen at both widths);
`SITE_ENGINES_ALL=1` checks every page at both widths in every engine. Chromium also
measures the layout shift of the arrival (CLS: the Layout Instability API is
Chromium's; in Firefox and WebKit the exact arrival and scroll steps are the evidence
that nothing moves).
"""

from __future__ import annotations

import os
import re

import pytest

from tests.e2e import engines, sitecheck
from tests.e2e.conftest import SNAPSHOT

ANCHOR_PX = 4  # a heading lands within this of where the browser is told to put it
STEP_PX = 2  # the text moves by the scroll amount within this
STEP = 300  # px: one scroll step
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
EVERYTHING = os.environ.get("SITE_ENGINES_ALL") == "1"
# Each engine's tests share one pytest worker, and so its browsers (nox runs
# `--dist loadgroup`).
EACH_ENGINE = [
    pytest.param(e, marks=pytest.mark.xdist_group(e)) for e in engines.ENGINES
]

# Loaded before anything else of every page (the lane's server puts it first in
# <head>): what the page logs as an error, and uncaught errors, in every engine.
ERRORS = b"""<script>window.__errors = [];
addEventListener('error',
  (e) => __errors.push(String(e.message || e.target.src || e.target.href)), true);
addEventListener('unhandledrejection', (e) => __errors.push('unhandled: ' + e.reason));
(function (log) { console.error = function () {
  __errors.push([].map.call(arguments, String).join(' '));
  return log.apply(console, arguments);
}; })(console.error);</script>"""


# No scrollbar is drawn, as on a phone (overlay scrollbars take no room: WebKit and
# Chromium here; Firefox's 12 px classic one goes too). WebKitGTK repaints a
# composited page with an overlay scrollbar without end under Xvfb: measured, an
# idle browser on any page longer than its window took 80 % of a core (0 % without
# scrollbars) for as long as it stayed open, and a 300 px scroll step 13 % more.
# Arrivals and scroll steps are the same either way (checked on a deliberately
# lazy page).
NO_SCROLLBARS = b"<style>* { scrollbar-width: none !important; }</style>"


@pytest.fixture(scope="module")
def lane_origin(site):
    origin, stop = sitecheck.serve(site, head=ERRORS + NO_SCROLLBARS)
    yield origin
    stop()


_browsers: dict[tuple[str, bool], engines.Browser] = {}


@pytest.fixture(scope="module")
def browsers(request):
    """One browser per engine and system colour scheme, started when first asked."""
    # `--dist loadgroup` tags each engine's tests with its group, in their node ids;
    # pytest-xdist 3.8 silently stops doing so on pytest 9.2 (pytest-dev/
    # pytest-xdist#1386, hence the pin in pyproject.toml): every worker would start
    # every engine
    untagged = [item.nodeid for item in request.session.items
                if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if getattr(request.config.option, "loadgroup", False) and untagged:
        pytest.fail(f"pytest-xdist did not group this worker's tests by engine "
                    f"({untagged[0]}, ...) under pytest {pytest.__version__}: install "
                    "the versions uv.lock pins (nox -s e2e does)")

    def get(engine: str, dark: bool = False) -> engines.Browser:
        if (engine, dark) not in _browsers:
            try:
                _browsers[engine, dark] = engines.launch(engine, dark)
            except engines.EngineMissing as missing:
                pytest.fail(str(missing))
        return _browsers[engine, dark]

    yield get
    for browser in _browsers.values():
        browser.close()
    _browsers.clear()


# --------------------------------------------------------------- in the page
SETTLE = """async () => {
  await document.fonts.ready;
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 300));
  return true;
}"""

# Where a heading is, and where the browser should have put it: `scroll-margin-top`
# below the top, or lower where the page ends too soon to scroll that far.
HEADING = """(id) => {
  const h = document.getElementById(id);
  if (!h) return null;
  const header = document.querySelector('.md-header');
  const margin = parseFloat(getComputedStyle(h).scrollMarginTop) || 0;
  const top = h.getBoundingClientRect().top, at = top + scrollY;
  const last = document.documentElement.scrollHeight - innerHeight;
  return {top, expected: at - Math.max(0, Math.min(at - margin, last)),
          header: header ? header.getBoundingClientRect().bottom : 0};
}"""

SECTIONS = "() => [...document.querySelectorAll('article h2[id]')].map((h) => h.id)"

# Scroll up in steps to the top, as a wheel does. At each step the block at the
# middle of the viewport must come down by exactly the step, whatever the page did
# meanwhile (an explorer growing above it, a late layout), once it has stayed put
# for a frame: a move that is not the reader's shows up in the step it happens in.
SCROLL_UP = """async (step) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const blocks = [...document.querySelectorAll('article > *, .jp-Notebook > *')];
  // the block across the middle of the viewport (or the first below it)
  const block = () => blocks.find((b) => b.getBoundingClientRect().bottom
                                         >= innerHeight / 2) || document.body;
  const steps = [];
  while (scrollY > 0 && steps.length < 1000) {
    const el = block(), top = el.getBoundingClientRect().top;
    const y = scrollY, asked = Math.min(step, y);
    scrollTo({top: y - asked, behavior: 'instant'});
    // until it stays put for a frame (a busy machine may take a few)
    let now = NaN;
    for (let i = 0; i < 20 && now !== el.getBoundingClientRect().top; i++) {
      now = el.getBoundingClientRect().top;
      await frame();
    }
    steps.push({y, asked, moved: el.getBoundingClientRect().top - top,
                what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')});
  }
  return steps;
}"""

# Elements the browser would lay out only when near: their size meanwhile is a guess.
LAZY = """() => [...document.querySelectorAll('body *')]
  .filter((el) => (getComputedStyle(el).contentVisibility || 'visible') !== 'visible')
  .slice(0, 5).map((el) => el.tagName.toLowerCase() + '.' + el.className)"""

# A click on the table of contents' link to a section, and where it landed.
TOC_JUMP = """async (id) => {
  document.querySelector(`.md-nav--secondary a[href='#${id}']`).click();
  const h = document.getElementById(id);
  let top = NaN;  // until the jump is done and the heading stays put for a frame
  for (let i = 0; i < 50 && (location.hash !== '#' + id
                             || top !== h.getBoundingClientRect().top); i++) {
    top = h.getBoundingClientRect().top;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return (HEADING)(id);
}""".replace("HEADING", HEADING)

ERRORS_SEEN = "() => window.__errors || ['no error collector: not served by the lane']"

CLS_LIMIT = 0.01
# Chromium only: the layout shifts it recorded since the navigation (buffered), once
# fonts are in and half a second has passed since `load`.
CLS = """async () => {
  await document.fonts.ready;
  const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
  const wait = Math.max(0, loaded + 500 - performance.now());
  await new Promise((r) => setTimeout(r, wait));
  new PerformanceObserver(() => {}).observe({type: 'layout-shift', buffered: true});
  const shifts = performance.getEntriesByType('layout-shift')
    .filter((e) => !e.hadRecentInput);
  return {score: shifts.reduce((sum, e) => sum + e.value, 0),
          shifts: shifts.slice(0, 5).map((e) => ({value: e.value, nodes:
            (e.sources || []).map((s) => s.node && s.node.nodeName).slice(0, 3)}))};
}"""

# The figure files this page fetched (Resource Timing), and what each <img> shows.
FIGURES = """() => ({
  fetched: performance.getEntriesByType('resource').map((e) => e.name)
    .filter((n) => n.includes('/figures/') && n.includes('.svg'))
    .map((n) => new URL(n).pathname.split('/').pop()),
  shown: [...document.querySelectorAll('article figure picture img')]
    .filter((img) => img.currentSrc)
    .map((img) => new URL(img.currentSrc).pathname.split('/').pop()),
  scheme: document.body.getAttribute('data-md-color-scheme'),
})"""

# The figure images of the page (the picture of its palette, hooks/figures.py).
SHOWN = "[...document.querySelectorAll('article figure img')]"
TOGGLE = """() => {
  const label = document.querySelector(
    'form[data-md-component=palette] label:not([hidden])');
  label.click();
  return true;
}"""


def _wait(browser, condition: str, arg=None, timeout_ms: int = 10_000):
    ok = browser.run(
        """async ([condition, arg, ms]) => {
          const test = (0, eval)('(' + condition + ')');
          const end = Date.now() + ms;
          while (Date.now() < end) {
            if (await test(arg)) return true;
            await new Promise((r) => setTimeout(r, 50));
          }
          return false;
        }""",
        [condition, arg, timeout_ms],
    )
    assert ok, f"{browser.engine}: timed out waiting for {condition}"


# -------------------------------------------------------------------- pages
def _plan(site) -> list[tuple[str, str, str]]:
    """(engine, page file, viewport) for the run: every page once per engine."""
    pages = [p for p in sitecheck.discover(site) if not p.is_404]
    plan = []
    for e, engine in enumerate(engines.ENGINES):
        for i, page in enumerate(pages):
            # each engine sees a page at one width, the next engine at the other
            sizes = list(SIZES) if EVERYTHING else [list(SIZES)[(i + e) % 2]]
            plan += [(engine, page.file, size) for size in sizes]
    # one width after the other: resizing a window is slow in WebKit
    return sorted(plan, key=lambda visit: (visit[0], visit[2]))


def pytest_generate_tests(metafunc):
    if "visit" in metafunc.fixturenames:
        plan = _plan(metafunc.config.stash[SNAPSHOT])
        params = [pytest.param(v, marks=pytest.mark.xdist_group(v[0])) for v in plan]
        ids = [f"{e}-{s}-{sitecheck.Page(f).path}" for e, f, s in plan]
        metafunc.parametrize("visit", params, ids=ids)


def _anchor_problems(where: str, found: dict | None) -> list[str]:
    if found is None:
        return [f"{where}: heading not found"]
    if (
        abs(found["top"] - found["expected"]) > ANCHOR_PX
        or found["top"] < found["header"] - ANCHOR_PX
    ):
        return [
            f"{where}: heading at {found['top']:.0f} px from the top, expected "
            f"{found['expected']:.0f} (header ends at {found['header']:.0f})"
        ]
    return []


def _jumps(where: str, steps: list[dict]) -> list[str]:
    return [
        f"{where}: scrolling up {s['asked']:.0f} px from y={s['y']:.0f}, "
        f"{s['what']} moved {s['moved']:.0f}"
        for s in steps
        if abs(s["moved"] - s["asked"]) > STEP_PX
    ]


def test_a_reader_arrives_and_scrolls_back(visit, browsers, lane_origin, site):
    """Fresh load at the last section (in Chromium: no layout shift), scroll up to
    the top in 300 px steps, jump to every section from the table of contents; no
    error, nothing lazy."""
    engine, file, size = visit
    path = sitecheck.Page(file).path
    browser = browsers(engine)
    width, height = SIZES[size]
    where = f"{engine} {size} {path}"
    html = (site / file).read_text(encoding="utf-8")
    sections = sitecheck.SECTION.findall(html)
    last = f"#{sections[-1]}" if sections else ""
    browser.open(f"{lane_origin}{path}{last}", width, height)
    problems = []
    if engine == "chromium":
        cls = browser.run(CLS)
        if cls["score"] > CLS_LIMIT:
            problems.append(f"{where}{last}: CLS {cls['score']:.3f} > {CLS_LIMIT}: "
                            f"{cls['shifts']}")
    browser.run(SETTLE)
    problems += [
        f"{where}: laid out lazily: {lazy}" for lazy in [browser.run(LAZY)] if lazy
    ]
    if sections:
        found = browser.run(HEADING, sections[-1])
        problems += _anchor_problems(f"{where}{last} (fresh load)", found)
        problems += _jumps(where, browser.run(SCROLL_UP, STEP))
        for section in sections:
            found = browser.run(TOC_JUMP, section)
            problems += _anchor_problems(
                f"{where}#{section} (table of contents)", found
            )
    errors = browser.run(ERRORS_SEEN)
    problems += [f"{where}: console error: {e}" for e in errors]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:40])


def _blank_stretch(image, background) -> int:
    """The tallest run of rows that are all the page's background colour."""
    import numpy as np

    pixels = np.asarray(image, dtype=np.int16)
    blank = (np.abs(pixels - np.array(background)) <= 12).all(axis=(1, 2))
    tallest = run = 0
    for row_is_blank in blank:
        run = run + 1 if row_is_blank else 0
        tallest = max(tallest, run)
    return tallest


# Scrolled through once, as a reader would: every figure and explorer is in place.
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    scrollTo({top: y, behavior: 'instant'});
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
  }
  scrollTo({top: 0, behavior: 'instant'});
  return true;
}"""


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_a_whole_page_screenshot_has_no_blank_stretch(engine, browsers, lane_origin):
    path = "/en/gradient-checking/"  # figures, formulas, code; short: WebKit stitches
    browser = browsers(engine)
    width, height = SIZES["desktop"]
    browser.open(lane_origin + path, width, height)
    browser.run(SETTLE)
    browser.run(SCROLL_THROUGH)
    _wait(browser, "() => [...document.images].every((i) => i.complete)")
    page_height = browser.run("() => document.documentElement.scrollHeight")
    shot = browser.screenshot(full_page=True)
    assert abs(shot.size[1] - page_height) <= 2, (engine, shot.size, page_height)
    background = shot.getpixel((2, shot.size[1] // 2))
    blank = _blank_stretch(shot.crop((0, 100, *shot.size)), background)
    assert blank < height, f"{engine} {path}: a blank stretch of {blank} px"


def _figures_follow(browser, where: str, scheme: str) -> list[str]:
    """Every figure shows the variant of `scheme` and no other was fetched."""
    browser.run(sitecheck.LOAD_EVERY_FIGURE)
    _wait(browser, f"() => {SHOWN}.every((i) => i.complete && i.currentSrc)")
    seen = browser.run(FIGURES)
    dark = scheme == "dark"
    problems = []
    if seen["scheme"] != ("slate" if dark else "default"):
        problems.append(
            f"{where}: the page's palette is {seen['scheme']}, not {scheme}"
        )
    wrong = [f for f in seen["shown"] if f.endswith(".dark.svg") != dark]
    problems += [f"{where}: {scheme} palette shows {f}" for f in wrong]
    fetched = [f for f in seen["fetched"] if f.endswith(".dark.svg") != dark]
    problems += [f"{where}: {scheme} palette also fetched {f}" for f in fetched]
    if not seen["shown"]:
        problems.append(f"{where}: no figure shown")
    return problems


def _figure_background(browser, where: str) -> list[str]:
    """The first figure, as drawn, has the page's own background."""
    box = browser.run(
        """() => {
      const img = SHOWN[0];
      img.scrollIntoView({block: 'center'});
      const r = img.getBoundingClientRect();
      return {x: r.x, y: r.y, w: r.width, h: r.height,
              page: getComputedStyle(document.body).backgroundColor};
    }""".replace("SHOWN", SHOWN)
    )
    browser.run(SETTLE)
    shot = browser.screenshot()
    left, top = int(box["x"]) + 2, int(box["y"]) + 2
    crop = shot.crop((left, top, left + int(box["w"]) - 4, top + int(box["h"]) - 4))
    counts = crop.getcolors(maxcolors=1 << 24)
    drawn = max(counts)[1]
    page = tuple(int(v) for v in re.findall(r"\d+", box["page"])[:3])
    ratio = sitecheck._contrast(drawn, page)
    if ratio > 1.15:
        return [f"{where}: the figure's background {drawn} is not the page's {page}"]
    return []


PALETTE_PAGE = "/weight-initialization/"


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_figures_follow_the_system_palette(engine, browsers, lane_origin):
    browser = browsers(engine, dark=True)
    for size in SIZES:
        where = f"{engine} {size} {PALETTE_PAGE} (dark system)"
        browser.open(lane_origin + PALETTE_PAGE, *SIZES[size])
        _wait(
            browser,
            "() => document.body.getAttribute('data-md-color-scheme') === 'slate'",
        )
        problems = _figures_follow(browser, where, "dark")
        problems += _figure_background(browser, where)
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_the_toggle_turns_figures_and_both_languages_dark(
    engine, browsers, lane_origin
):
    browser = browsers(engine)
    width, height = SIZES["phone"]
    browser.open(lane_origin + PALETTE_PAGE, width, height)
    problems = _figures_follow(browser, f"{engine} {PALETTE_PAGE} (light)", "light")
    browser.run(TOGGLE)
    _wait(
        browser, "() => document.body.getAttribute('data-md-color-scheme') === 'slate'"
    )
    _wait(browser, f"() => {SHOWN}.every((i) => i.src.includes('.dark.'))")
    problems += _figure_background(browser, f"{engine} {PALETTE_PAGE} (toggled)")
    # the choice holds on the next visit, in the other language too, and only the
    # dark variants are fetched there
    for path in ("/en" + PALETTE_PAGE, PALETTE_PAGE):
        browser.open(lane_origin + path, width, height)
        problems += _figures_follow(
            browser, f"{engine} {path} (after the toggle)", "dark"
        )
    browser.run(TOGGLE)  # back to light for the other tests of this browser
    _wait(
        browser,
        "() => document.body.getAttribute('data-md-color-scheme') === 'default'",
    )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_the_language_switch_keeps_the_section(engine, browsers, lane_origin, site):
    browser = browsers(engine)
    problems = []
    for size in SIZES:
        for path in ("/batch-normalization/", "/en/gradient-checking/"):
            browser.open(lane_origin + path, *SIZES[size])
            section = browser.run(SECTIONS)[-2]
            browser.run("(id) => { location.hash = id; return true; }", section)
            browser.run(SETTLE)
            other = "en" if not path.startswith("/en/") else "ko"
            browser.navigate_by(
                "(lang) => { document.querySelector("
                "`a.md-select__link[hreflang=${lang}]`).click(); return true; }",
                other,
            )
            browser.run(SETTLE)
            where = f"{engine} {size} {path} -> {other} #{section}"
            problems += _anchor_problems(where, browser.run(HEADING, section))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_the_explorer_goes_live_without_moving_the_reader(
    engine, browsers, lane_origin
):
    """Scrolling up to the learning-rate explorer: it goes live above the reader,
    and the text the reader is on stays where it is."""
    browser = browsers(engine)
    path = "/babysitting-learning/"
    browser.open(lane_origin + path, *SIZES["phone"])
    browser.run("""() => {
      const fig = document.querySelector('figure.explorer');
      const below = fig.getBoundingClientRect().bottom + scrollY + 600;
      scrollTo({top: below, behavior: 'instant'});
      return true;
    }""")
    browser.run(SETTLE)
    steps = browser.run(SCROLL_UP, STEP)
    live = browser.run("() => document.querySelectorAll('.explorer--live svg').length")
    assert live, f"{engine}: the explorer did not go live"
    jumps = _jumps(f"{engine} {path}", steps)
    assert not jumps, "\n".join(jumps)
    assert not browser.run(ERRORS_SEEN)


# The size of every inline fraction's numerator, and the gap between each sum with
# limits and what precedes it, in em of the formula's font (hooks/formulas.py spells
# both out for WebKit). The gap is measured to the glyph: a Range around the sign.
MATH = """() => {
  const em = (el) => parseFloat(getComputedStyle(el.closest('math')).fontSize);
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const fractions = [...document.querySelectorAll('span.arithmatex math mfrac')]
    .filter((f) => !f.parentElement.closest('mfrac, msup, msub, msubsup'))
    .map((f) => size(f.firstElementChild) / em(f));
  const gaps = [...document.querySelectorAll('math mo')]
    .filter((mo) => mo.textContent === '∑' && mo.parentElement.matches('munderover'))
    .map((mo) => {
      let node = mo.parentElement, before = null;  // what is drawn just before it
      while (!before && node && !node.matches('math, mtd')) {
        before = node.previousElementSibling;
        while (before?.matches('mspace')) before = before.previousElementSibling;
        node = node.parentElement;
      }
      if (!before) return null;
      const glyph = document.createRange();
      glyph.selectNodeContents(mo);
      return (glyph.getBoundingClientRect().left
              - before.getBoundingClientRect().right) / em(mo);
    })  // far to the right of it (below -1 em), what precedes it is a line above
    .filter((gap) => gap !== null && gap > -1);
  return {fractions, gaps};
}"""
FRACTION_EM = 0.75  # an inline fraction's parts at script size: 0.70 in STIX Two
SUM_GAP_EM = 0.15  # a thin space (1/6 em) before a sum: Chromium 0.33 em


@pytest.mark.parametrize("engine", EACH_ENGINE)
def test_formulas_are_drawn_at_text_size_and_spaced(engine, browsers, lane_origin):
    browser = browsers(engine)
    problems, fractions, gaps = [], 0, 0
    for path in ("/en/activation-functions/", "/batch-normalization/"):
        browser.open(lane_origin + path, *SIZES["desktop"])
        browser.run(SETTLE)
        seen = browser.run(MATH)
        fractions += len(seen["fractions"])
        gaps += len(seen["gaps"])
        problems += [
            f"{engine} {path}: an inline fraction's numerator at {h:.2f} em "
            f"(> {FRACTION_EM}: drawn at display size)"
            for h in seen["fractions"]
            if h > FRACTION_EM
        ]
        problems += [
            f"{engine} {path}: {g:.2f} em before a sum (< {SUM_GAP_EM})"
            for g in seen["gaps"]
            if g < SUM_GAP_EM
        ]
    assert fractions and gaps, (fractions, gaps)
    assert not problems, "\n".join(problems)
