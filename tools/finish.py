"""What is done once for the whole site, after both MkDocs builds (tools/build.py).

1. The math font: STIX Two Math cut to the characters the formulas of both languages
   draw (tools/mathfont.py), written once to assets/math/.
2. One copy of the shared assets: the English build's assets/ holds the same bytes as
   the Korean one, so it goes, and the English pages point at the root's. Switching
   language downloads no stylesheet, script or font twice.
3. Cache busting: every reference to a file the project ships (its stylesheets, the
   math font, scripts and data in assets/, the figures) carries `?v=<content hash>`, so
   a host may cache them for a year and a changed file still reaches every reader at
   once. Material's own files carry a hash in their names already; HTML pages and the
   search index (named by Material) are revalidated as usual.

Between 2 and 3, nbconvert's stylesheet is cut to the rules the notebook pages use,
and one rule of Material's palette stylesheet goes (`without_switching_rule`); at the
end the search indexes are rewritten as plain UTF-8 (the same JSON, smaller).
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tools import built_site, mathfont, nodejs

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK_CSS = "assets/notebook.css"  # hooks/notebook_pages.py writes it
FONT_CACHE = REPO / ".cache" / "mathfont"
# Material's files under assets/: hashed names already, never versioned here.
MATERIAL = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
# A relative reference to the English build's assets/, in an attribute or in
# Material's configuration JSON ("search": "../assets/...").
RELATIVE_ASSETS = re.compile(r"(?<=[=\"'])((?:\.\./)*)assets/")
ATTRIBUTE = re.compile(r"\b(href|src|srcset|data-src)=(\"[^\"]*\"|'[^']*'|[^\s>]+)")
CSS_URL = re.compile(r"url\(([\w./-]+\.woff2)\)")  # the fonts a stylesheet names


def finish(site: Path, root_url: str, en_url: str) -> None:
    write_math_font(site, [site / "assets"])
    share_assets(site, root_url, en_url)
    cut_notebook_css(site)
    without_switching_rule(site)
    bust_caches(site)
    for index in site.glob("**/search/search_index.json"):
        plain_utf8(index)


# Material's palette stylesheet stops every transition while the palette changes:
# `[data-md-color-switching] *` on <body>. Its script sets and removes that attribute
# once on every page load too, and each time the rule makes the browser restyle every
# element of the page (measured in Chromium, 4x CPU throttling, the activation page:
# style recalculation 1030 -> 590 ms, blocking time 1110 -> 670 ms). Without it, a
# palette toggle lets a few colours fade for Material's 125-250 ms.
SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def without_switching_rule(site: Path) -> None:
    """Remove SWITCHING_RULE from Material's palette stylesheet (there is one)."""
    sheets = sorted((site / "assets" / "stylesheets").glob("palette.*.css"))
    if len(sheets) != 1:
        found = f"{len(sheets)} palette stylesheets"
        raise FileNotFoundError(f"{found} in assets/stylesheets, expected one")
    css = sheets[0].read_text(encoding="utf-8")
    if css.count(SWITCHING_RULE) != 1:
        raise ValueError(
            f"{sheets[0].relative_to(site)}: Material's palette-switching rule is not "
            "written as tools/finish.py SWITCHING_RULE expects (a new Material?): "
            "update SWITCHING_RULE to the new rule, or drop this step"
        )
    sheets[0].write_text(css.replace(SWITCHING_RULE, ""), encoding="utf-8")


def plain_utf8(index: Path) -> None:
    """Material writes the search index with every Hangul syllable as `\\uXXXX`
    (6 bytes); as UTF-8 it is 3: the Korean index shrinks by a third."""
    data = json.loads(index.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index.write_text(text, encoding="utf-8")


def write_math_font(site: Path, asset_dirs: list[Path]) -> None:
    files = built_site.html_files(site)
    pages = [(site / f).read_text(encoding="utf-8") for f in files]
    chars = mathfont.math_characters(pages)
    key = hashlib.sha256(
        "".join(sorted(chars)).encode()
        + mathfont.SOURCE.read_bytes()
        + Path(mathfont.__file__).read_bytes()  # how it cuts
    ).hexdigest()[:16]
    cached = FONT_CACHE / f"{key}.woff2"
    if not cached.is_file():
        FONT_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(mathfont.subset(chars))
    for assets in asset_dirs:
        target = assets / "math" / mathfont.FONT_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cached.read_bytes())


