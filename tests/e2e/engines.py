"""Chromium, Firefox and WebKit behind one small interface, for the cross-engine checks.

Playwright drives only its own builds of Firefox and WebKit, which cannot be
downloaded here, so each engine is driven through what its Debian package ships:
- Chromium (`chromium`): Playwright, as in the rest of the suite;
- Firefox (`firefox-esr`): WebDriver BiDi, which Firefox serves itself
  (`--remote-debugging-port`), spoken over a websocket (`websockets`);
- WebKit (`webkit2gtk-driver`: WebKitWebDriver and MiniBrowser, WebKitGTK, the engine
  of Safari and of every iPhone browser): WebDriver through Selenium, on a virtual
  display (Xvfb).

`launch(engine, dark=...)` starts one browser (its system colour scheme dark or
light) and returns a `Browser` with the few operations the checks need: open a URL
at a viewport size, run a JavaScript function and get its JSON result back, take a
screenshot of the viewport or of the whole page. Everything a check measures is
measured in the page by the same JavaScript in all three engines.
"""

from __future__ import annotations

import atexit
import base64
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ENGINES = ("chromium", "firefox", "webkit")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = os.environ.get("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
INSTALL = {
    "chromium": "apt-get install chromium",
    "firefox": "apt-get install firefox-esr",
    "webkit": "apt-get install webkit2gtk-driver xvfb",
}
# MiniBrowser's toolbar would keep its window at least 447 px wide: GTK's own
# stylesheet shrinks the window's widgets so the page can be 390 px wide.
GTK_CSS = "* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; }"
# A function's result crosses every protocol as one JSON string.
AS_JSON = (
    "async (fn, arg) => "
    "JSON.stringify(await (0, eval)('(' + fn + ')')(JSON.parse(arg)))"
)


class EngineMissing(RuntimeError):
    pass


class Browser:
    """One browser with one tab."""

    engine: str

    def open(self, url: str, width: int, height: int) -> None:
        """Resize the viewport to width x height CSS px and load `url` until `load`."""
        raise NotImplementedError

    def run(self, function: str, arg=None):
        """Call a JavaScript function (it may be async) in the page with one
        JSON-able argument; return its JSON-able result."""
        raise NotImplementedError

    def screenshot(self, full_page: bool = False):
        """The viewport (or the whole page) as a PIL image."""
        raise NotImplementedError

    def wait_for_load(self, timeout: float = 20) -> None:
        """After something in the page navigated (a click): wait for the new page."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.run("() => !window.__old && document.readyState") == "complete":
                    return
            except Exception:  # noqa: BLE001 - the old page went away mid-call
                pass
            time.sleep(0.05)
        raise TimeoutError(f"{self.engine}: no new page loaded within {timeout} s")

    def navigate_by(self, function: str, arg=None) -> None:
        """Run `function` (it clicks a link to another page) and wait for that page."""
        self.run("() => { window.__old = true; }")
        self.run(function, arg)
        self.wait_for_load()

    def close(self) -> None:
        raise NotImplementedError


def _image(png: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB")


# ------------------------------------------------------------------- Chromium
_playwright = {}


def chromium():
    """The process's one Chromium, in Playwright (its sync API runs once per thread:
    the whole suite shares it, each test in contexts of its own)."""
    if "browser" not in _playwright:
        if not Path(CHROMIUM).is_file():
            raise EngineMissing(f"no {CHROMIUM}: {INSTALL['chromium']} (.ci/run does)")
        from playwright.sync_api import sync_playwright

        from tools.chromium import QUIET_FLAGS

        _playwright["sync"] = sync_playwright().start()
        _playwright["browser"] = _playwright["sync"].chromium.launch(
            executable_path=CHROMIUM, args=["--headless", *QUIET_FLAGS]
        )
        atexit.register(_playwright["sync"].stop)
        atexit.register(_playwright["browser"].close)
    return _playwright["browser"]


class _Chromium(Browser):
    engine = "chromium"

    def __init__(self, dark: bool):
        self._context = chromium().new_context(
            color_scheme="dark" if dark else "light", reduced_motion="reduce"
        )
        self._tab = self._context.new_page()

    def open(self, url, width, height):
        self._tab.set_viewport_size({"width": width, "height": height})
        self._tab.goto(url, wait_until="load")

    def run(self, function, arg=None):
        call = f"([fn, arg]) => ({AS_JSON})(fn, arg)"  # Playwright passes one argument
        return json.loads(
            self._tab.evaluate(call, [function, json.dumps(arg)]) or "null"
        )

    def screenshot(self, full_page=False):
        return _image(self._tab.screenshot(full_page=full_page))

    def close(self):
        self._context.close()  # the browser goes with the process


# -------------------------------------------------------------------- Firefox
class _Firefox(Browser):
    """Firefox over WebDriver BiDi: a handful of commands on one websocket."""

    engine = "firefox"

    def __init__(self, dark: bool):
        from websockets.sync.client import connect

        self._profile = Path(tempfile.mkdtemp(prefix="firefox-e2e-"))
        prefs = {
            "remote.active-protocols": 1,  # BiDi only
            # 0 dark, 1 light: what `prefers-color-scheme` says, as a system would
            "layout.css.prefers-color-scheme.content-override": 0 if dark else 1,
            "ui.prefersReducedMotion": 1,
            # offline and quiet: nothing of Mozilla's services is reachable here
            "network.captive-portal-service.enabled": False,
            "app.normandy.enabled": False,
            "browser.region.network.url": "",
            "datareporting.policy.dataSubmissionEnabled": False,
            "toolkit.telemetry.enabled": False,
            "services.settings.server": "http://127.0.0.1:9/",
        }
        (self._profile / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(k)}, {json.dumps(v)});\n"
                for k, v in prefs.items()
            )
        )
        self._process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(self._profile),
             "--remote-debugging-port=0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        for line in self._process.stderr:
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                break
        else:
            raise EngineMissing(f"{FIREFOX} did not start its WebDriver BiDi server")
        # Firefox keeps writing to stderr: drain it so it never blocks on a full pipe
        self._drain = subprocess.Popen(["cat"], stdin=self._process.stderr,
                                       stdout=subprocess.DEVNULL)  # fmt: skip
        self._socket = connect(
            found[1] + "/session", max_size=None, open_timeout=30, legacy=True
        )
        self._ids = itertools.count(1)
        self._send("session.new", capabilities={})
        self._context = self._send("browsingContext.getTree")["contexts"][0]["context"]

    def _send(self, method: str, **params):
        number = next(self._ids)
        self._socket.send(
            json.dumps({"id": number, "method": method, "params": params})
        )
        while True:
            message = json.loads(self._socket.recv(timeout=120))
            if message.get("id") != number:
                continue  # an event: none is subscribed to, but be safe
            if message.get("type") == "error":
                raise RuntimeError(f"firefox {method}: {message.get('message')}")
            return message["result"]

    def open(self, url, width, height):
        self._send("browsingContext.setViewport", context=self._context,
                   viewport={"width": width, "height": height})  # fmt: skip
        self._send("browsingContext.navigate", context=self._context, url=url,
                   wait="complete")  # fmt: skip

    def run(self, function, arg=None):
        result = self._send(
            "script.callFunction",
            functionDeclaration=AS_JSON,
            awaitPromise=True,
            target={"context": self._context},
            arguments=[{"type": "string", "value": function},
                       {"type": "string", "value": json.dumps(arg)}],
        )  # fmt: skip
        if result.get("type") == "exception":
            details = result["exceptionDetails"]
            raise RuntimeError(f"firefox: {details.get('text')}")
        return json.loads(result["result"].get("value") or "null")

    def screenshot(self, full_page=False):
        shot = self._send("browsingContext.captureScreenshot", context=self._context,
                          origin="document" if full_page else "viewport")  # fmt: skip
        return _image(base64.b64decode(shot["data"]))

    def close(self):
        try:
            self._send("browser.close")
        except Exception:  # noqa: BLE001 - it may close the socket before answering
            pass
        self._socket.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        self._drain.wait(timeout=10)
        shutil.rmtree(self._profile, ignore_errors=True)


# --------------------------------------------------------------------- WebKit
class _Display:
    """A virtual X display (Xvfb) for MiniBrowser, shared by every WebKit browser."""

    process: subprocess.Popen | None = None
    name: str = ""

    @classmethod
    def get(cls) -> str:
        if os.environ.get("DISPLAY"):
            return os.environ["DISPLAY"]
        if cls.process is None:
            if not shutil.which("Xvfb"):
                raise EngineMissing(f"no Xvfb: {INSTALL['webkit']}")
            read, write = os.pipe()
            cls.process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x1000x24",
                 "-nolisten", "tcp"],
                pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            os.close(write)
            with os.fdopen(read) as pipe:
                cls.name = ":" + pipe.readline().strip()
            atexit.register(cls.process.terminate)  # else every run left one behind
        return cls.name


class _WebKit(Browser):
    engine = "webkit"

    def __init__(self, dark: bool):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self._config = Path(tempfile.mkdtemp(prefix="webkit-e2e-"))
        (self._config / "gtk-3.0").mkdir()
        (self._config / "gtk-3.0" / "gtk.css").write_text(GTK_CSS)
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        if dark:
            options.add_argument("--dark-mode")
        env = {**os.environ, "DISPLAY": _Display.get(),
               "XDG_CONFIG_HOME": str(self._config),
               # Xvfb has no GPU: WebKit would raster its composited layers through
               # Mesa's software OpenGL. Skia's CPU raster draws the same layers,
               # composited as on a phone (the same anchor and scroll results),
               # in 3/4 of the time (measured: a 300 px scroll step at 1280 px, 59-64 ms
               # -> 44-50 ms).
               "WEBKIT_SKIA_ENABLE_CPU_RENDERING": "1"}  # fmt: skip
        service = Service(WEBKIT_DRIVER, env=env)
        self._driver = webdriver.WebKitGTK(options=options, service=service)
        self._driver.set_script_timeout(120)
        self._size = (0, 0)

    def _resize(self, width: int, height: int) -> None:
        """The window is the viewport plus MiniBrowser's (shrunk) toolbar."""
        extra = 0
        for _ in range(50):
            self._driver.set_window_rect(0, 0, width, height + extra)
            time.sleep(0.05)
            inner = self.run("() => [innerWidth, innerHeight]")
            if inner == [width, height]:
                self._size = (width, height)
                return
            if inner[0] == width:
                extra += height - inner[1]
        raise RuntimeError(f"webkit: the viewport stays {inner}, not {width}x{height}")

    def open(self, url, width, height):
        if self._size != (width, height):
            self._driver.get("about:blank")
            self._resize(width, height)
        self._driver.get(url)

    def run(self, function, arg=None):
        script = (
            "const done = arguments[arguments.length - 1];"
            f"({AS_JSON})(arguments[0], arguments[1])"
            ".then(done, (e) => done(JSON.stringify({__error: String(e)})));"
        )
        value = json.loads(self._driver.execute_async_script(
            script, function, json.dumps(arg)) or "null")  # fmt: skip
        if isinstance(value, dict) and "__error" in value:
            raise RuntimeError(f"webkit: {value['__error']}")
        return value

    def screenshot(self, full_page=False):
        if not full_page:
            return _image(self._driver.get_screenshot_as_png())
        # WebDriver shoots the viewport (and WebKitGTK draws nothing in a window as
        # tall as a page): scroll through the page, as a reader would, and paste the
        # shots together below the fixed header.
        from PIL import Image

        width, height = self._size
        total, header = self.run("""() => [document.documentElement.scrollHeight,
          Math.round(document.querySelector('.md-header')?.getBoundingClientRect()
            .bottom || 0)]""")
        page = Image.new("RGB", (width, total))
        y = 0
        while True:
            shown = self.run("""async (y) => { scrollTo({top: y, behavior: 'instant'});
              await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
              return scrollY; }""", y)  # fmt: skip
            shot = self.screenshot()
            top = 0 if shown == 0 else header
            page.paste(shot.crop((0, top, width, height)), (0, shown + top))
            if shown + height >= total:
                return page
            y = shown + height - header

    def close(self):
        self._driver.quit()
        shutil.rmtree(self._config, ignore_errors=True)


def launch(engine: str, dark: bool = False) -> Browser:
    """Start `engine` with a light (or dark) system colour scheme."""
    executable = {"chromium": CHROMIUM, "firefox": FIREFOX, "webkit": WEBKIT_DRIVER}
    if not Path(executable[engine]).is_file():
        raise EngineMissing(
            f"no {executable[engine]}: {INSTALL[engine]} (.ci/run does)"
        )
    kind = {"chromium": _Chromium, "firefox": _Firefox, "webkit": _WebKit}[engine]
    return kind(dark)
