"""Every figure script draws both languages, deterministically, readably."""

import functools
import importlib
import warnings

import pytest
from matplotlib.figure import Figure

from tests.conftest import rel
from tools import figures

SCRIPTS = figures.scripts()


@functools.cache
def rendered(script, lang: str, variant: str) -> tuple[bytes, list[str]]:
    """One render per process: the SVG and the glyphs the font lacked."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = figures.render(script, lang, variant)["light"]
    return svg, [str(w.message) for w in caught if "missing from" in str(w.message)]


def check_renders_identically_twice_in_both_languages(script):
    for lang in figures.LANGS:
        for variant in figures.VARIANTS:
            first, missing = rendered(script, lang, variant)
            where = f"{rel(script)} ({lang}, {variant})"
            assert not missing, f"{where}: glyphs not in the font: {missing}"
            assert first.startswith(b"<?xml") and b"<svg" in first
        again = figures.render(script, lang)
        assert again["light"] == rendered(script, lang, "wide")[0], (
            f"{rel(script)} ({lang}) is not deterministic"
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
