"""Small rewrites of every page's HTML that make it read well on any screen.

- `#>` lines in code blocks (what a snippet prints) get the class `output`, so
  site.css shows them as output; their text is unchanged, so a copy keeps them as
  comments and the snippet still runs.
- Inline code gets a `<wbr>` after `_`, `/` and `.`: a long identifier or path
  may break there on a phone, and nowhere else (site.css keeps words whole).
"""

import re

OUTPUT = re.compile(r'<span class="c1">(#&gt;)')
INLINE_CODE = re.compile(r"(<pre\b.*?</pre>)|<code>([^<]{12,})</code>", re.DOTALL)
BREAK_AFTER = re.compile(r"(?<=[_/.])(?=[\w])")


def on_page_content(html, page, config, files):
    html = OUTPUT.sub(r'<span class="c1 output">\1', html)

    def code(match: re.Match) -> str:
        if match[1]:  # a code block: left as it is
            return match[0]
        return f"<code>{BREAK_AFTER.sub('<wbr>', match[2])}</code>"

    return INLINE_CODE.sub(code, html)
