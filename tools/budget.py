"""Budgets of the built site: page weight, build time, and what the site holds.

    python -m tools.budget            # page weights, shared assets, counts (site/)
    python -m tools.budget --times    # + a rebuild with nothing changed vs plain MkDocs
    python -m tools.budget --cold     # + a cold build in a temporary copy of the tree

A page's weight is its HTML plus its own images (the SVG figures it shows), as one
reader downloads them: a figure is a `<picture>` with a wide file for desktops and a
narrow one for phones, each in both palettes (hooks/figures.py), and a browser
fetches only the one its viewport and palette select, so the images count once, in
the light palette, for the heavier of the two viewports.
The theme
files every page shares (Material's CSS and JavaScript, the math stylesheet and font,
assets/notebook.css, the search index) are counted once, separately. A page's first
visit is everything an empty cache downloads as the page opens: the page, its
images that are not lazy (none: every figure loads as the reader comes near it,
hooks/figures.py, and counts in the page weight), the stylesheets,
scripts and preloaded fonts it names, and Material's search worker; not the search
index, which overrides/main.html holds back until the reader goes to search.
tests/e2e/test_budget.py enforces PAGE_LIMIT, MEDIAN_LIMIT,
FIRST_VISIT_LIMIT and REBUILD_RATIO_LIMIT.

Set BUILD_LOCK to a file to hold an flock on it while timing builds (several people
building in one checkout).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from tools import built_site
from tools.pages import topic_pages

REPO = Path(__file__).resolve().parent.parent
KB = 1000
PAGE_LIMIT = 400 * KB  # every page: HTML + its own images
MEDIAN_LIMIT = 200 * KB  # the median page
FIRST_VISIT_LIMIT = 700 * KB  # a page with an empty cache: everything it loads
REBUILD_RATIO_LIMIT = 1.5  # `tools.build`, nothing changed, vs the MkDocs builds alone
VIEWER_LIMIT = 20 * KB  # assets/explorer.min.js: docs/assets/explorer.js as served
VIEWER = "assets/explorer.min.js"  # minified by mkdocs-minify-plugin (mkdocs.yml)
EXPLORER_DATA_LIMIT = 150 * KB  # each explorer's JSON, before compression
# Shared files, by the part of the theme they belong to (first match wins).
SHARED = [
    ("math stylesheet and font", re.compile(r"(^|/)assets/math/")),
    ("notebook CSS (assets/notebook.css)", re.compile(r"(^|/)assets/notebook\.css$")),
    ("search index", re.compile(r"(^|/)search/")),
    ("Material CSS", re.compile(r"(^|/)assets/stylesheets/")),
    ("Material JavaScript (incl. lunr)", re.compile(r"(^|/)assets/javascripts/")),
    ("site's own assets (site.css)", re.compile(r"(^|/)assets/[^/]+$")),
    ("Material images", re.compile(r"(^|/)assets/images/")),
]
SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+)"')
# Generated outputs a cold build starts without.
COLD_EXCLUDE = {".git", ".nox", ".cache", "site", "test-artifacts", ".pytest_cache"}
MKDOCS_ONLY = (
    "import sys; from pathlib import Path; from tools.build import build_site; "
    "build_site(Path(sys.argv[1]))"
)


# ------------------------------------------------------------------ page weight
@dataclass
class PageWeight:
    path: str
    html: int
    images: int
    image_count: int
    gzipped: int  # HTML + images as a server that compresses would send them
    first_visit: int  # HTML, eager images, stylesheets, scripts, fonts, search worker

    @property
    def own(self) -> int:
        return self.html + self.images


class _Refs(HTMLParser):
    """What a page loads: `images` on a desktop, `phone_images` on a phone (the
    `<source>` a `<picture>` offers for narrow screens instead of its `<img>`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[str] = []
        self.phone_images: list[str] = []
        self.assets: list[str] = []
        self.lazy: set[str] = set()  # images fetched only when scrolled near
        self._narrow: str | None = None  # the current <picture>'s phone source
        self._dark = False  # inside a figure's dark-palette <picture>

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "picture":
            self._narrow = None
            # a figure's dark picture is the same drawing: counted in the light one
            self._dark = "figure-dark" in (a.get("class") or "")
        elif self._dark and tag in ("source", "img"):
            return
        elif tag == "source" and a.get("srcset") and "max-width" in a.get("media", ""):
            self._narrow = a["srcset"].split()[0]
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])
            self.phone_images.append(self._narrow or a["src"])
            if a.get("loading") == "lazy":
                self.lazy.update({a["src"], self._narrow or a["src"]})
            self._narrow = None
        elif tag == "script" and a.get("src"):
            self.assets.append(a["src"])
        elif tag == "link" and a.get("href") and (a.get("rel") or "") in (
            "stylesheet",
            "preload",
        ):
            self.assets.append(a["href"])

    def handle_data(self, data):
        # Material's configuration names the search worker it starts on every page
        if match := SEARCH_WORKER.search(data):
            self.assets.append(match[1])


