"""Sections far from the viewport are laid out only when the reader comes near.

Laying out a whole topic page (Korean line breaking, ~100 formulas, figures) is most
of what a phone does while the page opens. After the first `<h2>`, each run of
blocks between two headings (but the page's last) is wrapped in `<div
class="lazy-layout">`, which site.css gives `content-visibility: auto`: the browser
skips its layout until it nears the viewport and reserves an estimated height for
it meanwhile (`auto`: once drawn, it keeps its real height). The headings stay
outside the wrappers, so the table of contents finds every section without laying
out the text around it, and a `#section` link lands where it should.

The estimate (`--h-narrow` for a phone's 358 px column, `--h-wide` for the
desktop's 688 px one) is a model of the blocks: text lines from the width of its
characters, figures from their intrinsic size, code from its line count. It only
sizes the scroll bar while a section is far away; tests/e2e/test_speed.py checks it
stays close to the drawn height.

A notebook page is one `jp-Notebook` of cells: each cell after the first few gets
`class="lazy-cell"` and its own estimate (code and output from their line counts,
Markdown as on a topic page, in the notebook's narrower column).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

COLUMNS = {"narrow": 358, "wide": 688}  # px of text column (390 px and 1280 px)
FONT = 16  # px: body text
LINE = 25.6  # px: body line height
GAP = 16  # px: the margin between two blocks
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip


class _TopLevel(HTMLParser):
    """Offsets and tag names of the top-level elements of a page's content."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.blocks: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.blocks.append((self.getpos(), tag))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.blocks.append((self.getpos(), tag))

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1


def top_level_blocks(content: str) -> list[tuple[str, str]]:
    """The page's content cut into (tag, html) of its top-level elements; text
    between them (whitespace) stays with the element before it."""
    parser = _TopLevel()
    parser.feed(content)
    parser.close()
    line_starts = [0]
    for line in content.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    starts = [(line_starts[line - 1] + col, tag) for (line, col), tag in parser.blocks]
    blocks = [("", content[: starts[0][0]])] if starts else [("", content)]
    ends = [start for start, _ in starts[1:]] + [len(content)]
    for (start, tag), end in zip(starts, ends, strict=True):
        blocks.append((tag, content[start:end]))
    return blocks


