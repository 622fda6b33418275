"""Every page of the built site, in both languages, in headless Chromium.

Each page is loaded with every request to another origin aborted, then checked:
no off-site request, no failed request or console error, images load and have alt
text in the page's language, formulas as MathML laid out by the browser, <html lang>,
the language selector keeps the page, axe-core finds no serious violation in the light
or the dark palette, nothing overflows at phone width. Screenshots at desktop and phone
width, light (and dark on the Korean pages), go to test-artifacts/screenshots/. See
sitecheck.py for each check.
"""

from __future__ import annotations

import subprocess
from urllib.parse import urlsplit

import pytest

from tests.e2e import sitecheck
from tests.e2e.conftest import PREFIX
from tools.pages import topic_pages

# A Korean word finds the Korean page, an English word the English page.
SEARCHES = [
    ("ko", "포화", "/activation-functions/"),
    ("ko", "기울기", "/activation-functions/"),
    ("en", "saturation", "/en/activation-functions/"),
    # an English term in parentheses on a Korean page: "포화(saturation)되었다고"
    ("ko", "saturation", "/activation-functions/"),
    ("ko", "학습률", "/babysitting-learning/"),
    ("en", "halving", "/en/hyperparameter-optimization/"),
]


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_site_was_built(site, site_source):
    assert (site / "index.html").is_file(), (
        f"no built site at {site_source}: run `python -m tools.build` (nox -s e2e does)"
    )
    assert (site / "en" / "index.html").is_file(), "no English site at en/"


def test_the_browser_can_draw_hangul():
    """Without a Korean font, Korean pages are laid out and shot as empty boxes."""
    fonts = subprocess.run(
        ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=False
    ).stdout
    assert fonts.strip(), "no Korean font: apt-get install fonts-nanum (.ci/run does)"


def test_both_languages_have_the_same_pages(site):
    pages = sitecheck.discover(site)
    paths = {p.path for p in pages}
    missing = sorted(p.counterpart for p in pages if p.counterpart not in paths)
    assert not missing, f"pages missing in the other language: {missing}"
    assert {p.lang for p in pages} == {"ko", "en"}


def test_links_and_anchors_resolve(site):
    problems = sitecheck.check_links(site)
    assert not problems, report(problems)


def test_page(page, context, origin, site, axe, screenshots):
    known = {p.path for p in sitecheck.discover(site)}
    facts = sitecheck.inspect_page(
        context, origin, page, screenshots=screenshots, axe=axe,
        code_colours=page.path in sitecheck.code_colour_pages(site),
    )
    assert facts.requests, f"{page}: the browser made no request"
    problems = sitecheck.all_problems(facts, known)
    assert not problems, report(problems)


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES)
def test_search_finds_the_page_in_its_language(context, origin, lang, query, expected):
    home = "/" if lang == "ko" else "/en/"
    found = sitecheck.search(context, origin, home, query)
    problems = sitecheck.check_search(lang, query, found, expected)
    assert not problems, report(problems)


# Under a path prefix, a sample: both homes, a topic page and its notebook in each
# language, and the glossary. (404.html is served for any missing path, so its links
# are absolute, from SITE_URL: the deploy workflow sets it to the project page.)
PREFIXED = [
    "index.html",
    "en/index.html",
    "activation-functions/index.html",
    "en/batch-normalization/index.html",
    "notebooks/gradient-checking/index.html",
    "en/glossary/index.html",
]


@pytest.mark.parametrize("file", PREFIXED)
def test_page_under_a_path_prefix(file, context, prefixed_origin, site):
    page = sitecheck.Page(file)
    known = {p.path for p in sitecheck.discover(site)}
    assert page.path in known, f"no page {file} in the built site"
    facts = sitecheck.inspect_page(
        context, prefixed_origin, page, palettes=(), prefix=PREFIX
    )
    problems = sitecheck.all_problems(facts, known)
    assert not problems, report(problems)


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES[::2])
def test_search_under_a_path_prefix(context, prefixed_origin, lang, query, expected):
    home = PREFIX + ("/" if lang == "ko" else "/en/")
    found = [
        path.removeprefix(PREFIX)
        for path in sitecheck.search(context, prefixed_origin, home, query)
        if path.startswith(PREFIX + "/")
    ]
    problems = sitecheck.check_search(lang, query, found, expected)
    assert not problems, report(problems)


# A phone downloads the narrow figures and none of the wide ones.
PHONE_PAGES = ["/weight-initialization/", "/en/activation-functions/"]


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_a_phone_downloads_only_the_narrow_figures(browser, origin, path):
    ctx = browser.new_context(viewport=sitecheck.PHONE, color_scheme="light")
    tab = ctx.new_page()
    figures: list[str] = []
    tab.on("request", lambda r: figures.append(r.url) if "/figures/" in r.url else None)
    tab.goto(origin + path, wait_until="networkidle")
    ctx.close()
    assert figures, f"{path}: no figure requested"
    wide = [u for u in figures if not urlsplit(u).path.endswith(".narrow.svg")]
    assert not wide, f"{path}: a phone downloaded desktop figures: {wide}"


# A long caption on a phone: left-aligned, as any text of several lines on the page.
CAPTION_PAGES = ["/en/babysitting-learning/", "/hyperparameter-optimization/"]


