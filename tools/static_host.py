"""Serve the built site the way a static host does, for measurements (Lighthouse).

Text files go out gzipped (Content-Encoding: gzip) to a client that accepts it, every
file with its real Content-Type; a directory serves its index.html, a directory
without its trailing slash redirects to it, and a missing file gets the site's 404
page. Unlike `python -m http.server`, which never compresses, a page then weighs
what it weighs on GitHub Pages or Netlify.
"""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".ipynb": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}
COMPRESSED_TYPES = ("text/", "application/", "image/svg+xml", "font/ttf", "font/otf")


def content_type(path: Path) -> str:
    return TYPES.get(path.suffix.lower(), "application/octet-stream")


def compressible(mime: str) -> bool:
    return mime.startswith(COMPRESSED_TYPES) and mime != "application/octet-stream"


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip ("gzip;q=0" refuses it)."""
    for item in (header or "").split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00")
    return False


class Handler(http.server.BaseHTTPRequestHandler):
    root: Path  # set by serve()
    _gzipped: dict[tuple[Path, float], bytes] = {}

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _respond(self, body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        file = self.root / path.lstrip("/")
        outside = ".." in PurePosixPath(path).parts  # nothing above the root
        if not outside and file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            file = file / "index.html"
        status = 200
        if outside or not file.is_file():
            status, file = 404, self.root / "404.html"
        data = file.read_bytes() if file.is_file() else b"not found"
        mime = content_type(file) if file.is_file() else "text/plain; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", mime)
        if compressible(mime):
            self.send_header("Vary", "Accept-Encoding")
            if accepts_gzip(self.headers.get("Accept-Encoding")):
                data = self._gzip(file, data)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            try:
                self.wfile.write(data)
            except ConnectionError:  # the browser gave up on it: so does a host
                pass

    def _gzip(self, file: Path, data: bytes) -> bytes:
        key = (file, file.stat().st_mtime if file.exists() else 0.0)
        if key not in self._gzipped:
            self._gzipped[key] = gzip.compress(data, compresslevel=6, mtime=0)
        return self._gzipped[key]

    def log_message(self, format, *args) -> None:  # quiet: Lighthouse makes many
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` on 127.0.0.1 at a free port, in a thread; yield the origin."""
    handler = type("SiteHandler", (Handler,), {"root": root.resolve(), "_gzipped": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
