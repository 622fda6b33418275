"""The colours of a figure in each palette: one SVG file per palette.

A figure is an `<img>`, so the page's CSS cannot reach inside it, and engines
disagree on which colour scheme an SVG image sees (WebKit ignores the embedding
page's), so each palette gets its own file and the page picks one
(hooks/figures.py). `themed(svg, "dark")` writes the dark colours: white becomes the
page's dark background, greys and black turn over between the dark background and
the dark palette's text colour, and every other colour keeps its hue and is
lightened until it stands out from the dark background. `themed(svg, "light")`
darkens line colours (strokes) where they are too pale on white.
"""

from __future__ import annotations

import colorsys
import re

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
    c = rgb(color)
    if _is_grey(c):  # black -> text colour, white -> background, greys between
        t = c[0] / 255
        mixed = tuple(f + t * (b - f) for f, b in zip(DARK_FG, DARK_BG, strict=True))
        if t < 0.5:  # text, axes, reference lines: keep them readable
            mixed = _toward(mixed, DARK_BG, TEXT_CONTRAST if t < 0.3 else MARK_CONTRAST)
        return hexcolor(mixed)
    return hexcolor(_toward(c, DARK_BG, MARK_CONTRAST))


def light(color: str, kind: str) -> str:
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
