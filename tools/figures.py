"""Draw every figure of the site, in Korean and English, as deterministic SVG.

Each `figures_src/<page>/plot_<name>.py` exposes `make(lang) -> Figure`. The output
goes to `docs/<lang>/figures/<page>/<name>.svg` (git-ignored). A figure is redrawn
only when its script, a repository module it imports (the snippets it draws from),
the shared style or this renderer changed; scripts run in parallel.

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

from tools.cache import run_changed

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "figures_src"
CACHE = REPO / ".cache" / "figures.json"
LANGS = ("ko", "en")


def scripts() -> list[Path]:
    return sorted(SOURCES.glob("*/plot_*.py"))


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def page_path(script: Path) -> str:
    """How a page refers to the figure: figures/<page>/<name>.svg."""
    return f"figures/{script.parent.name}/{script.stem.removeprefix('plot_')}.svg"


def output_path(script: Path, lang: str) -> Path:
    return REPO / "docs" / lang / page_path(script)


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
                parts = name.split(".")
                for root in (REPO, REPO / "snippets"):  # snippets/digits_net.py too
                    candidate = root.joinpath(*parts).with_suffix(".py")
                    if candidate.is_file():
                        todo.append(candidate)
    return seen


def cache_key(script: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(_local_imports(script) | {SOURCES / "style.py", Path(__file__)}):
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())
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
    options.newlines = False
    return scour.scourString(svg.decode("utf-8"), options).encode("utf-8")


def render(script: Path, lang: str) -> bytes:
    """The SVG bytes of one figure in one language."""
    import io

    import matplotlib.pyplot as plt

    from figures_src import style

    style.apply()
    module = importlib.import_module(module_name(script))
    fig = module.make(lang)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    return slim(buffer.getvalue())


def _draw(script: Path) -> str | None:
    """Draw both languages of one figure; return an error message or None."""
    try:
        for lang in LANGS:
            svg = render(script, lang)
            target = output_path(script, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".svg.partial")
            partial.write_bytes(svg)
            partial.replace(target)
    except Exception as error:
        return failure(script, lang, error)
    return None


def failure(script: Path, lang: str, error: BaseException) -> str:
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
        f"  (while drawing {script.relative_to(REPO)} in {lang!r})\n"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="ignore the cache")
    args = parser.parse_args(argv)

    jobs = {
        script.relative_to(REPO).as_posix(): (cache_key(script), script)
        for script in scripts()
    }
    return run_changed(
        "figures",
        CACHE,
        jobs,
        lambda name: all(output_path(REPO / name, lang).is_file() for lang in LANGS),
        _draw,
        force=args.force,
    )


if __name__ == "__main__":
    sys.exit(main())
