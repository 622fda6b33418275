"""The build's check that every snippet prints exactly the `#>` lines under its prints.

`nox -s tests` checks this too; the build checks it again, so that a stale `#>` line
never reaches the site: a snippet whose output differs fails the build with its file
and line. Each snippet runs as `nox -s snippets -- --check FILE` runs it (a fresh
process, tools/snippet_output.py, with the shared files on its path), in parallel,
and again only when what decides its output or its `#>` lines changed: its code and
`#>` lines, the shared files it imports, the checker, uv.lock (the versions of numpy
and the rest) or Python. A comment edit runs nothing. A snippet that `nox -s tests`
has just run and passed under the same key (tests/test_snippets.py, alone in an empty
directory: a stricter run of the same check) is not run again either.

    python -m tools.snippet_checks            # check what changed
    python -m tools.snippet_checks --force    # check every snippet
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from tools.cache import code_text, run_changed
from tools.pages import shared_imports

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = REPO / "snippets"
CACHE = REPO / ".cache" / "snippets.json"
PASSED = REPO / ".cache" / "snippets-passed"  # a file per snippet the tests passed
CHECKER = REPO / "tools" / "snippet_output.py"
LOCK = REPO / "uv.lock"


def snippets() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if p.name != "__init__.py")


def cache_key(snippet: Path) -> str:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(code_text(snippet, keep_output=True).encode())
    for shared in shared_imports(snippet):
        digest.update(code_text(shared).encode())
    for path in (CHECKER, LOCK):
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def _record(name: str) -> Path:
    return PASSED / (name.replace("/", "__") + ".key")


def record_pass(snippet: Path) -> None:
    """The tests ran `snippet` and its output matched: its key, for the build."""
    PASSED.mkdir(parents=True, exist_ok=True)
    _record(_name(snippet)).write_text(cache_key(snippet))


def _take_test_passes(jobs: dict[str, tuple[str, Path]]) -> None:
    """Put the snippets the tests passed under their current key into the cache."""
    passed = {
        name: key
        for name, (key, _) in jobs.items()
        if _record(name).is_file() and _record(name).read_text() == key
    }
    if passed:
        cache = json.loads(CACHE.read_text()) if CACHE.is_file() else {}
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_text(json.dumps({**cache, **passed}, indent=1))


def check(snippet: Path) -> str | None:
    """Run one snippet and compare its output with its `#>` lines; the error or None."""
    # -P: not tools/ on the path, only the snippet's directory and the shared files
    env = {**os.environ, "PYTHONPATH": str(SNIPPETS)}  # `from digits_net import ...`
    result = subprocess.run(
        [sys.executable, "-P", str(CHECKER), "--check", str(snippet)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        return None
    return (result.stderr or result.stdout).strip()


def _name(path: Path) -> str:
    try:
        return path.relative_to(REPO).as_posix()
    except ValueError:  # the tests' snippets, outside the repository
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="ignore the cache")
    args = parser.parse_args(argv)

    jobs = {_name(path): (cache_key(path), path) for path in snippets()}
    if not args.force:
        _take_test_passes(jobs)
    return run_changed(
        "snippets", CACHE, jobs, lambda name: True, check, force=args.force
    )


if __name__ == "__main__":
    sys.exit(main())
