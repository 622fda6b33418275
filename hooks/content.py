"""Small rewrites of every page's HTML that make it read well on any screen.

- `#>` lines in code blocks (what a snippet prints) get the class `output`, so
  site.css shows them as output; their text is unchanged, so a copy keeps them as
  comments and the snippet still runs.
- Pygments' whitespace and plain-name tokens lose their `<span>`: the theme draws
  them as plain code anyway, and a page has ~1000 elements less to lay out on a phone;
  a run of operators and punctuation, which share a colour, becomes one span.
- A code block with a line too long for a phone's column is focusable from the
  start (`tabindex="0"` on its `<code>`), so the keyboard can scroll it (axe-core:
  scrollable-region-focusable). Material sets this when it mounts a block, but it
  mounts a block only once it is seen (`content.lazy`, mkdocs.yml); once mounted,
  Material keeps it only where the block does scroll.
- Inline code gets a `<wbr>` after `_`, `/` and `.`: a long identifier or path
  may break there on a phone, and nowhere else (site.css keeps words whole).
- A long inline formula gets the class `long`: on a phone it wraps where Temml
  allows (after a top-level relation or operator) and scrolls inside its own box
  (site.css) where it cannot, instead of widening the page.
"""

import re
from html import unescape

OUTPUT = re.compile(r'<span class="c1">(#&gt;)')
# Pygments tokens the theme draws exactly like plain code: whitespace ("w") and
# plain names ("n", coloured --md-code-hl-name-color, which is the code colour).
PLAIN_TOKEN = re.compile(r'<span class="[wn]">([^<]*)</span>')
# Operators ("o") and punctuation ("p") share one colour in both palettes
# (docs/assets/site.css): a run of them, whitespace between, is one span.
SAME_COLOUR_RUN = re.compile(
    r'<span class="[op]">[^<]*</span>(?:\s*<span class="[op]">[^<]*</span>)+'
)
TAG = re.compile(r"<[^>]+>")
INLINE_CODE = re.compile(r"(<pre\b.*?</pre>)|<code>([^<]{12,})</code>", re.DOTALL)
BREAK_AFTER = re.compile(r"(?<=[_/.])(?=[\w])")
PHONE_CODE_CHARS = 40  # a monospace line of code on a 390 px phone holds ~43
LONG_INLINE_MATH = re.compile(
    r'<span class="arithmatex">(\\\((?:(?!</span>).){48,}?\\\))</span>'
)


def on_page_content(html, page, config, files):
    html = OUTPUT.sub(r'<span class="c1 output">\1', html)
    html = PLAIN_TOKEN.sub(r"\1", html)
    html = SAME_COLOUR_RUN.sub(
        lambda run: f'<span class="p">{TAG.sub("", run[0])}</span>', html
    )
    html = LONG_INLINE_MATH.sub(r'<span class="arithmatex long">\1</span>', html)

    def code(match: re.Match) -> str:
        if match[1]:  # a code block
            block = match[1]
            text = unescape(TAG.sub("", block))
            if max(map(len, text.splitlines()), default=0) > PHONE_CODE_CHARS:
                block = block.replace("<code>", '<code tabindex="0">', 1)
            return block
        return f"<code>{BREAK_AFTER.sub('<wbr>', match[2])}</code>"

    return INLINE_CODE.sub(code, html)
