"""What search engines and link previews read, on every page of the built site.

Statically on every page: one description (distinct within a language), canonical
URL (a notebook's is its chapter), absolute hreflang alternates to the same page plus
x-default, Open Graph and Twitter tags whose image the site serves itself, the footer
link to the repository, and the error page kept out of the index. robots.txt and the
sitemaps. The same head as the browser holds it, once the page's scripts ran, is
test_site.py's check on every page (and under the path prefix).
"""

from __future__ import annotations

import re

from hooks import seo
from tests.e2e import sitecheck
from tests.headcheck import Head, check_head, duplicate_descriptions
from tools import build

BASE = build.site_url("")


def _report(problems):
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_page_has_its_own_head(site):
    problems, descriptions = [], {}
    for page in sitecheck.discover(site):
        html = (site / page.file).read_text(encoding="utf-8")
        problems += check_head(page.file, html, BASE, seo.repo_url())
        if not page.is_404:
            descriptions.setdefault(page.lang, {})[page.file] = Head(html).one(
                "description"
            )
        for url in Head(html).meta.get("og:image", []):
            if (
                not url.startswith(BASE)
                or not (site / url.removeprefix(BASE)).is_file()
            ):
                problems.append(f"{page}: og:image {url} is not a file of the site")
    for by_file in descriptions.values():
        problems += duplicate_descriptions(by_file)
    assert not problems, _report(problems)


def test_robots_txt_and_sitemaps(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml\n" in robots
    assert f"Sitemap: {BASE}en/sitemap.xml\n" in robots
    pages = [p for p in sitecheck.discover(site) if not p.is_404]
    for lang, sitemap in (("ko", "sitemap.xml"), ("en", "en/sitemap.xml")):
        locs = re.findall(r"<loc>(.*?)</loc>", (site / sitemap).read_text("utf-8"))
        expected = sorted(
            BASE + p.path.lstrip("/")
            for p in pages
            if p.lang == lang and "/notebooks/" not in p.path
        )
        assert sorted(locs) == expected, f"{sitemap}: {locs}"
