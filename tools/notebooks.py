"""Generate each page's companion notebook from the page itself, then execute it.

The page's prose becomes Markdown cells and its snippet includes become code cells,
so the notebook has no second copy of anything. Each figure of the page is in the
notebook as a PNG attachment of its Markdown cell (tools/figures.py draws it beside
the SVGs), with its caption under it, so a downloaded notebook shows every figure;
the notebook's page on the site leaves the images out (hooks/notebook_pages.py).
Links to the site are absolute, from SITE_URL (tools/build.site_url; unset, the
preview address of `nox -s serve`), so they work in a downloaded copy. Executed
notebooks go to `docs/<lang>/notebooks/<page>.ipynb` (git-ignored); a notebook is
regenerated only when its generated content changed, and re-executed only when its
code cells did (an edit of the prose, a figure or SITE_URL keeps the outputs).

    python -m tools.notebooks            # generate + execute what changed
    python -m tools.notebooks --force    # execute everything
"""

from __future__ import annotations

import argparse
import ast
import base64
import hashlib
import re
import sys
import tempfile
from pathlib import Path

import nbformat

from tools.cache import run_changed, without_comments
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

INTRO = {
    "ko": (
        "이 노트북은 [{title}]({site}{slug}/) 페이지에서 자동으로 만들어집니다. "
        "위에서부터 차례로 실행하세요. 필요한 패키지: {packages}."
    ),
    "en": (
        "This notebook is generated from the page [{title}]({site}{slug}/). "
        "Run the cells from top to bottom. Packages needed: {packages}."
    ),
}
# Set before the imports, in the notebook only: Optuna imports tqdm.auto, which in
# Jupyter without ipywidgets warns "IProgress not found" although no progress bar
# is ever shown (the snippets do not ask for one).
SETUP = {
    "optuna": (
        "import warnings\n\n"
        'warnings.filterwarnings("ignore", message="IProgress not found")'
    ),
}

NOTEBOOK_LINK = re.compile(r"\]\(notebooks/[^)]*\.ipynb\)")
FIGURE_LINE = re.compile(r"^\s*!\[([^\]]*)\]\((figures/[^)\s]+\.svg)\)")
ATTACHMENT = re.compile(r"\]\(attachment:([\w.-]+\.png)\)")
CAPTION_ATTRS = re.compile(r"^\s*attrs:\s*\{.*\}\s*$")
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+\w+(?:\s+"([^"]*)")?\s*$')
ATTR_ONLY = re.compile(r"^\s*\{[^}]*\}\s*$")
HEADING_ID = re.compile(r"\s*\{\s*#([\w-]+)\s*\}\s*$")
PAGE_LINK = re.compile(r"\]\(([\w-]+)\.md(#[\w-]+)?\)")  # another page of the site
# a shared snippet file to download (hooks/downloads.py), and its `{ download=... }`
DOWNLOAD_LINK = re.compile(r"\]\((downloads/[\w.-]+)\)\{[^}]*\}")
ANNOTATION = re.compile(r"\s*# \(\d+\)!?\s*$")
OUTPUT_LINE = re.compile(r"^\s*#>( |$)")
FENCE = re.compile(r"^(`{3,}|~{3,})")


def _plain_markdown(text: str, site: str) -> list[str]:
    """Page Markdown without what only MkDocs understands: admonitions are dedented
    under a bold title, a figure becomes an image attachment (attachment:<name>.png)
    with its caption quoted under it, heading ids are removed and links to other
    pages made absolute (`site`: the URL of the language's home)."""
    out: list[str] = []
    lines = text.split("\n")
    if lines and lines[0] == "---":  # front matter
        lines = lines[lines.index("---", 1) + 1 :]
    in_caption = False
    indent_stack: list[int] = []
    for line in lines:
        if in_caption:
            if line.strip() == "///":
                in_caption = False
                out.append("")
            elif line.strip() != "/// caption" and not CAPTION_ATTRS.match(line):
                out.append("> " + PAGE_LINK.sub(rf"]({site}\1/\2)", line.strip()))
            continue
        if figure := FIGURE_LINE.match(line):
            name = Path(figure.group(2)).with_suffix(".png").name
            out.extend([f"![{figure.group(1)}](attachment:{name})", ""])
            in_caption = True  # the caption block follows the image line
            continue
        if line.strip() == "/// caption":
            in_caption = True
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
        line = DOWNLOAD_LINK.sub(rf"]({site}\1)", line)
        out.append(PAGE_LINK.sub(rf"]({site}\1/\2)", line))
    return out


