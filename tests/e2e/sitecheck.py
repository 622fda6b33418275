"""Checks of the built site: what a reader's browser would load and show.

Pages are discovered from the built site itself (every `*.html` outside `assets/`),
so a new page is checked without being listed anywhere. Every check is a function
that returns a list of problems, each naming the page, so the checks can be tested
on a deliberately broken site (tests/e2e/test_checker.py).

Two kinds of checks:
- static ones read the HTML files (`check_links`);
- browser ones read a `PageFacts` gathered by `inspect_page` in headless Chromium
  (`check_requests`, `check_console`, `check_images`, `check_math`, `check_language`,
  `check_accessibility`, `check_overflow`, `check_layout`, `check_phone_text`,
  `check_figure_colours`, `check_first_visit`, `check_switch`).
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools import budget, built_site
from tools.figures import NARROW_MEDIA

SECTION = re.compile(r'<h2 id="?([\w-]+)')  # a page's sections, in its HTML
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
LANGS = ("ko", "en")
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PHONE_WIDTHS = (390, 360)  # a common phone, and the narrowest still in wide use
SERIOUS = ("serious", "critical")
# Every axe rule runs in the light palette; the dark one re-runs the rules whose
# outcome depends on colours. Those run on the Korean pages only, on samples
# (COLOUR_SAMPLES): colours come from the one stylesheet, and a page of either
# language has the same elements (the docs tests hold both to the same structure,
# snippets and figures).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_COLOURS = {
    "runOnly": {"type": "rule", "values": COLOUR_RULES},
    "resultTypes": ["violations"],
}
AXE_NOT_COLOURS = {
    "rules": {rule: {"enabled": False} for rule in COLOUR_RULES},
    "resultTypes": ["violations"],
}
# The colour rules look at one element of each look: its text colour, its parent's
# (a link against its sentence), size, weight, opacity, underline and background:
# what contrast depends on. A page sets thousands of text elements in a few dozen
# looks (36 on /activation-functions/); axe's colour rules over all of them were most
# of its time (1.4 s -> 0.5 s a palette there; code tokens alone were 2.7 s of 4.1 s
# on /notebooks/hyperparameter-optimization/). Each sample is the first one of its
# look that a reader sees: drawn, and inside its own scroll box (a code line
# scrolled out of its block is not), so axe can measure it.
COLOUR_SAMPLES = r"""() => {
  document.querySelectorAll('[data-colour-sample]')
    .forEach((el) => el.removeAttribute('data-colour-sample'));
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const colour = getComputedStyle(el).backgroundColor;
      if (colour !== 'transparent' && !/, 0\)$/.test(colour)) return colour;
    }
    return '';
  };
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    if (!box.width || !el.checkVisibility({opacityProperty: true,
                                           visibilityProperty: true})) return false;
    const frame = el.parentElement.closest('pre, .md-typeset__scrollwrap, .arithmatex');
    if (!frame) return true;
    const room = frame.getBoundingClientRect();
    return box.left >= room.left && box.right <= room.right;
  };
  const seen = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
    const style = getComputedStyle(el);
    const look = [style.color, getComputedStyle(el.parentElement).color,
                  style.fontSize, style.fontWeight, style.opacity,
                  style.textDecorationLine, background(el)].join(' ');
    if (!seen.has(look) && shown(el)) {
      seen.add(look);
      el.setAttribute('data-colour-sample', '');
    }
  }
  return seen.size;
}"""
# The samples' own text (axe: the deepest of an element's include and exclude
# decides).
COLOUR_CONTEXT = {
    "include": [["[data-colour-sample]"]],
    "exclude": [["[data-colour-sample] :not([data-colour-sample])"]],
}
# Raw TeX left in the visible text means a formula was not typeset.
RAW_MATH = re.compile(
    r"\$\$|\\\(|\\\)|\\\[|\\\]|\\begin\{|(?<![\w$])\$[^$\n]*[\\^_{}][^$\n]*\$"
)


# -------------------------------------------------------------------------- server
class _Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, head: bytes = b"", **kwargs):
        self.head = head  # set before the base class handles the request
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def send_head(self):
        """An HTML page with `head` at the start of its <head>; the rest as it is."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not self.head or path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = path.read_bytes().replace(b"<head>", b"<head>" + self.head, 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that stops a download it no longer needs (a lazy figure, a tab
        closing) is not an error of the site: say nothing (failed requests the page
        needed are reported by the checks)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, head: bytes = b""):
    """Serve `directory` on 127.0.0.1 at a free port, with `head` put first in the
    <head> of every HTML page; return (origin, stop)."""
    handler = functools.partial(_Quiet, directory=str(directory), head=head)
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}", stop


