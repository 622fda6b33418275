"""Render the glossary page of each language from the one table, docs/glossary.yml.

docs/<lang>/glossary.md holds the title and the introduction; the line
`<!-- glossary -->` is replaced by the table in the page's language, sorted by that
language's term, each row linking the heading where the term is taught.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "docs" / "glossary.yml"
MARKER = "<!-- glossary -->"
HEADER = {
    "en": "| Term | 한국어 | Meaning | Taught in |\n|---|---|---|---|",
    "ko": "| 용어 | English | 뜻 | 다루는 곳 |\n|---|---|---|---|",
}
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)


def entries() -> list[dict[str, str]]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def headings(lang: str, page: str) -> dict[str, str]:
    """Heading id -> heading text of docs/<lang>/<page>.md ('' -> the page title)."""
    text = (REPO / "docs" / lang / f"{page}.md").read_text(encoding="utf-8")
    found = {anchor: title for _, title, anchor in HEADING.findall(text)}
    found[""] = next(title for level, title, _ in HEADING.findall(text) if level == "#")
    return found


def table(lang: str) -> str:
    other = "ko" if lang == "en" else "en"
    rows = []
    for entry in sorted(entries(), key=lambda e: e[lang].lower()):
        page, anchor = entry["where"].split("#")
        titles = headings(lang, page)
        where = f"[{titles['']} › {titles[anchor]}]({page}.md#{anchor})"
        term = f'<span lang="{other}">{entry[other]}</span>'  # Korean stays whole
        cells = [f"**{entry[lang]}**", term, entry[f"{lang}_def"], where]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return HEADER[lang] + "\n" + "\n".join(rows)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != "glossary.md":
        return markdown
    if MARKER not in markdown:
        raise ValueError(f"glossary.md: keep the line {MARKER} where the table goes")
    return markdown.replace(MARKER, table(config["theme"]["language"]))