def _local_file(site: Path, page_url: str, ref: str) -> Path | None:
    target = built_site.resolve(page_url, ref)
    return built_site.served_file(site, target.path) if target else None


def html_pages(site: Path) -> list[tuple[str, Path]]:
    """(URL path, file) of every HTML page."""
    return [(built_site.url_path(f), site / f) for f in built_site.html_files(site)]


def page_weights(site: Path) -> list[PageWeight]:
    weights = []
    for url, file in html_pages(site):
        refs = _Refs()
        refs.feed(file.read_text(encoding="utf-8", errors="replace"))
        per_viewport = [
            {
                f
                for src in sources
                if (f := _local_file(site, url, src)) and "assets" not in f.parts
            }
            for sources in (refs.images, refs.phone_images)
        ]
        images = max(per_viewport, key=lambda fs: sum(f.stat().st_size for f in fs))
        assets = {f for ref in refs.assets if (f := _local_file(site, url, ref))}
        lazy = {f for ref in refs.lazy if (f := _local_file(site, url, ref))}
        html = file.stat().st_size
        image_bytes = sum(f.stat().st_size for f in images)
        eager_bytes = sum(f.stat().st_size for f in images - lazy)
        gzipped = sum(
            len(gzip.compress(f.read_bytes(), mtime=0)) for f in (file, *images)
        )
        weights.append(
            PageWeight(
                path=url,
                html=html,
                images=image_bytes,
                image_count=len(images),
                gzipped=gzipped,
                first_visit=html
                + eager_bytes
                + sum(f.stat().st_size for f in assets),
            )
        )
    return weights


def weight_problems(weights: list[PageWeight]) -> list[str]:
    problems = [
        f"{w.path}: {w.own / KB:.0f} kB (HTML {w.html / KB:.0f} kB + "
        f"{w.image_count} images {w.images / KB:.0f} kB) > {PAGE_LIMIT / KB:.0f} kB"
        for w in weights
        if w.own > PAGE_LIMIT
    ]
    problems += [
        f"{w.path}: first visit {w.first_visit / KB:.0f} kB "
        f"> {FIRST_VISIT_LIMIT / KB:.0f} kB"
        for w in weights
        if w.first_visit > FIRST_VISIT_LIMIT
    ]
    if weights:
        median = statistics.median(w.own for w in weights)
        if median > MEDIAN_LIMIT:
            problems.append(
                f"median page {median / KB:.0f} kB > {MEDIAN_LIMIT / KB:.0f} kB"
            )
    return problems


def shared_assets(site: Path) -> dict[str, int]:
    """Bytes of the shared theme files by kind, both languages' copies together."""
    page_files = {file for _, file in html_pages(site)}
    sizes: dict[str, int] = {name: 0 for name, _ in SHARED}
    for file in site.rglob("*"):
        if not file.is_file() or file in page_files:
            continue
        rel = file.relative_to(site).as_posix()
        for name, pattern in SHARED:
            if pattern.search(rel):
                sizes[name] += file.stat().st_size
                break
    return sizes


