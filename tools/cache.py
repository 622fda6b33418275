"""Run only the jobs whose inputs changed, in parallel, remembering content hashes.

Figures and notebooks share this: each job has a name (its output file), a key (a
hash of everything its output depends on) and a payload for the worker. A job runs
when its key differs from the one recorded after its last success, or its output is
missing.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

Job = tuple[str, Any]  # (key, payload)


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
    print(f"{label}: {len(stale)} to run, {len(jobs) - len(stale)} unchanged")
    errors = []
    if stale:
        workers = min(len(stale), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            payloads = [jobs[name][1] for name in stale]
            for name, error in zip(stale, pool.map(work, payloads), strict=True):
                if error:
                    errors.append(error)
                    cache.pop(name, None)
                else:
                    cache[name] = jobs[name][0]
                    print(f"  {name}")
    cache_file.parent.mkdir(exist_ok=True)
    cache_file.write_text(
        json.dumps({k: v for k, v in cache.items() if k in jobs}, indent=1)
    )
    for error in dict.fromkeys(errors):  # ko and en failing alike: say it once
        print(error, file=sys.stderr)
    return 1 if errors else 0
