"""Draw every figure of the site, in Korean and English, as deterministic SVG.

Each `figures_src/<page>/plot_<name>.py` exposes `make(lang) -> Figure`. The output
goes to `docs/<lang>/figures/<page>/<name>.svg` (git-ignored), with a narrow variant
`<name>.narrow.svg` for phones beside it: `make(lang, narrow=True)` where the script
takes `narrow`, else the same figure laid out again at NARROW_WIDTH. The page shows
the narrow one through `<picture>` below NARROW_MEDIA (hooks/figures.py), so each
reader downloads one of the two. Each variant is written once per palette,
`<name>.svg` and `<name>.dark.svg` (figures_src/theme.py), and the page shows the
one of the reader's palette; every SVG carries its smallest text size
(`data-min-text-pt`).
An explorer (an interactive figure, docs/assets/explorer.js) gets its frames the
same way: `figures_src/<page>/explore_<name>.py` exposes `data() -> dict`, written as
compact JSON to `docs/<lang>/figures/<page>/<name>.json` for both languages.
A figure or an explorer's data is redrawn
only when the code (comments aside) of its script, of a repository module it imports
(the snippets it draws from), of the shared style or of this renderer changed, or
uv.lock did; scripts run in parallel.

    python -m tools.figures            # draw what changed
    python -m tools.figures --force    # draw everything
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import importlib
import sys
import traceback
from pathlib import Path

from tools.cache import code_text, run_changed
from tools.pages import shared_file

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "figures_src"
CACHE = REPO / ".cache" / "figures.json"
LANGS = ("ko", "en")
VARIANTS = ("wide", "narrow")
SCHEMES = ("light", "dark")  # the palettes: figures_src/theme.py
# The text-size rule: the smallest text of a figure, as a reader sees it, is at least
# MIN_DESKTOP_PX CSS px in the desktop column and MIN_PHONE_PX on a 390 px phone.
# The columns were measured in Chromium (tests/e2e checks they still hold):
# 688 CSS px at 1280 px, 358 px at 390 px. An image is never scaled up.
DESKTOP_COLUMN_PX, PHONE_COLUMN_PX = 688, 358
MIN_DESKTOP_PX, MIN_PHONE_PX = 12, 11
NARROW_WIDTH = 4.0  # inches: 384 CSS px, scaled to 358 on a 390 px phone
NARROW_MEDIA = "(max-width: 44.9375em)"  # Material's phone/tablet breakpoint


def scripts() -> list[Path]:
    return sorted(SOURCES.glob("*/plot_*.py"))


def explorers() -> list[Path]:
    return sorted(SOURCES.glob("*/explore_*.py"))


def data_path(script: Path) -> str:
    """Where an explorer finds its frames: figures/<page>/<name>.json."""
    return f"figures/{script.parent.name}/{script.stem.removeprefix('explore_')}.json"


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def page_path(script: Path) -> str:
    """How a page refers to the figure: figures/<page>/<name>.svg."""
    return f"figures/{script.parent.name}/{script.stem.removeprefix('plot_')}.svg"


def output_path(
    script: Path, lang: str, variant: str = "wide", scheme: str = "light"
) -> Path:
    """docs/<lang>/figures/<page>/<name>[.narrow][.dark].svg"""
    path = REPO / "docs" / lang / page_path(script)
    suffix = ("" if variant == "wide" else ".narrow") + (
        "" if scheme == "light" else ".dark"
    )
    return path.with_suffix(suffix + ".svg")


RASTER_DPI = 150  # the notebook's copy: 960 px for a 6.4-inch figure


def raster_path(figure: str, lang: str) -> Path:
    """Where the notebook finds a page's figure (figures/<page>/<name>.svg) as PNG:
    .cache/notebook-figures/<lang>/<page>/<name>.png (tools/notebooks.py attaches
    it to the downloadable notebook; Jupyter shows no SVG attachment)."""
    name = figure.removeprefix("figures/")
    return (REPO / ".cache" / "notebook-figures" / lang / name).with_suffix(".png")


def make_figure(script: Path, lang: str, variant: str = "wide"):
    """The script's figure for one language and one variant."""
    import inspect

    module = importlib.import_module(module_name(script))
    if "narrow" in inspect.signature(module.make).parameters:
        return module.make(lang, narrow=variant == "narrow")
    fig = module.make(lang)
    if variant == "narrow":
        width, height = fig.get_size_inches()
        fig.set_size_inches(NARROW_WIDTH, height)
    return fig


