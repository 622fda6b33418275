"""Search engines and link previews: the descriptions, and the head of a small build.

The small build is two tiny languages (a home, a chapter and its notebook each) with
the site's own hooks/seo.py and overrides/, published under a path prefix.
"""

import re
import struct
import textwrap

import nbformat
import pytest

from hooks import seo
from tests.headcheck import MAX_DESCRIPTION, Head, check_head, duplicate_descriptions
from tools import build, serve
from tools.pages import DOCS, LANGS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
TABLE = seo.descriptions()
PAGES = sorted(p.stem for p in (DOCS / "ko").glob("*.md"))
BASE = "https://example.org/some-prefix/"
REPO_URL = "https://github.com/example/some-repo"

# one worker builds the small site once for every test of this file
pytestmark = pytest.mark.xdist_group("seo")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_description_in_each_language(page):
    assert page in TABLE, f"docs/descriptions.yml: add `{page}:` with `ko:` and `en:`"
    for lang in LANGS:
        text = TABLE[page].get(lang, "").strip()
        assert text, f"docs/descriptions.yml, {page}: add `{lang}:`"
        assert len(text) <= MAX_DESCRIPTION, (
            f"docs/descriptions.yml, {page}.{lang}: {len(text)} characters, "
            f"keep it at most {MAX_DESCRIPTION} (search results cut the rest)"
        )
        korean = bool(HANGUL.search(text))
        assert korean == (lang == "ko"), (
            f"docs/descriptions.yml, {page}.{lang}: write it in its page's language"
        )


def test_descriptions_are_distinct_and_name_only_existing_pages():
    assert set(TABLE) - {"notebook"} == set(PAGES), (
        "docs/descriptions.yml: one entry per page of docs/ko and docs/en, "
        "plus `notebook`"
    )
    for lang in LANGS:
        texts = [TABLE[page][lang].strip() for page in PAGES]
        assert len(set(texts)) == len(texts), f"two {lang} descriptions are the same"
        longest = max(PAGES, key=lambda p: len(TABLE[p][lang]))  # a title fits in
        notebook = TABLE["notebook"][lang].format(title=longest)
        assert len(notebook) <= MAX_DESCRIPTION


def test_the_repository_link_comes_from_one_setting():
    assert seo.repo_url({"REPO_URL": REPO_URL}) == REPO_URL
    with pytest.raises(ValueError, match="https URL"):
        seo.repo_url({"REPO_URL": "git@github.com:example/some-repo.git"})
    # without REPO_URL, the origin remote when it is on a web host, else no link
    ssh = "git@github.com:example/some-repo.git"
    assert seo.repo_url({}, origin=ssh) == "https://github.com/example/some-repo"
    assert seo.repo_url({}, origin="/work/some-clone") is None
    assert seo.repo_url({}, origin="") is None


def test_robots_txt_names_both_sitemaps():
    assert seo.robots_txt(BASE, ["ko", "en"], "ko") == (
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {BASE}sitemap.xml\nSitemap: {BASE}en/sitemap.xml\n"
    )


def test_serve_rebuilds_only_the_languages_an_edit_touches():
    assert serve.languages_to_rebuild({"docs/ko/glossary.md"}) == [""]
    assert serve.languages_to_rebuild({"docs/en/glossary.md"}) == ["en"]
    both = {"snippets/activation_functions/sigmoid.py"}
    assert serve.languages_to_rebuild(both) == ["", "en"]
    assert serve.languages_to_rebuild({"docs/ko/x.md", "docs/en/x.md"}) == ["", "en"]
    assert serve.languages_to_rebuild(set()) == []


# ------------------------------------------------------------------ small build
PAGE = {
    "ko": "# 활성화 함수 { #activation-functions }\n\n본문.\n",
    "en": "# Activation functions { #activation-functions }\n\nText.\n",
}
HOME = {"ko": "# 홈 { #home }\n\n소개.\n", "en": "# Home { #home }\n\nIntro.\n"}
CONFIG = """\
site_name: {name}
site_description: {name}, a small build
docs_dir: {docs}
theme:
  name: material
  language: {lang}
  custom_dir: {repo}/overrides
  font: false
extra:
  alternate:
    - {{name: 한국어, link: {ko}, lang: ko}}
    - {{name: English, link: {en}, lang: en}}
hooks:
  - {repo}/hooks/seo.py
plugins:
  - mkdocs-jupyter:
      include: ["*.ipynb"]
      execute: false
markdown_extensions: [attr_list]
not_in_nav: /notebooks/
nav: [index.md, activation-functions.md]
"""


@pytest.fixture(scope="module")
def small_site(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("SITE_URL", BASE)
    monkeypatch_module.setenv("REPO_URL", REPO_URL)
    root = tmp_path_factory.mktemp("seo")
    site = root / "site"

    def fill(out):
        for lang, subdir, links in (
            ("ko", "", ("./", "./en/")),
            ("en", "en", ("../", "./")),
        ):
            docs = root / lang
            (docs / "notebooks").mkdir(parents=True)
            (docs / "index.md").write_text(HOME[lang], encoding="utf-8")
            (docs / "activation-functions.md").write_text(PAGE[lang], encoding="utf-8")
            nb = nbformat.v4.new_notebook()
            nb.cells = [
                nbformat.v4.new_markdown_cell(PAGE[lang].split("{")[0]),
                nbformat.v4.new_code_cell("print(1)"),
            ]
            nbformat.write(nb, docs / "notebooks" / "activation-functions.ipynb")
            config = root / f"mkdocs.{lang}.yml"
            config.write_text(
                CONFIG.format(
                    name=f"Site {lang}",
                    docs=docs,
                    lang=lang,
                    repo=build.REPO,
                    ko=links[0],
                    en=links[1],
                ),
                encoding="utf-8",
            )
            build.mkdocs_build(str(config), out / subdir, build.site_url(subdir))

    build.replace_on_success(site, fill)
    return site


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _pages(site):
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets"
    )


