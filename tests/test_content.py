"""hooks/content.py: code blocks reachable by keyboard, and light."""

import re
from html import unescape
from pathlib import Path

import material

from hooks import content

SHORT = '<div class="highlight"><pre><code>x = 1\ny = 2\n</code></pre></div>'
LONG_LINE = "total = " + " + ".join(f"value_{i}" for i in range(6))  # 65 characters


def test_only_a_block_too_wide_for_a_phone_is_focusable_from_the_start():
    assert 'tabindex="0"' not in content.on_page_content(SHORT, None, None, None)
    wide = SHORT.replace("x = 1", LONG_LINE)
    out = content.on_page_content(wide, None, None, None)
    assert '<code tabindex="0">' in out
    # what is counted is the text a reader sees, not the markup around it
    marked = SHORT.replace("x = 1", '<span class="k">' + "x" * 30 + "</span> &lt; 1")
    assert 'tabindex="0"' not in content.on_page_content(marked, None, None, None)


def test_materials_bundle_still_reads_the_content_lazy_flag():
    """mkdocs.yml turns on `content.lazy` (code blocks mounted once seen), a flag
    Material's bundle reads but does not document: an upgrade that drops it would
    mount every code block at load again, each forcing a layout."""
    bundles = (Path(material.__file__).parent / "templates/assets/javascripts").glob(
        "bundle.*.min.js"
    )
    assert any('"content.lazy"' in b.read_text(encoding="utf-8") for b in bundles)
    assert "content.lazy" in Path("mkdocs.yml").read_text(encoding="utf-8")


def test_only_tokens_with_their_own_colour_keep_a_span():
    """As Pygments writes `for k in d: print(f"{k}", 1)  # c` (pymdownx.highlight)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    code = 'for k in d: print(f"{k}", 1)  # c\n'
    html = highlight(code, PythonLexer(), HtmlFormatter())
    out = content.on_page_content(html, None, None, None)
    kept = re.findall(r'<span class="([\w ]+)">', out)
    assert set(kept) == {"k", "nb", "sa", "s2", "si", "mi", "c1"}, kept
    assert unescape(re.sub(r"<[^>]+>", "", out)) == unescape(
        re.sub(r"<[^>]+>", "", html)
    )  # the text is unchanged
    assert "<span class=\"p\">" in html and "<span class=\"o" in html


# As Python-Markdown's `tables` writes a table (one tag a line).
TABLE = """<table>
<thead>
<tr>
<th>Function</th>
<th>$\\operatorname{Var}(w)$</th>
<th align="left">Source</th>
</tr>
</thead>
<tbody>
<tr>
<td><code>he</code></td>
<td>$2/n$</td>
<td align="left">He et al. (2015)</td>
</tr>
</tbody>
</table>"""


def test_a_wide_tables_cells_carry_their_column_heading_for_a_phone():
    out = content.on_page_content(TABLE, None, None, None)
    assert "<table data-stack>" in out
    # every cell but the row's first starts with its column's heading, formula
    # included (hooks/formulas.py typesets it later like any other)
    assert re.findall(r'<span class="cell-label">(.*?)</span>', out) == [
        "$\\operatorname{Var}(w)$", "Source"]
    assert '<td align="left"><span class="cell-label">Source</span> He' in out
    assert "<tr><td><code>he</code></td>" in out  # the row's heading: no label
    # the text a wide screen shows is unchanged (site.css hides the labels there)
    hidden = re.sub(r'<span class="cell-label">.*?</span> ', "", out)
    assert re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", hidden)) == re.sub(
        r"\s+", "", re.sub(r"<[^>]+>", "", TABLE))


def test_a_two_column_table_stays_a_table():
    two = TABLE.replace('<th align="left">Source</th>\n', "").replace(
        '<td align="left">He et al. (2015)</td>\n', "")
    assert len(re.findall(r"<t[hd]\b", two)) == 4
    assert content.on_page_content(two, None, None, None) == two


def _rules(css: str) -> list[tuple[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    return [(sel.strip(), body) for sel, body in rules]


def _specificity(selector: str) -> tuple[int, int, int]:
    ids = len(re.findall(r"#[\w-]+", selector))
    classes = len(re.findall(r"\.[\w-]+|\[[^\]]+\]|:(?!:)[\w-]+", selector))
    types = len(re.findall(r"(?:^|[\s>+~])([a-z][\w-]*)", selector))
    return ids, classes, types


def test_notebook_output_never_wraps_inside_a_number():
    """nbconvert's CSS (mkdocs-jupyter, loaded after site.css on notebook pages)
    sets `white-space: pre-wrap; word-break: break-all` on output <pre>: a printed
    table then breaks mid-number on a phone. site.css must win by specificity."""
    import mkdocs_jupyter

    theirs = (Path(mkdocs_jupyter.__file__).parent
              / "templates/mkdocs_html/assets/index.css").read_text(encoding="utf-8")
    wrapping = [sel for sels, body in _rules(theirs) if "break-all" in body
                for sel in sels.split(",") if "jp-OutputArea-output pre" in sel]
    assert wrapping, "nbconvert's output rule moved: update this test"
    ours = (Path(content.__file__).parent.parent / "docs/assets/site.css").read_text(
        encoding="utf-8")
    fixes = [
        (sel, body) for sels, body in _rules(ours) for sel in sels.split(",")
        if sel.strip().endswith(".jp-OutputArea-output pre")
        and re.search(r"white-space:\s*pre\s*;", body)
        and re.search(r"word-break:\s*normal", body)
    ]
    assert fixes, "site.css: no rule keeps notebook output on one line"
    for sel in wrapping:
        assert any(_specificity(fix) > _specificity(sel) for fix, _ in fixes), (
            f"site.css's notebook output rule does not outrank nbconvert's {sel}")