class _TextSizes:
    """Records the size of every text a renderer draws while active: ticks, labels,
    legends, annotations; a sub- or superscript counts at its own size."""

    def __init__(self) -> None:
        self.sizes: list[float] = []

    def __enter__(self):
        from matplotlib.backends.backend_agg import RendererAgg
        from matplotlib.backends.backend_svg import RendererSVG

        self._saved = [(cls, cls.draw_text) for cls in (RendererAgg, RendererSVG)]
        for cls, draw_text in self._saved:
            cls.draw_text = self._recorder(draw_text)
        return self

    def __exit__(self, *exc) -> None:
        for cls, draw_text in self._saved:
            cls.draw_text = draw_text

    def _recorder(self, draw_text):
        def record(renderer, gc, x, y, s, prop, angle, ismath=False, mtext=None):
            if s.strip():
                size = prop.get_size_in_points()
                if ismath and ("_" in s or "^" in s):
                    size *= 0.7  # mathtext's script size (SHRINK_FACTOR)
                self.sizes.append(size)
            return draw_text(renderer, gc, x, y, s, prop, angle, ismath, mtext)

        return record

    @property
    def smallest(self) -> float:
        return min(self.sizes, default=float("inf"))


def smallest_text_pt(fig) -> float:
    """The size in points of the smallest text the figure draws."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with _TextSizes() as sizes:
        FigureCanvasAgg(fig).draw()
    return sizes.smallest


def svg_text_size(svg: bytes) -> tuple[float, float]:
    """(smallest text in pt, width in inches) of an SVG that render() wrote."""
    import re

    text = svg[:2000].decode("utf-8", errors="replace")
    smallest = re.search(r'data-min-text-pt="([\d.]+|inf)"', text)
    width = re.search(r'<svg\b[^>]*\bwidth="([\d.]+)pt"', text)
    return float(smallest[1]), float(width[1]) / 72


def shown_px(text_pt: float, width_in: float, column_px: float) -> float:
    """CSS px of `text_pt` in a figure `width_in` wide shown in a column: the image
    is shown at its own size (1 in = 96 px) or shrunk to the column, never grown."""
    return text_pt * 96 / 72 * min(1.0, column_px / (width_in * 96))


def _local_imports(path: Path) -> set[Path]:
    """Repository files that `path` imports, directly or not."""
    seen: set[Path] = set()
    todo = [path]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for node in ast.walk(ast.parse(current.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                candidate = REPO.joinpath(*name.split(".")).with_suffix(".py")
                if candidate.is_file():
                    todo.append(candidate)
                elif shared := shared_file(name):  # `from digits_net import ...`
                    todo.append(shared)
    return seen


def cache_key(script: Path) -> str:
    """What the figure depends on: the code of the script, of the repository files it
    imports and of the shared style and renderer, without their comments (a comment
    edit redraws nothing), and uv.lock (matplotlib's and numpy's versions)."""
    digest = hashlib.sha256()
    shared = {SOURCES / "style.py", SOURCES / "theme.py", Path(__file__)}
    for path in sorted(_local_imports(script) | shared):
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(code_text(path).encode())
    lock = REPO / "uv.lock"
    digest.update(lock.read_bytes() if lock.is_file() else b"")
    return digest.hexdigest()


def slim(svg: bytes) -> bytes:
    """Matplotlib's SVG through scour: five significant digits, relative path data,
    short ids, no metadata or indentation. About 40 % fewer bytes, most of them in
    the outlines of Hangul glyphs; Chromium draws the result the same (measured:
    only isolated anti-aliasing pixels differ)."""
    from scour import scour

    options = scour.sanitizeOptions()
    options.digits = 5
    options.strip_ids = options.shorten_ids = options.remove_metadata = True
    options.strip_comments = True  # matplotlib's "<!-- 0 -->" beside each label
    options.newlines = False
    return scour.scourString(svg.decode("utf-8"), options).encode("utf-8")


def render(
    script: Path, lang: str, variant: str = "wide", raster: bool = False
) -> dict[str, bytes]:
    """One figure in one language and one variant, drawn once: its SVG bytes in
    each palette (SCHEMES), and with `raster` its PNG as matplotlib draws it ("png")."""
    import io

    import matplotlib.pyplot as plt

    from figures_src import style, theme

    style.apply()
    fig = make_figure(script, lang, variant)
    buffer = io.BytesIO()
    with _TextSizes() as sizes:  # measured while the SVG is drawn: no second draw
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    smallest = sizes.smallest
    png = io.BytesIO()
    if raster:
        fig.savefig(png, format="png", dpi=RASTER_DPI)
    plt.close(fig)
    svg = slim(buffer.getvalue()).decode("utf-8")
    svg = svg.replace("<svg ", f'<svg data-min-text-pt="{smallest:g}" ', 1)
    out = {scheme: theme.themed(svg, scheme).encode("utf-8") for scheme in SCHEMES}
    return out | ({"png": png.getvalue()} if raster else {})


def explorer_data(script: Path) -> bytes:
    """An explorer's frames as compact JSON (the same bytes for both languages)."""
    import json

    module = importlib.import_module(module_name(script))
    text = json.dumps(module.data(), separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(content)
    partial.replace(target)


def _draw(script: Path) -> str | None:
    """Draw both languages of one figure (or compute an explorer's data once for
    both); return an error message or None."""
    if script.stem.startswith("explore_"):
        try:
            content = explorer_data(script)
        except Exception as error:
            return failure(script, None, error)
        for lang in LANGS:
            _write(REPO / "docs" / lang / data_path(script), content)
        return None
    try:
        for lang in LANGS:
            for variant in VARIANTS:
                drawn = render(script, lang, variant, raster=variant == "wide")
                if "png" in drawn:
                    _write(raster_path(page_path(script), lang), drawn.pop("png"))
                for scheme, svg in drawn.items():
                    _write(output_path(script, lang, variant, scheme), svg)
    except Exception as error:
        return failure(script, lang, error)
    return None


def failure(script: Path, lang: str | None, error: BaseException) -> str:
    """One message for a figure that could not be drawn: the innermost repository
    file and line of the traceback first (a snippet the script imports, or the
    script), then the repository part of the traceback."""
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if _in_repository(frame.filename)
    ]
    where = (
        f"{Path(frames[-1].filename).resolve().relative_to(REPO)}:{frames[-1].lineno}"
        if frames
        else script.relative_to(REPO).as_posix()
    )
    kind = "".join(traceback.format_exception_only(error)).strip()
    return (
        f"{where}: {kind}\n"
        + (
            f"  (while drawing {script.relative_to(REPO)} in {lang!r})\n"
            if lang
            else f"  (while computing the data of {script.relative_to(REPO)})\n"
        )
        + "".join(traceback.format_list(frames))
    ).rstrip()


