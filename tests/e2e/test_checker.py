"""The checker itself: a deliberately broken page makes each check fail, naming it.

A copy of the built site gets one extra page, /broken/, made from a real Korean page
plus one fault per check (an off-site script, a missing image, an unknown anchor, raw
TeX, a wrong <html lang>, ...). Each check must report its fault and name the page.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from tests.e2e import sitecheck
from tools import budget

BROKEN = "/broken/"
FAULTS = """
<div id="deliberate-faults">
  <script src="https://offsite.invalid/tracker.js"></script>
  <script>console.error("deliberate console error");</script>
  <img src="missing-figure.svg">
  <figure><img alt="An English-only alt text"
    src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8'
    height='8'%3E%3C/svg%3E"></figure>
  <p><a href="#no-such-anchor">anchor</a> <a href="../no-such-page/">page</a></p>
  <p>Raw formula left untypeset: \\(x^2 + 1\\)</p>
  <div style="width: 2000px">a block wider than any phone</div>
  <pre><code><span class="faint">faint_token</span> = 1</code></pre>
  <table><tr><th>wide</th><td style="min-width: 900px">off the screen</td></tr></table>
  <figure><figcaption style="text-align: center">A caption long enough to take
    three lines or more on any phone, deliberately centred as it should not
    be.</figcaption></figure>
  <div class="jp-OutputArea-output"><pre style="white-space: pre-wrap;
    word-break: break-all">0.12345678901234567890123456789012345678901234567890
  </pre></div>
  <pre><code><span class="c1"
  >#> 0.123456789012345678901234567890123456789012345678</span></code></pre>
  <style>.faint { color: #eee; }</style>
</div>
"""


def _source_page(site) -> sitecheck.Page:
    """A Korean topic page one level deep, so relative links keep working."""
    for page in sitecheck.discover(site):
        if page.lang == "ko" and re.fullmatch(r"[^/]+/index\.html", page.file):
            if "notebooks" not in page.file and not page.is_404:
                return page
    pytest.fail("no Korean topic page in the built site to copy")


@pytest.fixture(scope="module")
def broken_site(site, tmp_path_factory):
    copy = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(site, copy, copy_function=os.symlink)  # links: a copy in no time
    html = (copy / _source_page(site).file).read_text(encoding="utf-8")
    html = re.sub(r'<html lang="?ko"?', '<html lang="en"', html, count=1)
    html = html.replace("</article>", FAULTS + "</article>", 1)
    (copy / "broken").mkdir()
    (copy / "broken" / "index.html").write_text(html, encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def broken_facts(broken_site, browser, axe):
    origin, stop = sitecheck.serve(broken_site)
    context = browser.new_context(color_scheme="light")
    try:
        page = sitecheck.Page("broken/index.html")
        yield sitecheck.inspect_page(
            context, origin, page, axe=axe, palettes=("light",)
        )
    finally:
        context.close()
        stop()


def _assert_reports(problems: list[str], *needles: str) -> None:
    assert problems, "the check found nothing on the broken page"
    assert all(p.startswith(BROKEN) for p in problems), problems
    for needle in needles:
        assert any(needle in p for p in problems), (needle, problems)


def test_links_report_unknown_anchor_and_missing_page(broken_site):
    problems = [p for p in sitecheck.check_links(broken_site) if p.startswith(BROKEN)]
    _assert_reports(problems, "#no-such-anchor", "/no-such-page/", "missing-figure.svg")


def test_offsite_request_is_blocked_and_reported(broken_facts):
    assert broken_facts.offsite == ["https://offsite.invalid/tracker.js"]
    _assert_reports(sitecheck.check_requests(broken_facts), "offsite.invalid")


def test_failed_request_and_console_error_are_reported(broken_facts):
    problems = sitecheck.check_console(broken_facts)
    _assert_reports(
        problems, "missing-figure.svg (HTTP 404)", "deliberate console error"
    )


def test_broken_image_and_alt_text_are_reported(broken_facts):
    problems = sitecheck.check_images(broken_facts)
    _assert_reports(problems, "broken image", "without alt", "no Hangul")


def test_english_page_with_korean_alt_is_reported():
    facts = sitecheck.PageFacts(sitecheck.Page("en/broken/index.html"))
    facts.dom = {"images": [{"src": "x.svg", "alt": "한국어 설명", "complete": True,
                             "width": 10, "figure": True, "hidden": False}]}
    problems = sitecheck.check_images(facts)
    assert problems == ["/en/broken/: English page, alt text in Korean: '한국어 설명'"]


def test_raw_tex_is_reported(broken_facts):
    _assert_reports(sitecheck.check_math(broken_facts), "raw TeX", "x^2 + 1")


def test_wrong_html_lang_is_reported(broken_facts):
    _assert_reports(sitecheck.check_language(broken_facts), "lang='en'")


def test_accessibility_violation_is_reported(broken_facts):
    _assert_reports(sitecheck.check_accessibility(broken_facts), "image-alt")


def test_text_set_badly_on_a_phone_is_reported(broken_facts):
    problems = sitecheck.check_phone_text(broken_facts)
    _assert_reports(problems, "at 360 px", "at 390 px", "tables wider",
                    "long captions centred", "output lines broken", "past the code")


def test_a_figure_without_ink_is_reported(broken_facts):
    """The empty figure above: nothing in it stands out from the page."""
    _assert_reports(sitecheck.check_figure_colours(broken_facts), "ink contrast 1.0:1")


def test_a_faint_token_in_code_is_reported(broken_facts):
    """Colours are checked on one element of each look (COLOUR_SAMPLES), code too."""
    _assert_reports(
        sitecheck.check_accessibility(broken_facts), "color-contrast", ".faint"
    )


def test_overflow_at_phone_width_is_reported(broken_facts):
    _assert_reports(sitecheck.check_overflow(broken_facts), "px wide")


def test_language_selector_without_counterpart_is_reported(broken_facts):
    known = {"/", "/en/", "/activation-functions/", "/en/activation-functions/"}
    problems = sitecheck.check_switch(broken_facts, known)
    _assert_reports(problems, "expected /en/broken/")


def test_search_check_reports_missing_page_notebooks_and_other_language():
    found = ["/en/activation-functions/", "/notebooks/activation-functions/"]
    problems = sitecheck.check_search("ko", "포화", found, "/activation-functions/")
    assert len(problems) == 3, problems
    assert all(p.startswith("/ search '포화'") for p in problems)


def test_all_problems_of_a_clean_report_is_empty():
    facts = sitecheck.PageFacts(sitecheck.Page("index.html"), status=200)
    facts.dom = {"lang": "ko", "images": [], "text": "x", "arithmatex": 0, "typeset": 0}
    facts.phone = {"scrollWidth": 390, "innerWidth": 390, "wide": []}
    facts.switch = {"path": "/en/", "status": 200, "lang": "en"}
    assert sitecheck.all_problems(facts, {"/", "/en/"}) == []


def test_a_heavy_first_visit_with_the_search_index_and_a_script_is_reported():
    facts = sitecheck.PageFacts(sitecheck.Page("broken/index.html"))
    facts.first_visit = {
        "http://127.0.0.1:1/broken/": budget.FIRST_VISIT_LIMIT,
        "http://127.0.0.1:1/search/search_index.json": 1,
        "http://127.0.0.1:1/assets/mathjax/tex-chtml.js": 1,
    }
    _assert_reports(sitecheck.check_first_visit(facts), "first visit",
                    "search index", "mathjax")
