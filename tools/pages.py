"""What a page is made of: its headings, snippet includes and figures, in order.

Shared by the docs tests (parity between languages, every include resolves, every
snippet and figure is used) and by the notebook generator.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
LANGS = ("ko", "en")

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([\w-]+)\s*\})?\s*$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(\w*)(.*)$")
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
FIGURE = re.compile(r"!\[([^\]]*)\]\((figures/[^)\s]+)\)")
TITLE = re.compile(r'title="([^"]+)"')
EXPLORER = re.compile(r"^    attrs: \{class: explorer, data-src: ([\w.-]+\.json)\}\s*$")


@dataclass(frozen=True)
class Include:
    spec: str  # "snippets/x/y.py" or "snippets/x/y.py:section"
    title: str | None  # the fence's title="..."
    line: int

    @property
    def path(self) -> str:
        return self.spec.split(":")[0]

    @property
    def section(self) -> str | None:
        return self.spec.split(":")[1] if ":" in self.spec else None


@dataclass(frozen=True)
class Figure:
    path: str
    alt: str
    caption: str | None
    line: int
    explorer: str | None = None  # figures/<page>/<name>.json: an explorer's data


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass(frozen=True)
class Fence:
    lang: str
    body: list[str]
    line: int


@dataclass
class Page:
    path: Path
    headings: list[Heading]
    includes: list[Include]
    figures: list[Figure]
    fences: list[Fence]

    @property
    def slug(self) -> str:
        return self.path.stem

    def outline(self) -> list[tuple[str, str]]:
        """The language-independent skeleton: heading ids, includes and figures."""
        items = [(h.line, ("heading", f"h{h.level}#{h.id}")) for h in self.headings]
        items += [(i.line, ("include", i.spec)) for i in self.includes]
        items += [(f.line, ("figure", f.path, f.explorer)) for f in self.figures]
        return [item for _, item in sorted(items)]


def parse(path: Path) -> Page:
    lines = path.read_text(encoding="utf-8").splitlines()
    headings, includes, figures, fences = [], [], [], []
    fence: tuple[str, str, int, list[str], str | None] | None = None
    for number, line in enumerate(lines, start=1):
        if fence is not None:
            marker, lang, start, body, title = fence
            if line.strip() == marker:
                fences.append(Fence(lang, body, start))
                fence = None
                continue
            body.append(line)
            if match := INCLUDE.match(line):
                includes.append(Include(match.group(1), title, number))
            continue
        if match := FENCE.match(line):
            title = TITLE.search(match.group(4))
            fence = (
                match.group(2),
                match.group(3),
                number,
                [],
                title and title.group(1),
            )
            continue
        if match := HEADING.match(line):
            level, text, anchor = match.groups()
            headings.append(Heading(len(level), text, anchor, number))
            continue
        for match in FIGURE.finditer(line):
            caption, explorer = _caption(lines, number), _explorer(lines, number)
            if explorer:  # data-src is relative to the figure's own file
                explorer = match.group(2).rsplit("/", 1)[0] + "/" + explorer
            figures.append(
                Figure(match.group(2), match.group(1), caption, number, explorer)
            )
    if fence is not None:
        raise ValueError(f"{path}:{fence[2]}: code fence is never closed")
    return Page(path, headings, includes, figures, fences)


def _caption(lines: list[str], number: int) -> str | None:
    """The text of a `/// caption` block right after the image on line `number`."""
    rest = lines[number:]
    if not rest or rest[0].strip() != "/// caption":
        return None
    text = []
    for line in rest[1:]:
        if line.strip() == "///":
            return " ".join(text).strip()
        if not (line.startswith("    ") and not text):  # the block's options
            text.append(line.strip())
    return None


def _explorer(lines: list[str], number: int) -> str | None:
    """The data-src of an explorer: the figure's caption block declares it, as
    `    attrs: {class: explorer, data-src: <name>.json}` under `/// caption`."""
    rest = lines[number : number + 2]
    if len(rest) == 2 and rest[0].strip() == "/// caption":
        if match := EXPLORER.match(rest[1]):
            return match.group(1)
    return None


def pages(lang: str) -> list[Page]:
    return [parse(p) for p in sorted((DOCS / lang).glob("*.md"))]


NOT_TOPICS = {"index", "glossary"}  # the landing page and the glossary (no notebook)


def topic_pages(lang: str) -> list[Page]:
    """Every page but the landing page and the glossary: each has snippets and a
    companion notebook."""
    return [p for p in pages(lang) if p.slug not in NOT_TOPICS]


def snippet_text(include: Include) -> str:
    """The code an include shows, as pymdownx.snippets renders it.

    Raises ValueError naming the include when the file or the section is missing.
    """
    path = REPO / include.path
    if not path.is_file():
        raise ValueError(f'--8<-- "{include.spec}": {include.path} does not exist')
    lines = path.read_text(encoding="utf-8").splitlines()
    if include.section:
        marks = [f"--8<-- [{kind}:{include.section}]" for kind in ("start", "end")]
        found = [
            [i for i, line in enumerate(lines) if line.strip().endswith(mark)]
            for mark in marks
        ]
        if not all(found):
            raise ValueError(
                f'--8<-- "{include.spec}": {include.path} has no section '
                f"`{include.section}` (mark it with # {marks[0]} ... # {marks[1]})"
            )
        lines = lines[found[0][0] + 1 : found[1][0]]
    lines = [line for line in lines if "--8<-- [" not in line]
    return "\n".join(lines).strip("\n")


def shared_file(module: str | None) -> Path | None:
    """The file several pages share (snippets/digits_net.py) that a plain `import
    module` names, or None. A page whose snippets import it shows its code, and a
    reader copies it beside them."""
    path = REPO / "snippets" / f"{module}.py"
    return path if module and path.is_file() else None


def imported_shared(source: str) -> list[Path]:
    """The shared files this Python code imports directly, in import order."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [path for name in names if (path := shared_file(name))]
    return found


def shared_imports(snippet: Path) -> list[Path]:
    """The shared files `snippet` imports, directly or through each other: what a
    reader copies beside it. A file that is not Python (a shell block) imports none."""
    found: list[Path] = []
    todo = [snippet] if snippet.suffix == ".py" else []
    while todo:
        for shared in imported_shared(todo.pop().read_text(encoding="utf-8")):
            if shared not in found:
                found.append(shared)
                todo.append(shared)
    return found
