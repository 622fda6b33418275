"""Figures: the narrow variant on phones, sized before they load, fetched when near.

tools/figures.py draws every figure twice, `<name>.svg` for the desktop column and
`<name>.narrow.svg` for phones. Each `<img src=".../figures/.../<name>.svg">` of a page
becomes a `<picture>` whose `<source>` names the narrow file below NARROW_MEDIA: the
browser picks one source and downloads only that one (tests/e2e checks it), and
tools/budget.py counts each viewport's own download.

Both the `<img>` and the `<source>` carry their file's intrinsic size (`width`,
`height`, from the SVG), so the page keeps its layout while figures arrive: nothing
moves when one lands, also for a reader who arrives at a #section. Figures after the
first load lazily (`loading="lazy"`), when the reader scrolls near them.
"""

import re
from pathlib import Path

from tools.figures import NARROW_MEDIA

FIGURE_IMG = re.compile(
    r'<img\b([^>]*)\bsrc="((?:\.\./)*)(figures/[^"]+)\.svg"([^>]*)>'
)
SVG_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"')
PX_PER_PT = 4 / 3


def svg_size(path: Path) -> str:
    """`width="W" height="H"` in CSS px, from an SVG drawn by tools/figures.py."""
    match = SVG_SIZE.search(path.read_text(encoding="utf-8")[:2000])
    if not match:
        raise ValueError(f"{path}: no width/height in pt on its <svg> element")
    width, height = (round(float(v) * PX_PER_PT) for v in match.groups())
    return f'width="{width}" height="{height}"'


def on_page_content(html, page, config, files):
    docs = Path(config["docs_dir"])
    seen = 0

    def picture(match: re.Match) -> str:
        nonlocal seen
        before, up, name, after = match.groups()
        wide = docs / f"{name}.svg"
        if not wide.is_file():
            return match[0]
        lazy = ' loading="lazy"' if seen else ""
        seen += 1
        img = (
            f'<img{before}src="{up}{name}.svg" {svg_size(wide)}'
            f' decoding="async"{lazy}{after}>'
        )
        narrow = docs / f"{name}.narrow.svg"
        if not narrow.is_file():
            return img
        return (
            f'<picture><source media="{NARROW_MEDIA}" srcset="{up}{name}.narrow.svg" '
            f'type="image/svg+xml" {svg_size(narrow)}>{img}</picture>'
        )

    return FIGURE_IMG.sub(picture, html)
