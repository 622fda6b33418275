"""Small rewrites of every page's HTML that make it read well on any screen.

- `#>` lines in code blocks (what a snippet prints) get the class `output`, so
  site.css shows them as output; their text is unchanged, so a copy keeps them as
  comments and the snippet still runs.
- Pygments' whitespace, plain names, operators and punctuation lose their `<span>`
  and are drawn in the code's own colour; keywords, strings, numbers, builtins and
  comments keep theirs. A code-heavy page is a fifth lighter, with half the spans to
  style and lay out (measured, hyperparameter optimization: HTML 222 -> 171 kB,
  spans 4484 -> 2029).
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
- A table of three or more columns is marked `data-stack`, and every cell but a
  row's first starts with a copy of its column's heading (`cell-label`, hidden on
  wide screens): on a phone site.css stacks each row into a block of labelled
  lines, so no column falls off the screen's edge.
"""

import re
from html import unescape

OUTPUT = re.compile(r'<span class="c1">(#&gt;)')
# Pygments tokens drawn as plain code: whitespace ("w"), plain names ("n", whose
# theme colour is the code colour), operators ("o", "ow") and punctuation ("p").
PLAIN_TOKEN = re.compile(r'<span class="(?:[wnop]|ow)">([^<]*)</span>')
TAG = re.compile(r"<[^>]+>")
INLINE_CODE = re.compile(r"(<pre\b.*?</pre>)|<code>([^<]{12,})</code>", re.DOTALL)
BREAK_AFTER = re.compile(r"(?<=[_/.])(?=[\w])")
PHONE_CODE_CHARS = 40  # a monospace line of code on a 390 px phone holds ~43
TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
BODY_CELL = re.compile(r"<td\b[^>]*>")
STACK_COLUMNS = 3  # narrower tables fit a phone as they are
LONG_INLINE_MATH = re.compile(
    r'<span class="arithmatex">(\\\((?:(?!</span>).){48,}?\\\))</span>'
)


def stack_table(match: re.Match) -> str:
    """Label every cell of a wide table with its column's heading (see above)."""
    inner = match[1]
    head, _, body = inner.partition("</thead>")
    labels = HEAD_CELL.findall(head)
    if len(labels) < STACK_COLUMNS or not body:
        return match[0]

    def row(row_match: re.Match) -> str:
        cells = iter(labels)

        def cell(cell_match: re.Match) -> str:
            label = next(cells, "")
            if cell_match.start() == 0 or not label:  # the row's own heading
                return cell_match[0]
            return f'{cell_match[0]}<span class="cell-label">{label}</span> '

        return f"<tr>{BODY_CELL.sub(cell, row_match[1].strip())}</tr>"

    return f"<table data-stack>{head}</thead>{BODY_ROW.sub(row, body)}</table>"


def on_page_content(html, page, config, files):
    html = OUTPUT.sub(r'<span class="c1 output">\1', html)
    html = TABLE.sub(stack_table, html)
    html = PLAIN_TOKEN.sub(r"\1", html)
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