def test_small_build_every_page_has_the_right_head(small_site):
    files = _pages(small_site)
    assert len(files) == 8, files  # home, chapter, notebook, 404 in each language
    problems, descriptions = [], {}
    for file in files:
        html = (small_site / file).read_text(encoding="utf-8")
        problems += check_head(file, html, BASE, REPO_URL)
        descriptions[file] = Head(html).one("description")
    assert not problems, "\n".join(problems)
    pages = {f: d for f, d in descriptions.items() if not f.endswith("404.html")}
    assert not duplicate_descriptions(pages)
    assert (
        descriptions["en/activation-functions/index.html"]
        == (TABLE["activation-functions"]["en"])
    )


def test_small_build_notebook_names_its_chapter(small_site):
    head = Head((small_site / "notebooks/activation-functions/index.html").read_text())
    assert head.title.startswith("활성화 함수 — 노트북")
    assert [x["href"] for x in head.rel("canonical")] == [
        BASE + "activation-functions/"
    ]
    assert head.one("description") == TABLE["notebook"]["ko"].format(
        title="활성화 함수"
    )


def test_small_build_check_finds_a_wrong_head(small_site):
    html = (small_site / "en/activation-functions/index.html").read_text()
    broken = html.replace("hreflang=x-default", "hreflang=fr")
    broken = broken.replace(BASE + "en/activation-functions/", BASE + "en/")
    problems = check_head("en/activation-functions/index.html", broken, BASE, REPO_URL)
    assert any("canonical" in p for p in problems), problems
    assert any("hreflang" in p for p in problems), problems


def test_small_build_robots_sitemaps_card_and_no_sitemap_lookups(small_site):
    robots = (small_site / "robots.txt").read_text()
    assert f"Sitemap: {BASE}sitemap.xml\nSitemap: {BASE}en/sitemap.xml\n" in robots
    assert not (small_site / "en" / "robots.txt").exists()
    sitemap = (small_site / "en" / "sitemap.xml").read_text()
    assert re.findall(r"<loc>(.*?)</loc>", sitemap) == [
        BASE + "en/",
        BASE + "en/activation-functions/",
    ]  # no notebook: its canonical page is the chapter
    assert f'hreflang="x-default" href="{BASE}activation-functions/"' in sitemap
    for subdir in ("", "en/"):
        png = (small_site / subdir / "social-card.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (1200, 630)
        assert len(png) < 100_000
        bundle = next((small_site / subdir / "assets/javascripts").glob("bundle.*.js"))
        assert seo.BUNDLE_SELECTOR_FIXED in bundle.read_text()


def test_the_social_card_text_fits_on_the_card():
    import koreanize_matplotlib  # noqa: F401
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for title, subtitle in (
        (
            "Training Neural Networks, Part I",
            "CS231n’s “Training Neural Networks, part I”, learned by running the code.",
        ),
        (
            "신경망 학습 1부",
            "CS231n “Training Neural Networks, part I”를 코드로 직접 "
            "확인하며 배웁니다.",
        ),
    ):
        fig = seo.card_figure(title, subtitle)
        renderer = FigureCanvasAgg(fig).get_renderer()
        box = fig.bbox
        for text in fig.texts:
            extent = text.get_window_extent(renderer)
            assert box.x0 <= extent.x0 and extent.x1 <= box.x1, textwrap.shorten(
                text.get_text(), 40
            )
            assert box.y0 <= extent.y0 and extent.y1 <= box.y1


def test_serve_rebuilds_what_changed_and_retries_what_failed(monkeypatch):
    stamps = {"docs/ko/a.md": 1.0, "docs/en/a.md": 1.0, "snippets/x.py": 1.0}
    built = []
    monkeypatch.setattr(serve, "snapshot", lambda: dict(stamps))
    monkeypatch.setattr(serve, "draw", lambda: True)
    monkeypatch.setattr(serve, "run_notebooks", lambda: [])
    monkeypatch.setattr(serve, "build_language", built.append)
    rebuild = serve.Rebuilder()
    rebuild()
    assert built == []  # nothing changed
    stamps["docs/en/a.md"] = 2.0
    rebuild()
    assert built == ["en"]

    def broken(subdir):
        raise RuntimeError("a broken include")

    monkeypatch.setattr(serve, "build_language", broken)
    stamps["docs/ko/a.md"] = 2.0
    with pytest.raises(RuntimeError):
        rebuild()
    monkeypatch.setattr(serve, "build_language", built.append)
    stamps["docs/en/a.md"] = 3.0  # the fix is elsewhere: the Korean site still rebuilds
    rebuild()
    assert built == ["en", "", "en"]


def test_small_build_defers_materials_bundle_and_waits_for_it(small_site):
    """overrides/main.html defers Material's bundle (its first style and layout then
    never run before the first paint), and an inline script that uses the bundle's
    document$ waits for DOMContentLoaded, by which time the bundle has run."""
    for file in _pages(small_site):
        html = (small_site / file).read_text(encoding="utf-8")
        tags = re.findall(r"<script\b[^>]*\bbundle\.[0-9a-f]+\.min\.js[^>]*>", html)
        assert len(tags) == 1 and " defer" in tags[0], (file, tags)
        inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
        early = [s for s in inline if "document$" in s
                 and not s.strip().startswith('addEventListener("DOMContentLoaded"')]
        assert not early, (file, early)
