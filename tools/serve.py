"""Preview the site with live reload while you edit: `nox -s serve`.

Builds everything once (figures, notebooks, both languages), serves it at
http://127.0.0.1:8000 (Korean at /, English at /en/) and watches the sources. On a
change it redraws only the figures whose code changed (the build's cache: a comment
edit redraws nothing), rebuilds only the language(s) the change touches — a Korean
page rebuilds the Korean site, a snippet or figure script both — and reloads the
open pages at once. Only then does it re-run the notebooks whose page or snippets
changed and check the `#>` lines of the snippets that changed; if a notebook
changed, its language is rebuilt and the pages reload again. The preview lives in
.cache/serve/, apart from site/.

    python -m tools.serve [PORT]
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from tools import figures, finish, notebooks, snippet_checks
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


def draw() -> bool:
    """The figures whose code changed (what a page needs); False if one failed."""
    return figures.main([]) == 0


def notebook_stamps() -> dict[str, float]:
    """Modification time of every executed notebook (docs/<lang>/notebooks/)."""
    return {
        path.relative_to(REPO).as_posix(): path.stat().st_mtime
        for lang in LANG_DIRS.values()
        for path in (REPO / "docs" / lang / "notebooks").glob("*.ipynb")
    }


def run_notebooks() -> list[str]:
    """Re-run the notebooks whose inputs changed and check the `#>` lines of the
    snippets that changed; the build subdirs whose notebooks changed."""
    before = notebook_stamps()
    if snippet_checks.main([]) != 0:
        log.error("a snippet's #> lines are stale: see above")
    if notebooks.main([]) != 0:
        log.error("a notebook failed: see above")
    after = notebook_stamps()
    changed = {p for p in after.keys() | before.keys() if after.get(p) != before.get(p)}
    return [
        subdir
        for subdir, lang in LANG_DIRS.items()
        if any(path.startswith(f"docs/{lang}/") for path in changed)
    ]


class Rebuilder:
    """Called by the server after files changed: first the figures and the pages of
    the languages the change touches, published at once; then the notebooks, and
    their languages again if one changed. Until the pages rebuild, the files changed
    before count as changed again (fixing a page rebuilds what failed)."""

    def __init__(self, server: Preview | None = None) -> None:
        self.stamps = snapshot()
        self.server = server

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
        if not draw():
            raise RuntimeError("a figure failed: see above")
        subdirs = languages_to_rebuild(changed)
        for subdir in subdirs:
            build_language(subdir)
        self.stamps = now
        log.info(
            "rebuilt %s in %.1f s (%s)",
            ", ".join(LANG_DIRS[s] for s in subdirs),
            time.perf_counter() - start,
            ", ".join(sorted(changed))[:200],
        )
        if self.server:
            self.server.publish()  # the page reloads now; the notebooks follow
        if snapshot() != now:  # another edit came meanwhile: its page first
            return
        start = time.perf_counter()
        again = run_notebooks()
        if not again:
            return
        if self.server:
            self.server.hold()
        for subdir in again:
            build_language(subdir)
        log.info(
            "rebuilt the notebooks of %s in %.1f s",
            ", ".join(LANG_DIRS[s] for s in again),
            time.perf_counter() - start,
        )


class Preview(LiveReloadServer):
    """MkDocs' live-reload server (mkdocs 1.6.1, pinned), able to publish the site
    in the middle of a rebuild: the edited page first, the notebooks after."""

    def publish(self) -> None:
        """Reload the open pages now: what is built so far is complete."""
        with self._epoch_cond:
            self._visible_epoch = self._wanted_epoch
            self._epoch_cond.notify_all()

    def hold(self) -> None:
        """A new version is being written: requests wait until the server reloads
        the pages at the end of the rebuild."""
        with self._epoch_cond:
            self._wanted_epoch = round(time.monotonic() * 1000)  # as mkdocs counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    port = int(argv[0]) if argv else 8000
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)
    logging.getLogger("serve").setLevel(logging.INFO)
    if snippet_checks.main([]) != 0:
        log.error("a snippet's #> lines are stale: see above (the preview goes on)")
    if not generate():
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for subdir in ("en", ""):
        build_language(subdir)
    log.info("built both languages in %.1f s", time.perf_counter() - start)
    rebuilder = Rebuilder()
    server = Preview(rebuilder, "127.0.0.1", port, str(ROOT))
    rebuilder.server = server
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
