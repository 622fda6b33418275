"""Build the whole site: figures, then notebooks, then one MkDocs build per language.

Korean is built at the root of the site and English under /en/. Everything is built
into a temporary directory that replaces `site/` only when every step succeeded, so a
failed build never leaves a half-written site. MkDocs runs with --strict.

    python -m tools.build
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools import figures, notebooks

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "site"
CONFIGS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))


def mkdocs_build(config_file: str, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(REPO / config_file), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def replace_on_success(target: Path, fill: Callable[[Path], None]) -> None:
    """Run `fill(tmp)` on a fresh directory; move it to `target` only if it returns."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        fill(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_site(tmp: Path) -> None:
    for config_file, subdir in CONFIGS:
        mkdocs_build(config_file, tmp / subdir)


def main() -> int:
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for step in (figures.main, notebooks.main):
        if step([]) != 0:
            print(
                "build failed: see the message above; site/ was left as it was",
                file=sys.stderr,
            )
            return 1
    try:
        replace_on_success(SITE, build_site)
    except Exception as error:  # mkdocs Abort, a hook's error, ...
        print(f"build failed: {error}\nsite/ was left as it was", file=sys.stderr)
        return 1
    print(f"built {SITE.relative_to(REPO)}/ (Korean at /, English at /en/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
