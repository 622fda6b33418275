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
