"""The colours of a figure in each palette: one SVG file per palette.

A figure is an `<img>`, so the page's CSS cannot reach inside it, and engines
disagree on which colour scheme an SVG image sees (WebKit ignores the embedding
page's), so each palette gets its own file and the page picks one
(hooks/figures.py). `themed(svg, "dark")` writes the dark colours: white becomes the
page's dark background, greys and black turn over between the dark background and
the dark palette's text colour, and every other colour keeps its hue and is
lightened until it stands out from the dark background. `themed(svg, "light")`
darkens line colours (strokes) where they are too pale on white.

A colour of one of matplotlib's sequential colour maps (viridis, ...) encodes a value
by its lightness, so it is not moved on its own: the whole map's lightness range
(CIELAB L*) is squeezed, in order, into the range that stands out from the
background (`sequential`), and the darkest colour of the map stays the darkest.
"""

from __future__ import annotations

import colorsys
import re
from functools import cache

LIGHT_BG = (255, 255, 255)
DARK_BG = (0x1E, 0x20, 0x29)  # Material's slate background, hsl(232 15% 14%)
DARK_FG = (0xDD, 0xDF, 0xE6)  # close to the slate palette's text colour
TEXT_CONTRAST = 4.5  # greys and black: text and axes
MARK_CONTRAST = 3.0  # coloured lines and marks (WCAG 1.4.11, non-text contrast)
PAINT = re.compile(r'\b(fill|stroke)="(#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?)"')


def rgb(color: str) -> tuple[int, int, int]:
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def hexcolor(c: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0, min(255, v))):02x}" for v in c)


def luminance(c: tuple[float, float, float]) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def lightness(c) -> float:
    """CIELAB L* (0 black, 100 white) of an sRGB colour."""
    y = luminance(c)
    return 116 * y ** (1 / 3) - 16 if y > (6 / 29) ** 3 else y * (29 / 3) ** 3


