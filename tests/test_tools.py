"""The build machinery: output lines, notebook generation, safe site replacement."""

import shutil
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_snippet_output
from tools import build, notebooks
from tools.cache import run_changed


def test_output_lines_are_written_under_the_statement_that_printed(tmp_path):
    snippet = tmp_path / "demo.py"
    snippet.write_text(
        textwrap.dedent("""\
        def f(x):
            return 2 * x


        if __name__ == "__main__":
            for i in range(2):
                print(f(i))
            print("done")
            #> stale line
    """)
    )
    assert run_snippet_output("--check", str(snippet), cwd=tmp_path).returncode == 1
    assert run_snippet_output("--update", str(snippet), cwd=tmp_path).returncode == 0
    assert snippet.read_text().endswith(
        "    for i in range(2):\n        print(f(i))\n    #> 0\n    #> 2\n"
        '    print("done")\n    #> done\n'
    )
    check = run_snippet_output("--check", str(snippet), cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_a_wrong_output_line_fails_with_the_file_name_and_the_fix(tmp_path):
    snippet = tmp_path / "wrong.py"
    snippet.write_text("print(1 + 1)\n#> 3\n")
    result = run_snippet_output("--check", str(snippet), cwd=tmp_path)
    assert result.returncode == 1
    assert "wrong.py" in result.stderr and "nox -s snippets --" in result.stderr
    assert "-#> 3" in result.stderr and "+#> 2" in result.stderr


def test_notebook_has_prose_and_code_and_its_figures(tmp_path, monkeypatch):
    page = tmp_path / "demo-page.md"
    page.write_text(
        textwrap.dedent("""\
        # Demo { #demo }

        [Open as a notebook](notebooks/demo-page.ipynb){ .md-button }

        ## Part { #part }

        Some prose with $x^2$.

        ``` py title="snippets/gradient_checking/numerical_gradient.py"
        --8<-- "snippets/gradient_checking/numerical_gradient.py:relative_error"
        ```

        ![alt text](figures/demo/curve.svg)
        /// caption
        A caption
        ///

        !!! question "Exercise"
            Try it.
    """)
    )
    from tools import figures

    png = tmp_path / "curve.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n curve")
    monkeypatch.setattr(figures, "raster_path", lambda figure, lang: png)
    site = "https://example.org/site/en/"
    nb = notebooks.build(page, "en", site)
    assert nb == notebooks.build(page, "en", site), (
        "the same page must give the same notebook"
    )
    kinds = [cell.cell_type for cell in nb.cells]
    assert kinds == ["markdown", "code", "markdown", "code", "markdown"]
    assert nb.cells[0].source.startswith("# Demo\n")
    assert nb.cells[1].source == "import numpy as np"  # the section needs it
    assert "## Part" in nb.cells[2].source and "{ #part }" not in nb.cells[2].source
    assert nb.cells[3].source.startswith("def relative_error(")
    assert "--8<--" not in nb.cells[3].source
    assert "figures/" not in nb.cells[4].source and "///" not in nb.cells[4].source
    # the figure is an attachment of its cell, its caption quoted under it
    image, caption, exercise = nb.cells[4].source.split("\n\n", 2)
    assert image == "![alt text](attachment:curve.png)"
    assert nb.cells[4].attachments == {
        "curve.png": {"image/png": "iVBORw0KGgogY3VydmU="}
    }
    assert caption == "> A caption"
    assert exercise.strip() == "**Exercise**\n\nTry it."
    assert f"[Demo]({site}demo-page/)" in nb.cells[0].source


