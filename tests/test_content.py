"""hooks/content.py: code blocks sized before layout and reachable by keyboard."""

from hooks import content

SHORT = '<div class="highlight"><pre><code>x = 1\ny = 2\n</code></pre></div>'
LONG_LINE = "total = " + " + ".join(f"value_{i}" for i in range(6))  # 65 characters


def test_a_code_block_carries_its_line_count():
    out = content.on_page_content(SHORT, None, None, None)
    assert '<pre style="--lines:2">' in out


def test_only_a_block_too_wide_for_a_phone_is_focusable_from_the_start():
    assert 'tabindex="0"' not in content.on_page_content(SHORT, None, None, None)
    wide = SHORT.replace("x = 1", LONG_LINE)
    out = content.on_page_content(wide, None, None, None)
    assert '<code tabindex="0">' in out
    # what is counted is the text a reader sees, not the markup around it
    marked = SHORT.replace("x = 1", '<span class="k">' + "x" * 30 + "</span> &lt; 1")
    assert 'tabindex="0"' not in content.on_page_content(marked, None, None, None)
