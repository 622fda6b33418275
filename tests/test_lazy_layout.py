"""hooks/lazy_layout.py: far sections wrapped for content-visibility, nothing lost.

How close the estimates come to the drawn heights is measured in the browser
(tests/e2e/test_speed.py); here: the wrapping keeps every byte of the page, never
wraps a heading or the opening, and the model's parts give the sizes they model.
"""

import re
from pathlib import Path

import material
import pytest

from hooks import lazy_layout

PAGE = """<h1 id="t">Title</h1>
<p>Opening, drawn at once.</p>
<h2 id="a">A</h2>
<p>One <code>x</code> paragraph.</p>
<div class="highlight"><pre style="--lines:3"><span></span><code>a
b
c
</code></pre></div>
<h3 id="a1">A.1</h3>
<figure><p><img src="f.svg" width="688" height="344"></p>
<figcaption><p>Caption</p></figcaption></figure>
<h2 id="b">B</h2>
<ul><li>one</li><li>two<br>lines</li></ul>
<div class="admonition question"><p class="admonition-title">Q</p><p>Ask.</p>
<details class="success"><summary>Answer</summary><p>Long hidden answer.</p>
</details></div>
"""
WRAPPER = re.compile(r'<div class="lazy-layout" style="[^"]*">|</div>(?=<h[2-6]|\Z)')


def test_wrapping_keeps_every_byte_of_the_page():
    wrapped = lazy_layout.on_page_content(PAGE, None, None, None)
    assert wrapped.count('class="lazy-layout"') == 2  # after h2 a, h3 a1: not the last
    assert WRAPPER.sub("", wrapped) == PAGE


def test_headings_and_the_opening_stay_outside_the_wrappers():
    wrapped = lazy_layout.on_page_content(PAGE, None, None, None)
    opening = wrapped[: wrapped.index('<h2 id="a">')]
    assert "lazy-layout" not in opening
    for section in re.findall(
        r'<div class="lazy-layout".*?</div>(?=<h|\Z)', wrapped, re.DOTALL
    ):
        assert not re.search(r"<h[1-6]\b", section)
    # each wrapper directly follows a heading (site.css cancels its margin)
    assert len(re.findall(r'</h[23]>\s*<div class="lazy-layout"', wrapped)) == 2


def test_a_page_without_sections_is_left_alone():
    page = "<h1>Only</h1><p>text</p><div><h2>nested, not a section</h2></div>"
    assert lazy_layout.on_page_content(page, None, None, None) == page


def test_top_level_blocks_are_the_pages_children_in_order():
    blocks = lazy_layout.top_level_blocks(PAGE)
    assert "".join(fragment for _, fragment in blocks) == PAGE
    tags = [tag for tag, _ in blocks if tag]
    assert tags == ["h1", "p", "h2", "p", "div", "h3", "figure", "h2", "ul", "div"]


@pytest.mark.parametrize("name", lazy_layout.COLUMNS)
def test_estimates_follow_the_model(name):
    column = lazy_layout.COLUMNS[name]
    code = '<div class="highlight"><pre style="--lines:10"></pre></div>'
    line, gap = lazy_layout.LINE, lazy_layout.GAP
    assert lazy_layout.block_height("div", code, column) == pytest.approx(
        10 * 1.19 * 13.6 + 1.32 * 13.6 + 2 * gap
    )
    # a figure scales to the column; its one-line caption is .8 of a text line
    figure = '<figure><img width="1376" height="688"><figcaption>c</figcaption>'
    assert lazy_layout.block_height("figure", figure, column) == pytest.approx(
        688 * column / 1376 + 0.8 * line + 3 * gap
    )
    # Hangul is about twice as wide as Latin: twice the characters on one line
    hangul, latin = "가" * (column // 16), "a" * (column // 8)
    assert lazy_layout.lines(hangul, column) == lazy_layout.lines(latin, column) == 1
    assert lazy_layout.lines(hangul + "가", column) == 2
    # a closed answer counts as its summary line, not its hidden text
    answer = "<p>" + "hidden " * 400 + "</p>"
    box = (
        '<div class="admonition question"><p class="admonition-title">Q</p>'
        f"<p>Ask.</p><details><summary>Answer</summary>{answer}</details></div>"
    )
    assert lazy_layout.block_height("div", box, column) < 8 * line


def test_materials_bundle_still_reads_the_content_lazy_flag():
    """mkdocs.yml turns on `content.lazy` (code blocks mounted once seen), a flag
    Material's bundle reads but does not document: an upgrade that drops it would
    mount every code block at load again, each forcing a layout."""
    bundles = (Path(material.__file__).parent / "templates/assets/javascripts").glob(
        "bundle.*.min.js"
    )
    assert any('"content.lazy"' in b.read_text(encoding="utf-8") for b in bundles)
    assert "content.lazy" in Path("mkdocs.yml").read_text(encoding="utf-8")


NOTEBOOK = (
    '<div class="jupyter-wrapper"><div class="jp-Notebook" data-x="1">'
    + "".join(
        f'<div class="jp-Cell jp-CodeCell"><pre style="--lines:{n}">x</pre></div>'
        for n in range(1, 8)
    )
    + "</div></div><style>p { }</style>"
)


def test_notebook_cells_after_the_first_few_reserve_their_height():
    out = lazy_layout.notebook_cells(NOTEBOOK)
    assert re.sub(r'style="[^"]*" class="lazy-cell ', 'class="', out) == NOTEBOOK
    marked = re.findall(r'--h-narrow:(\d+)px;--h-wide:(\d+)px" class="lazy-cell', out)
    assert len(marked) == 4  # cells 4 to 7: the first three are drawn at once
    # a code cell: its padding and prompt, then 13 px lines at 1.4 (18.1875 px)
    assert [int(n) for n, _ in marked] == [round(32 + 18.1875 * n) for n in range(4, 8)]