def test_a_failed_build_leaves_the_old_site_untouched(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")

    def broken(out):
        (out / "index.html").write_text("half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        build.replace_on_success(site, broken)
    assert (site / "index.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]

    build.replace_on_success(site, lambda out: (out / "index.html").write_text("new"))
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def _touch(path):
    with open(path, "a") as f:
        f.write("ran\n")


def test_only_changed_or_missing_jobs_run_again(tmp_path):
    cache, log = tmp_path / "cache.json", tmp_path / "log"
    outputs = {"a": tmp_path / "a.out", "b": tmp_path / "b.out"}

    def run(keys):
        return run_changed(
            "demo",
            cache,
            {n: (k, log) for n, k in keys.items()},
            lambda name: outputs[name].exists(),
            _touch,
        )

    assert run({"a": "1", "b": "1"}) == 0
    assert log.read_text().count("ran") == 2
    for out in outputs.values():
        out.touch()
    assert run({"a": "1", "b": "1"}) == 0
    assert log.read_text().count("ran") == 2  # nothing changed: nothing ran
    assert run({"a": "2", "b": "1"}) == 0
    assert log.read_text().count("ran") == 3  # only the changed job
    outputs["b"].unlink()
    assert run({"a": "2", "b": "1"}) == 0
    assert log.read_text().count("ran") == 4  # only the missing output


def test_svg_slimming_keeps_every_shape_and_text_and_saves_a_quarter():
    import re
    from xml.etree import ElementTree

    from tools.figures import render, scripts, slim

    # already slimmed: slimming again changes little
    svg = render(scripts()[0], "ko")["light"]
    assert len(slim(svg)) <= len(svg)
    shapes = b"".join(
        b'<path id="glyph-%d" d="M %d.123456 -211.9 L 1920.512 %d z"/>' % (i, i, 3 * i)
        for i in range(40)
    )
    raw = b'<svg xmlns="http://www.w3.org/2000/svg"><metadata>x</metadata>'
    raw += shapes + b"<text>1e-05</text></svg>"
    out = slim(raw)
    tags = [el.tag for el in ElementTree.fromstring(out).iter()]
    assert tags.count("{http://www.w3.org/2000/svg}path") == 40
    assert b"1e-05" in out and b"metadata" not in out
    numbers = re.findall(rb"-?\d+\.\d+", out)
    assert all(len(n.strip(b"-").replace(b".", b"").lstrip(b"0")) <= 5 for n in numbers)
    assert len(out) < 0.75 * len(raw)


def test_the_site_url_comes_from_one_setting_with_a_subpath():
    assert build.site_url("", {}) == "http://127.0.0.1:8000/"  # nox -s serve
    assert build.site_url("en", {}) == "http://127.0.0.1:8000/en/"
    project_page = {"SITE_URL": "https://someone.github.io/some-repo"}
    assert build.site_url("", project_page) == "https://someone.github.io/some-repo/"
    assert build.site_url("en", project_page) == "https://someone.github.io/some-repo/en/"
    with pytest.raises(ValueError, match="give a full URL"):
        build.site_url("", {"SITE_URL": "/some-prefix/"})


def test_the_palette_switching_rule_is_cut_from_materials_stylesheet(tmp_path):
    """Against the pinned Material's own stylesheet: the rule is there once, and only
    it goes; a stylesheet without it stops the build with the fix."""
    import material

    from tools import finish

    shipped = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    (original,) = shipped.glob("palette.*.min.css")
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    copy = sheets / original.name
    shutil.copyfile(original, copy)
    before = copy.read_text(encoding="utf-8")
    finish.without_switching_rule(tmp_path)
    after = copy.read_text(encoding="utf-8")
    assert "data-md-color-switching" in before
    assert "data-md-color-switching" not in after
    assert len(before) - len(after) == len(finish.SWITCHING_RULE)
    with pytest.raises(ValueError, match="update SWITCHING_RULE"):
        finish.without_switching_rule(tmp_path)


def test_the_build_fails_on_a_stale_output_line_naming_file_and_line(
    tmp_path, monkeypatch, capsys
):
    from tools import snippet_checks

    assert build.STEPS[0] is snippet_checks.main, "the build checks the snippets first"
    snippet = tmp_path / "wrong.py"
    snippet.write_text("x = 2\nprint(x + 1)\n#> 4\n")
    monkeypatch.setattr(snippet_checks, "snippets", lambda: [snippet])
    monkeypatch.setattr(snippet_checks, "CACHE", tmp_path / "snippets.json")
    monkeypatch.setattr(snippet_checks, "PASSED", tmp_path / "passed")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    monkeypatch.setattr(build, "SITE", site)

    def later_step(argv):
        raise AssertionError("the build went on after a stale #> line")

    monkeypatch.setattr(build, "STEPS", (snippet_checks.main, later_step))
    assert build.main() == 1
    err = capsys.readouterr().err
    assert f"{snippet}:3: its #> lines differ from what it prints" in err
    assert f"nox -s snippets -- {snippet}" in err and "+#> 3" in err
    assert "site/ was left as it was" in err
    assert (site / "index.html").read_text() == "old"

    # fixed, it passes; then only an edit of its code or its #> lines runs it again
    snippet.write_text("x = 2\nprint(x + 1)\n#> 3\n")
    assert snippet_checks.main([]) == 0
    snippet.write_text("x = 2  # two\n# three, printed:\nprint(x + 1)\n#> 3\n")
    assert snippet_checks.main([]) == 0
    assert "snippets: 0 to run, 1 unchanged" in capsys.readouterr().out
    snippet.write_text("x = 2  # two\n# three, printed:\nprint(x + 1)\n#> 5\n")
    assert snippet_checks.main([]) == 1
    assert f"{snippet}:4: its #> lines differ" in capsys.readouterr().err


def test_the_build_does_not_rerun_a_snippet_the_tests_just_passed(
    tmp_path, monkeypatch, capsys
):
    from tools import snippet_checks

    snippet = tmp_path / "right.py"
    snippet.write_text("print(1 + 2)\n#> 3\n")
    monkeypatch.setattr(snippet_checks, "snippets", lambda: [snippet])
    monkeypatch.setattr(snippet_checks, "CACHE", tmp_path / "snippets.json")
    monkeypatch.setattr(snippet_checks, "PASSED", tmp_path / "passed")
    snippet_checks.record_pass(snippet)  # what tests/test_snippets.py does
    assert snippet_checks.main([]) == 0
    assert "snippets: 0 to run, 1 unchanged" in capsys.readouterr().out
    # an edit after the tests ran: the tests' pass no longer counts
    snippet.write_text("print(1 + 2)\n#> 4\n")
    assert snippet_checks.main([]) == 1
    assert "snippets: 1 to run, 0 unchanged" in capsys.readouterr().out


def test_a_comment_edit_changes_no_figure_key_but_a_code_edit_does(tmp_path):
    from tools.cache import code_text

    def text(source, keep_output=False):
        path = tmp_path / "demo.py"
        path.write_text(source)
        return code_text(path, keep_output)

    base = 'x = 1\nif x:\n    print("# not a comment")\n    #> # not a comment\n'
    commented = (
        "# a new comment\nx = 1  # one\nif x:\n"
        '    # say it\n    print("# not a comment")\n    #> # not a comment\n'
    )
    assert text(base) == text(commented)
    assert text(base, keep_output=True) == text(commented, keep_output=True)
    assert '"# not a comment"' in text(base)  # a string is code
    assert text(base) == text(base.replace("#> # not", "#> # stale"))
    assert text(base, True) != text(base.replace("#> # not", "#> # stale"), True)
    assert text(base) != text(base.replace("x = 1", "x = 2"))


def _sleep(seconds):
    import time

    time.sleep(seconds)


def test_a_long_step_says_what_runs_and_how_many_are_left(
    tmp_path, monkeypatch, capsys
):
    from tools import cache

    monkeypatch.setattr(cache, "HEARTBEAT", 0.3)
    jobs = {"quick": ("1", 0.0), "slow": ("1", 1.2)}
    assert run_changed("demo", tmp_path / "c.json", jobs, lambda n: False, _sleep) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "demo: 2 to run, 0 unchanged"
    finished = [line.split(" (")[0] for line in out if line.startswith("  [")]
    assert finished == ["  [1/2] quick", "  [2/2] slow"]  # as they finish
    assert any(line.startswith("  ... ") and "left: slow" in line for line in out)
