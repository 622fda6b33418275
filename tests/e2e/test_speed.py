"""Fast on a phone: a light first visit, nothing fetched early.

- CLS: measured where a reader arrives at a section, in test_engines.py (Chromium).
- First visit: what an empty cache really downloads for a topic page at phone width
  (every response body, uncompressed) stays within tools.budget.FIRST_VISIT_LIMIT,
  without the search index and with no script but Material's own and the explorer
  viewer (no math engine): measured by test_site.py's test_page, which loads every
  page that way first (sitecheck.check_first_visit). Here: the search index arrives
  once the reader goes to search, and figures below the fold only when scrolled near.
"""

from __future__ import annotations

from tests.e2e import sitecheck


def _first_visit(browser, origin, path, viewport=sitecheck.PHONE):
    """A first visit (empty cache) until the network is idle, and the URL of every
    response it got (the list grows as the page goes on fetching)."""
    ctx = browser.new_context(viewport=viewport)
    tab = ctx.new_page()
    fetched: list[str] = []
    tab.on("requestfinished", lambda request: fetched.append(request.url))
    tab.goto(origin + path, wait_until="networkidle")
    tab.wait_for_timeout(500)
    return ctx, tab, fetched


def test_the_search_index_arrives_when_the_reader_goes_to_search(browser, origin):
    path = "/en/weight-initialization/"
    ctx, tab, fetched = _first_visit(browser, origin, path, sitecheck.DESKTOP)
    assert not [u for u in fetched if "search_index" in u]
    with tab.expect_response(lambda r: "search_index.json" in r.url, timeout=10_000):
        tab.keyboard.press("/")  # Material's shortcut: focus the search box
    tab.keyboard.type("xavier")  # Material searches on keyup
    tab.wait_for_selector(".md-search-result__item", timeout=10_000)
    ctx.close()


def test_figures_below_the_fold_wait_until_scrolled_near(browser, origin):
    path = "/hyperparameter-optimization/"
    ctx, tab, fetched = _first_visit(browser, origin, path)
    figures = [u for u in fetched if "/figures/" in u]
    count = tab.evaluate("() => document.querySelectorAll('article img').length")
    assert count >= 3
    assert len(figures) < count, f"{path}: all {count} figures fetched at arrival"
    tab.evaluate(
        "() => [...document.querySelectorAll('article img')].pop().scrollIntoView()"
    )
    tab.wait_for_timeout(1500)
    later = [u for u in fetched if "/figures/" in u]
    ctx.close()
    assert len(later) > len(figures), "scrolling down fetched no further figure"
