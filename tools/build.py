"""Build the whole site: check every snippet's `#>` lines, draw the figures, execute
the notebooks, then one MkDocs build per language.

Korean is built at the root of the site and English under /en/. Everything is built
into a temporary directory that replaces `site/` only when every step succeeded, so a
failed build never leaves a half-written site. MkDocs runs with --strict.

Where the site is published comes from one setting, the SITE_URL environment
variable (default: the preview address of `nox -s serve`); it may have a path, as a
project page does (https://<user>.github.io/<repo>/). It gives each page its
canonical URL and fills both sitemaps; every link inside the site stays relative.

    python -m tools.build
    SITE_URL=https://example.org/some-prefix/ python -m tools.build
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools import figures, finish, notebooks, snippet_checks

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "site"
CONFIGS = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))
PREVIEW_URL = "http://127.0.0.1:8000/"  # nox -s serve
# What runs before MkDocs, in order; each only what changed since it last succeeded.
# The snippets first: a stale `#>` line fails the build before minutes of drawing.
STEPS = (snippet_checks.main, figures.main, notebooks.main)


def site_url(subdir: str, environ: dict[str, str] | None = None) -> str:
    """The published URL of one language's build: SITE_URL, plus "en/" for English."""
    environ = os.environ if environ is None else environ
    base = (environ.get("SITE_URL") or PREVIEW_URL).strip()
    if not base.startswith(("http://", "https://")):
        raise ValueError(f"SITE_URL={base!r}: give a full URL, e.g. {PREVIEW_URL}")
    return base.rstrip("/") + "/" + (f"{subdir}/" if subdir else "")


def mkdocs_build(config_file: str, site_dir: Path, url: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(
        str(REPO / config_file), site_dir=str(site_dir), site_url=url, strict=True
    )
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
        mkdocs_build(config_file, tmp / subdir, site_url(subdir))
    finish.finish(tmp, site_url(""), site_url("en"))


def main() -> int:
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for step in STEPS:
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
