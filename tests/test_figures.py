"""Every figure script draws both languages, deterministically, readably."""

import functools
import importlib
import itertools
import warnings

import pytest
from matplotlib.figure import Figure

from tests.conftest import rel
from tools import figures

SCRIPTS = figures.scripts()


@functools.cache
def rendered_schemes(script, lang: str, variant: str) -> tuple[dict, list[str]]:
    """One render per process: the SVG of each palette and the glyphs the font
    lacked."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svgs = figures.render(script, lang, variant)
    return svgs, [str(w.message) for w in caught if "missing from" in str(w.message)]


def rendered(script, lang: str, variant: str) -> tuple[bytes, list[str]]:
    """The light SVG and the glyphs the font lacked."""
    svgs, missing = rendered_schemes(script, lang, variant)
    return svgs["light"], missing


def check_renders_identically_twice_in_both_languages(script):
    for lang in figures.LANGS:
        for variant in figures.VARIANTS:
            first, missing = rendered(script, lang, variant)
            where = f"{rel(script)} ({lang}, {variant})"
            assert not missing, f"{where}: glyphs not in the font: {missing}"
            assert first.startswith(b"<?xml") and b"<svg" in first
    # the languages differ in words only: drawing one again shows any randomness
    again = figures.render(script, "ko")
    assert again["light"] == rendered(script, "ko", "wide")[0], (
        f"{rel(script)} is not deterministic"
    )


def check_has_labels_for_both_languages(script):
    module = importlib.import_module(figures.module_name(script))
    assert set(module.LABELS) == set(figures.LANGS), (
        f"{rel(script)}: LABELS needs ko and en"
    )
    assert module.LABELS["ko"].keys() == module.LABELS["en"].keys(), (
        f"{rel(script)}: ko and en LABELS must have the same keys"
    )
    assert isinstance(module.make("en"), Figure)
    assert rendered(script, "ko", "wide")[0] != rendered(script, "en", "wide")[0], (
        f"{rel(script)}: Korean and English figures are identical; translate LABELS"
    )


def check_text_is_readable_in_the_column_it_is_shown_in(script):
    """The smallest text of the wide figure is >= 12 CSS px in the desktop column,
    of the narrow one >= 11 px on a 390 px phone (figures.shown_px: its size in
    points, shrunk with the figure to the column, never grown). The size is what
    the renderer drew, recorded in the SVG (data-min-text-pt)."""
    rules = {
        "wide": (figures.DESKTOP_COLUMN_PX, figures.MIN_DESKTOP_PX, "desktop column"),
        "narrow": (figures.PHONE_COLUMN_PX, figures.MIN_PHONE_PX, "390 px phone"),
    }
    for lang in figures.LANGS:
        for variant, (column, minimum, where) in rules.items():
            smallest, width = figures.svg_text_size(rendered(script, lang, variant)[0])
            shown = figures.shown_px(smallest, width, column)
            assert shown >= minimum, (
                f"{rel(script)} ({lang}, {variant}): smallest text {smallest:g} pt in "
                f"a figure {width:g} in wide shows at {shown:.1f} px in the {where} "
                f"(< {minimum} px): larger type, fewer panels per row, or a narrower "
                "figure (make(lang, narrow))"
            )


def tick_label_crowding(fig) -> list[str]:
    """Neighbouring tick labels of one axis closer than half their font size (or
    overlapping), as drawn: "<axis> '<label>' '<label>': <gap> px"."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    crowded = []
    for ax in fig.axes:
        for name, axis in (("x", ax.xaxis), ("y", ax.yaxis)):
            low, high = sorted(axis.get_view_interval())
            slack = 1e-9 * (high - low)
            labels = [
                tick.label1
                for tick in axis.get_major_ticks()
                if tick.label1.get_visible()
                and tick.label1.get_text()
                and low - slack <= tick.get_loc() <= high + slack
            ]
            boxes = sorted(
                ((label.get_window_extent(renderer), label) for label in labels),
                key=lambda pair: pair[0].x0 if name == "x" else pair[0].y0,
            )
            for (a, label_a), (b, label_b) in itertools.pairwise(boxes):
                gap = b.x0 - a.x1 if name == "x" else b.y0 - a.y1
                em = label_a.get_fontsize() * fig.dpi / 72
                if gap < em / 2:
                    crowded.append(
                        f"{name} {label_a.get_text()!r} {label_b.get_text()!r}: "
                        f"{gap:.1f} px"
                    )
    return crowded


