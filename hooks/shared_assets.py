"""Serve the files both languages share: docs/assets/ and the MathJax engine.

Each language is its own MkDocs build with its own docs_dir, so files that both need
are added here instead of being copied into docs/ko and docs/en. MathJax comes from the
`django-static-mathjax` package: only the engine, its TeX extensions and its CHTML
fonts are served, so the site needs no CDN.
"""

from pathlib import Path

import mathjax
from mkdocs.structure.files import File, Files

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / "docs" / "assets"
MATHJAX = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
MATHJAX_PARTS = [
    "tex-chtml.js",
    "input/tex/extensions/*.js",
    "output/chtml/fonts/woff-v2/*.woff",
]


def _add(files: Files, src_dir: Path, path: Path, dest_prefix: str, config) -> None:
    files.append(
        File(
            path.relative_to(src_dir).as_posix(),
            src_dir=str(src_dir),
            dest_dir=str(Path(config["site_dir"]) / dest_prefix),
            use_directory_urls=config["use_directory_urls"],
        )
    )


def on_files(files: Files, config) -> Files:
    for path in sorted(SHARED.rglob("*")):
        if path.is_file():
            _add(files, SHARED.parent, path, "", config)
    for pattern in MATHJAX_PARTS:
        found = sorted(MATHJAX.glob(pattern))
        if not found:
            raise FileNotFoundError(
                f"{MATHJAX}/{pattern} is missing: reinstall django-static-mathjax "
                "(nox -s build installs it)"
            )
        for path in found:
            _add(files, MATHJAX, path, "assets/mathjax", config)
    return files
