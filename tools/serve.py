"""Preview the site with live reload while you edit: `nox -s serve`.

Builds everything once (figures, notebooks, both languages), serves it at
http://127.0.0.1:8000 (Korean at /, English at /en/) and watches the sources. On a
change it redraws only the figures and re-runs only the notebooks whose inputs
changed (the build's cache), rebuilds only the language(s) the change touches —
a Korean page rebuilds the Korean site, a snippet or figure script both — and
reloads the open pages. The preview lives in .cache/serve/, apart from site/.

    python -m tools.serve [PORT]
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from tools import figures, finish, notebooks
from tools.build import CONFIGS, REPO, mkdocs_build, site_url

OUT = REPO / ".cache" / "serve"
ROOT = OUT / "site"  # Korean, with en -> the English build beside it
# What an author edits. Generated files under docs/ (figures, notebooks) are not
# sources: they change because of a source.
SOURCES = ["docs", "snippets", "figures_src", "hooks", "overrides"]
CONFIG_FILES = [config for config, _ in CONFIGS]
GENERATED = ("figures", "notebooks")
LANG_DIRS = {"": "ko", "en": "en"}  # build subdir -> docs/<lang>

log = logging.getLogger("serve")


def snapshot() -> dict[str, float]:
    """Modification time of every source file, by path relative to the repository."""
    stamps = {}
    for top in SOURCES:
        for path in (REPO / top).rglob("*"):
            rel = path.relative_to(REPO)
            if (
                path.is_file()
                and not _generated(rel)
                and "__pycache__" not in rel.parts
            ):
                stamps[rel.as_posix()] = path.stat().st_mtime
    for name in CONFIG_FILES:
        stamps[name] = (REPO / name).stat().st_mtime
    return stamps


def _generated(rel: Path) -> bool:
    return len(rel.parts) > 2 and rel.parts[0] == "docs" and rel.parts[2] in GENERATED


def languages_to_rebuild(changed: set[str]) -> list[str]:
    """Build subdirs ("" Korean, "en" English) that a set of changed files affects."""
    subdirs = []
    for subdir, lang in LANG_DIRS.items():
        other = f"docs/{'en' if lang == 'ko' else 'ko'}/"
        if any(not path.startswith(other) for path in changed):
            subdirs.append(subdir)
    return subdirs


def build_language(subdir: str) -> None:
    config_file = {s: c for c, s in CONFIGS}[subdir]
    mkdocs_build(
        config_file, OUT / f"site-{subdir}" if subdir else ROOT, site_url(subdir)
    )
    for other in LANG_DIRS:  # the Korean build empties its directory: link English in
        link = ROOT / other
        if other and ROOT.is_dir() and not link.exists():
            link.symlink_to(OUT / f"site-{other}", target_is_directory=True)
    if ROOT.is_dir() and (OUT / "site-en").is_dir():  # both built: the math font
        finish.write_math_font(ROOT, [ROOT / "assets", OUT / "site-en" / "assets"])


def generate() -> bool:
    """Figures and notebooks whose inputs changed; False if one failed."""
    return figures.main([]) == 0 and notebooks.main([]) == 0


class Rebuilder:
    """Called by the server after files changed. Until a rebuild succeeds, the files
    changed before it count as changed again (fixing a page rebuilds what failed)."""

    def __init__(self) -> None:
        self.stamps = snapshot()

    def __call__(self) -> None:
        now = snapshot()
        changed = {
            p
            for p in now.keys() | self.stamps.keys()
            if now.get(p) != self.stamps.get(p)
        }
        if not changed:
            return
        start = time.perf_counter()
        if not generate():
            raise RuntimeError("a figure or notebook failed: see above")
        subdirs = languages_to_rebuild(changed)
        for subdir in subdirs:
            build_language(subdir)
        self.stamps = now
        names = ", ".join(LANG_DIRS[s] for s in subdirs)
        log.warning(
            "rebuilt %s in %.1f s (%s)",
            names,
            time.perf_counter() - start,
            ", ".join(sorted(changed))[:200],
        )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    port = int(argv[0]) if argv else 8000
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    logging.getLogger("serve").setLevel(logging.INFO)
    if not generate():
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for subdir in ("en", ""):
        build_language(subdir)
    log.info("built both languages in %.1f s", time.perf_counter() - start)
    server = LiveReloadServer(Rebuilder(), "127.0.0.1", port, str(ROOT))
    not_found = ROOT / "404.html"
    server.error_handler = lambda code: not_found.read_bytes() if code == 404 else None
    for top in [*SOURCES, *CONFIG_FILES]:
        server.watch(str(REPO / top))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    os.chdir(REPO)
    sys.exit(main())
