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

WebKit (Safari) lays MathML out by an older reading than Chromium and Firefox, and
`for_webkit` spells out for it what the others infer: the smaller numerator and
denominator of a fraction in text style (an inline \\frac, a \\tfrac), and the thin
spaces around a large operator such as a sum.
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
            self._cache[key] = for_webkit(slim(answer["mathml"]))
        return self._cache[key]


def slim(mathml: str) -> str:
    for pattern, replacement in REDUNDANT:
        mathml = pattern.sub(replacement, mathml)
    return PRIME.sub(r'<mrow>\1<mo lspace="0" rspace="0">\2</mo></mrow>', mathml)


# WebKit never makes the numerator and denominator of a text-style fraction smaller
# (it ignores `scriptlevel` and the CSS `math-depth` that MathML Core scales them
# by), so an inline \frac came out as large as a displayed one; it does honour
# `mathsize`. Each child of such a fraction gets the size Chromium and Firefox
# compute for it anyway (MathML Core's `font-size: math`, with the math font's
# ScriptPercentScaleDown and ScriptScriptPercentScaleDown), so only WebKit changes.
SCRIPT_PERCENT, SCRIPT_SCRIPT_PERCENT = 70, 55  # STIX Two Math's MATH table
# The first child of these is the base; the others are scripts, one level deeper.
SCRIPTED = {"msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts"}
# WebKit spaces a sum by the MathML 3 dictionary (1/18 em before, 2/18 after, and
# inside the box that centres it over its limits, where wider limits swallow it),
# so "\frac{1}{N}\sum" touched. Chromium and Firefox give 1/6 em on each side of
# the whole operator with its limits, and so does TeX; spelled out, all three agree.
LARGE_OPERATORS = {"∑", "∏"}
LIMITS = {"munder", "mover", "munderover"}
THIN = "0.1667em"
TAG = re.compile(r"<(/?)([a-z]+)\b([^>]*?)(/?)>")
ATTRIBUTE = re.compile(r'([a-z-]+)=(?:"([^"]*)"|([^\s">]+))')  # or minified


def _scale(depth: int, to: int) -> float:
    """The factor `font-size: math` scales by from one math-depth to another."""
    if depth == to:
        return 1.0
    if to < depth:
        return 1 / _scale(to, depth)
    steps, factor = to - depth, 1.0
    if depth <= 0 and to >= 2:
        factor, steps = SCRIPT_SCRIPT_PERCENT / 100, steps - 2
    elif depth == 1:
        factor, steps = SCRIPT_SCRIPT_PERCENT / SCRIPT_PERCENT, steps - 1
    elif to == 1:
        factor, steps = SCRIPT_PERCENT / 100, steps - 1
    return factor * 0.71**steps


class _Frame:
    __slots__ = ("name", "compact", "depth", "index", "children", "text", "limits")

    def __init__(self, name: str, compact: bool, depth: int, index: int) -> None:
        self.name, self.compact, self.depth = name, compact, depth
        self.index, self.children, self.text, self.limits = index, 0, "", False


def _with(tag: str, attributes: str) -> str:
    end = -2 if tag.endswith("/>") else -1
    return f"{tag[:end]} {attributes}{tag[end:]}"


def _large_operator(frame: _Frame, start_tag: str) -> bool:
    """A sum outside scripts whose spacing nobody has set."""
    return (
        frame.name == "mo"
        and frame.text in LARGE_OPERATORS
        and frame.depth <= 0
        and "lspace=" not in start_tag
        and "rspace=" not in start_tag
    )


def for_webkit(mathml: str) -> str:
    """MathML with the sizes and spaces WebKit does not infer, written out.

    Follows MathML Core's `math-style` and `math-depth` through the formula (the
    display attribute, fractions, scripts, roots, tables, `displaystyle` and
    `scriptlevel`) to know which fractions are in text style and how deep they are.
    """
    out: list[str] = []
    stack: list[_Frame] = []
    starts: list[int] = []  # where each open element's start tag is in `out`
    last = 0
    for match in TAG.finditer(mathml):
        text = mathml[last : match.start()]
        out.append(text)
        if stack:
            stack[-1].text += text
        last = match.end()
        closing, name, attributes, empty = match.groups()
        tag = match[0]
        if closing:
            frame = stack.pop()
            start = starts.pop()
            out.append(tag)
            if _large_operator(frame, out[start]):
                parent = stack[-1] if stack else None
                if parent and parent.name in LIMITS and frame.index == 0:
                    out[start] = _with(out[start], 'lspace="0" rspace="0"')
                    parent.limits = True
                else:
                    out[start] = _with(out[start], f'lspace="{THIN}" rspace="{THIN}"')
            if frame.limits:
                space = f'<mspace width="{THIN}"></mspace>'
                out[start] = space + out[start]
                out.append(space)
            continue
        attrs = {a: q or bare for a, q, bare in ATTRIBUTE.findall(attributes)}
        parent = stack[-1] if stack else None
        if parent is None:
            compact, depth, index = attrs.get("display") != "block", 0, 0
        else:
            compact, depth = parent.compact, parent.depth
            index, parent.children = parent.children, parent.children + 1
            if parent.name == "mfrac":
                depth += parent.compact
                compact = True
            elif parent.name in SCRIPTED and index > 0:
                depth, compact = depth + 1, True
            elif parent.name == "mroot" and index == 1:
                depth, compact = depth + 2, True
        if name == "mtable":
            compact = True
        if "displaystyle" in attrs:
            compact = attrs["displaystyle"] == "false"
        level = attrs.get("scriptlevel", "")
        if re.fullmatch(r"[+-]?\d+", level):
            depth = depth + int(level) if level[0] in "+-" else int(level)
        style_depth = re.search(r"math-depth:\s*(-?\d+)", attrs.get("style", ""))
        if style_depth:
            depth = int(style_depth[1])
        if (
            parent is not None
            and parent.name == "mfrac"
            and parent.compact
            and "mathsize" not in attrs
            and depth != parent.depth
        ):
            tag = _with(tag, f'mathsize="{100 * _scale(parent.depth, depth):.4g}%"')
        if empty:
            out.append(tag)
            continue
        starts.append(len(out))
        out.append(tag)
        stack.append(_Frame(name, compact, depth, index))
    out.append(mathml[last:])
    return "".join(out)


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
