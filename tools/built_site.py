"""Walking the built site: its HTML pages, and the file a reference on a page loads.

Shared by the budget script (tools/budget.py) and the browser checks (tests/e2e), so
both see the same pages and resolve references the same way a static server does.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

ORIGIN = "http://site.invalid"  # stands in for wherever the site is served


def html_files(site: Path) -> list[str]:
    """Every HTML page of the built site, relative to it (theme assets excluded)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets"
    )


def url_path(file: str) -> str:
    """The URL path a reader uses: "/en/x/" for "en/x/index.html", "/" for the home."""
    return "/" + file.removesuffix("index.html")


def resolve(page_path: str, ref: str) -> SplitResult | None:
    """`ref` as written on the page at `page_path`; None if it leaves the site."""
    absolute = urlsplit(urljoin(ORIGIN + page_path, ref))
    return absolute if f"{absolute.scheme}://{absolute.netloc}" == ORIGIN else None


def served_file(site: Path, path: str) -> Path | None:
    """The file a static server returns for the URL path `path`, or None."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None