# -------------------------------------------------------------------- explorers
def explorer_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """(bytes, gzipped bytes) of the explorer viewer and of each explorer's data
    (the Korean copy; English serves the same bytes). Neither counts in a page's
    weight: the viewer is a shared asset, the data is fetched once the explorer
    scrolls into view."""
    files = [site / VIEWER, *sorted(site.glob("figures/*/*.json"))]
    return {
        f.relative_to(site).as_posix(): (
            f.stat().st_size,
            len(gzip.compress(f.read_bytes(), mtime=0)),
        )
        for f in files
        if f.is_file()
    }


def explorer_problems(sizes: dict[str, tuple[int, int]]) -> list[str]:
    problems = []
    for name, (size, _) in sizes.items():
        limit = VIEWER_LIMIT if name.endswith(".js") else EXPLORER_DATA_LIMIT
        if size > limit:
            problems.append(f"{name}: {size / KB:.1f} kB > {limit / KB:.0f} kB")
    return problems


# ----------------------------------------------------------------------- counts
def counts(repo: Path, site: Path) -> dict[str, int | str]:
    site_files = [f for f in site.rglob("*") if f.is_file()]
    return {
        "topic pages (per language)": len(topic_pages("ko")),
        "HTML pages (both languages)": len(html_pages(site)),
        "figure scripts": len(list((repo / "figures_src").glob("*/plot_*.py"))),
        "figure SVGs in the site (wide + narrow, light + dark)": sum(
            1
            for f in site_files
            if f.suffix == ".svg" and "assets" not in f.relative_to(site).parts
        ),
        "snippets": sum(
            1 for p in (repo / "snippets").rglob("*.py") if p.name != "__init__.py"
        ),
        "site files": len(site_files),
        "site size": f"{sum(f.stat().st_size for f in site_files) / 1e6:.1f} MB",
    }


# ------------------------------------------------------------------- build time
@contextlib.contextmanager
def _build_lock():
    lock = os.environ.get("BUILD_LOCK")
    if not lock:
        yield
        return
    import fcntl

    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a build: its wall-clock seconds, its CPU seconds (its own and its
    children's: the work it did, which, unlike the wall clock, whatever else the
    machine runs meanwhile does not lengthen) and its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLBACKEND": "Agg"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({done.returncode}):\n"
            f"{done.stdout}\n{done.stderr}"
        )
    return seconds, cpu, done.stdout


@dataclass
class BuildTimes:
    rebuild: float  # CPU s of `python -m tools.build` with nothing changed
    mkdocs: float  # CPU s of the two MkDocs builds alone (tools.build.build_site)
    redrawn: list[str]  # what the rebuild drew or executed (should be nothing)

    @property
    def ratio(self) -> float:
        return self.rebuild / self.mkdocs


def time_builds(repo: Path = REPO, rounds: int = 2, warm: bool = True) -> BuildTimes:
    """Time a rebuild with nothing changed against the plain MkDocs builds, in CPU
    seconds: the work each does, which other processes on the machine (the
    browser suite runs beside it) do not lengthen as they do the wall clock.

    One untimed build first brings the caches up to date (`warm=False` where the
    caller has just built); then each is timed `rounds` times, alternating, and the
    fastest run of each counts.
    """
    python = sys.executable
    with _build_lock(), tempfile.TemporaryDirectory() as tmp:
        if warm:
            _run([python, "-m", "tools.build"], repo)
        rebuild, mkdocs, redrawn = [], [], []
        for _ in range(rounds):
            _, cpu, out = _run([python, "-m", "tools.build"], repo)
            rebuild.append(cpu)
            # tools.cache prints "figures: N to run, M unchanged" (and notebooks)
            redrawn += [
                line.strip()
                for line in out.splitlines()
                if line.startswith(("figures:", "notebooks:"))
                and not line.split(":")[1].startswith(" 0 to run")
            ]
            target = str(Path(tmp) / "site")
            _, cpu, _ = _run([python, "-c", MKDOCS_ONLY, target], repo)
            mkdocs.append(cpu)
            shutil.rmtree(Path(tmp) / "site", ignore_errors=True)
    return BuildTimes(min(rebuild), min(mkdocs), redrawn)


