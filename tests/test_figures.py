"""Every figure script draws both languages, deterministically."""

import importlib
import warnings

import pytest
from matplotlib.figure import Figure

from tests.conftest import rel
from tools import figures

# Both tests of a script run in one worker (nox runs pytest with --dist loadgroup):
# a figure that trains networks caches its runs, so they happen once, not twice.
SCRIPTS = [
    pytest.param(script, marks=pytest.mark.xdist_group(script.stem))
    for script in figures.scripts()
]


@pytest.mark.parametrize("script", SCRIPTS, ids=rel)
def test_figure_renders_identically_twice_in_both_languages(script):
    for lang in figures.LANGS:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            first = figures.render(script, lang)
        missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
        assert not missing, f"{rel(script)} ({lang}): glyphs not in the font: {missing}"
        assert first.startswith(b"<?xml") and b"<svg" in first
        assert figures.render(script, lang) == first, (
            f"{rel(script)} ({lang}) is not deterministic"
        )


@pytest.mark.parametrize("script", SCRIPTS, ids=rel)
def test_figure_has_labels_for_both_languages(script):
    module = importlib.import_module(figures.module_name(script))
    assert set(module.LABELS) == set(figures.LANGS), (
        f"{rel(script)}: LABELS needs ko and en"
    )
    assert module.LABELS["ko"].keys() == module.LABELS["en"].keys(), (
        f"{rel(script)}: ko and en LABELS must have the same keys"
    )
    assert isinstance(module.make("en"), Figure)
    assert figures.render(script, "ko") != figures.render(script, "en"), (
        f"{rel(script)}: Korean and English figures are identical; translate LABELS"
    )

