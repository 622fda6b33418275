"""What search engines and link previews read, computed once per page.

For every page `page.meta["seo"]` holds what overrides/main.html writes into <head>:
the description (docs/descriptions.yml, one per page and language), the canonical URL,
hreflang alternates (absolute, to the same page in each language, plus x-default, the
default language), and the Open Graph / Twitter card values. A companion notebook gets
its own title ("<chapter> — notebook") and names its chapter as the canonical page, so
search engines see one page, not two with the same content; it is left out of the
sitemap, which lists the alternates of each page too (overrides/sitemap.xml).

After the build: the social card (social-card.png, drawn with matplotlib, cached
in .cache/), robots.txt at the root of the default language, and one line changed in
Material's JavaScript, which would otherwise fetch `sitemap.xml` beside every
`<link rel=alternate>` (squidfunk/mkdocs-material#6582): beside an absolute hreflang
URL of a deep page that file does not exist, and under another origin it is an
off-site request. The site's language selector (overrides/partials/alternate.html)
does not need Material's lookup.

The repository link in the footer comes from REPO_URL (default: the `origin` remote
of the checkout); it is a plain link, with no call to any API (unlike `repo_url`).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import textwrap
from pathlib import Path
from urllib.parse import urljoin

import yaml

REPO = Path(__file__).resolve().parent.parent
DESCRIPTIONS = REPO / "docs" / "descriptions.yml"
CACHE = REPO / ".cache" / "social-card"
CARD = "social-card.png"  # per language (its text is), so not in the shared assets/
CARD_SIZE = (1200, 630)
MAX_DESCRIPTION = 160
LOCALES = {"ko": "ko_KR", "en": "en_US"}
NOTEBOOK = {"ko": "노트북", "en": "notebook"}
REPO_LINK = {"ko": "GitHub 저장소", "en": "Repository on GitHub"}
CARD_ALT = {
    "ko": "{site}: 코드로 배우는 신경망 학습",
    "en": "{site}: neural-network training, learned by running the code",
}
BUNDLE_SELECTOR = 'M("link[rel=alternate]")'
BUNDLE_SELECTOR_FIXED = 'M("link[rel=alternate]:not([hreflang])")'


def descriptions() -> dict[str, dict[str, str]]:
    return yaml.safe_load(DESCRIPTIONS.read_text(encoding="utf-8"))


def repo_url(environ=None, origin=None) -> str | None:
    """REPO_URL (it must be https), else the checkout's `origin` remote when it is
    on a web host (git@host:... or https://...), else None: a clone of a local path
    shows no link."""
    environ = os.environ if environ is None else environ
    url = (environ.get("REPO_URL") or "").strip()
    if url:
        if not url.startswith("https://"):
            raise ValueError(f"REPO_URL={url!r}: give an https URL of the repository")
        return url
    if origin is None:
        try:
            origin = subprocess.run(
                ["git", "-C", str(REPO), "remote", "get-url", "origin"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
        except OSError:
            origin = ""
    origin = re.sub(r"^git@([^:]+):", r"https://\1/", origin).removesuffix(".git")
    return origin if origin.startswith("https://") else None


def _lang(config) -> str:
    return config["theme"]["language"]


def _default_lang(config) -> str:
    return config["extra"]["alternate"][0]["lang"]


def on_config(config):
    if not config["site_url"]:
        raise ValueError(
            "site_url is not set: build with `python -m tools.build` (nox -s build), "
            "which sets it from SITE_URL"
        )
    url = repo_url()
    if url:
        link = {"icon": "fontawesome/brands/github", "link": url}
        config["extra"]["social"] = [{**link, "name": REPO_LINK[_lang(config)]}]
    return config


TITLE = re.compile(r"^#\s+(.*?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)


def _chapter(page, files):
    """The chapter file of a companion notebook (notebooks/<x>.ipynb -> <x>.md)."""
    src = page.file.src_uri
    if not (src.startswith("notebooks/") and src.endswith(".ipynb")):
        return None
    name = src.removeprefix("notebooks/").removesuffix(".ipynb") + ".md"
    chapter = files.get_file_from_path(name)
    if chapter is None or chapter.page is None:
        raise ValueError(f"{src}: no chapter page {name}")
    return chapter


def page_seo(page, config, files) -> dict:
    lang, site_url = _lang(config), config["site_url"]
    table = descriptions()
    chapter = _chapter(page, files)
    if chapter is not None:
        # the chapter may not be rendered yet: its title is its first heading
        chapter_title = TITLE.search(Path(chapter.abs_src_path).read_text("utf-8"))[1]
        title = f"{chapter_title} — {NOTEBOOK[lang]}"
        page.meta["title"] = title  # <title>, the header
        page.canonical_url = chapter.page.canonical_url
        description = table["notebook"][lang].format(title=chapter_title)
        same_page = chapter.page.url
    else:
        key = page.file.src_uri.removesuffix(".md")
        try:
            description = table[key][lang].strip()
        except KeyError:
            raise ValueError(
                f"docs/{lang}/{page.file.src_uri}: no description; add `{key}:` with "
                f"`ko:` and `en:` to {DESCRIPTIONS.relative_to(REPO)}"
            ) from None
        title = config["site_name"] if page.is_homepage else page.title
        same_page = page.url
    alternates = [
        {"lang": alt["lang"], "href": urljoin(site_url, alt["link"]) + same_page}
        for alt in config["extra"]["alternate"]
    ]
    default = next(a for a in alternates if a["lang"] == _default_lang(config))
    alternates.append({"lang": "x-default", "href": default["href"]})
    return {
        "title": title,
        "description": description,
        "url": page.canonical_url,
        "type": "website" if page.is_homepage else "article",
        "alternates": alternates,
        "locale": LOCALES[lang],
        "locale_alternates": [LOCALES[x] for x in LOCALES if x != lang],
        "image": urljoin(site_url, CARD),
        "image_alt": CARD_ALT[lang].format(site=config["site_name"]),
        "in_sitemap": chapter is None,
    }


def on_page_content(html, page, config, files):
    """After rendering (the page's title is known), before the sitemap is written."""
    seo = page_seo(page, config, files)
    page.meta["seo"] = seo
    page.meta["description"] = seo["description"]
    return html


# ------------------------------------------------------------------ after the build
def card_figure(title: str, subtitle: str):
    """The social card: the site's name and description on the theme's indigo."""
    import koreanize_matplotlib  # noqa: F401  (NanumGothic: Hangul, offline)
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    width, height = CARD_SIZE
    fig = Figure(figsize=(width / 100, height / 100), dpi=100)
    fig.patch.set_facecolor("#3f51b5")
    font = {"family": "NanumGothic", "color": "white"}
    left, top = 0.07, 0.86
    fig.text(left, top, "CS231n", fontsize=30, alpha=0.8, va="top", **font)
    top -= 0.14
    lines = textwrap.wrap(title, 26)
    fig.text(
        left,
        top,
        "\n".join(lines),
        fontsize=52,
        weight="bold",
        va="top",
        linespacing=1.15,
        **font,
    )
    top -= 0.13 * len(lines) + 0.06
    fig.text(left, top, textwrap.fill(subtitle, 44), fontsize=28, va="top", **font)
    fig.text(left, 0.08, "한국어 · English", fontsize=24, alpha=0.8, **font)
    return fig


def card_png(title: str, subtitle: str) -> bytes:
    fig = card_figure(title, subtitle)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _cached_card(title: str, subtitle: str) -> bytes:
    key = hashlib.sha256(
        Path(__file__).read_bytes() + f"\0{title}\0{subtitle}".encode()
    ).hexdigest()[:16]
    path = CACHE / f"{key}.png"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(card_png(title, subtitle))
        tmp.replace(path)
    return path.read_bytes()


def robots_txt(site_url: str, langs: list[str], default: str) -> str:
    sitemaps = [
        urljoin(site_url, "sitemap.xml" if lang == default else f"{lang}/sitemap.xml")
        for lang in langs
    ]
    return "User-agent: *\nAllow: /\n\n" + "".join(f"Sitemap: {s}\n" for s in sitemaps)


def on_post_build(config):
    site = Path(config["site_dir"])
    (site / CARD).parent.mkdir(parents=True, exist_ok=True)
    description = config["site_description"] or ""
    (site / CARD).write_bytes(_cached_card(config["site_name"], description))
    if _lang(config) == _default_lang(config):  # this build is the site's root
        langs = [alt["lang"] for alt in config["extra"]["alternate"]]
        robots = robots_txt(config["site_url"], langs, _default_lang(config))
        (site / "robots.txt").write_text(robots, encoding="utf-8")
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    for bundle in bundles:
        js = bundle.read_text(encoding="utf-8")
        if js.count(BUNDLE_SELECTOR) != 1:
            raise ValueError(
                f"{bundle.name}: Material's alternate lookup ({BUNDLE_SELECTOR}) "
                "not found once; check hooks/seo.py against this Material version"
            )
        bundle.write_text(js.replace(BUNDLE_SELECTOR, BUNDLE_SELECTOR_FIXED), "utf-8")
    if len(bundles) != 1:
        raise ValueError(f"{site}/assets/javascripts: expected one Material bundle")
