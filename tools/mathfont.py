"""The math font, cut to the characters the site's formulas use.

Formulas are MathML (hooks/formulas.py), laid out by the browser with STIX Two Math,
an OpenType math font (SIL Open Font License) that comes from the npm package
@fontsource/stix-two-math in tools/node. The whole font is 400 kB; the formulas of
both languages use about a hundred characters, so the site serves a subset with just
those (and, through the font's MATH table, the larger variants of stretchy brackets,
roots and big operators). A browser sets a one-letter identifier <mi>x</mi> in
italic by drawing the Unicode character MATHEMATICAL ITALIC SMALL X, so that one is
kept too, and so is the radical sign that <msqrt> draws.
"""

from __future__ import annotations

import io
import unicodedata
from html.parser import HTMLParser

from tools.nodejs import NODE_MODULES

SOURCE = (
    NODE_MODULES / "@fontsource" / "stix-two-math"
    / "files" / "stix-two-math-latin-400-normal.woff2"
)
FONT_NAME = "stix-two-math.woff2"


class _MathText(HTMLParser):
    """The characters inside <math> elements, and those of one-letter <mi>s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()
        self.italic: set[str] = set()
        self._depth = 0
        self._mi: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "math":
            self._depth += 1
        elif tag in ("msqrt", "mroot"):
            self.chars.add("\u221a")  # the radical sign is drawn, not written
        elif tag == "mi" and self._depth and dict(attrs).get("mathvariant") is None:
            self._mi = []

    def handle_endtag(self, tag):
        if tag == "math":
            self._depth -= 1
        elif tag == "mi" and self._mi is not None:
            text = "".join(self._mi)
            if len(text) == 1:
                self.italic.add(text)
            self._mi = None

    def handle_data(self, data):
        if self._depth:
            self.chars.update(data)
            if self._mi is not None:
                self._mi.append(data)


def italic_form(char: str) -> str | None:
    """The character a browser draws for <mi>char</mi> (MathML Core: math-auto)."""
    if char == "h":
        return "\u210e"  # PLANCK CONSTANT stands in the italic alphabet's hole
    name = unicodedata.name(char, "")
    for script in ("LATIN", "GREEK"):
        for case in ("SMALL", "CAPITAL"):
            prefix = f"{script} {case} LETTER "
            if name.startswith(prefix):
                try:
                    return unicodedata.lookup(
                        f"MATHEMATICAL ITALIC {case} {name.removeprefix(prefix)}"
                    )
                except KeyError:
                    return None
    return None


def math_characters(pages: list[str]) -> set[str]:
    """Every character the formulas of these HTML pages draw."""
    parser = _MathText()
    for page in pages:
        parser.feed(page)
    chars = {c for c in parser.chars if not c.isspace()}
    chars.update(f for c in parser.italic if (f := italic_form(c)))
    return chars


def subset(chars: set[str]) -> bytes:
    """STIX Two Math with only these characters (and their stretchy variants), WOFF2."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    if not SOURCE.is_file():
        raise FileNotFoundError(
            f"{SOURCE} is missing: run `nox -s build` (it runs `npm ci` in tools/node)"
        )
    options = ft_subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # ssty (script-size forms), ss04 (primes), ...
    options.name_IDs = ["*"]  # the copyright and licence names stay in the font
    options.notdef_outline = True
    font = TTFont(SOURCE)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()
