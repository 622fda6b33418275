"""Companion notebook pages: out of search, light, and offline.

nbconvert's template inlines about half a megabyte of CSS into every notebook page
and refers to CDNs for MathJax 2 and Mermaid. Here the CSS is moved into one shared
stylesheet (assets/notebook.css, cached by the browser), the CDN blocks are removed,
and overrides/main.html loads the site's own MathJax (assets/mathjax-loader.js).
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
# A Markdown-cell heading as nbconvert writes it: the id and the permalink.
HEADING = re.compile(
    r'(<h[1-6] id=")[^"]*(">.*?<a class="anchor-link" href="#)[^"]*(")', re.DOTALL
)
NOTEBOOK_CSS = "assets/notebook.css"
_css: dict[str, str] = {}


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    page.meta["search"] = {"exclude": True}
    page.meta["math"] = True
    page.meta["notebook_css"] = NOTEBOOK_CSS
    css = "\n".join(INLINE_CSS.findall(html))
    if _css.setdefault(config["site_dir"], css) != css:
        raise ValueError(
            f"{page.file.src_uri}: nbconvert wrote different CSS than for "
            "the other notebooks; keep one mkdocs-jupyter theme"
        )
    html = _heading_ids(html, page)
    html = INLINE_CSS.sub("", html)
    for block in CDN_BLOCKS:
        html = block.sub("", html)
    return html


def _toc_ids(items):
    for item in items:
        yield item.id
        yield from _toc_ids(item.children)


def _heading_ids(html: str, page) -> str:
    """Give each heading the id its table-of-contents entry links to.

    mkdocs-jupyter slugifies headings to ASCII, so Hangul headings get id="" while the
    table of contents (python-markdown's toc) links to "_1", "_2", ...
    """
    ids = list(_toc_ids(page.toc))
    if len(ids) != len(HEADING.findall(html)):
        raise ValueError(
            f"{page.file.src_uri}: {len(ids)} entries in the table of contents "
            "but a different number of headings"
        )
    ids.reverse()
    return HEADING.sub(lambda m: m[1] + ids[-1] + m[2] + ids.pop() + m[3], html)


def on_post_build(config):
    css = _css.pop(config["site_dir"], None)
    if css is not None:
        target = Path(config["site_dir"]) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
