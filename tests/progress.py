"""A progress line while long tests run: pytest-xdist prints a dot per finished test,
so a few slow tests (a snippet that trains a network, an explorer's frames) leave the
terminal silent for a minute or more. When no test has finished for HEARTBEAT
seconds, this says how many are done and which tests are running, and for how long.
Only in pytest-xdist's controller, which runs no test itself (nothing to capture)."""

from __future__ import annotations

import os
import threading
import time

import pytest

HEARTBEAT = float(os.environ.get("PYTEST_HEARTBEAT", "30"))


class Progress:
    def __init__(self, config) -> None:
        self.config = config
        self.total = 0
        self.done = 0
        self.running: dict[str, float] = {}
        self.last = time.monotonic()
        self.stop = threading.Event()
        self.lock = threading.Lock()

    @pytest.hookimpl(optionalhook=True)  # an xdist hook: fine without xdist
    def pytest_xdist_node_collection_finished(self, node, ids) -> None:
        self.total = max(self.total, len(ids))

    def pytest_sessionstart(self, session) -> None:
        if self.config.pluginmanager.has_plugin("dsession"):  # xdist distributes
            threading.Thread(target=self._beat, daemon=True).start()

    def pytest_sessionfinish(self, session) -> None:
        self.stop.set()

    def pytest_runtest_logstart(self, nodeid, location) -> None:
        with self.lock:
            self.running[nodeid] = time.monotonic()

    def pytest_runtest_logfinish(self, nodeid, location) -> None:
        with self.lock:
            self.running.pop(nodeid, None)
            self.done += 1
            self.last = time.monotonic()

    def _beat(self) -> None:
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        while not self.stop.wait(HEARTBEAT / 3):
            now = time.monotonic()
            with self.lock:
                if now - self.last < HEARTBEAT or not self.running:
                    continue
                self.last = now
                running = sorted(self.running.items(), key=lambda item: item[1])
                done = self.done
            names = ", ".join(f"{name} ({now - t:.0f} s)" for name, t in running)
            total = f"/{self.total}" if self.total else ""
            reporter.write_line("")
            reporter.write_line(f"... {done}{total} done; running: {names}")


def register(config) -> None:
    """Called from conftest.py's pytest_configure."""
    if not hasattr(config, "workerinput"):  # not on a worker: the controller reports
        config.pluginmanager.register(Progress(config), "progress")