@pytest.mark.parametrize("path", CAPTION_PAGES)
def test_a_caption_of_more_than_two_lines_is_left_aligned_on_a_phone(
    browser, origin, path
):
    ctx = browser.new_context(viewport=sitecheck.PHONE, color_scheme="light")
    tab = ctx.new_page()
    tab.goto(origin + path, wait_until="networkidle")
    captions = tab.eval_on_selector_all(
        "figcaption",
        """els => els.map(el => {
            const style = getComputedStyle(el);
            const line = parseFloat(style.lineHeight)
                || 1.2 * parseFloat(style.fontSize);
            return {
                text: el.textContent.trim().slice(0, 40),
                lines: Math.round(el.clientHeight / line),
                align: style.textAlign,
            };
        })""",
    )
    ctx.close()
    long = [c for c in captions if c["lines"] > 2]
    assert long, f"{path}: no caption of more than two lines at 390 px"
    centred = [c for c in long if c["align"] not in ("left", "start")]
    assert not centred, f"{path}: long captions centred at 390 px: {centred}"


# Every table of the site fits a phone's column: a wide one stacks its rows
# (hooks/content.py, site.css), so no column falls off the screen's edge.
TABLE_PAGES = ["/glossary/", "/en/glossary/", "/weight-initialization/",
               "/en/weight-initialization/", "/activation-functions/",
               "/en/batch-normalization/", "/gradient-checking/"]


@pytest.mark.parametrize("width", [360, 390])
@pytest.mark.parametrize("path", TABLE_PAGES)
def test_no_table_is_wider_than_its_column_on_a_phone(browser, origin, path, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800},
                              color_scheme="light")
    tab = ctx.new_page()
    tab.goto(origin + path, wait_until="networkidle")
    tables = tab.eval_on_selector_all(
        ".md-content table",
        """els => els.map(t => {
            const box = t.parentElement.closest(':not(.md-typeset__table)');
            const cells = [...t.querySelectorAll('td')];
            return {
                head: t.querySelector('th')?.textContent.trim().slice(0, 20),
                width: Math.round(t.getBoundingClientRect().width),
                column: box.clientWidth,
                offscreen: cells.filter(c => c.getBoundingClientRect().right
                                             > innerWidth + 1).length,
            };
        })""",
    )
    ctx.close()
    assert tables, f"{path}: no table"
    wide = [t for t in tables if t["width"] > t["column"] + 1 or t["offscreen"]]
    assert not wide, f"{path} at {width} px: tables wider than the column: {wide}"


# Printed output in a notebook scrolls or fits; it never wraps inside a number
# (nbconvert's CSS sets pre-wrap and break-all; site.css overrides it).
NOTEBOOK_PAGES = ["/notebooks/babysitting-learning/",
                  "/en/notebooks/hyperparameter-optimization/"]


@pytest.mark.parametrize("path", NOTEBOOK_PAGES)
def test_notebook_output_lines_are_not_broken_on_a_phone(browser, origin, path):
    ctx = browser.new_context(viewport=sitecheck.PHONE, color_scheme="light")
    tab = ctx.new_page()
    tab.goto(origin + path, wait_until="networkidle")
    outputs = tab.eval_on_selector_all(
        ".jp-OutputArea-output pre",
        """els => els.map(pre => {
            const style = getComputedStyle(pre);
            const text = pre.textContent.replace(/\\n$/, '');
            const range = document.createRange();
            range.selectNodeContents(pre);
            const tops = new Set([...range.getClientRects()]
                .filter(r => r.width > 0).map(r => Math.round(r.top)));
            return {
                text: text.slice(0, 30),
                whiteSpace: style.whiteSpace,
                wordBreak: style.wordBreak,
                lines: text.split('\\n').length,
                drawn: tops.size,
            };
        })""",
    )
    ctx.close()
    assert outputs, f"{path}: no notebook output"
    wrapping = [o for o in outputs if o["whiteSpace"] != "pre"
                or o["wordBreak"] == "break-all" or o["drawn"] > o["lines"]]
    assert not wrapping, f"{path}: output lines broken at 390 px: {wrapping}"


# Printed output (`#>` lines, at most 40 columns: tests/test_snippets.py) ends inside
# its code block on the narrowest phones; the code blocks are the same in both
# languages (tests/test_docs.py), so the Korean pages stand for both.
@pytest.mark.parametrize("path", [f"/{p.slug}/" for p in topic_pages("ko")])
def test_printed_output_fits_a_360_px_phone(browser, origin, path):
    ctx = browser.new_context(viewport={"width": 360, "height": 800},
                              color_scheme="light")
    tab = ctx.new_page()
    tab.goto(origin + path)
    over = tab.eval_on_selector_all(
        "article pre > code :is(.c, .c1)",
        """spans => spans.filter(s => s.textContent.startsWith('#>')).map(s => {
            const code = s.closest('code'), box = code.getBoundingClientRect();
            const right = box.left + code.clientWidth
                          - parseFloat(getComputedStyle(code).paddingRight);
            return [s.textContent, Math.round(s.getBoundingClientRect().right - right)];
        }).filter(([, over]) => over > 0)""",
    )
    ctx.close()
    assert not over, f"{path} at 360 px: output past the code block's edge: {over}"
