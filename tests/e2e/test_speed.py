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
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.e2e import sitecheck
from tools import budget
from tools.pages import topic_pages

CLS_LIMIT = 0.01
VIEWPORTS = {"phone": sitecheck.PHONE, "desktop": sitecheck.DESKTOP}
# The layout shifts the browser reports (buffered: also those before this ran), once
# fonts and figures are in and half a second has passed since the page loaded.
CLS = """async () => {
  await document.fonts.ready;
  const loaded = performance.getEntriesByType('navigation')[0].loadEventEnd;
  const wait = Math.max(0, loaded + 500 - performance.now());
  await new Promise((r) => setTimeout(r, wait));
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
def _last_section(site, page) -> str:
    html = (site / page.file).read_text(encoding="utf-8")
    ids = sitecheck.SECTION.findall(html)
    return f"#{ids[-1]}" if ids else ""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_layout_shift_arriving_at_a_section(browser, origin, site, viewport):
    """Every page, arrived at its last section (the most content above it)."""
    problems = []
    ctx = browser.new_context(viewport=VIEWPORTS[viewport])
    tabs = []  # all loaded first: each one's half second passes while others load
    for page in sitecheck.discover(site):
        if page.is_404:
            continue
        tab = ctx.new_page()
        anchor = _last_section(site, page)
        tab.goto(origin + page.path + anchor, wait_until="load")
        tabs.append((page, anchor, tab))
    for page, anchor, tab in tabs:
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
