"""The pages: includes resolve, every snippet and figure is used, Korean and English
pages have the same skeleton, and no code is typed into Markdown."""

import ast
import re

import pytest
import yaml

from tests.conftest import REPO, SNIPPETS, rel
from tools import figures
from tools.pages import (
    DOCS,
    LANGS,
    pages,
    parse,
    shared_imports,
    snippet_text,
    topic_pages,
)

ALL_PAGES = [page for lang in LANGS for page in pages(lang)]
PAGE_IDS = [rel(page.path) for page in ALL_PAGES]
PYTHON_FENCES = {"py", "python", "python3", "pycon"}


def _page_names(lang):
    return sorted(
        p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")
    )


def test_both_languages_have_the_same_pages():
    assert _page_names("ko") == _page_names("en"), (
        "docs/ko and docs/en must hold the same files: add the missing translation"
    )


@pytest.mark.parametrize("name", _page_names("ko"))
def test_korean_and_english_pages_have_the_same_skeleton(name):
    ko, en = parse(DOCS / "ko" / name), parse(DOCS / "en" / name)
    assert ko.outline() == en.outline(), (
        f"docs/ko/{name} and docs/en/{name} differ in headings, includes or figures "
        "(ids, order or count); make them match"
    )


@pytest.mark.parametrize("page", ALL_PAGES, ids=PAGE_IDS)
def test_every_heading_has_a_unique_english_id(page):
    for heading in page.headings:
        assert heading.id, (
            f"{rel(page.path)}:{heading.line}: add an explicit id, "
            f"e.g. `{'#' * heading.level} {heading.text} {{ #some-id }}`"
        )
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", heading.id), (
            f"{rel(page.path)}:{heading.line}: "
            f"id `{heading.id}` must be kebab-case English"
        )
    ids = [h.id for h in page.headings]
    assert len(ids) == len(set(ids)), f"{rel(page.path)}: duplicate heading ids"


@pytest.mark.parametrize("page", ALL_PAGES, ids=PAGE_IDS)
def test_every_include_resolves_and_is_titled_with_its_path(page):
    for include in page.includes:
        where = f"{rel(page.path)}:{include.line}"
        assert (REPO / include.path).is_file(), (
            f"{where}: {include.path} does not exist"
        )
        assert include.path.startswith("snippets/"), f"{where}: include from snippets/"
        try:
            snippet_text(include)
        except ValueError as error:
            pytest.fail(f"{where}: {error}")
        assert include.title == include.path, (
            f'{where}: the fence needs title="{include.path}"'
        )


@pytest.mark.parametrize("page", ALL_PAGES, ids=PAGE_IDS)
def test_no_python_is_typed_into_markdown(page):
    for fence in page.fences:
        if fence.lang in PYTHON_FENCES:
            code = [line for line in fence.body if line.strip()]
            assert code and all("--8<--" in line for line in code), (
                f"{rel(page.path)}:{fence.line}: Python code belongs in snippets/; "
                "include it with --8<--"
            )


@pytest.mark.parametrize("page", ALL_PAGES, ids=PAGE_IDS)
def test_every_figure_exists_has_alt_text_and_a_caption(page):
    scripts = {figures.page_path(s): s for s in figures.scripts()}
    for figure in page.figures:
        where = f"{rel(page.path)}:{figure.line}"
        assert figure.path in scripts, (
            f"{where}: no figures_src script draws {figure.path}"
        )
        assert figure.alt.strip(), f"{where}: add alt text to {figure.path}"
        assert figure.caption, f"{where}: add a `/// caption` block under {figure.path}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_snippet_is_shown_on_a_page(lang):
    shown = {i.path for page in pages(lang) for i in page.includes}
    unused = [rel(s) for s in SNIPPETS if rel(s) not in shown]
    assert not unused, f"docs/{lang}: no page includes {unused}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_script_is_used_by_a_page(lang):
    used = {f.path for page in pages(lang) for f in page.figures}
    unused = [rel(s) for s in figures.scripts() if figures.page_path(s) not in used]
    assert not unused, f"docs/{lang}: no page shows the figure of {unused}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_page_links_its_notebook_and_is_reachable(lang):
    config = "mkdocs.yml" if lang == "ko" else "mkdocs.en.yml"
    nav_text = yaml.safe_load(
        re.sub(r"!!python/\S+", "''", (REPO / config).read_text())
    )["nav"]
    landing = (DOCS / lang / "index.md").read_text(encoding="utf-8")
    for page in topic_pages(lang):
        text = page.path.read_text(encoding="utf-8")
        top = "\n".join(text.splitlines()[:5])
        assert f"(notebooks/{page.slug}.ipynb)" in top, (
            f"{rel(page.path)}: link the companion notebook right under the title"
        )
        assert f"{page.slug}.md" in str(nav_text), (
            f"{config}: add {page.slug}.md to nav"
        )
        assert f"({page.slug}.md)" in landing, (
            f"docs/{lang}/index.md: link {page.slug}.md"
        )