TAG = re.compile(r"<[^>]+>")
MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
IMG_SIZE = re.compile(r'<(img|source)\b[^>]*\bwidth="(\d+)" height="(\d+)"')
CODE_LINES = re.compile(r'<pre style="--lines:(\d+)"')
CODE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
ROW = re.compile(r"<tr\b.*?</tr>", re.DOTALL)
CELL = re.compile(r"<t[dh]\b.*?</t[dh]>", re.DOTALL)
CLOSED_DETAILS = re.compile(
    r"<details(?![^>]*\bopen)[^>]*>\s*(<summary\b.*?</summary>).*?</details>",
    re.DOTALL,
)
WIDE_CHAR = re.compile(r"[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


def text_width(fragment: str) -> float:
    """Width in px of a fragment's text set in one line (Hangul ~1 em, Latin ~.5 em,
    formulas ~.6 em a glyph)."""
    math = sum(len(TAG.sub("", m)) for m in MATH.findall(fragment)) * 0.6
    text = html.unescape(TAG.sub("", MATH.sub("", fragment)))
    wide = len(WIDE_CHAR.findall(text))
    return (wide + 0.5 * (len(text) - wide) + math) * FONT


def lines(fragment: str, column: int) -> int:
    return max(1, -(-int(text_width(fragment)) // column))


def block_height(tag: str, fragment: str, column: int) -> float:
    """Estimated height in px of one top-level block, its margin included."""
    if tag == "details":  # closed: its summary line
        return LINE + 20 + 2 * GAP
    if tag == "div" and "admonition" in fragment[:80]:  # a box: title, text, answers
        shown = CLOSED_DETAILS.sub(r"<p>\1</p>", fragment)
        inner = shown.split("</p>", 1)[-1]  # after the title
        code = sum(block_height("div", pre, column) for pre in CODE.findall(inner))
        text = CODE.sub("", inner)
        paragraphs = max(1, text.count("<p"))
        return (lines(text, column - 40) + 1) * LINE + paragraphs * GAP + code + 2 * GAP
    if tag == "div" and "<pre" in fragment:  # a code block
        code_lines = sum(int(n) for n in CODE_LINES.findall(fragment))
        return code_lines * 1.19 * 13.6 + 1.32 * 13.6 + 2 * GAP
    if tag == "figure":
        sizes = IMG_SIZE.findall(fragment)
        narrow = [s for s in sizes if s[0] == "source"]
        chosen = narrow[0] if narrow and column == COLUMNS["narrow"] else sizes[0]
        width, height = int(chosen[1]), int(chosen[2])
        image = height * min(1.0, column / width)
        caption = fragment.split("<figcaption", 1)[-1]
        return image + lines(caption, column) * 0.8 * LINE + 3 * GAP
    if tag == "table":  # a row is as tall as its longest cell
        height = 0.0
        for row in ROW.findall(fragment):
            cells = CELL.findall(row) or [row]
            width = column / len(cells) - 24
            height += max(lines(cell, width) for cell in cells) * LINE + 16
        return height + 2 * GAP
    if tag in ("ul", "ol"):
        items = fragment.split("<li")[1:]
        return sum(lines(item, column - 32) * LINE + GAP / 2 for item in items) + GAP
    if tag == "div" and "arithmatex" in fragment:  # a display formula
        return 3 * LINE + 2 * GAP
    return lines(fragment, column) * LINE + GAP


NOTEBOOK_COLUMNS = {"narrow": 328, "wide": 658}  # px of a notebook's Markdown text
NOTEBOOK = re.compile(r'<div class="jp-Notebook"[^>]*>')
DRAWN_CELLS = 3  # a notebook's first cells, drawn at once
MARKDOWN = re.compile(r'<div class="jp-RenderedHTMLCommon[^>]*>(.*?)</div>', re.DOTALL)


def cell_height(cell: str, name: str) -> float:
    """Estimated height in px of one notebook cell: code and output from their line
    counts (13 px at 1.4), Markdown from its blocks, as on a topic page."""
    lines = [int(n) for n in CODE_LINES.findall(cell)]
    if "jp-CodeCell" in cell[:80]:
        return 32 + 18.1875 * sum(lines) + 5 * max(0, len(lines) - 1)
    column = NOTEBOOK_COLUMNS[name]
    text = "".join(MARKDOWN.findall(cell))
    return 10 + sum(block_height(t, f, column) for t, f in top_level_blocks(text) if t)


def notebook_cells(html_: str) -> str:
    """Each cell after the first DRAWN_CELLS is laid out only when near, reserving
    its estimated height."""
    match = NOTEBOOK.search(html_)
    if not match:
        return html_
    out, cells = [], 0
    for tag, cell in top_level_blocks(html_[match.end() :]):
        cells += tag == "div" and cell.startswith('<div class="jp-Cell')
        if cells > DRAWN_CELLS and cell.startswith('<div class="jp-Cell'):
            sizes = {name: round(cell_height(cell, name)) for name in NOTEBOOK_COLUMNS}
            cell = cell.replace(
                '<div class="jp-Cell',
                f'<div style="--h-narrow:{sizes["narrow"]}px;'
                f'--h-wide:{sizes["wide"]}px" class="lazy-cell jp-Cell',
                1,
            )
        out.append(cell)
    return html_[: match.end()] + "".join(out)


def on_page_content(html_, page, config, files):
    if page is not None and page.file.src_uri.endswith(".ipynb"):
        return notebook_cells(html_)
    blocks = top_level_blocks(html_)
    out: list[str] = []
    run: list[tuple[str, str]] = []
    after_first_h2 = False

    def flush():
        if not run:
            return
        sizes = {
            name: round(sum(block_height(t, f, column) for t, f in run))
            for name, column in COLUMNS.items()
        }
        out.append(
            f'<div class="lazy-layout" style="--h-narrow:{sizes["narrow"]}px;'
            f'--h-wide:{sizes["wide"]}px">{"".join(f for _, f in run)}</div>'
        )
        run.clear()

    for tag, fragment in blocks:
        if tag in HEADINGS:
            flush()
            after_first_h2 = after_first_h2 or tag == "h2"
            out.append(fragment)
        elif after_first_h2:
            run.append((tag, fragment))
        else:
            out.append(fragment)
    # The last section stays drawn: a skipped section's content is still laid out
    # when a script asks (an accessibility checker does), beyond its estimate if the
    # estimate is short, and the last one would then overlap the dark footer.
    out.extend(f for _, f in run)
    return "".join(out)
