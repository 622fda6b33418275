"""What a page's <head> tells search engines and link previews, and whether it is right.

Shared by tests/test_seo.py (a small build) and tests/e2e/test_seo.py (every page of
the real build). `check_head` returns a list of problems, each naming the page.
"""

from __future__ import annotations

from html.parser import HTMLParser

LOCALES = {"ko": "ko_KR", "en": "en_US"}
NOTEBOOK = {"ko": "— 노트북", "en": "— notebook"}
MAX_DESCRIPTION = 160


class Head(HTMLParser):
    """The <title>, <meta> and <link> tags of a page, and its footer links."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[dict[str, str]] = []
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("name" in a or "property" in a):
            key = a.get("property") or a["name"]
            self.meta.setdefault(key, []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "a":
            self.anchors.append(a)
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def one(self, key: str) -> str | None:
        values = self.meta.get(key, [])
        return values[0] if len(values) == 1 else None

    def rel(self, rel: str) -> list[dict[str, str]]:
        return [link for link in self.links if link.get("rel") == rel]


def page_lang(file: str) -> str:
    return "en" if file.startswith("en/") else "ko"


def expected_urls(file: str, base: str) -> dict[str, str]:
    """Canonical URL and hreflang alternates of the page in `file` (site-relative),
    for a site published at `base` ("https://host/prefix/")."""
    path = file.removesuffix("index.html")
    lang = page_lang(file)
    if lang == "en":
        path = path.removeprefix("en/")
    path = path.removeprefix("notebooks/")  # a notebook's canonical page: its chapter
    urls = {"ko": base + path, "en": base + "en/" + path}
    return {"canonical": urls[lang], **urls, "x-default": urls["ko"]}


def check_head(file: str, html: str, base: str, repo_url: str | None) -> list[str]:
    """Everything search engines and link previews read on the page `file`."""
    head, lang, problems = Head(html), page_lang(file), []

    def problem(text: str) -> None:
        problems.append(f"{file}: {text}")

    description = head.one("description")
    if not description or len(description) > MAX_DESCRIPTION:
        problem(
            f"needs one meta description of 1-{MAX_DESCRIPTION} characters, "
            f"has {head.meta.get('description')}"
        )
    alternates = {a.get("hreflang"): a.get("href") for a in head.rel("alternate")}
    canonical = [link.get("href") for link in head.rel("canonical")]
    if file.rsplit("/", 1)[-1] == "404.html":
        if head.one("robots") != "noindex":
            problem("the error page must say robots noindex")
        if canonical or alternates:
            problem(
                f"the error page has canonical {canonical} / alternates {alternates}"
            )
        return problems

    want = expected_urls(file, base)
    if canonical != [want["canonical"]]:
        problem(f"canonical {canonical}, expected {want['canonical']}")
    expected_alternates = {k: want[k] for k in ("ko", "en", "x-default")}
    if alternates != expected_alternates:
        problem(f"hreflang alternates {alternates}, expected {expected_alternates}")
    if "/notebooks/" in "/" + file and NOTEBOOK[lang] not in head.title:
        problem(f"notebook title {head.title!r} lacks {NOTEBOOK[lang]!r}")

    other = "en" if lang == "ko" else "ko"
    site_base = base + ("en/" if lang == "en" else "")
    expected_meta = {
        "og:description": description,
        "og:url": want["canonical"],
        "og:locale": LOCALES[lang],
        "og:locale:alternate": LOCALES[other],
        "og:image": site_base + "social-card.png",
        "twitter:card": "summary_large_image",
        "twitter:description": description,
        "twitter:image": site_base + "social-card.png",
    }
    for key, value in expected_meta.items():
        if head.meta.get(key) != [value]:
            problem(f"{key} is {head.meta.get(key)}, expected [{value!r}]")
    for key in ("og:title", "og:site_name", "og:type", "og:image:alt", "twitter:title"):
        if not head.one(key):
            problem(f"no single {key}")
    if head.one("og:title") and head.one("og:title") != head.one("twitter:title"):
        problem("og:title and twitter:title differ")
    if head.one("og:title") and head.one("og:title") not in head.title:
        problem(f"og:title {head.one('og:title')!r} is not in <title> {head.title!r}")

    repo_links = [a for a in head.anchors if "md-social__link" in a.get("class", "")]
    if repo_url and [a.get("href") for a in repo_links] != [repo_url]:
        problem(f"footer repository link {repo_links}, expected one to {repo_url}")
    if any("md-source" in a.get("class", "") for a in head.anchors):
        problem("Material's repo_url widget (calls the GitHub API) is on the page")
    return problems


def duplicate_descriptions(heads: dict[str, str]) -> list[str]:
    """Pages (file -> description) that share a description."""
    seen: dict[str, str] = {}
    problems = []
    for file, description in sorted(heads.items()):
        if description in seen:
            problems.append(f"{file}: same description as {seen[description]}")
        seen.setdefault(description, file)
    return problems
