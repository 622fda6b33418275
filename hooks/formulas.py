"""Formulas typeset at build time as MathML: no math engine runs in the browser.

Pages mark their formulas with pymdownx.arithmatex (`<span class="arithmatex">\\(...\\)`
and `<div class="arithmatex">\\[...\\]`); notebook pages keep Jupyter's `$...$` and
`$$...$$` in their Markdown cells (the .ipynb keeps its TeX for Jupyter). Both become
MathML Core, written by Temml and laid out by the browser itself (Chromium, Firefox
and Safari all do), which screen readers read as math. One Node process
(tools/node/temml.mjs) converts every formula of both builds; a formula Temml cannot
parse fails the build, naming the page and the formula.

A page with math gets `page.meta.math`: overrides/main.html then links the math
stylesheet and preloads the math font (STIX Two Math, cut by tools/mathfont.py to the
characters the formulas use), which hooks/shared_assets.py serves.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess

from tools import nodejs

ARITHMATEX = re.compile(
    r'<(span|div) class="(arithmatex[^"]*)">\\([(\[])(.*?)\\[)\]]</\1>', re.DOTALL
)
# Attributes that change nothing a browser draws, dropped to keep pages light: the
# MathML 3 hints `fence` and `separator`, which MathML Core does not have, and a
# `form` that MathML Core infers anyway (the first operator of an <mrow> is a
# prefix, the last a postfix).
REDUNDANT = [
    (re.compile(r' (?:fence|separator)="true"'), ""),
    (re.compile(r'(<mrow><mo\b[^>]*?) form="prefix"'), r"\1"),
    (re.compile(r' form="postfix"([^>]*>[^<]*</mo></mrow>)'), r"\1"),
]
# f' as Temml writes it, the prime a superscript: STIX Two's prime glyph is drawn
# raised already, so as a superscript it floats off the letter. Set it beside.
PRIME = re.compile(
    r'<msup>(<mi>[^<]*</mi>)<mo [^>]*class="tml-prime[^"]*">(′+)</mo></msup>'
)
# Notebook Markdown: $$display$$ first, then $inline$ (no space inside the dollars).
DOLLARS = re.compile(r"\$\$(.+?)\$\$|\$(?=\S)((?:\\\$|[^$])+?)(?<=\S)\$", re.DOTALL)
# Text inside these elements is never math.
VERBATIM = re.compile(
    r"(<(pre|code|script|style)\b.*?</\2>)|(<[^>]+>)", re.DOTALL | re.IGNORECASE
)


class MathError(ValueError):
    pass


class _Temml:
    """One Node process running tools/node/temml.mjs, with a cache of answers."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._cache: dict[tuple[str, bool], str] = {}

    def _start(self) -> subprocess.Popen:
        nodejs.package("temml")
        process = subprocess.Popen(
            [str(nodejs.executable()), str(nodejs.NODE_DIR / "temml.mjs")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=nodejs.NODE_DIR,
        )
        atexit.register(process.kill)
        return process

    def render(self, tex: str, display: bool) -> str:
        key = (tex, display)
        if key not in self._cache:
            if self._process is None:
                self._process = self._start()
            request = json.dumps({"tex": tex, "display": display})
            self._process.stdin.write(request + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
            if not line:
                raise MathError("the Temml process (tools/node/temml.mjs) exited")
            answer = json.loads(line)
            if "error" in answer:
                raise MathError(answer["error"])
            self._cache[key] = slim(answer["mathml"])
        return self._cache[key]


def slim(mathml: str) -> str:
    for pattern, replacement in REDUNDANT:
        mathml = pattern.sub(replacement, mathml)
    return PRIME.sub(r'<mrow>\1<mo lspace="0" rspace="0">\2</mo></mrow>', mathml)


TEMML = _Temml()


def _typeset(tex: str, display: bool, page) -> str:
    try:
        return TEMML.render(html.unescape(tex).strip(), display)
    except MathError as error:
        kind = "display" if display else "inline"
        raise MathError(
            f"{page.file.src_uri}: cannot typeset the {kind} formula {tex.strip()!r}: "
            f"{error}"
        ) from None


def typeset_page(content: str, page) -> str:
    """The arithmatex spans and divs of a page, typeset."""

    def one(match: re.Match) -> str:
        tag, classes, opening, tex = match.groups()
        return f'<{tag} class="{classes}">{_typeset(tex, opening == "[", page)}</{tag}>'

    return ARITHMATEX.sub(one, content)


def typeset_notebook(content: str, page) -> str:
    """The `$...$` and `$$...$$` in a notebook page's text (never in code)."""

    def one(match: re.Match) -> str:
        if match[1] is not None:
            return _typeset(match[1], True, page)
        return _typeset(match[2], False, page)

    out, last = [], 0
    for tag in VERBATIM.finditer(content):
        out.append(DOLLARS.sub(one, content[last : tag.start()]))
        out.append(tag[0])
        last = tag.end()
    out.append(DOLLARS.sub(one, content[last:]))
    return "".join(out)


def on_page_content(content, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        typeset = typeset_notebook(content, page)
    else:
        typeset = typeset_page(content, page)
    page.meta["math"] = typeset != content
    return typeset