# --------------------------------------------------------------------------- pages
@dataclass(frozen=True)
class Page:
    """One HTML file of the built site, as a reader reaches it."""

    file: str  # relative to the site root, e.g. "en/activation-functions/index.html"

    @property
    def path(self) -> str:
        """URL path: "/en/activation-functions/" for ".../index.html"."""
        return built_site.url_path(self.file)

    @property
    def lang(self) -> str:
        return "en" if self.file.startswith("en/") else "ko"

    @property
    def is_404(self) -> bool:
        return self.file.rsplit("/", 1)[-1] == "404.html"

    @property
    def counterpart(self) -> str:
        """URL path of the same page in the other language."""
        if self.is_404:  # the error page has no "same page": the other home
            return "/" if self.lang == "en" else "/en/"
        if self.lang == "en":
            return "/" + self.path.removeprefix("/en/")
        return "/en" + self.path

    @property
    def slug(self) -> str:
        """A file-name-safe name for artifacts."""
        path = self.path.removeprefix("/en/") if self.lang == "en" else self.path
        name = path.strip("/").replace("/", "__") or "index"
        return f"{self.lang}__{name}"

    def __str__(self) -> str:
        return self.path


def discover(site: Path) -> list[Page]:
    """Every HTML page of the built site, Korean first."""
    pages = [Page(f) for f in built_site.html_files(site)]
    return sorted(pages, key=lambda p: (p.lang != "ko", p.path))


# ---------------------------------------------------------------- static: links
class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag.attr, url)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        if tag not in ("a", "link", "img", "script", "source", "iframe"):
            return
        for attr in ("href", "src"):
            if a.get(attr):
                self.links.append((f"{tag}[{attr}]", a[attr]))


