"""Generate each page's companion notebook from the page itself, then execute it.

The page's prose becomes Markdown cells and its snippet includes become code cells,
so the notebook has no second copy of anything. Figures stay on the page: where the
page shows one, the notebook says which (its alt text) and links the page. Executed
notebooks go to `docs/<lang>/notebooks/<page>.ipynb` (git-ignored); a notebook is
re-executed only when its generated content changed.

    python -m tools.notebooks            # generate + execute what changed
    python -m tools.notebooks --force    # execute everything
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import re
import sys
import tempfile
from pathlib import Path

import nbformat

from tools.cache import run_changed
from tools.pages import (
    DOCS,
    INCLUDE,
    LANGS,
    REPO,
    Include,
    parse,
    shared_file,
    snippet_text,
    topic_pages,
)

CACHE = REPO / ".cache" / "notebooks.json"
TIMEOUT = 600  # seconds per cell

FIGURE_NOTE = {
    "ko": "> **그림:** {alt} (그림은 [페이지](../../{slug}/)에서 볼 수 있습니다.)",
    "en": "> **Figure:** {alt} (the figure is on [the page](../../{slug}/).)",
}
INTRO = {
    "ko": (
        "이 노트북은 [{title}](../../{slug}/) 페이지에서 자동으로 만들어집니다. "
        "위에서부터 차례로 실행하세요. 필요한 패키지: {packages}."
    ),
    "en": (
        "This notebook is generated from the page [{title}](../../{slug}/). "
        "Run the cells from top to bottom. Packages needed: {packages}."
    ),
}

NOTEBOOK_LINK = re.compile(r"\]\(notebooks/[^)]*\.ipynb\)")
FIGURE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\(figures/")
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"([^"]*)")?\s*$')
ATTR_ONLY = re.compile(r"^\s*\{[^}]*\}\s*$")
HEADING_ID = re.compile(r"\s*\{\s*#([\w-]+)\s*\}\s*$")
PAGE_LINK = re.compile(r"\]\(([\w-]+)\.md(#[\w-]+)?\)")  # another page of the site
ANNOTATION = re.compile(r"\s*# \(\d+\)!?\s*$")
OUTPUT_LINE = re.compile(r"^\s*#>( |$)")
FENCE = re.compile(r"^(`{3,}|~{3,})")


def _plain_markdown(text: str, lang: str = "en", slug: str = "") -> list[str]:
    """Page Markdown without what only MkDocs understands: admonitions are dedented
    under a bold title, a figure becomes a note that names it (its alt text) and
    links the page, captions are dropped, heading ids removed."""
    out: list[str] = []
    lines = text.split("\n")
    if lines and lines[0] == "---":  # front matter
        lines = lines[lines.index("---", 1) + 1 :]
    skip_caption = False
    indent_stack: list[int] = []
    for line in lines:
        if skip_caption:
            skip_caption = line.strip() != "///"
            continue
        if figure := FIGURE_LINE.match(line):
            skip_caption = True
            note = FIGURE_NOTE[lang].format(alt=figure.group(1), slug=slug)
            out.extend([note, ""])
            continue
        if line.strip() == "/// caption":
            skip_caption = True
            continue
        if NOTEBOOK_LINK.search(line) or ATTR_ONLY.match(line):
            continue
        width = len(line) - len(line.lstrip())
        while indent_stack and line.strip() and width < indent_stack[-1]:
            indent_stack.pop()
        depth = indent_stack[-1] if indent_stack else 0
        line = line[depth:] if line[:depth].strip() == "" else line.lstrip()
        if match := ADMONITION.match(line):
            indent_stack.append(depth + len(match.group(1)) + 4)
            if match.group(2):
                out.extend([f"**{match.group(2)}**", ""])
            continue
        if line.startswith("##") and (anchor := HEADING_ID.search(line)):
            # keep the heading's id as an anchor, so "#id" links work in the notebook
            out.extend([f'<a id="{anchor.group(1)}"></a>', ""])
            line = HEADING_ID.sub("", line)
        out.append(PAGE_LINK.sub(r"](../../\1/\2)", line))
    return out


SHARED_IMPORT = re.compile(r"^(?:from (\w+) import|import (\w+))\b")


def _code(include: Include) -> str:
    lines = snippet_text(include).split("\n")
    lines = [ANNOTATION.sub("", line) for line in lines if not OUTPUT_LINE.match(line)]
    kept, skipping = [], False
    for line in lines:
        match = SHARED_IMPORT.match(line)
        if match and shared_file(match.group(1) or match.group(2)):
            skipping = line.rstrip().endswith("(")
            continue
        if skipping:
            skipping = ")" not in line
            continue
        kept.append(line)
    return "\n".join(kept).strip("\n")


def snippet_line(spec: str, cell_line: int) -> int:
    """The line of the snippet file that line `cell_line` (from 1) of the code cell
    made from the include `spec` comes from: the cell drops `#>` lines and section
    marks, so its lines are matched in order against the file's."""
    include = Include(spec, None, 0)
    cell = _code(include).split("\n")
    lines = (REPO / include.path).read_text(encoding="utf-8").split("\n")
    number = 0
    if include.section:
        start = f"--8<-- [start:{include.section}]"
        number = next(i for i, line in enumerate(lines) if line.strip().endswith(start))
    for text in cell[:cell_line]:
        while ANNOTATION.sub("", lines[number]) != text:
            number += 1
        number += 1
    return number


