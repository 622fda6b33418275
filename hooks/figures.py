"""Figures: the narrow variant on phones, without a second download on desktops.

tools/figures.py draws every figure twice, `<name>.svg` for the desktop column and
`<name>.narrow.svg` for phones. Each `<img src=".../figures/.../<name>.svg">` of a page
becomes a `<picture>` whose `<source>` names the narrow file below NARROW_MEDIA: the
browser picks one source and downloads only that one (tests/e2e checks it), and
tools/budget.py counts each viewport's own download.
"""

import re
from pathlib import Path

from tools.figures import NARROW_MEDIA

FIGURE_IMG = re.compile(r'<img\b[^>]*\bsrc="((?:\.\./)*)(figures/[^"]+)\.svg"[^>]*>')


def on_page_content(html, page, config, files):
    docs = Path(config["docs_dir"])

    def picture(match: re.Match) -> str:
        src = f"{match[1]}{match[2]}.narrow.svg"
        if not (docs / f"{match[2]}.narrow.svg").is_file():
            return match[0]
        return (
            f'<picture><source media="{NARROW_MEDIA}" srcset="{src}" '
            f'type="image/svg+xml">{match[0]}</picture>'
        )

    return FIGURE_IMG.sub(picture, html)