def check_tick_labels_do_not_touch(script):
    """Neighbouring tick labels keep at least half a character of space between
    them, in both languages and both layouts."""
    import matplotlib.pyplot as plt

    from figures_src import style

    style.apply()
    for lang in figures.LANGS:
        for variant in figures.VARIANTS:
            fig = figures.make_figure(script, lang, variant)
            crowded = tick_label_crowding(fig)
            plt.close(fig)
            assert not crowded, (
                f"{rel(script)} ({lang}, {variant}): tick labels touch: {crowded}; "
                "set fewer ticks or leave some unlabelled"
            )


def test_tick_label_rule_catches_labels_that_touch():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.semilogx([50, 1000], [0, 1])
    ax.set_xticks([50, 100, 200, 500, 1000], ["50", "100", "200", "500", "1000"])
    ax.minorticks_off()
    fig.set_size_inches(1.6, 3)
    assert any("'500' '1000'" in crowded for crowded in tick_label_crowding(fig))
    fig.set_size_inches(6.4, 3)
    assert tick_label_crowding(fig) == []
    plt.close(fig)


def _shown_colours(svg: str) -> dict[str, str]:
    """The colour each fill and stroke of a themed SVG shows: its rule in the
    SVG's <style>, else the colour itself. Keys: 'fill #abcdef'."""
    import re

    from figures_src import theme

    rules = dict(
        ((kind, old), new)
        for kind, old, new in re.findall(
            r'\[(fill|stroke)="(#[0-9a-fA-F]+)"\]\{\1:(#[0-9a-fA-F]+)\}', svg
        )
    )
    return {
        f"{kind} {color}": rules.get((kind, color), color)
        for kind, color in theme.PAINT.findall(svg)
    }


@functools.cache
def _colour_map_positions() -> dict[str, tuple[str, int]]:
    """Hex colour -> (sequential map, index into the map's 256 colours)."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    from figures_src import theme

    positions = {}
    for name in theme.SEQUENTIAL:
        for index in range(colormaps[name].N):
            positions.setdefault(to_hex(colormaps[name](index)), (name, index))
    return positions


def check_colour_maps_keep_their_lightness_order(script):
    """Where a figure draws with a sequential colour map (the colour carries a
    value), the colours as shown get lighter along the map in both palettes:
    CIELAB L* increases with the map's index, and so with the value."""
    from figures_src import theme

    positions = _colour_map_positions()
    for scheme in figures.SCHEMES:
        svg = rendered_schemes(script, "en", "wide")[0][scheme].decode("utf-8")
        by_map: dict[tuple[str, str], list[tuple[int, str, float]]] = {}
        for key, shown in _shown_colours(svg).items():
            kind, color = key.split()
            if color.lower() in positions:
                name, index = positions[color.lower()]
                level = theme.lightness(theme.rgb(shown))
                by_map.setdefault((name, kind), []).append((index, color, level))
        for (name, kind), colours in by_map.items():
            colours.sort()
            levels = [level for _, _, level in colours]
            assert levels == sorted(levels) and len(set(levels)) == len(levels), (
                f"{rel(script)} ({scheme}): the {name} colours ({kind}) are not "
                "lighter along the map: "
                + ", ".join(f"{c} L*={level:.1f}" for _, c, level in colours)
            )


def test_cielab_lightness_matches_published_values():
    """Reference values of the CIE formulas (sRGB, D65): red is L* 53.24,
    a* 80.09, b* 67.20; the grey #777777 is L* 50.03; white 100, black 0."""
    from figures_src import theme

    assert theme._lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    assert theme.lightness((0x77, 0x77, 0x77)) == pytest.approx(50.03, abs=0.01)
    assert theme.lightness((255, 255, 255)) == pytest.approx(100)
    assert theme.lightness((0, 0, 0)) == 0
    back = theme._srgb(theme._lab((0x44, 0x01, 0x54)))
    assert back == pytest.approx((0x44, 0x01, 0x54), abs=0.01)