PACKAGES = {
    "numpy": "numpy",
    "matplotlib": "matplotlib",
    "sklearn": "scikit-learn",
    "optuna": "optuna",
}


def _imports(paths: list[str]) -> str:
    """The top-level imports of the included files: a page may show only a section
    of a file, so the notebook starts with the imports every section relies on.
    An import of a shared file (digits_net) is left out: its code is a cell."""
    lines: list[str] = []
    for path in dict.fromkeys(paths):
        if not (REPO / path).is_file():
            raise ValueError(f'--8<-- "{path}": the file does not exist')
        source = (REPO / path).read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if isinstance(node, ast.ImportFrom) and shared_file(node.module):
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                line = ast.get_source_segment(source, node)
                if line not in lines:
                    lines.append(line)
    return "\n".join(lines)


def build(page_path: Path, lang: str) -> nbformat.NotebookNode:
    """The (unexecuted) notebook of one page."""
    text = page_path.read_text(encoding="utf-8")
    page = parse(page_path)
    for include in page.includes:
        try:
            snippet_text(include)
        except ValueError as error:
            raise ValueError(f"{_shown(page_path)}:{include.line}: {error}") from None
    title = next((h.text for h in page.headings if h.level == 1), page_path.stem)
    imports = _imports([include.path for include in page.includes])
    packages = ", ".join(
        name
        for module, name in PACKAGES.items()
        if re.search(rf"^(import|from) {module}\b", imports, re.MULTILINE)
    )
    intro = INTRO[lang].format(title=title, slug=page_path.stem, packages=packages)
    cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n{intro}")]
    markdown: list[str] = []

    def flush() -> None:
        body = "\n".join(markdown).strip()
        body = (
            re.sub(r"^# .*\n*", "", body) if not cells[1:] else body
        )  # title is above
        if body:
            cells.append(nbformat.v4.new_markdown_cell(body))
        markdown.clear()

    fence: list[str] | None = None
    marker = ""
    for line in _plain_markdown(text, lang, page_path.stem):
        if fence is not None:
            if line.strip() == marker:
                specs = [INCLUDE.match(f) for f in fence[1:]]
                if specs and all(specs):
                    flush()
                    for spec in specs:
                        code = _code(Include(spec.group(1), None, 0))
                        cell = nbformat.v4.new_code_cell(code)
                        cell.metadata["snippet"] = spec.group(1)  # to name it on error
                        cells.append(cell)
                else:
                    markdown.extend(fence + [line])
                fence = None
            else:
                fence.append(line)
            continue
        if match := FENCE.match(line.strip()):
            fence, marker = [line], match.group(1)
            continue
        markdown.append(line)
    flush()
    if imports:
        cells.insert(1, nbformat.v4.new_code_cell(imports))
    for number, cell in enumerate(cells):
        cell.id = f"cell-{number}"  # stable ids: the same page gives the same notebook
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def target(page_path: Path, lang: str) -> Path:
    return DOCS / lang / "notebooks" / f"{page_path.stem}.ipynb"


