"""Serve the files several pages share (snippets/digits_net.py) for download.

A page whose snippets import a shared file tells the reader to put it beside them and
links it, `[...](downloads/digits_net.py){ download }`. Each language's build gets the
repository's file, byte for byte, at downloads/<name>; MkDocs checks the link and
writes it relative to the page, so it works under any path prefix.
"""

from pathlib import Path

from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parent.parent
FOLDER = "downloads"


def shared_files() -> list[Path]:
    """The files at the top of snippets/: what snippets import by plain name."""
    snippets = REPO / "snippets"
    return sorted(p for p in snippets.glob("*.py") if p.name != "__init__.py")


def on_files(files: Files, config) -> Files:
    for path in shared_files():
        files.append(
            File.generated(config, f"{FOLDER}/{path.name}", abs_src_path=str(path))
        )
    return files