def share_assets(site: Path, root_url: str, en_url: str) -> None:
    """Drop en/assets/ (after checking it matches assets/) and repoint the English
    pages: relative references gain one `../`; absolute ones (the 404 page, link
    previews) lose the `en/`."""
    en_assets = site / "en" / "assets"
    for path in sorted(en_assets.rglob("*")):
        shared = site / "assets" / path.relative_to(en_assets)
        if path.is_file() and not (
            shared.is_file() and filecmp.cmp(path, shared, shallow=False)
        ):
            raise ValueError(
                f"{path.relative_to(site)} differs from {shared.relative_to(site)}: "
                "the two builds must ship the same assets (see hooks/shared_assets.py)"
            )
    absolute = [
        (en_url + "assets/", root_url + "assets/"),
    ]
    en_path, root_path = urlsplit(en_url).path, urlsplit(root_url).path
    absolute += [(q + en_path + "assets/", q + root_path + "assets/") for q in "=\"'"]
    for page in (site / "en").rglob("*.html"):
        if en_assets in page.parents:
            continue
        html = RELATIVE_ASSETS.sub(r"\1../assets/", page.read_text(encoding="utf-8"))
        for old, new in absolute:
            html = html.replace(old, new)
        page.write_text(html, encoding="utf-8")
    shutil.rmtree(en_assets)


def cut_notebook_css(site: Path) -> None:
    """Keep only the rules of nbconvert's stylesheet (about 590 kB) that the notebook
    pages of both languages use: PurgeCSS (tools/node) matches its selectors, custom
    properties, font faces and keyframes against their HTML."""
    css = site / NOTEBOOK_CSS
    if not css.is_file():
        return
    pages = [str(p) for p in sorted(site.rglob("notebooks/*/index.html"))]
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                str(nodejs.executable()),
                str(nodejs.package("purgecss") / "bin" / "purgecss.js"),
                "--css", str(css), "--content", *pages, "--output", out,
                "--variables", "--font-face", "--keyframes",
            ],
            check=True,
        )
        cut = Path(out) / css.name
        if cut.stat().st_size == 0:
            raise ValueError(f"PurgeCSS left nothing of {NOTEBOOK_CSS}")
        shutil.copyfile(cut, css)


def _ours(site: Path, file: Path) -> bool:
    rel = file.relative_to(site).as_posix()
    in_figures = "figures" in file.relative_to(site).parts
    return in_figures or (rel.startswith("assets/") and not rel.startswith(MATERIAL))


def _version(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:10]


def bust_caches(site: Path) -> None:
    # Stylesheets first: the fonts they name get versions, which change their bytes.
    for css in sorted((site / "assets").rglob("*.css")):
        if not _ours(site, css):
            continue
        text = css.read_text(encoding="utf-8")

        def css_url(match: re.Match, css: Path = css) -> str:
            target = (css.parent / match[1]).resolve()
            if not target.is_file():
                missing = f"{css.relative_to(site)}: {match[1]}"
                raise FileNotFoundError(f"{missing} is missing")
            return f"url({match[1]}?v={_version(target)})"

        css.write_text(CSS_URL.sub(css_url, text), encoding="utf-8")
    for rel in built_site.html_files(site):
        page = site / rel
        url = built_site.url_path(rel)

        def attribute(match: re.Match, url: str = url) -> str:
            name, value = match[1], match[2]
            quote = value[0] if value[0] in "\"'" else ""
            ref = value.strip("\"'")
            if name == "srcset":
                parts = ref.split()
                parts[0] = _versioned(site, url, parts[0])
                ref = " ".join(parts)
            else:
                ref = _versioned(site, url, ref)
            return f"{name}={quote}{ref}{quote}"

        html = page.read_text(encoding="utf-8")
        page.write_text(ATTRIBUTE.sub(attribute, html), encoding="utf-8")


def _versioned(site: Path, page_url: str, ref: str) -> str:
    target = built_site.resolve(page_url, ref)
    if target is None or target.query or "://" in ref:
        return ref
    file = built_site.served_file(site, target.path)
    if file is None or not _ours(site, file):
        return ref
    return f"{ref}?v={_version(file)}"
