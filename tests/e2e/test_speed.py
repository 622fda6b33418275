"""Fast on a phone: no layout shift, a light first visit, nothing fetched early.

- CLS: every page, arrived at through a link to one of its sections (as from search
  or a table of contents), on a phone and a desktop: the layout-shift score the
  browser records until the page has settled stays at most CLS_LIMIT.
- First visit: what an empty cache really downloads for a topic page (every response
  body, uncompressed) stays within tools.budget.FIRST_VISIT_LIMIT; the search index
  is fetched only once the reader goes to search, and figures below the fold only
  when scrolled near.
- No math engine: a topic page loads no script but Material's own and the
  explorer viewer.
- Far sections and notebook cells (hooks/lazy_layout.py): at arrival the browser
  has not laid out a section far below; scrolled through, each is drawn, and the
  height each reserved while far (its estimate) is close to the height it takes:
  every section within ESTIMATE_RANGE (a cell within CELL_ESTIMATE_RANGE), the
  page's total within ESTIMATE_TOTAL. Drawn all at once (as the
  page checks and screenshots draw them), nothing moves.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.e2e import sitecheck
from tools import budget
from tools.pages import topic_pages

CLS_LIMIT = 0.01
VIEWPORTS = {"phone": sitecheck.PHONE, "desktop": sitecheck.DESKTOP}
# The layout shifts the browser reports (buffered: also those before this ran), once
# fonts and figures are in and two frames have passed with nothing pending.
CLS = """async () => {
  await document.fonts.ready;
  await new Promise((r) => setTimeout(r, 1000));
  let score = 0; const shifts = [];
  new PerformanceObserver(() => {}).observe({type: 'layout-shift', buffered: true});
  for (const e of performance.getEntriesByType('layout-shift')) {
    if (e.hadRecentInput) continue;
    score += e.value;
    shifts.push({value: e.value, at: Math.round(e.startTime),
      nodes: (e.sources || []).map((s) => s.node && (s.node.nodeName + '.'
        + (s.node.className || ''))).slice(0, 3)});
  }
  return {score, shifts: shifts.slice(0, 5)};
}"""
SECTION = re.compile(r'<h2 id="?([\w-]+)')
ESTIMATE_RANGE = (0.67, 1.5)  # estimate / drawn height of one section
# of one notebook cell: a few outputs wrap on a phone, which the model does not see
CELL_ESTIMATE_RANGE = (0.5, 2.0)
ESTIMATE_TOTAL = 0.1  # |sum of estimates / sum of drawn heights - 1|
# Scrolls through the page (each section is drawn once it nears the viewport and
# then keeps its drawn height), then reads each section's height and estimate.
SECTION_HEIGHTS = """async (selector = '.lazy-layout') => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  const name = matchMedia('(min-width: 45em)').matches ? '--h-wide' : '--h-narrow';
  return [...document.querySelectorAll(selector)].map((el) => [
    el.previousElementSibling.id, el.getBoundingClientRect().height,
    parseFloat(el.style.getPropertyValue(name))]);
}"""


def _last_section(site, page) -> str:
    html = (site / page.file).read_text(encoding="utf-8")
    ids = SECTION.findall(html)
    return f"#{ids[-1]}" if ids else ""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_layout_shift_arriving_at_a_section(browser, origin, site, viewport):
    """Every page, arrived at its last section (the most content above it)."""
    problems = []
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    for page in sitecheck.discover(site):
        if page.is_404:
            continue
        tab = ctx.new_page()
        anchor = _last_section(site, page)
        tab.goto(origin + page.path + anchor, wait_until="load")
        cls = tab.evaluate(CLS)
        tab.close()
        print(f"{viewport} {page.path}{anchor}: CLS {cls['score']:.4f}")
        if cls["score"] > CLS_LIMIT:
            problems.append(
                f"{page.path}{anchor}: CLS {cls['score']:.3f} > {CLS_LIMIT} "
                f"({viewport}): {cls['shifts']}"
            )
    ctx.close()
    assert not problems, "\n".join(problems)


def _first_visit(browser, origin, path, viewport=sitecheck.PHONE):
    """Every response of a first visit (empty cache) until the network is idle."""
    ctx = browser.new_context(viewport=viewport)
    tab = ctx.new_page()
    bodies: dict[str, int] = {}

    def finished(request):
        response = request.response()
        bodies[request.url] = len(response.body()) if response else 0

    tab.on("requestfinished", finished)
    tab.goto(origin + path, wait_until="networkidle")
    tab.wait_for_timeout(500)
    return ctx, tab, bodies


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_first_visit_of_every_topic_page_is_light(browser, origin, lang):
    prefix = "/" if lang == "ko" else "/en/"
    problems = []
    for topic in topic_pages(lang):
        path = f"{prefix}{topic.slug}/"
        ctx, tab, bodies = _first_visit(browser, origin, path)
        ctx.close()
        total = sum(bodies.values())
        print(f"{path}: first visit {total / budget.KB:.0f} kB, {len(bodies)} files")
        if total > budget.FIRST_VISIT_LIMIT:
            heaviest = sorted(bodies.items(), key=lambda kv: -kv[1])[:4]
            problems.append(f"{path}: {total / budget.KB:.0f} kB: {heaviest}")
        index = [u for u in bodies if "search_index" in u]
        if index:
            problems.append(f"{path}: fetched the search index before any search")
        scripts = [
            u
            for u in bodies
            if urlsplit(u).path.endswith(".js")
            and "/assets/javascripts/" not in urlsplit(u).path
            and not urlsplit(u).path.endswith("/assets/explorer.js")
        ]
        if scripts:
            problems.append(
                f"{path}: loads scripts besides Material's and the explorer "
                f"viewer: {scripts}"
            )
    assert not problems, "\n".join(problems)


def test_the_search_index_arrives_when_the_reader_goes_to_search(browser, origin):
    path = "/en/weight-initialization/"
    ctx, tab, bodies = _first_visit(browser, origin, path, sitecheck.DESKTOP)
    assert not [u for u in bodies if "search_index" in u]
    with tab.expect_response(lambda r: "search_index.json" in r.url, timeout=10_000):
        tab.keyboard.press("/")  # Material's shortcut: focus the search box
    tab.keyboard.type("xavier")  # Material searches on keyup
    tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    ctx.close()


def test_figures_below_the_fold_wait_until_scrolled_near(browser, origin):
    path = "/hyperparameter-optimization/"
    ctx, tab, bodies = _first_visit(browser, origin, path)
    figures = [u for u in bodies if "/figures/" in u]
    count = tab.evaluate("() => document.querySelectorAll('article img').length")
    assert count >= 3
    assert len(figures) < count, f"{path}: all {count} figures fetched at arrival"
    tab.evaluate(
        "() => [...document.querySelectorAll('article img')].pop().scrollIntoView()"
    )
    tab.wait_for_timeout(1500)
    later = [u for u in bodies if "/figures/" in u]
    ctx.close()
    assert len(later) > len(figures), "scrolling down fetched no further figure"


IS_DRAWN = "el.firstElementChild.checkVisibility({contentVisibilityAuto: true})"


def test_far_sections_are_not_laid_out_at_arrival(browser, origin):
    ctx = browser.new_context(viewport=sitecheck.PHONE)
    tab = ctx.new_page()
    tab.goto(origin + "/activation-functions/", wait_until="load")
    # a wrapper's content is what the browser skips while it is far
    drawn = tab.evaluate(
        f"() => [...document.querySelectorAll('.lazy-layout')].map((el) => {IS_DRAWN})"
    )
    assert len(drawn) > 5 and drawn[-1] is False, drawn
    assert drawn.count(False) > len(drawn) / 2, drawn
    tab.evaluate("() => document.getElementById('exercises').scrollIntoView()")
    tab.wait_for_timeout(500)
    last = tab.evaluate(
        f"() => (el => {IS_DRAWN})("
        f"[...document.querySelectorAll('.lazy-layout')].pop())"
    )
    ctx.close()
    assert last, "the last section was not drawn once scrolled to"


# Where each block of the page is, relative to the document.
BLOCK_TOPS = """() => [...document.querySelectorAll(
  'article > *, article > .lazy-layout > *, .jp-Notebook > *')].map((el) =>
  Math.round(el.getBoundingClientRect().top + scrollY))"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_drawing_every_section_moves_nothing(browser, origin, viewport):
    """The checks and screenshots draw every section (sitecheck.DRAW_ALL): the page
    must then look as a reader who scrolled through it sees it."""
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    for path in ("/en/batch-normalization/", "/notebooks/activation-functions/"):
        tab = ctx.new_page()
        tab.goto(origin + path, wait_until="load")
        tab.evaluate("() => document.fonts.ready.then(() => true)")
        tab.evaluate(SECTION_HEIGHTS)  # scrolled through: each section drawn once
        scrolled = tab.evaluate(BLOCK_TOPS)
        tab.add_style_tag(content=sitecheck.DRAW_ALL)
        drawn = tab.evaluate(BLOCK_TOPS)
        tab.close()
        assert len(scrolled) > 50, path
        assert scrolled == drawn, path
    ctx.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_far_sections_reserve_about_their_height(browser, origin, viewport):
    problems = []
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    tab = ctx.new_page()
    pages = [
        (f"{prefix}{kind}{topic.slug}/", selector, bars)
        for lang, prefix in (("ko", "/"), ("en", "/en/"))
        for topic in topic_pages(lang)
        for kind, selector, bars in (
            ("", ".lazy-layout", ESTIMATE_RANGE),
            ("notebooks/", ".lazy-cell", CELL_ESTIMATE_RANGE),
        )
    ]
    for path, selector, (low, high) in pages:
        tab.goto(origin + path, wait_until="load")
        tab.evaluate("() => document.fonts.ready.then(() => true)")
        sections = tab.evaluate(SECTION_HEIGHTS, selector)
        assert sections, f"{path}: nothing wrapped (hooks/lazy_layout.py)"
        drawn = sum(h for _, h, _ in sections)
        estimated = sum(e for _, _, e in sections)
        print(f"{viewport} {path}: estimated {estimated:.0f} px, drawn {drawn:.0f}")
        if abs(estimated / drawn - 1) > ESTIMATE_TOTAL:
            problems.append(
                f"{path}: sections estimated {estimated:.0f} px in "
                f"all, drawn {drawn:.0f} ({viewport})"
            )
        problems += [
            f"{path}: {selector} after #{after}: estimated {est:.0f} px, drawn "
            f"{height:.0f} ({viewport})"
            for after, height, est in sections
            if not low <= est / height <= high
        ]
    ctx.close()
    assert not problems, "\n".join(problems)