def _lab(c) -> tuple[float, float, float]:
    """sRGB (0-255) -> CIELAB (D65 white)."""

    def linear(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in c)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t * (29 / 6) ** 2 / 3 + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _srgb(lab) -> tuple[float, float, float] | None:
    """CIELAB -> sRGB (0-255), or None outside the sRGB gamut."""
    big_l, a, b = lab
    fy = (big_l + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def finv(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    x, y, z = 0.95047 * finv(fx), finv(fy), 1.08883 * finv(fz)
    linear = (
        3.2406 * x - 1.5372 * y - 0.4986 * z,
        -0.9689 * x + 1.8758 * y + 0.0415 * z,
        0.0557 * x - 0.2040 * y + 1.0570 * z,
    )
    if not all(-1e-6 <= v <= 1 + 1e-6 for v in linear):
        return None

    def encode(v: float) -> float:
        v = min(max(v, 0.0), 1.0)
        return 255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)

    return tuple(encode(v) for v in linear)


def _with_lightness(c, target: float):
    """`c` at CIELAB lightness `target`, its hue kept; its chroma is reduced only as
    far as the sRGB gamut requires."""
    _, a, b = _lab(c)
    low, high = 0.0, 1.0  # the share of the chroma kept
    if (best := _srgb((target, a, b))) is None:
        best = _srgb((target, 0.0, 0.0))
        for _ in range(30):
            middle = (low + high) / 2
            if (inside := _srgb((target, a * middle, b * middle))) is None:
                high = middle
            else:
                low, best = middle, inside
    return best


SEQUENTIAL = ("viridis", "plasma", "inferno", "magma", "cividis")
ROUNDING = 0.5  # L*: a colour rounded to 8 bits per channel still has the contrast


@cache
def _sequential_maps() -> dict[str, tuple[float, float]]:
    """Each colour (hex) of a sequential map -> the map's (lowest, highest) L*."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    found: dict[str, tuple[float, float]] = {}
    for name in SEQUENTIAL:
        colors = [to_hex(colormaps[name](i)) for i in range(colormaps[name].N)]
        levels = [lightness(rgb(color)) for color in colors]
        for color in colors:
            found[color] = (min(levels), max(levels))
    return found


def _l_at_contrast(bg, minimum: float) -> float:
    """The L* of a grey with exactly `minimum` contrast to `bg` (on its far side)."""
    yb = luminance(bg)
    y = minimum * (yb + 0.05) - 0.05 if yb < 0.5 else (yb + 0.05) / minimum - 0.05
    return 116 * y ** (1 / 3) - 16 if y > (6 / 29) ** 3 else y * (29 / 3) ** 3


def sequential(color: str, scheme: str, kind: str) -> str | None:
    """A sequential map's colour in one palette, or None for any other colour.

    The map's L* range [low, high] is squeezed linearly into the part that stands
    out from the background (MARK_CONTRAST): on the dark background its darkest
    colour is lifted to that contrast and the rest in proportion; on white only
    lines (strokes) are darkened, their lightest colour to that contrast. Lightness
    keeps the order of the map's values."""
    bounds = _sequential_maps().get(color.lower())
    if bounds is None:
        return None
    low, high = bounds
    if scheme == "dark":
        lifted = _l_at_contrast(DARK_BG, MARK_CONTRAST) + ROUNDING
        new_low, new_high = max(low, lifted), high
    elif kind == "stroke":
        darkened = _l_at_contrast(LIGHT_BG, MARK_CONTRAST) - ROUNDING
        new_low, new_high = low, min(high, darkened)
    else:
        return color
    if (new_low, new_high) == (low, high):
        return color
    level = lightness(rgb(color))
    target = new_low + (level - low) * (new_high - new_low) / (high - low)
    return hexcolor(_with_lightness(rgb(color), target))


def _is_grey(c) -> bool:
    return max(c) - min(c) <= 8


def _toward(c, bg, minimum: float):
    """`c` with its hue kept and its lightness moved away from `bg` until the
    contrast reaches `minimum`."""
    h, lightness, s = colorsys.rgb_to_hls(*(v / 255 for v in c))
    step = 0.01 if luminance(bg) < 0.5 else -0.01
    while contrast(c, bg) < minimum and 0 <= lightness <= 1:
        lightness += step
        c = tuple(v * 255 for v in colorsys.hls_to_rgb(h, min(max(lightness, 0), 1), s))
    return c


def dark(color: str, kind: str) -> str:
    if (mapped := sequential(color, "dark", kind)) is not None:
        return mapped
    c = rgb(color)
    if _is_grey(c):  # black -> text colour, white -> background, greys between
        t = c[0] / 255
        mixed = tuple(f + t * (b - f) for f, b in zip(DARK_FG, DARK_BG, strict=True))
        if t < 0.5:  # text, axes, reference lines: keep them readable
            mixed = _toward(mixed, DARK_BG, TEXT_CONTRAST if t < 0.3 else MARK_CONTRAST)
        return hexcolor(mixed)
    return hexcolor(_toward(c, DARK_BG, MARK_CONTRAST))


def light(color: str, kind: str) -> str:
    if (mapped := sequential(color, "light", kind)) is not None:
        return mapped
    c = rgb(color)
    if kind == "stroke" and not _is_grey(c):
        return hexcolor(_toward(c, LIGHT_BG, MARK_CONTRAST))
    return color


SCHEMES = ("light", "dark")


def themed(svg: str, scheme: str) -> str:
    """`svg` with the colour rules of one palette; the drawing itself is unchanged."""
    paints = sorted(set(PAINT.findall(svg)))
    if scheme == "light":
        rules = [
            f'[{kind}="{color}"]{{{kind}:{light(color, kind)}}}'
            for kind, color in paints
            if light(color, kind) != color
        ]
    elif scheme == "dark":
        rules = [
            f'[{kind}="{color}"]{{{kind}:{dark(color, kind)}}}'
            for kind, color in paints
        ]
        # glyphs and other shapes without a fill of their own inherit the root's black
        rules.insert(0, f"svg{{fill:{dark('#000', 'fill')}}}")
    else:
        raise ValueError(f"scheme {scheme!r}: expected one of {SCHEMES}")
    if not rules:
        return svg
    style = "<style>" + "".join(rules) + "</style>"
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m[1] + style, svg, count=1)
