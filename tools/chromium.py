"""How the project starts Debian's Chromium: the browser suite (tests/e2e) and
Lighthouse (tools/lighthouse.py) use the same flags. Without the network flags the
browser calls Google's services at start-up, which this closed network refuses."""

QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