def _in_repository(filename: str) -> bool:
    """A file of the site's own code: not this renderer, not an installed package."""
    if filename.startswith("<"):  # <frozen importlib._bootstrap>, <string>
        return False
    path = Path(filename).resolve()
    return (
        path.is_relative_to(REPO)
        and not path.is_relative_to(REPO / "tools")
        and not path.is_relative_to(REPO / ".nox")
        and "site-packages" not in path.parts
    )


def _outputs_exist(name: str) -> bool:
    script = REPO / name
    if script.stem.startswith("explore_"):
        paths = [REPO / "docs" / lang / data_path(script) for lang in LANGS]
        return all(path.is_file() for path in paths)
    return all(
        output_path(script, lang, variant, scheme).is_file()
        for lang in LANGS
        for variant in VARIANTS
        for scheme in SCHEMES
    ) and all(raster_path(page_path(script), lang).is_file() for lang in LANGS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="ignore the cache")
    args = parser.parse_args(argv)

    jobs = {
        script.relative_to(REPO).as_posix(): (cache_key(script), script)
        for script in [*explorers(), *scripts()]  # the slowest jobs first
    }
    return run_changed(
        "figures",
        CACHE,
        jobs,
        _outputs_exist,
        _draw,
        force=args.force,
    )


if __name__ == "__main__":
    sys.exit(main())
