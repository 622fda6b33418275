"""Figures: the variant of the reader's screen and palette, sized, fetched when near.

tools/figures.py draws every figure for the desktop column (`<name>.svg`) and for
phones (`<name>.narrow.svg`), each also in the dark palette (`<name>.dark.svg`,
`<name>.narrow.dark.svg`). Each `<img src=".../figures/.../<name>.svg">` of a page
becomes a `<picture>` per palette, whose `<source>` names the narrow file below
NARROW_MEDIA, so the browser downloads only the variant its viewport selects
(tests/e2e checks it), and tools/budget.py counts each viewport's own download.

Only the palette's picture may reach the page, or the browser fetches both: the
light one is written in a `<noscript>` (what a reader without JavaScript sees, on
the light page), the dark one in a `<template>` (inert), and a tiny script right
after them (`__figure()`, overrides/main.html) puts the picture of the reader's
palette in place while the page is parsed, and swaps it when the palette changes.
(`prefers-color-scheme` sources in one <picture> cannot follow the header's toggle:
WebKit picks a source as the parser inserts it, before any script could change it.)

The `<img>` and the `<source>` carry their file's intrinsic size (`width`, `height`,
from the SVG), so the page keeps its layout while figures arrive: nothing moves when
one lands, also for a reader who arrives at a #section. Figures after the first
load lazily (`loading="lazy"`), when the reader scrolls near them.
"""

import re
from pathlib import Path

from tools.figures import NARROW_MEDIA

FIGURE_IMG = re.compile(
    r'<img\b([^>]*)\bsrc="((?:\.\./)*)(figures/[^"]+)\.svg"([^>]*)>'
)
SVG_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"')
PX_PER_PT = 4 / 3
LAZY = ' loading="lazy"'


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

    def size(file: Path) -> str:
        if not file.is_file():
            raise FileNotFoundError(
                f"{file}: missing: run `nox -s figures` (tools/figures.py draws "
                "every variant of every figure)"
            )
        return svg_size(file)

    def figure(match: re.Match) -> str:
        nonlocal seen
        before, up, name, after = match.groups()
        if not (docs / f"{name}.svg").is_file():
            return match[0]
        lazy = LAZY if seen else ""
        seen += 1

        def picture(scheme: str, suffix: str, lazy: str) -> str:
            wide, narrow = f"{name}{suffix}.svg", f"{name}.narrow{suffix}.svg"
            return (
                f'<picture class="figure-{scheme}"><source media="{NARROW_MEDIA}" '
                f'srcset="{up}{narrow}" type="image/svg+xml" {size(docs / narrow)}>'
                f'<img{before}src="{up}{wide}" {size(docs / wide)} decoding="async"'
                f"{lazy}{after}></picture>"
            )

        # The dark picture is always lazy: Firefox's preloader fetches an eager
        # image even from inside a <template>.
        return (
            f"<template>{picture('dark', '.dark', LAZY)}</template>"
            f"<noscript>{picture('light', '', lazy)}</noscript>"
            "<script>__figure()</script>"
        )

    return FIGURE_IMG.sub(figure, html)
