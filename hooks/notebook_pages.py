"""Companion notebook pages: out of search, light, and offline.

nbconvert's template inlines about half a megabyte of CSS into every notebook page
and refers to CDNs for MathJax 2 and Mermaid. Here the CSS is moved into one shared
stylesheet (assets/notebook.css, cached by the browser) and the CDN blocks are removed;
hooks/formulas.py typesets the formulas at build time.

The .ipynb carries each figure as a PNG attachment (for the downloaded copy), which
nbconvert inlines as a data: URL; on the page each becomes a note naming the figure
(its alt text) with a link to it on the chapter page, so the notebook page stays
light. Its links to the site are absolute (SITE_URL, for the download); on the
page they are made relative again, as every link inside the site is.
"""

import re
from pathlib import Path

INLINE_CSS = re.compile(r'<style type="text/css">(.*?)</style>', re.DOTALL)
CDN_BLOCKS = [
    re.compile(
        r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL
    ),
    re.compile(
        r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.DOTALL
    ),
]
# A Markdown-cell heading as nbconvert writes it (the id and the permalink), after
# the anchor tools/notebooks.py puts before it: the page's own heading id.
HEADING = re.compile(
    r'(?:<p>\s*<a id="([\w-]+)"></a>\s*</p>\s*)?'
    r'(<h[1-6] id=")[^"]*(">.*?<a class="anchor-link" href="#)[^"]*(")',
    re.DOTALL,
)
INLINE_IMAGE = re.compile(r'<img\b[^>]*\bsrc="data:image/[^"]*"[^>]*>')
ALT = re.compile(r'\balt="([^"]*)"')
FIGURE_NOTE = {
    "ko": '<strong>그림:</strong> {alt} (그림은 <a href="{href}">페이지</a>에 '
    "있습니다.)",
    "en": '<strong>Figure:</strong> {alt} (the figure is on <a href="{href}">the '
    "page</a>.)",
}
NOTEBOOK_CSS = "assets/notebook.css"
# mkdocs-jupyter (include_source) copies the .ipynb beside the page: link it.
DOWNLOAD = {
    "ko": "노트북 파일 내려받기 (.ipynb)",
    "en": "Download the notebook (.ipynb)",
}
_css: dict[str, str] = {}


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    page.meta["search"] = {"exclude": True}
    page.meta["notebook_css"] = NOTEBOOK_CSS
    css = "\n".join(INLINE_CSS.findall(html))
    if _css.setdefault(config["site_dir"], css) != css:
        raise ValueError(
            f"{page.file.src_uri}: nbconvert wrote different CSS than for "
            "the other notebooks; keep one mkdocs-jupyter theme"
        )
    html = _heading_ids(html, page)
    name = page.file.src_uri.rsplit("/", 1)[-1]
    lang = config["theme"]["language"]
    html = _site_links_relative(html, config["site_url"])
    html = _figures_as_notes(html, f"../../{name.removesuffix('.ipynb')}/", lang)
    label = DOWNLOAD[lang]
    html = (
        f'<p><a class="md-button" href="{name}" download="{name}" '
        f'type="application/x-ipynb+json">{label}</a></p>\n' + html
    )
    html = INLINE_CSS.sub("", html)
    for block in CDN_BLOCKS:
        html = block.sub("", html)
    return html


def _site_links_relative(html: str, site_url: str) -> str:
    """href="<site_url>x" -> href="../../x": a notebook page is two levels below its
    language's home (notebooks/<page>/)."""
    return html.replace(f'href="{site_url}', 'href="../../')


def _figures_as_notes(html: str, chapter: str, lang: str) -> str:
    """Each image inlined from an attachment -> a note that names it and links the
    chapter page, where the figure is."""

    def note(match: re.Match) -> str:
        alt = ALT.search(match[0])
        return FIGURE_NOTE[lang].format(alt=alt[1] if alt else "", href=chapter)

    return INLINE_IMAGE.sub(note, html)


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


def _heading_ids(html: str, page) -> str:
    """Give each heading the id of the same heading on the page, in both languages.

    mkdocs-jupyter slugifies headings to ASCII (Hangul headings get id="") and
    python-markdown's table of contents links "_1", "_2", ...; the notebook carries
    each heading's page id in an anchor just before it (tools/notebooks.py). That
    id moves onto the heading, the anchor goes (no duplicate ids), and the table
    of contents links the same ids.
    """
    items = list(_toc_items(page.toc))
    headings = HEADING.findall(html)
    if len(items) != len(headings):
        raise ValueError(
            f"{page.file.src_uri}: {len(items)} entries in the table of contents "
            "but a different number of headings"
        )
    pairs = zip(items, headings, strict=True)
    ids = [anchor or item.id for item, (anchor, *_) in pairs]
    for item, new in zip(items, ids, strict=True):
        item.id = new
    if len(set(ids)) != len(ids):
        raise ValueError(f"{page.file.src_uri}: duplicate heading ids {ids}")
    ids.reverse()

    def heading(match: re.Match) -> str:
        new = ids.pop()
        return match[2] + new + match[3] + new + match[4]

    return HEADING.sub(heading, html)


def on_post_build(config):
    css = _css.pop(config["site_dir"], None)
    if css is not None:
        target = Path(config["site_dir"]) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