def _parse(file: Path) -> _Collector:
    collector = _Collector()
    collector.feed(file.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_links(site: Path, pages: list[Page] | None = None) -> list[str]:
    """Every internal href/src resolves to a file, every #fragment to an element id."""
    pages = discover(site) if pages is None else pages
    problems: list[str] = []
    parsed: dict[Path, _Collector] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in parsed:
            parsed[file] = _parse(file)
        return parsed[file].ids

    for page in pages:
        file = site / page.file
        ids_of(file)
        for where, url in parsed[file].links:
            absolute = built_site.resolve(page.path, url)
            if absolute is None:
                continue  # off-site, mailto:, data:: never loaded (check_requests)
            target = built_site.served_file(site, absolute.path)
            if target is None:
                problems.append(f"{page}: {where} {url!r} -> {absolute.path} not found")
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                problems.append(
                    f"{page}: {where} {url!r} -> no element id {fragment!r} "
                    f"on {absolute.path}"
                )
    return problems


# -------------------------------------------------------------- browser: facts
@dataclass
class PageFacts:
    """What a browser saw on one page."""

    page: Page
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dom: dict = field(default_factory=dict)
    axe: dict[str, list[dict]] = field(default_factory=dict)  # palette -> violations
    phone: dict = field(default_factory=dict)
    switch: dict = field(default_factory=dict)
    # per viewport ("desktop", "phone"): figures' text, formulas and tables as shown
    layout: dict[str, dict] = field(default_factory=dict)
    phone_requests: list[str] = field(default_factory=list)  # before the desktop
    first_visit: dict[str, int] = field(default_factory=dict)  # url -> bytes
    # per palette: each figure's background and ink against the page background
    figure_colours: dict[str, list[dict]] = field(default_factory=dict)
    # per phone width (PHONE_WIDTHS): tables, captions and printed output as set
    text: dict[int, dict] = field(default_factory=dict)
    html: str = ""  # the document as the browser holds it once loaded


DOM_FACTS = r"""() => {
  const visibleText = (root) => {
    const clone = root.cloneNode(true);
    clone.querySelectorAll('pre, code, script, style, textarea, math')
      .forEach((n) => n.remove());
    return clone.textContent;
  };
  const main = document.querySelector('article') || document.body;
  const imgs = [...document.querySelectorAll('img')].map((img) => ({
    src: img.getAttribute('src') || '',
    alt: img.getAttribute('alt'),
    complete: img.complete,
    width: img.naturalWidth,
    figure: !!img.closest('figure'),
    hidden: img.closest('[aria-hidden="true"]') !== null,
  }));
  return {
    lang: document.documentElement.lang,
    arithmatex: document.querySelectorAll('.arithmatex').length,
    typeset: document.querySelectorAll('.arithmatex > math').length,
    math: document.querySelectorAll('math').length,
    mathErrors: [...document.querySelectorAll('merror')]
      .map((e) => e.textContent).slice(0, 5),
    mathCss: !!document.querySelector('link[rel=stylesheet][href*="assets/math/"]'),
    // laid out by the browser as math (MathML Core), not as unknown inline elements
    mathLaidOut: [...document.querySelectorAll('math')].every(
      (m) => getComputedStyle(m).display.includes('math')
        || getComputedStyle(m).display.includes('flex')),
    text: visibleText(main),
    images: imgs,
  };
}"""

OVERFLOW = r"""() => {
  const root = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
    .filter((el) => !el.closest('pre, table, .highlight, .md-typeset__scrollwrap,'
                                 + ' .jp-OutputArea, math, .md-sidebar'))
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase()
         + (typeof el.className === 'string' && el.className.trim()
            ? '.' + el.className.trim().split(/\s+/).join('.') : ''));
  return {scrollWidth: root.scrollWidth, innerWidth: innerWidth, wide};
}"""

# How text is set at the current (phone) width. Tables: a wide one stacks its rows
# (hooks/content.py, site.css), so no column falls off the screen. Captions: one of
# more than two lines is left-aligned, as any text of several lines. Notebook output
# scrolls or fits, never wraps inside a number (nbconvert's CSS sets pre-wrap and
# break-all; site.css overrides it). Printed `#>` lines (at most 40 columns:
# tests/test_snippets.py) end inside their code block.
PHONE_TEXT = r"""() => {
  const tables = [...document.querySelectorAll('.md-content table')].map((t) => {
    const box = t.parentElement.closest(':not(.md-typeset__table)');
    return {
      head: t.querySelector('th')?.textContent.trim().slice(0, 20),
      width: Math.round(t.getBoundingClientRect().width),
      column: box.clientWidth,
      offscreen: [...t.querySelectorAll('td')]
        .filter((c) => c.getBoundingClientRect().right > innerWidth + 1).length,
    };
  });
  const captions = [...document.querySelectorAll('figcaption')].map((el) => {
    const style = getComputedStyle(el);
    const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
    return {text: el.textContent.trim().slice(0, 40),
            lines: Math.round(el.clientHeight / line), align: style.textAlign};
  });
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output pre')]
    .map((pre) => {
      const style = getComputedStyle(pre);
      const text = pre.textContent.replace(/\n$/, '');
      const range = document.createRange();
      range.selectNodeContents(pre);
      const tops = new Set([...range.getClientRects()]
        .filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return {text: text.slice(0, 30), whiteSpace: style.whiteSpace,
              wordBreak: style.wordBreak, lines: text.split('\n').length,
              drawn: tops.size};
    });
  const printed = [...document.querySelectorAll('article pre > code :is(.c, .c1)')]
    .filter((s) => s.textContent.startsWith('#>')).map((s) => {
      const code = s.closest('code'), box = code.getBoundingClientRect();
      const right = box.left + code.clientWidth
                    - parseFloat(getComputedStyle(code).paddingRight);
      return {text: s.textContent, over: Math.round(s.getBoundingClientRect().right
                                                    - right)};
    });
  return {tables, captions, outputs, printed};
}"""

# What a reader sees of figures, formulas and tables at the current viewport.
# A figure's smallest text: the SVG states it in points (data-min-text-pt, written
# by tools/figures.py); shown at the image's rendered width over its own width.
LAYOUT = r"""async () => {
  // a live explorer's figure stays in view above its drawing: it counts too
  const imgs = [...document.querySelectorAll('article figure img')];
  await Promise.all(imgs.map((img) => img.decode().catch(() => null)));
  const figures = [];
  for (const img of imgs) {
    const svg = await (await fetch(img.currentSrc)).text();
    const pt = parseFloat((svg.match(/data-min-text-pt="([\d.]+)"/) || [])[1]);
    const shown = img.getBoundingClientRect().width;
    figures.push({src: img.currentSrc.split('/').slice(-2).join('/'), pt,
                  px: pt * 4 / 3 * shown / img.naturalWidth});
  }
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const formulas = [...document.querySelectorAll('math[display="block"]')]
    .map((m) => {
      const box = m.closest('div.arithmatex') || m;
      return {tex: m.textContent.slice(0, 40),
              wide: box.scrollWidth > box.clientWidth + 1,
              scrolls: scrolls(box),
              cue: getComputedStyle(box).backgroundImage !== 'none'};
    });
  const tables = [...document.querySelectorAll('article table')].map((t) => {
    const wrap = t.closest('.md-typeset__scrollwrap, .jp-RenderedHTMLCommon');
    const room = (wrap || t.parentElement).clientWidth;
    return {wide: t.getBoundingClientRect().width > room + 1,
            scrolls: !!wrap && scrolls(wrap)};
  });
  const column = document.querySelector('.md-content__inner');
  return {figures, formulas, tables,
          column: column ? column.getBoundingClientRect().width : 0};
}"""

# Every figure shows the variant the viewport and the palette select, fully loaded.
FIGURES_SETTLED = r"""() => [
  ...document.querySelectorAll('article figure picture img')]
  .every((img) => {
  const narrow = matchMedia('NARROW_MEDIA').matches;
  const dark = document.body.getAttribute('data-md-color-scheme') === 'slate';
  const file = new URL(img.currentSrc || img.src).pathname;
  const variant = /(\.narrow)?(\.dark)?\.svg$/.exec(file);
  return img.complete && !!variant
    && variant[0] === (narrow ? '.narrow' : '') + (dark ? '.dark' : '') + '.svg';
})""".replace("NARROW_MEDIA", NARROW_MEDIA)

# Figures below the fold load lazily; the checks look at every figure, so they load.
LOAD_EVERY_FIGURE = """() => document.querySelectorAll('img[loading="lazy"]')
  .forEach((img) => { img.loading = 'eager'; })"""

def abandoned(request) -> bool:
    """An image the browser stopped loading itself (a lazy figure it no longer
    needs, a tab closing): not a broken resource, which fails with a status or a
    network error."""
    return request.resource_type == "image" and request.failure == "net::ERR_ABORTED"


def _is_local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == origin


def inspect_page(
    context,
    origin: str,
    page: Page,
    screenshots: Path | None = None,
    axe=None,
    palettes: tuple[str, ...] = ("light", "dark"),
    switch: bool = True,
    prefix: str = "",
    first_visit: bool = False,
) -> PageFacts:
    """Load `page` from `origin` in a fresh tab of `context` and gather its facts.

    Every request to another origin is aborted and recorded. `axe` is an
    `axe_playwright_python.sync_playwright.Axe` (None skips accessibility).
    `prefix` ("/some-prefix") is the path the site is served under, as on a
    project page; the language switch's target is reported without it.
    The page is loaded at phone width, with an empty cache (a fresh `context`):
    `first_visit=True` records the size of every response until the network is idle.
    """
    facts = PageFacts(page)
    tab = context.new_page()
    tab.set_viewport_size(PHONE)  # a phone first: what its first visit fetches
    recording = True  # until the language switch leaves the page
    measuring = first_visit  # every response's size, until the visit is over
    sizes: dict[str, int] = {}

    def route(r):
        if _is_local(r.request.url, origin):
            r.continue_()
        else:
            if recording:
                facts.offsite.append(r.request.url)
            r.abort("blockedbyclient")

    def on_request(r):
        if recording:
            facts.requests.append(r.url)

    def on_failed(r):
        if recording and _is_local(r.url, origin) and not abandoned(r):
            facts.failed.append(f"{r.url} ({r.failure})")

    def on_response(r):
        if recording and r.status >= 400:
            facts.failed.append(f"{r.url} (HTTP {r.status})")

    def on_finished(r):
        if measuring:
            response = r.response()
            sizes[r.url] = len(response.body()) if response else 0

    def on_console(m):
        if recording and m.type == "error":
            facts.console_errors.append(f"{m.text} @ {m.location.get('url', '')}")

    def on_error(e):
        if recording:
            facts.console_errors.append(f"uncaught: {e}")

    tab.route("**/*", route)
    tab.on("request", on_request)
    tab.on("requestfailed", on_failed)
    tab.on("response", on_response)
    tab.on("requestfinished", on_finished)
    tab.on("console", on_console)
    tab.on("pageerror", on_error)
    try:
        response = tab.goto(origin + prefix + page.path, wait_until="networkidle")
        facts.status = response.status if response else None
        if first_visit:
            tab.wait_for_timeout(500)  # anything fetched late belongs to the visit
            facts.first_visit = dict(sizes)
        measuring = False
        tab.evaluate(LOAD_EVERY_FIGURE)
        tab.wait_for_function(FIGURES_SETTLED, timeout=10_000)
        tab.evaluate("() => document.fonts.ready.then(() => true)")
        facts.dom = tab.evaluate(DOM_FACTS)
        facts.html = tab.content()
        facts.phone = tab.evaluate(OVERFLOW)
        facts.layout["phone"] = tab.evaluate(LAYOUT)
        facts.text[PHONE["width"]] = tab.evaluate(PHONE_TEXT)
        if screenshots is not None:
            _shoot(tab, screenshots / f"{page.slug}--phone.jpg")
        for width in PHONE_WIDTHS[1:]:
            tab.set_viewport_size({**PHONE, "width": width})
            tab.wait_for_function(FIGURES_SETTLED, timeout=10_000)
            facts.text[width] = tab.evaluate(PHONE_TEXT)
        facts.phone_requests = list(facts.requests)  # every figure, all narrow
        tab.set_viewport_size(DESKTOP)
        tab.wait_for_function(FIGURES_SETTLED, timeout=10_000)
        facts.layout["desktop"] = tab.evaluate(LAYOUT)
        # Colours are the same in both languages (a figure's words differ, not its
        # ink): figures and colour contrast are checked on the Korean page.
        colours = page.lang == "ko"
        if "light" in palettes and colours:
            facts.figure_colours["light"] = _figure_colours(tab)
        if axe is not None and "light" in palettes:
            facts.axe["light"] = _axe(axe, tab, AXE_NOT_COLOURS)
            if colours:
                tab.evaluate(COLOUR_SAMPLES)
                facts.axe["light"] += _axe(axe, tab, AXE_COLOURS, COLOUR_CONTEXT)
        if screenshots is not None:
            _shoot(tab, screenshots / f"{page.slug}--desktop.jpg")
        # The dark palette is colours only: checked, and shot, on the Korean page.
        if axe is not None and "dark" in palettes and colours:
            if _set_dark(tab):
                # the figures are now the dark pictures (hooks/figures.py), lazy
                tab.evaluate(LOAD_EVERY_FIGURE)
                tab.wait_for_function(FIGURES_SETTLED, timeout=10_000)
                tab.evaluate(COLOUR_SAMPLES)  # the dark palette's looks
                facts.axe["dark"] = _axe(axe, tab, AXE_COLOURS, COLOUR_CONTEXT)
                facts.figure_colours["dark"] = _figure_colours(tab)
                if screenshots is not None:
                    _shoot(tab, screenshots / f"{page.slug}--desktop-dark.jpg")
                    tab.set_viewport_size(PHONE)
                    tab.wait_for_function(FIGURES_SETTLED, timeout=10_000)
                    _shoot(tab, screenshots / f"{page.slug}--phone-dark.jpg")
            else:
                facts.axe["dark"] = [{"id": "palette-toggle", "impact": "serious",
                                      "help": "could not switch to the dark palette",
                                      "nodes": []}]
        if switch:
            recording = False  # the other page's requests are its own test's
            facts.switch = _follow_switch(tab, page, prefix)
    finally:
        tab.close()
    return facts


def _axe(axe, tab, options: dict, context: dict | None = None) -> list[dict]:
    result = axe.run(tab, context=context, options=options)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [" ".join(map(str, n["target"])) for n in v["nodes"]][:5],
        }
        for v in result.response["violations"]
    ]