def _key(nb: nbformat.NotebookNode) -> str:
    digest = hashlib.sha256(nbformat.writes(nb).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def execute(nb: nbformat.NotebookNode, out: Path) -> str | None:
    """Execute `nb` in a fresh kernel from a temporary directory; write it to `out`."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    try:
        with tempfile.TemporaryDirectory() as tmp:
            NotebookClient(
                nb,
                timeout=TIMEOUT,
                kernel_name="python3",
                resources={"metadata": {"path": tmp}},
                extra_arguments=["--log-level=ERROR"],  # a local kernel: no TCP notice
            ).execute()
    except CellExecutionError as error:
        return cell_failure(nb, out, error)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".ipynb.partial")
    nbformat.write(nb, partial)
    partial.replace(out)
    return None


ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CELL_FRAME = re.compile(r"Cell In\[(\d+)\], line (\d+)")


def cell_failure(nb: nbformat.NotebookNode, out: Path, error: Exception) -> str:
    """A failed cell as plain text, headed by the snippet file and line it shows.

    The kernel's traceback names cells by execution count ("Cell In[3], line 5");
    its innermost such frame is mapped back to the include the cell was made from.
    The message does not name the notebook's language, so the Korean and English
    notebooks of a page, which run the same code, fail with the same message."""
    text = ANSI.sub("", str(error))
    # nbclient's message: the cell's source, then the traceback
    traceback = text.split("-" * 75)[-1].strip("\n") if "-" * 75 in text else text
    frames = CELL_FRAME.findall(traceback)
    page = f"docs/{{ko,en}}/{out.stem}.md"
    where = f"{page}: the notebook's first code cell (the imports)"
    if frames:
        count, line = (int(n) for n in frames[-1])
        cell = next(
            (c for c in nb.cells if c.get("execution_count") == count), None
        )
        spec = cell.metadata.get("snippet") if cell is not None else None
        if spec:
            path = spec.split(":")[0]
            where = f"{path}:{snippet_line(spec, line)}"
    ename = getattr(error, "ename", "Error")
    evalue = ANSI.sub("", getattr(error, "evalue", ""))
    return (
        f"{where}: {ename}: {evalue}\n"
        f"  (in the notebook of {page}; fix the snippet named above)\n"
        f"{traceback}"
    )


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def _execute_job(job: tuple[str, Path]) -> str | None:
    text, out = job
    return execute(nbformat.reads(text, as_version=4), out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="ignore the cache")
    args = parser.parse_args(argv)

    jobs = {}
    for lang in LANGS:
        for page in topic_pages(lang):
            try:
                nb = build(page.path, lang)
            except ValueError as error:
                print(error, file=sys.stderr)
                return 1
            out = target(page.path, lang)
            name = out.relative_to(REPO).as_posix()
            jobs[name] = (_key(nb), (nbformat.writes(nb), out))
    for lang in LANGS:  # notebooks of pages that no longer exist
        for old in (DOCS / lang / "notebooks").glob("*.ipynb"):
            if old.relative_to(REPO).as_posix() not in jobs:
                old.unlink()
    return run_changed(
        "notebooks",
        CACHE,
        jobs,
        lambda name: (REPO / name).is_file(),
        _execute_job,
        force=args.force,
    )


if __name__ == "__main__":
    sys.exit(main())
