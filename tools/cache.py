"""Run only the jobs whose inputs changed, in parallel, remembering content hashes.

Figures and notebooks share this: each job has a name (its output file), a key (a
hash of everything its output depends on) and a payload for the worker. A job runs
when its key differs from the one recorded after its last success, or its output is
missing. Each finished job prints a line with how many are left, and while jobs run
for long a line every HEARTBEAT seconds names them, so a long step is never silent.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import sys
import time
import tokenize
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

Job = tuple[str, Any]  # (key, payload)
HEARTBEAT = 30.0  # seconds without a finished job before saying what still runs
OUTPUT_LINE = re.compile(r"^\s*#>( |$)")  # a snippet's printed output (snippet_output)


def code_text(path: Path, keep_output: bool = False) -> str:
    """What decides what a Python file does: its text without comments (a line
    that held only a comment goes), so that a comment edit changes no key. With
    `keep_output`, a snippet's `#>` lines stay (they are checked against what it
    prints). A file that does not tokenize counts as its whole text."""
    stat = path.stat()  # one tokenizing per version of a file, however many keys
    version = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return _code_text(path, version, keep_output)


@functools.lru_cache(maxsize=1024)
def _code_text(path: Path, version: tuple, keep_output: bool) -> str:
    return without_comments(path.read_text(encoding="utf-8"), keep_output)


def without_comments(source: str, keep_output: bool = False) -> str:
    """Python source without its comments, as code_text() reads a file (also for a
    notebook's code cell: a comment edit need not run it again)."""
    lines = source.splitlines()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    gone = set()
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        row, col = token.start
        line = lines[row - 1]
        if keep_output and OUTPUT_LINE.match(line):
            continue
        lines[row - 1] = line[:col].rstrip()
        if not lines[row - 1].strip():
            gone.add(row)
    return "\n".join(x for n, x in enumerate(lines, 1) if n not in gone) + "\n"


def run_changed(
    label: str,
    cache_file: Path,
    jobs: dict[str, Job],
    output_exists: Callable[[str], bool],
    work: Callable[[Any], str | None],
    force: bool = False,
) -> int:
    """Run `work(payload)` for each changed job; `work` returns an error or None."""
    cache = json.loads(cache_file.read_text()) if cache_file.is_file() else {}
    if force:
        cache = {}
    stale = [
        name
        for name, (key, _) in jobs.items()
        if cache.get(name) != key or not output_exists(name)
    ]
    say(f"{label}: {len(stale)} to run, {len(jobs) - len(stale)} unchanged")
    errors = []
    if stale:
        workers = min(len(stale), os.cpu_count() or 1)
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            running = {pool.submit(work, jobs[name][1]): name for name in stale}
            while running:
                done, _ = wait(running, timeout=HEARTBEAT, return_when=FIRST_COMPLETED)
                seconds = f"{time.perf_counter() - start:.0f} s"
                if not done:
                    say(f"  ... {seconds}, {_left(running.values())}")
                for future in done:
                    name = running.pop(future)
                    error = future.result()
                    if error:
                        errors.append(error)
                        cache.pop(name, None)
                    else:
                        cache[name] = jobs[name][0]
                    finished = len(stale) - len(running)
                    status = "FAILED " if error else ""
                    say(f"  [{finished}/{len(stale)}] {status}{name} ({seconds})")
    cache_file.parent.mkdir(exist_ok=True)
    cache_file.write_text(
        json.dumps({k: v for k, v in cache.items() if k in jobs}, indent=1)
    )
    for error in dict.fromkeys(errors):  # ko and en failing alike: say it once
        print(error, file=sys.stderr)
    return 1 if errors else 0


def say(line: str) -> None:
    """A progress line, shown at once even when stdout is a pipe (CI, nox)."""
    print(line, flush=True)


def _left(names) -> str:
    """What is still to finish: named when few, else counted."""
    names = sorted(names)
    if len(names) <= 3:
        return "left: " + ", ".join(names)
    return f"{len(names)} left"
