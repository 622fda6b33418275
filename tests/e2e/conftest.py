"""The built site in real browsers: fixtures of the browser suite.

The suite runs only in `nox -s e2e`, which sets SITE_E2E=1 after building the site;
`nox -s tests` (no browser there) does not collect this directory at all. Inside the
e2e session nothing is skipped: a missing Chromium or Playwright fails the run.

Environment:
    SITE_E2E=1   run the suite (set by `nox -s e2e`)
    SITE_DIR     the built site to test (default: site/)
    CHROMIUM     Chromium to drive (default: /usr/bin/chromium); FIREFOX and
                 WEBKIT_DRIVER likewise for test_engines.py (tests/e2e/engines.py)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SNAPSHOT = pytest.StashKey[Path]()
SOURCE = pytest.StashKey[Path]()

if os.environ.get("SITE_E2E") != "1":
    collect_ignore_glob = ["test_*.py"]


def pytest_configure(config):
    """Test a snapshot of the site, so a concurrent build cannot swap it mid-run.
    The first process (pytest itself, or the controller of `-n` workers) also
    clears the screenshots of an earlier run (no stale shots of pages since
    renamed)."""
    if os.environ.get("SITE_E2E") != "1":
        return
    if not hasattr(config, "workerinput"):
        shutil.rmtree(ARTIFACTS / "screenshots", ignore_errors=True)
    source = Path(os.environ.get("SITE_DIR", REPO / "site"))
    tmp = Path(tempfile.mkdtemp(prefix="site-e2e-"))
    snapshot = tmp / "site"
    if (source / "index.html").is_file():
        shutil.copytree(source, snapshot)
    else:
        snapshot.mkdir()  # test_site_was_built reports it
    config.stash[SNAPSHOT] = snapshot
    config.stash[SOURCE] = source


def pytest_unconfigure(config):
    snapshot = config.stash.get(SNAPSHOT, None)
    if snapshot is not None:
        shutil.rmtree(snapshot.parent, ignore_errors=True)


def pytest_generate_tests(metafunc):
    """`page`: every HTML page of the built site, discovered, never listed."""
    if "page" in metafunc.fixturenames:
        from tests.e2e.sitecheck import discover

        pages = discover(metafunc.config.stash[SNAPSHOT])
        metafunc.parametrize("page", pages, ids=[p.path for p in pages])


@pytest.fixture(scope="session")
def site(pytestconfig) -> Path:
    return pytestconfig.stash[SNAPSHOT]


@pytest.fixture(scope="session")
def site_source(pytestconfig) -> Path:
    return pytestconfig.stash[SOURCE]


@pytest.fixture(scope="session")
def origin(site):
    from tests.e2e.sitecheck import serve

    url, stop = serve(site)
    yield url
    stop()


PREFIX = "/some-prefix"


@pytest.fixture(scope="session")
def prefixed_origin(site):
    """The same site served under PREFIX, as GitHub Pages serves a project page
    (https://<user>.github.io/<repo>/)."""
    from tests.e2e.sitecheck import serve

    root = Path(tempfile.mkdtemp(prefix="site-e2e-prefix-"))
    (root / PREFIX.strip("/")).symlink_to(site, target_is_directory=True)
    url, stop = serve(root)
    yield url
    stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    """Chromium (Debian's; `playwright install` cannot download here), shared with
    test_engines.py."""
    from tests.e2e import engines

    try:
        return engines.chromium()
    except engines.EngineMissing as missing:
        pytest.fail(f"{missing}, or set CHROMIUM")


@pytest.fixture()
def context(browser):
    """A fresh profile per test: no palette or search state carried over."""
    ctx = browser.new_context(color_scheme="light", reduced_motion="reduce")
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
