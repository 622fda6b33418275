"""Serve the files both languages share: docs/assets/ and the math stylesheet.

Each language is its own MkDocs build with its own docs_dir, so files that both need
are added here instead of being copied into docs/ko and docs/en (tools/finish.py then
keeps one copy, at the site root). The math stylesheet is Temml's stylesheet for STIX
Two Math (tools/node/node_modules, installed by `npm ci`), pointed at the site's own
cut of the font (tools/mathfont.py writes it after both builds).
"""

import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from tools import nodejs
from tools.mathfont import FONT_NAME

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / "docs" / "assets"
MATH_CSS = "assets/math/math.css"
FONT_FACE = re.compile(r"@font-face \{\s*font-family: STIX2;.*?\}", re.DOTALL)


def _add(files: Files, src_dir: Path, path: Path, dest_prefix: str, config) -> None:
    files.append(
        File(
            path.relative_to(src_dir).as_posix(),
            src_dir=str(src_dir),
            dest_dir=str(Path(config["site_dir"]) / dest_prefix),
            use_directory_urls=config["use_directory_urls"],
        )
    )


def math_css() -> str:
    temml_css = nodejs.package("temml") / "dist" / "Temml-STIX2.css"
    css, found = FONT_FACE.subn(
        "@font-face {\n  font-family: STIX2;\n"
        f"  src: url({FONT_NAME}) format(\"woff2\");\n}}",
        temml_css.read_text(encoding="utf-8"),
    )
    if found != 1:
        raise ValueError(f"{temml_css}: no STIX2 @font-face to point at {FONT_NAME}")
    return css


def on_files(files: Files, config) -> Files:
    for path in sorted(SHARED.rglob("*")):
        if path.is_file():
            _add(files, SHARED.parent, path, "", config)
    files.append(File.generated(config, MATH_CSS, content=math_css()))
    return files
