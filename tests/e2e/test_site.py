"""Every page of the built site, in both languages, in headless Chromium.

Each page is loaded with every request to another origin aborted, then checked:
no off-site request, no failed request or console error, images load and have alt
text in the page's language, formulas as MathML laid out by the browser, <html lang>,
the language selector keeps the page, axe-core finds no serious violation in the light
or the dark palette, the head search engines read (tests/headcheck.py); at 390 and
360 px nothing overflows and tables, captions and printed output fit. Screenshots at
desktop and phone width, light (and dark on the Korean pages), go to
test-artifacts/screenshots/. See sitecheck.py for each check.
"""

from __future__ import annotations

import subprocess
from urllib.parse import urlsplit

import pytest

from hooks import seo
from tests.e2e import sitecheck
from tests.e2e.conftest import PREFIX
from tests.headcheck import check_head
from tools import build
from tools.pages import topic_pages

SITE_BASE = build.site_url("")
# a topic page's first visit is weighed (test_speed.py says why)
TOPIC_PAGES = {
    f"{'/en' if lang == 'en' else ''}/{topic.slug}/"
    for lang in sitecheck.LANGS for topic in topic_pages(lang)
}

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


# Pages that must hold what a phone check looks at (PHONE_TEXT): a check that finds
# nothing to look at anywhere would pass for any layout.
PHONE_TEXT_SEEN = {
    "/glossary/": "tables",
    "/en/weight-initialization/": "tables",
    "/en/babysitting-learning/": "captions",
    "/notebooks/babysitting-learning/": "outputs",
    "/en/notebooks/hyperparameter-optimization/": "outputs",
    "/activation-functions/": "printed",
}


def test_page(page, context, origin, site, axe, screenshots):
    known = {p.path for p in sitecheck.discover(site)}
    facts = sitecheck.inspect_page(
        context, origin, page, screenshots=screenshots, axe=axe,
        first_visit=page.path in TOPIC_PAGES,
    )
    assert facts.first_visit or page.path not in TOPIC_PAGES, f"{page}: not weighed"
    assert facts.requests, f"{page}: the browser made no request"
    problems = sitecheck.all_problems(facts, known)
    # what search engines and link previews read (tests/e2e/test_seo.py), as the
    # browser holds it after the page's scripts ran
    problems += check_head(page.file, facts.html, SITE_BASE, seo.repo_url())
    if page.path in PHONE_TEXT_SEEN:
        kind = PHONE_TEXT_SEEN[page.path]
        if not all(facts.text[width][kind] for width in sitecheck.PHONE_WIDTHS):
            problems.append(f"{page}: no {kind} seen at phone width")
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
    problems += check_head(file, facts.html, SITE_BASE, seo.repo_url())
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


# A desktop downloads the wide figures and none of the narrow ones (that a phone
# downloads only the narrow ones is checked on every page: test_page loads at phone
# width first).
DESKTOP_PAGES = ["/weight-initialization/", "/en/activation-functions/"]


@pytest.mark.parametrize("path", DESKTOP_PAGES)
def test_a_desktop_downloads_only_the_wide_figures(browser, origin, path):
    ctx = browser.new_context(viewport=sitecheck.DESKTOP, color_scheme="light")
    tab = ctx.new_page()
    figures: list[str] = []
    tab.on("request", lambda r: figures.append(r.url) if "/figures/" in r.url else None)
    tab.goto(origin + path, wait_until="networkidle")
    tab.evaluate(sitecheck.LOAD_EVERY_FIGURE)
    tab.wait_for_function(sitecheck.FIGURES_SETTLED, timeout=10_000)
    ctx.close()
    svg = [u for u in figures if urlsplit(u).path.endswith(".svg")]
    assert svg, f"{path}: no figure requested"
    narrow = [u for u in svg if ".narrow." in urlsplit(u).path]
    assert not narrow, f"{path}: a desktop downloaded phone figures: {narrow}"