@pytest.mark.parametrize("name", ["viridis", "plasma", "inferno", "magma", "cividis"])
def test_sequential_maps_get_lighter_along_the_map_in_both_palettes(name):
    """Sampled every 8th of its 256 colours (about 2 L* apart), a map as either
    palette shows it gets lighter at each step and, on the dark background, its
    darkest colour still stands out (contrast >= 3); the darkest stays darkest."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    from figures_src import theme

    colours = [to_hex(colormaps[name](i)) for i in range(0, 256, 8)] + [
        to_hex(colormaps[name](255))
    ]
    for scheme, kind in (("dark", "fill"), ("dark", "stroke"), ("light", "stroke")):
        paint = theme.dark if scheme == "dark" else theme.light
        shown = [theme.rgb(paint(color, kind)) for color in colours]
        levels = [theme.lightness(c) for c in shown]
        steps = [b - a for a, b in itertools.pairwise(levels)]
        assert min(steps) > 0, (name, scheme, kind, levels)
        background = theme.DARK_BG if scheme == "dark" else theme.LIGHT_BG
        assert min(theme.contrast(c, background) for c in shown) >= 3, (name, scheme)
    assert theme.light(colours[0], "fill") == colours[0]  # fills on white: as drawn


def test_text_size_rule_catches_a_figure_drawn_for_paper():
    """The measurement itself: ten panels in a 10-inch row at 7 pt fail."""
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 10, figsize=(10, 1.8))
    axes[0].set_title("layer 1", fontsize=7)
    assert figures.smallest_text_pt(fig) == 7
    shown = figures.shown_px(7, 10, figures.DESKTOP_COLUMN_PX)
    plt.close(fig)
    assert 6 < shown < figures.MIN_DESKTOP_PX  # ~6.7 px, as seen in the browser
    assert figures.shown_px(9, 4, figures.PHONE_COLUMN_PX) >= figures.MIN_PHONE_PX


def test_dark_colours_stand_out_from_the_dark_background():
    from figures_src import theme

    for color in ("#000", "#000000", "#333333", "#1f77b4", "#440154", "#d62728"):
        dark = theme.rgb(theme.dark(color, "stroke"))
        assert theme.contrast(dark, theme.DARK_BG) >= theme.MARK_CONTRAST, color
    assert theme.contrast(theme.rgb(theme.dark("#000", "fill")), theme.DARK_BG) >= 4.5
    assert theme.dark("#fff", "fill") == theme.hexcolor(theme.DARK_BG)
    drawing = '<svg width="1"><path fill="#fff" stroke="#000"/></svg>'
    dark = theme.themed(drawing, "dark")
    assert f'[fill="#fff"]{{fill:{theme.hexcolor(theme.DARK_BG)}}}' in dark
    assert theme.themed(drawing, "light") == drawing  # black on white: unchanged
    with pytest.raises(ValueError, match="scheme"):
        theme.themed(drawing, "sepia")


@pytest.mark.parametrize("script", SCRIPTS, ids=rel)
def test_figure(script):
    """All checks of one figure in one test, so one process draws it: a figure
    that trains networks caches its runs, and they then happen once."""
    check_renders_identically_twice_in_both_languages(script)
    check_has_labels_for_both_languages(script)
    check_text_is_readable_in_the_column_it_is_shown_in(script)
    check_colour_maps_keep_their_lightness_order(script)
    check_tick_labels_do_not_touch(script)


def _page_with_figure(tmp_path, variants):
    from types import SimpleNamespace

    from hooks import figures as hook

    svg = '<svg width="300pt" height="150pt"></svg>'
    folder = tmp_path / "figures" / "page"
    folder.mkdir(parents=True)
    for suffix in variants:
        (folder / f"plot{suffix}.svg").write_text(svg)
    html = '<p><img alt="A plot" src="figures/page/plot.svg"></p>'
    return hook.on_page_content(html, SimpleNamespace(), {"docs_dir": tmp_path}, None)


def test_a_figure_is_one_picture_per_palette_and_only_the_light_one_is_live(tmp_path):
    """hooks/figures.py: the light picture in <noscript> (no JavaScript: the light
    page), the dark one in an inert <template>, and __figure() to choose; both
    pictures sized, with the phone variant below the breakpoint."""
    import re

    out = _page_with_figure(tmp_path, ["", ".narrow", ".dark", ".narrow.dark"])
    dark, light = re.fullmatch(
        r"<p><template>(.*)</template><noscript>(.*)</noscript>"
        r"<script>__figure\(\)</script></p>",
        out,
    ).groups()
    for picture, suffix in ((light, ""), (dark, ".dark")):
        assert f'srcset="figures/page/plot.narrow{suffix}.svg"' in picture
        assert f'src="figures/page/plot{suffix}.svg" width="400" height="200"' in (
            picture
        )
        assert f'media="{figures.NARROW_MEDIA}"' in picture
        assert 'alt="A plot"' in picture
    assert "loading" not in light  # the page's first figure is not lazy
    assert 'loading="lazy"' in dark  # Firefox preloads eager images in a <template>


def test_a_figure_without_its_dark_variant_fails_the_build(tmp_path):
    missing = r"plot\.narrow\.dark\.svg.*nox -s figures"
    with pytest.raises(FileNotFoundError, match=missing):
        _page_with_figure(tmp_path, ["", ".narrow", ".dark"])