def cold_build(repo: Path = REPO) -> float:
    """Seconds for `python -m tools.build` in a copy of the tree with no outputs."""

    def ignore(directory: str, names: list[str]) -> set[str]:
        here = Path(directory)
        skip = {n for n in names if here == repo and n in COLD_EXCLUDE}
        skip |= {n for n in names if n.startswith(".site-") or n == "__pycache__"}
        if here == repo / "tools" / "lighthouse":  # 176 MB, not used by the build
            skip.add("node_modules")
        if here.parent == repo / "docs":
            skip |= {n for n in names if n in ("figures", "notebooks")}
        return skip

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(repo, copy, ignore=ignore, symlinks=True)
        seconds, _, _ = _run([sys.executable, "-m", "tools.build"], copy)
    return seconds


# ------------------------------------------------------------------------ report
def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = zip(row, widths, strict=True)
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(cells)
        )

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def report(site: Path) -> tuple[str, list[str]]:
    weights = page_weights(site)
    rows = [
        [
            w.path,
            f"{w.html / KB:.0f}",
            f"{w.image_count}",
            f"{w.images / KB:.0f}",
            f"{w.own / KB:.0f}",
            f"{w.gzipped / KB:.0f}",
            f"{w.first_visit / KB:.0f}",
        ]
        for w in weights
    ]
    text = [
        "Page weight (kB = 1000 bytes; limit per page "
        f"{PAGE_LIMIT / KB:.0f} kB, median {MEDIAN_LIMIT / KB:.0f} kB)",
        _table(
            rows,
            ["page", "HTML kB", "imgs", "img kB", "page kB", "gzip kB", "1st visit kB"],
        ),
    ]
    if weights:
        own = [w.own for w in weights]
        text.append(
            f"median {statistics.median(own) / KB:.0f} kB, "
            f"largest {max(own) / KB:.0f} kB"
        )
    text.append(
        "('gzip': the page kB as a compressing server sends them; "
        "'1st visit': what an empty cache downloads as the page opens, i.e. the "
        "HTML, the images that are not lazy, the stylesheets, scripts and "
        "preloaded fonts it names and the search worker; "
        f"limit {FIRST_VISIT_LIMIT / KB:.0f} kB)"
    )
    explorers = explorer_sizes(site)
    text += [
        "",
        f"Explorers (viewer limit {VIEWER_LIMIT / KB:.0f} kB, data limit "
        f"{EXPLORER_DATA_LIMIT / KB:.0f} kB each; fetched only when one is in view)",
        _table(
            [[k, f"{v / KB:.1f}", f"{z / KB:.1f}"] for k, (v, z) in explorers.items()],
            ["file", "kB", "gzip kB"],
        ),
    ]
    shared = shared_assets(site)
    text += [
        "",
        "Shared assets, counted once (both languages' copies)",
        _table([[k, f"{v / KB:.0f}"] for k, v in shared.items()], ["asset", "kB"]),
        "",
        "Contents",
        _table([[k, str(v)] for k, v in counts(REPO, site).items()], ["what", "count"]),
    ]
    return "\n".join(text), weight_problems(weights) + explorer_problems(explorers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument(
        "--times",
        action="store_true",
        help="time a rebuild with nothing changed vs plain MkDocs",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="time a cold build in a temporary copy of the tree",
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(
            f"no built site at {args.site}: run `python -m tools.build`",
            file=sys.stderr,
        )
        return 1
    text, problems = report(args.site)
    print(text)
    if args.times:
        times = time_builds()
        print(
            f"\nRebuild with nothing changed: {times.rebuild:.1f} CPU s; the two "
            f"MkDocs builds alone: {times.mkdocs:.1f} CPU s; ratio {times.ratio:.2f} "
            f"(limit {REBUILD_RATIO_LIMIT})"
        )
        if times.ratio > REBUILD_RATIO_LIMIT:
            problems.append(f"rebuild ratio {times.ratio:.2f} > {REBUILD_RATIO_LIMIT}")
        if times.redrawn:
            problems.append(f"a rebuild with nothing changed redid: {times.redrawn}")
    if args.cold:
        seconds = cold_build()
        print(f"\nCold build (no caches, no figures, no notebooks): {seconds:.1f} s")
    for problem in problems:
        print(f"OVER BUDGET: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
