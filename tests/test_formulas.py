"""Build-time math: TeX to MathML (hooks/formulas.py), the cut math font
(tools/mathfont.py) and the site-wide finishing steps (tools/finish.py)."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from hooks import formulas
from tools import finish, mathfont


def _page(src_uri: str = "en/x.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={})


def test_a_page_formula_becomes_mathml_in_its_wrapper():
    html = (
        '<p>Its output <span class="arithmatex">\\(h = \\max(0, y)\\)</span>.</p>'
        '<div class="arithmatex">\\[\\sum_{i=1}^{n} x_i^2 &lt; f\'(x)\\]</div>'
    )
    out = formulas.typeset_page(html, _page())
    assert "\\(" not in out and "\\[" not in out
    assert '<span class="arithmatex"><math>' in out
    assert '<div class="arithmatex"><math display="block"' in out
    assert "<munderover>" in out  # limits above and below a display sum
    assert "<mo>&lt;</mo>" in out  # the escaped "<" read as the operator
    assert '<mi>f</mi><mo lspace="0" rspace="0">′</mo>' in out  # beside, not above


def test_notebook_math_is_typeset_but_code_is_not():
    html = (
        "<p>With $x &gt; 0$ and</p><p>$$\\frac{1}{n}$$</p>"
        "<pre><code>price = '$5 and $6'</code></pre><code>$a$</code>"
    )
    out = formulas.typeset_notebook(html, _page("en/notebooks/x.ipynb"))
    assert out.count("<math") == 2
    assert "<mfrac>" in out and 'display="block"' in out
    assert "<pre><code>price = '$5 and $6'</code></pre><code>$a$</code>" in out


def test_a_formula_that_does_not_parse_fails_naming_page_and_formula():
    html = '<span class="arithmatex">\\(\\frac{1}{\\)</span>'
    with pytest.raises(formulas.MathError) as error:
        formulas.typeset_page(html, _page("ko/weight-initialization.md"))
    assert "ko/weight-initialization.md" in str(error.value)
    assert "\\\\frac{1}{" in str(error.value)


def test_slimming_keeps_every_form_a_browser_could_not_infer():
    mathml = formulas.TEMML.render("a(b)c + (x", display=False)
    # a fence that opens an mrow: prefix is inferred, so the attribute goes
    assert 'form="prefix"' not in formulas.slim('<mrow><mo form="prefix">(</mo>')
    # an operator in the middle of an mrow keeps its form
    kept = '<mrow><mi>a</mi><mo form="prefix">(</mo><mi>b</mi></mrow>'
    assert formulas.slim(kept) == kept
    assert "fence=" not in mathml and "separator=" not in mathml


def _inline(tex: str) -> str:
    return formulas.typeset_page(
        f'<span class="arithmatex">\\({tex}\\)</span>', _page()
    )


def _display(tex: str) -> str:
    return formulas.typeset_page(f'<div class="arithmatex">\\[{tex}\\]</div>', _page())


def test_a_text_style_fraction_says_how_small_its_parts_are():
    # WebKit lays an inline \frac out in text style but keeps numerator and
    # denominator at full size; it honours mathsize, set to what Chromium and
    # Firefox compute anyway (ScriptPercentScaleDown of STIX Two Math).
    inline = _inline("\\frac{1}{1+e^{-x}}")
    assert '<mfrac><mn mathsize="70%">1</mn><mrow mathsize="70%"><mn>1</mn>' in inline
    assert inline.count("mathsize") == 2  # the superscript inside is left alone
    # a \tfrac in display math: Temml's mstyle puts it in text style
    tfrac = _display("\\mathrm{GELU}(x) \\approx \\tfrac{1}{2}x")
    assert (
        '<mstyle displaystyle="false" scriptlevel="0">'
        '<mfrac><mn mathsize="70%">1</mn><mn mathsize="70%">2</mn></mfrac></mstyle>'
    ) in tfrac
    # display fractions, and \dfrac inline, keep their full-size parts
    assert "mathsize" not in _display("\\frac{1}{N}")
    assert "mathsize" not in _inline("\\dfrac{1}{2}")
    # the inner fraction of a display one is in text style
    nested = _display("\\frac{\\frac{1}{2}}{3}")
    assert '<mfrac><mfrac><mn mathsize="70%">1</mn><mn mathsize="70%">2</mn>' in nested
    assert "</mfrac><mn>3</mn></mfrac>" in nested
    # one level deeper (a fraction in an exponent), from script to scriptscript size
    exponent = _display("e^{\\frac{x}{2}}")
    assert exponent.count('mathsize="78.57%"') == 2
    # attributes read unquoted too (as a minifier writes them)
    minified = "<math display=block><mfrac><mn>1</mn><mn>2</mn></mfrac></math>"
    assert formulas.for_webkit(minified) == minified


def test_the_fraction_sizes_are_the_math_fonts():
    from fontTools.ttLib import TTFont

    constants = TTFont(str(mathfont.SOURCE))["MATH"].table.MathConstants
    assert constants.ScriptPercentScaleDown == formulas.SCRIPT_PERCENT
    assert constants.ScriptScriptPercentScaleDown == formulas.SCRIPT_SCRIPT_PERCENT


def test_a_sum_gets_its_thin_spaces_written_out():
    thin = '<mspace width="0.1667em"></mspace>'
    # limits above and below: the spaces go around the whole operator, outside the
    # box that centres the sign over its limits (where WebKit put them)
    display = _display("\\mu_j = \\frac{1}{N} \\sum_{i=1}^{N} x_{ij}")
    assert (
        f'</mfrac><mrow>{thin}<munderover><mo movablelimits="false" lspace="0" '
        'rspace="0">∑</mo>'
    ) in display
    assert f"</munderover>{thin}</mrow><msub><mi>x</mi>" in display
    # a sum without limits, or with them beside it: on the sign itself
    spaced = 'lspace="0.1667em" rspace="0.1667em">∑</mo>'
    inline = _inline("\\frac{\\lambda}{2}\\sum W^2")
    assert f'</mfrac><mo movablelimits="false" {spaced}<msup>' in inline
    assert f'<msub><mo movablelimits="false" {spaced}<mi>i</mi></msub>' in _inline(
        "f = \\sum_i w_i x_i + b"
    )
    assert "lspace" not in _inline("a + b") and "mspace" not in _display("x = 1")


def test_italic_forms_follow_mathml_core():
    assert mathfont.italic_form("x") == "\U0001d465"  # MATHEMATICAL ITALIC SMALL X
    assert mathfont.italic_form("h") == "\u210e"  # the hole: PLANCK CONSTANT
    assert mathfont.italic_form("α") == "\U0001d6fc"
    assert mathfont.italic_form("W") == "\U0001d44a"
    assert mathfont.italic_form("1") is None


def test_the_math_font_holds_what_the_formulas_draw():
    from fontTools.ttLib import TTFont

    page = formulas.TEMML.render("\\sum_i w_i x_i \\le \\sqrt{\\alpha}", display=True)
    chars = mathfont.math_characters([page])
    assert {"∑", "≤", "√"} <= chars
    assert "\U0001d464" in chars  # italic w, drawn for <mi>w</mi>
    font = TTFont(io.BytesIO(mathfont.subset(chars)))
    cmap = font.getBestCmap()
    assert {ord(c) for c in chars} <= set(cmap)
    assert "MATH" in font  # stretchy roots and big operators keep their variants
    assert len(cmap) < 60


def test_english_assets_must_match_the_shared_ones(tmp_path):
    for root in (tmp_path / "assets", tmp_path / "en" / "assets"):
        root.mkdir(parents=True)
    (tmp_path / "assets" / "site.css").write_text("a{}")
    (tmp_path / "en" / "assets" / "site.css").write_text("b{}")
    with pytest.raises(ValueError, match="en/assets/site.css differs"):
        finish.share_assets(tmp_path, "https://x.test/", "https://x.test/en/")


def test_english_pages_point_at_the_one_copy(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("a{}")
    (tmp_path / "en" / "assets").mkdir(parents=True)
    (tmp_path / "en" / "assets" / "site.css").write_text("a{}")
    (tmp_path / "en" / "page").mkdir()
    (tmp_path / "en" / "page" / "index.html").write_text(
        '<link href=../assets/site.css><link href="/en/assets/site.css">'
        '<meta content="https://x.test/en/assets/card.png">'
        '{"search": "../assets/javascripts/w.js"}<p>assets/ in prose</p>'
    )
    finish.share_assets(tmp_path, "https://x.test/", "https://x.test/en/")
    html = (tmp_path / "en" / "page" / "index.html").read_text()
    assert not (tmp_path / "en" / "assets").exists()
    assert "href=../../assets/site.css" in html
    assert 'href="/assets/site.css"' in html
    assert "https://x.test/assets/card.png" in html
    assert '"search": "../../assets/javascripts/w.js"' in html
    assert "<p>assets/ in prose</p>" in html


def test_project_files_get_content_versions_and_material_files_do_not(tmp_path):
    (tmp_path / "assets" / "math").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets").mkdir()
    (tmp_path / "figures").mkdir()
    (tmp_path / "assets" / "math" / "f.woff2").write_bytes(b"font")
    (tmp_path / "assets" / "math" / "m.css").write_text("x{src:url(f.woff2)}")
    (tmp_path / "assets" / "stylesheets" / "main.1234.min.css").write_text("y{}")
    (tmp_path / "figures" / "a.svg").write_text("<svg/>")
    (tmp_path / "index.html").write_text(
        '<link rel=stylesheet href=assets/math/m.css>'
        '<link rel=stylesheet href="assets/stylesheets/main.1234.min.css">'
        '<source srcset="figures/a.svg" media="(max-width: 1px)">'
        "<img src=figures/a.svg>"
        '<a href="#top">top</a>'
    )
    finish.bust_caches(tmp_path)
    css = (tmp_path / "assets" / "math" / "m.css").read_text()
    html = (tmp_path / "index.html").read_text()
    font_version = finish._version(tmp_path / "assets" / "math" / "f.woff2")
    assert f"url(f.woff2?v={font_version})" in css
    css_version = finish._version(tmp_path / "assets" / "math" / "m.css")
    assert f"href=assets/math/m.css?v={css_version}>" in html
    assert 'href="assets/stylesheets/main.1234.min.css"' in html
    svg_version = finish._version(tmp_path / "figures" / "a.svg")
    assert f'srcset="figures/a.svg?v={svg_version}"' in html
    assert f"src=figures/a.svg?v={svg_version}>" in html
    assert '<a href="#top">' in html