def test_pages_use_korean_glossary_terms():
    # ko-style.md: 정규화 means normalization only; regularization is 규제.
    for page in pages("ko"):
        text = page.path.read_text(encoding="utf-8")
        for bad in ("정규화(regularization)", "매개변수", "당신"):
            assert bad not in text, (
                f"{rel(page.path)}: replace `{bad}` (see ko-style.md)"
            )


@pytest.mark.parametrize("page", ALL_PAGES, ids=PAGE_IDS)
def test_a_page_shows_and_names_the_shared_files_its_snippets_import(page):
    # A snippet that imports digits_net runs only beside a copy of it: the page
    # says so, and shows every function of it (the notebook needs them as cells).
    needed = {
        shared
        for include in page.includes
        for shared in shared_imports(REPO / include.path)
    }
    text = page.path.read_text(encoding="utf-8")
    for shared in sorted(needed):
        shown = "\n".join(
            snippet_text(i) for i in page.includes if i.path == rel(shared)
        )
        tree = ast.parse(shared.read_text(encoding="utf-8"))
        missing = [
            node.name
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and f"def {node.name}(" not in shown
        ]
        assert not missing, (
            f"{rel(page.path)}: its snippets import {rel(shared)}; include the "
            f"sections that define {missing}"
        )
        prose = [
            line
            for line in text.splitlines()
            if f"`{shared.name}`" in line and "--8<--" not in line
        ]
        assert prose, (
            f"{rel(page.path)}: tell the reader to copy `{shared.name}` beside the "
            "snippets that import it"
        )


TOPIC_PAGES = [page for lang in LANGS for page in topic_pages(lang)]
ENDING = ["summary", "exercises", "references"]
HEADINGS = {
    "ko": {"summary": "요약", "exercises": "연습 문제", "references": "참고 문헌"},
    "en": {"summary": "Summary", "exercises": "Exercises", "references": "References"},
}


@pytest.mark.parametrize(
    "page", TOPIC_PAGES, ids=[rel(page.path) for page in TOPIC_PAGES]
)
def test_every_topic_page_ends_with_summary_exercises_references(page):
    # Issue 19, item 17: a short summary of what the page showed, then the exercises,
    # then the references, as the page's last three sections, in this order.
    sections = [h for h in page.headings if h.level == 2]
    last = [h.id for h in sections[-3:]]
    assert last == ENDING, (
        f"{rel(page.path)}: end the page with the sections "
        f"{' → '.join('#' + i for i in ENDING)} (found {' → '.join(last)})"
    )
    lang = page.path.parent.name
    for heading in sections[-3:]:
        assert heading.text == HEADINGS[lang][heading.id], (
            f"{rel(page.path)}:{heading.line}: call #{heading.id} "
            f"'{HEADINGS[lang][heading.id]}'"
        )
    summary = sections[-3]
    text = page.path.read_text(encoding="utf-8").splitlines()
    body = text[summary.line : sections[-2].line - 1]
    bullets = [line for line in body if line.startswith("- ")]
    assert 4 <= len(bullets) <= 7, (
        f"{rel(page.path)}:{summary.line}: the summary is 4 to 7 short bullets "
        f"(found {len(bullets)})"
    )