# Each figure drawn at its displayed size over the page's background, as the page
# shows it (figures have no filter or opacity of their own: site.css), and counted
# colour by colour: [[0xRRGGBB, pixels], ...]. A canvas in the page, not a screenshot
# per figure (measured on /hyperparameter-optimization/, both palettes: 3.4 s ->
# 0.75 s).
FIGURE_PIXELS = r"""async () => {
  const page = getComputedStyle(document.body).backgroundColor;
  const figures = [];
  for (const img of document.querySelectorAll('article figure img')) {
    await img.decode().catch(() => null);
    const box = img.getBoundingClientRect();
    const width = Math.round(box.width), height = Math.round(box.height);
    const canvas = Object.assign(document.createElement('canvas'), {width, height});
    const draw = canvas.getContext('2d', {willReadFrequently: true});
    draw.fillStyle = /, 0\)$/.test(page) ? '#fff' : page;
    draw.fillRect(0, 0, width, height);
    if (width && height) draw.drawImage(img, 0, 0, width, height);
    const counts = new Map();
    const pixels = new Uint32Array(draw.getImageData(0, 0, width || 1, height || 1)
      .data.buffer);
    for (const p of pixels) counts.set(p, (counts.get(p) || 0) + 1);
    figures.push({
      src: (img.currentSrc || '').split('/').pop(),
      page: draw.fillStyle,
      // RGBA in memory order (little-endian): R is the lowest byte
      colours: [...counts].map(([p, n]) => [
        ((p & 0xff) << 16) | (p & 0xff00) | ((p >> 16) & 0xff), n]),
    });
  }
  return figures;
}"""