def _attach_figures(cell, figures: dict[str, str], lang: str, where: str) -> None:
    """Attach the PNG of each figure the Markdown cell shows (attachment:<name>.png)."""
    from tools.figures import raster_path

    for name in ATTACHMENT.findall(cell.source):
        png = raster_path(figures[name], lang)
        if not png.is_file():
            raise ValueError(
                f"{where}: {figures[name]} has no PNG for the notebook "
                f"({_shown(png)}): draw the figures first (nox -s figures)"
            )
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        cell.setdefault("attachments", {})[name] = {"image/png": data}


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


def home_url(lang: str) -> str:
    """The absolute URL of one language's home: SITE_URL (or the preview address)."""
    from tools.build import site_url  # tools.build imports this module

    return site_url("" if lang == LANGS[0] else lang)


def packages_of(imports: str) -> list[str]:
    """The modules of PACKAGES that the import lines import, in PACKAGES' order."""
    return [
        module
        for module in PACKAGES
        if re.search(rf"^(import|from) {module}\b", imports, re.MULTILINE)
    ]


def build(page_path: Path, lang: str, site: str | None = None) -> nbformat.NotebookNode:
    """The (unexecuted) notebook of one page; `site` is the URL of the language's
    home (default: home_url(lang))."""
    site = home_url(lang) if site is None else site
    text = page_path.read_text(encoding="utf-8")
    page = parse(page_path)
    for include in page.includes:
        try:
            snippet_text(include)
        except ValueError as error:
            raise ValueError(f"{_shown(page_path)}:{include.line}: {error}") from None
    title = next((h.text for h in page.headings if h.level == 1), page_path.stem)
    imports = _imports([include.path for include in page.includes])
    packages = ", ".join(PACKAGES[module] for module in packages_of(imports))
    intro = INTRO[lang].format(
        title=title, site=site, slug=page_path.stem, packages=packages
    )
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
    for line in _plain_markdown(text, site):
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
    figures = {Path(f.path).with_suffix(".png").name: f.path for f in page.figures}
    for cell in cells:
        if cell.cell_type == "markdown":
            _attach_figures(cell, figures, lang, _shown(page_path))
    setup = [code for module, code in SETUP.items() if module in packages_of(imports)]
    if imports:
        cells.insert(1, nbformat.v4.new_code_cell("\n\n".join([*setup, imports])))
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


def execute(nb: nbformat.NotebookNode, out: Path, write: bool = True) -> str | None:
    """Execute `nb` in a fresh kernel from a temporary directory; write it to `out`
    (unless not `write`). Returns the failure, or None."""
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
    if write:
        _write(nb, out)
    return None


def _write(nb: nbformat.NotebookNode, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".ipynb.partial")
    nbformat.write(nb, partial)
    partial.replace(out)


def reuse_outputs(nb: nbformat.NotebookNode, out: Path) -> bool:
    """Give `nb` the outputs of the executed notebook at `out` if its code cells
    are the same but for comments, in the same order: what a notebook prints
    depends only on its code, so new prose, comments, figures or links need no
    new run."""
    try:
        old = nbformat.read(out, as_version=4)
    except (OSError, ValueError):  # missing or unreadable: execute
        return False
    old_code = [cell for cell in old.cells if cell.cell_type == "code"]
    new_code = [cell for cell in nb.cells if cell.cell_type == "code"]
    def code(cells):  # a comment edit prints nothing new
        return [without_comments(c.source) for c in cells]

    if code(old_code) != code(new_code):
        return False
    for new, previous in zip(new_code, old_code, strict=True):
        new.outputs, new.execution_count = previous.outputs, previous.execution_count
    nb.metadata = old.metadata  # what the kernel reported (language_info)
    return True


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


def _execute_job(job: tuple) -> str | None:
    """(notebook text, output path[, reuse]): execute it, or with `reuse` (the
    default) only rewrite it when reuse_outputs() can take the old outputs."""
    text, out, *rest = job
    nb = nbformat.reads(text, as_version=4)
    if (rest[0] if rest else True) and reuse_outputs(nb, out):
        _write(nb, out)
        return None
    return execute(nb, out)


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
            jobs[name] = (_key(nb), (nbformat.writes(nb), out, not args.force))
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
