import subprocess
import sys
from pathlib import Path

import pytest

from tests import progress

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(
    p for p in (REPO / "snippets").rglob("*.py") if p.name != "__init__.py"
)


SNIPPET_OUTPUT = REPO / "tools" / "snippet_output.py"


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def run_snippet_output(*args, cwd, env=None):
    """tools/snippet_output.py run as a reader runs it: a plain script, a fresh
    process."""
    return subprocess.run(
        [sys.executable, str(SNIPPET_OUTPUT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


class CodeblockFailures:
    """pytest-codeblocks 0.18 reports a failed bash block as its exit status, the int
    `CalledProcessError.args[0]` (its `repr_failure` returns `args[0]`); pytest-xdist
    cannot send an int back to the controller, and the whole run dies with
    INTERNALERROR. Report the command, its status and its output instead, as text, so
    a failing README block is an ordinary failed test."""

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        error = call.excinfo.value if call.excinfo else None
        if isinstance(error, subprocess.CalledProcessError):
            output = "\n".join(
                stream.decode(errors="replace") if isinstance(stream, bytes) else stream
                for stream in (error.stdout, error.stderr)
                if stream
            )
            report.longrepr = (
                f"{item.nodeid}: this block exited with status {error.returncode}:\n"
                f"{error.cmd}\n{output}"
            )
        return report


def pytest_configure(config):
    # Registered as a plugin, not left as a conftest hook: conftest hooks only see
    # the items under tests/, and README.md sits at the top of the repository.
    config.pluginmanager.register(CodeblockFailures(), "codeblock-failures")
    progress.register(config)  # a line while slow tests run (tests/progress.py)