def _figure_colours(tab) -> list[dict]:
    """Each figure as drawn: its most common colour (its background) against the
    page's background, and the contrast of its ink (the contrast the top 0.5 % of its
    pixels reach against the page)."""
    found = []
    for figure in tab.evaluate(FIGURE_PIXELS):
        page = _rgb(int(figure["page"][1:], 16))
        counts = [(n, _rgb(c)) for c, n in figure["colours"]]
        background = max(counts)[1]
        total, seen, ink = sum(n for n, _ in counts), 0, 1.0
        by_ratio = sorted(((_contrast(c, page), n) for n, c in counts), reverse=True)
        for ratio, n in by_ratio:  # the contrast the top 0.5 % of pixels reach
            seen += n
            if seen >= total * 0.005:
                ink = ratio
                break
        found.append({
            "src": figure["src"],
            "background": _contrast(background, page),
            "ink": ink,
        })
    return found


def _rgb(value: int) -> tuple[int, int, int]:
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def _contrast(a, b) -> float:
    def lum(c):
        v = [x / 255 for x in c]
        v = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in v]
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _shoot(tab, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Whole pages are tall: JPEG keeps the artifacts small and readable.
    tab.screenshot(path=str(path), full_page=True, animations="disabled", quality=80)


def _set_dark(tab) -> bool:
    """Switch to the dark palette with the header toggle, as a reader would."""
    toggle = tab.locator("form[data-md-component=palette] label:not([hidden])")
    if toggle.count() == 0:
        return False
    toggle.first.click()
    try:
        tab.wait_for_function(
            "() => document.body.getAttribute('data-md-color-scheme') === 'slate'",
            timeout=5_000,
        )
    except Exception:  # noqa: BLE001
        return False
    return True


# A reader's click on the other language, held back before the browser leaves: the
# selector's own handler has run (it carries the section over, alternate.html), and
# the target it leaves for is fetched and read, not drawn. That the browser then
# lands on the section is test_engines.py's, in all three engines.
SWITCH = r"""async (link) => {
  link.addEventListener('click', (e) => e.preventDefault(), {once: true});
  link.click();
  const url = new URL(link.href);
  const response = await fetch(url);
  const target = new DOMParser().parseFromString(await response.text(), 'text/html');
  const hash = decodeURIComponent(url.hash.slice(1));
  return {path: url.pathname, status: response.status, hash,
          lang: target.documentElement.lang,
          target: !hash || !!target.getElementById(hash)};
}"""


def _follow_switch(tab, page: Page, prefix: str = "") -> dict:
    """Click the other language in the header's language selector."""
    other = "en" if page.lang == "ko" else "ko"
    link = tab.locator(f"a.md-select__link[hreflang={other}]")
    if link.count() != 1:
        return {"error": f"{link.count()} selector links to {other!r}"}
    # a reader who followed a link to a section: the switch keeps it
    anchor = "" if page.is_404 else tab.evaluate(
        "() => { const h = document.querySelector('article h2[id]');"
        " if (h) location.hash = h.id; return h ? h.id : ''; }"
    )
    switch = tab.evaluate(SWITCH, link.element_handle())
    path = switch["path"]
    if path.startswith(prefix + "/"):  # else the full path, and check_switch fails
        switch["path"] = path.removeprefix(prefix)
    return {**switch, "anchor": anchor}


# ------------------------------------------------------------- browser: checks
def check_requests(facts: PageFacts) -> list[str]:
    """No request leaves the site's own origin."""
    return [f"{facts.page}: request to another origin: {url}" for url in facts.offsite]


def check_console(facts: PageFacts) -> list[str]:
    """The page itself loads, no request fails, the console shows no error."""
    problems = []
    if facts.status != 200:
        problems.append(f"{facts.page}: HTTP status {facts.status}")
    problems += [f"{facts.page}: failed request: {f}" for f in facts.failed]
    problems += [f"{facts.page}: console error: {e}" for e in facts.console_errors]
    return problems


def check_images(facts: PageFacts) -> list[str]:
    """Images load and have alt text in the page's language."""
    problems = []
    for img in facts.dom.get("images", []):
        src = img["src"][:80]
        if not img["complete"] or img["width"] == 0:
            problems.append(f"{facts.page}: broken image {src}")
        alt = (img["alt"] or "").strip()
        if img["hidden"] and img["alt"] is not None:
            continue  # decorative, hidden from assistive technology
        if not alt:
            problems.append(f"{facts.page}: image without alt text: {src}")
        elif facts.page.lang == "ko" and img["figure"] and not HANGUL.search(alt):
            problems.append(
                f"{facts.page}: Korean page, figure alt has no Hangul: {alt!r}"
            )
        elif facts.page.lang == "en" and HANGUL.search(alt):
            problems.append(f"{facts.page}: English page, alt text in Korean: {alt!r}")
    return problems


def check_math(facts: PageFacts) -> list[str]:
    """Every formula arrives as MathML (hooks/formulas.py), laid out as math, with
    the math stylesheet; no TeX is left in the text."""
    dom, problems = facts.dom, []
    if dom.get("arithmatex", 0) > dom.get("typeset", 0):
        problems.append(
            f"{facts.page}: {dom.get('arithmatex')} formulas but only "
            f"{dom.get('typeset')} as MathML"
        )
    if dom.get("math") and not dom.get("mathCss"):
        problems.append(f"{facts.page}: has formulas but no math stylesheet")
    if dom.get("math") and not dom.get("mathLaidOut"):
        problems.append(f"{facts.page}: the browser does not lay out <math> as math")
    if dom.get("mathCss") and not dom.get("math"):
        problems.append(f"{facts.page}: loads the math stylesheet but has no formula")
    raw = list(RAW_MATH.finditer(dom.get("text", "")))
    for error in dom.get("mathErrors", []):
        problems.append(f"{facts.page}: formula error: {error}")
    for match in raw[:5]:
        start = max(match.start() - 30, 0)
        context = dom["text"][start : match.end() + 30].replace("\n", " ")
        problems.append(f"{facts.page}: raw TeX in the visible text: …{context}…")
    return problems


def check_language(facts: PageFacts) -> list[str]:
    """<html lang> matches where the page lives."""
    lang = facts.dom.get("lang")
    if lang != facts.page.lang:
        return [f"{facts.page}: <html lang={lang!r}>, expected {facts.page.lang!r}"]
    return []


def check_switch(facts: PageFacts, known: set[str]) -> list[str]:
    """The language selector leads to the same page in the other language."""
    page, switch = facts.page, facts.switch
    if "error" in switch:
        return [f"{page}: language selector: {switch['error']}"]
    problems = []
    if switch.get("path") != page.counterpart:
        problems.append(
            f"{page}: language selector led to {switch.get('path')}, "
            f"expected {page.counterpart}"
        )
    elif page.counterpart not in known:
        problems.append(f"{page}: no counterpart page {page.counterpart} in the site")
    if switch.get("status") != 200:
        problems.append(
            f"{page}: language selector target answered {switch.get('status')}"
        )
    if switch.get("anchor") and switch.get("hash") != switch["anchor"]:
        problems.append(
            f"{page}: language selector dropped #{switch['anchor']} "
            f"(landed on #{switch.get('hash')})"
        )
    elif not switch.get("target", True):
        problems.append(f"{page}: no #{switch['anchor']} on the other language's page")
    other = "en" if page.lang == "ko" else "ko"
    if switch.get("lang") != other:
        problems.append(
            f"{page}: language selector target has lang={switch.get('lang')!r}"
        )
    return problems


def check_accessibility(facts: PageFacts) -> list[str]:
    """axe-core finds no serious or critical violation, in either palette."""
    return [
        f"{facts.page}: axe {v['impact']} {v['id']} ({palette} palette): {v['help']} "
        f"at {v['nodes']}"
        for palette, violations in facts.axe.items()
        for v in violations
        if v["impact"] in SERIOUS
    ]


def check_overflow(facts: PageFacts) -> list[str]:
    """Nothing makes the page itself scroll sideways on a phone."""
    phone = facts.phone
    if phone and phone["scrollWidth"] > phone["innerWidth"] + 1:
        return [
            f"{facts.page}: at {PHONE['width']} px the page is "
            f"{phone['scrollWidth']} px wide; widest elements: {phone['wide']}"
        ]
    return []


MIN_TEXT_PX = {"desktop": 12, "phone": 11}
COLUMN_PX = {"desktop": 688, "phone": 358}  # tools/figures.py designs for these


def check_layout(facts: PageFacts) -> list[str]:
    """Figures' text is readable at both widths, only one variant of a figure is
    downloaded, formulas fit the desktop column and scroll in their own box with a
    cue on a phone, and tables scroll in their own box."""
    problems = []
    for viewport, seen in facts.layout.items():
        if seen["column"] and seen["column"] < COLUMN_PX[viewport] - 2:
            problems.append(
                f"{facts.page}: the {viewport} column is {seen['column']:.0f} px, "
                f"figures are designed for {COLUMN_PX[viewport]} px"
            )
        for fig in seen["figures"]:
            # 0.05 px: the browser rounds an image's own width to whole pixels
            if not fig["px"] >= MIN_TEXT_PX[viewport] - 0.05:
                problems.append(
                    f"{facts.page}: {fig['src']}: smallest text {fig['px']:.1f} px "
                    f"on a {viewport} (< {MIN_TEXT_PX[viewport]} px)"
                )
        for formula in seen["formulas"]:
            if formula["wide"] and (viewport == "desktop" or not formula["scrolls"]
                                    or not formula["cue"]):
                problems.append(
                    f"{facts.page}: formula wider than the {viewport} column "
                    + ("" if viewport == "desktop" else "without a scroll box and cue ")
                    + f"…{formula['tex']}…"
                )
        for table in seen["tables"]:
            if table["wide"] and not table["scrolls"]:
                problems.append(f"{facts.page}: a table is cut on a {viewport}")
    wide = [
        u for u in facts.phone_requests
        if "/figures/" in u and urlsplit(u).path.endswith(".svg")
        and ".narrow." not in urlsplit(u).path
    ]
    if wide:
        problems.append(f"{facts.page}: a phone downloaded desktop figures: {wide[:3]}")
    return problems


def check_first_visit(facts: PageFacts) -> list[str]:
    """A phone's first visit (when measured) stays within the page weight budget
    (tools/budget.py), fetches the search index only once the reader searches, and
    loads no script but Material's and the explorer viewer (no math engine)."""
    bodies, problems = facts.first_visit, []
    total = sum(bodies.values())
    if total > budget.FIRST_VISIT_LIMIT:
        heaviest = sorted(bodies.items(), key=lambda kv: -kv[1])[:4]
        problems.append(
            f"{facts.page}: first visit {total / budget.KB:.0f} kB: {heaviest}"
        )
    if any("search_index" in u for u in bodies):
        problems.append(f"{facts.page}: fetched the search index before any search")
    scripts = [
        u for u in bodies
        if urlsplit(u).path.endswith(".js")
        and "/assets/javascripts/" not in urlsplit(u).path
        and not urlsplit(u).path.endswith("/assets/explorer.min.js")
    ]
    if scripts:
        problems.append(f"{facts.page}: loads scripts besides Material's and the "
                        f"explorer viewer: {scripts}")
    return problems


def check_phone_text(facts: PageFacts) -> list[str]:
    """At every phone width: no table wider than its column, no long caption
    centred, no notebook output line broken, no printed line past its code block."""
    problems = []
    for width, seen in facts.text.items():
        where = f"{facts.page} at {width} px"
        wide = [t for t in seen["tables"] if t["width"] > t["column"] + 1
                or t["offscreen"]]
        if wide:
            problems.append(f"{where}: tables wider than the column: {wide}")
        centred = [c for c in seen["captions"]
                   if c["lines"] > 2 and c["align"] not in ("left", "start")]
        if centred:
            problems.append(f"{where}: long captions centred: {centred}")
        broken = [o for o in seen["outputs"] if o["whiteSpace"] != "pre"
                  or o["wordBreak"] == "break-all" or o["drawn"] > o["lines"]]
        if broken:
            problems.append(f"{where}: output lines broken: {broken}")
        over = [p for p in seen["printed"] if p["over"] > 0]
        if over:
            problems.append(f"{where}: output past the code block's edge: {over}")
    return problems


def check_figure_colours(facts: PageFacts) -> list[str]:
    """In both palettes a figure has the page's own background (no white card in the
    dark palette) and its ink stands out from it (4.5:1, as text)."""
    problems = []
    for palette, figures in facts.figure_colours.items():
        for fig in figures:
            if fig["background"] > 1.15:
                problems.append(
                    f"{facts.page}: {fig['src']} ({palette} palette) has its own "
                    f"background, {fig['background']:.2f}:1 against the page"
                )
            if fig["ink"] < 4.5:
                problems.append(
                    f"{facts.page}: {fig['src']} ({palette} palette): ink contrast "
                    f"{fig['ink']:.1f}:1 < 4.5:1"
                )
    return problems


BROWSER_CHECKS = (
    check_requests,
    check_console,
    check_images,
    check_math,
    check_language,
    check_accessibility,
    check_overflow,
    check_layout,
    check_phone_text,
    check_figure_colours,
    check_first_visit,
)


def all_problems(facts: PageFacts, known: set[str]) -> list[str]:
    problems = [p for check in BROWSER_CHECKS for p in check(facts)]
    if facts.switch:
        problems += check_switch(facts, known)
    return problems


# ------------------------------------------------------------------- search
def search(context, origin: str, home: str, query: str) -> list[str]:
    """Type `query` into the header search box of `home`; the result pages' paths."""
    tab = context.new_page()
    tab.set_viewport_size(DESKTOP)
    try:
        tab.goto(origin + home, wait_until="networkidle")
        box = tab.locator("input.md-search__input")
        box.click()
        box.fill(query)
        tab.keyboard.press("End")  # Material searches on keyup
        try:
            tab.wait_for_selector(".md-search-result__item", timeout=10_000)
        except Exception:  # noqa: BLE001 - no result: reported by check_search
            pass
        links = tab.eval_on_selector_all(
            ".md-search-result__link", "els => els.map((e) => e.href)"
        )
    finally:
        tab.close()
    paths = []
    for link in links:
        path = urlsplit(link).path
        if path not in paths:
            paths.append(path)
    return paths


def check_search(lang: str, query: str, found: list[str], expected: str) -> list[str]:
    """`query` finds `expected` in its own language's search, and no notebook."""
    problems = []
    where = "/" if lang == "ko" else "/en/"
    if expected not in found:
        problems.append(
            f"{where} search {query!r}: {expected} not among results {found}"
        )
    for path in found:
        if "/notebooks/" in path:
            problems.append(
                f"{where} search {query!r}: notebook page {path} in results"
            )
        if (lang == "en") != path.startswith("/en/"):
            problems.append(f"{where} search {query!r}: other language's page {path}")
    return problems
