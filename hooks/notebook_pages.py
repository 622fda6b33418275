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
    html = INLINE_CSS.sub("", html)
    for block in CDN_BLOCKS:
        html = block.sub("", html)
    return html


def on_post_build(config):
    css = _css.pop(config["site_dir"], None)
    if css is not None:
        target = Path(config["site_dir"]) / NOTEBOOK_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
