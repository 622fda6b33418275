"""Each way a contributor can break the site fails with one plain message that names
the file (and line) to fix, and no runner crashes on it (issue 11)."""

import ast
import os
import re
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import REPO, run_snippet_output
from tools import cache, figures, notebooks, pages


def test_a_failing_readme_bash_block_is_an_ordinary_failed_test_under_xdist(tmp_path):
    # pytest-codeblocks 0.18 reported it as an int, and pytest-xdist died on that
    # with INTERNALERROR (exit 3, no FAILURES section, the other tests never ran)
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Demo\n\n```bash\necho 'where it broke' >&2; exit 4\n```\n\n"
        "```python\nprint(1 + 1)\n```\n\n<!--pytest-codeblocks:expected-output-->\n"
        "```\n2\n```\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-p", "tests.conftest"]
        + ["-p", "no:cacheprovider", "--codeblocks", str(readme)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out  # tests failed; not 3 (internal error)
    assert "INTERNALERROR" not in out
    assert "1 failed, 1 passed" in out
    assert "README.md::line 3: this block exited with status 4" in out
    assert "where it broke" in out


def _readme_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.DOTALL)
    return [line.split("#")[0].strip() for b in blocks for line in b.splitlines()]


def test_readme_commands_need_only_what_the_readme_installs():
    # the README installs nox (with uv) and nothing else: every other command is a
    # nox session, never a bare `python tools/...` that would miss numpy
    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    sessions = {
        node.name for node in tree.body if isinstance(node, ast.FunctionDef)
    } | set(re.findall(r'name="([\w-]+)"', (REPO / "noxfile.py").read_text()))
    commands = [c for c in _readme_commands() if c]
    assert commands
    for command in commands:
        if command.startswith("python3 -m pip install"):
            assert "nox" in command
            continue
        match = re.match(r"nox -s ([\w-]+)", command)
        assert match, f"README: `{command}` is not a nox session"
        assert match.group(1) in sessions, f"README: no nox session {match.group(1)}"


def test_a_wrong_output_line_suggests_the_nox_command(tmp_path):
    snippet = tmp_path / "wrong.py"
    snippet.write_text("print(1 + 1)\n#> 3\n")
    result = run_snippet_output("--check", str(snippet), cwd=tmp_path)
    assert result.returncode == 1
    assert f"rewrite them with: nox -s snippets -- {snippet}" in result.stderr
    assert "python tools/snippet_output.py" not in result.stderr


def test_a_repository_snippet_is_named_by_its_repository_path():
    from tools.snippet_output import _shown

    path = REPO / "snippets" / "activation_functions" / "sigmoid.py"
    assert _shown(path) == "snippets/activation_functions/sigmoid.py"


def test_a_snippet_that_raises_is_named_with_its_line_not_the_runner(tmp_path):
    snippet = tmp_path / "typo.py"
    snippet.write_text(
        textwrap.dedent("""\
        import numpy as np


        def f(x):
            return np.sqrt(x) + undefined_name


        if __name__ == "__main__":
            print(f(4.0))
        """)
    )
    result = run_snippet_output("--check", str(snippet), cwd=tmp_path)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first == f"{snippet}:5: NameError: name 'undefined_name' is not defined"
    assert "snippet_output.py" not in result.stderr
    assert "Traceback" not in result.stderr  # not a crash of the runner


def test_a_snippet_that_does_not_parse_is_named_with_its_line(tmp_path):
    snippet = tmp_path / "unclosed.py"
    snippet.write_text("x = 1\ny = (\n")
    result = run_snippet_output("--check", str(snippet), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{snippet}:2: SyntaxError: '(' was never closed")


def test_a_figure_names_the_innermost_repository_file_and_line(tmp_path, monkeypatch):
    # a figure script draws from a snippet; the snippet raises inside numpy
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "shaky.py").write_text(
        "import numpy as np\n\n\ndef curve():\n    return np.linalg.inv(np.ones(2))\n"
    )
    script = tmp_path / "figures_src" / "demo" / "plot_curve.py"
    script.parent.mkdir(parents=True)
    script.write_text("from shaky import curve\n\n\ndef make(lang):\n    curve()\n")
    monkeypatch.syspath_prepend(str(tmp_path / "snippets"))
    monkeypatch.syspath_prepend(str(script.parent))
    monkeypatch.setattr(figures, "REPO", tmp_path)
    import plot_curve

    with pytest.raises(Exception) as caught:
        plot_curve.make("ko")
    message = figures.failure(script, "ko", caught.value)
    first, second, *rest = message.splitlines()
    assert first.startswith("snippets/shaky.py:5: numpy.linalg.LinAlgError: ")
    assert second == "  (while drawing figures_src/demo/plot_curve.py in 'ko')"
    assert "site-packages" not in message  # numpy's frames are not the fix
    assert "make() raised" not in message


@pytest.fixture
def demo_repo(tmp_path, monkeypatch):
    """A repository of one page in two languages that includes a broken snippet."""
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "shaky.py").write_text(
        textwrap.dedent("""\
        import numpy as np


        def invert(x):
            # --8<-- [start:core]
            y = np.asarray(x)
            return np.linalg.inv(y)  # (1)!
            # --8<-- [end:core]


        if __name__ == "__main__":
            print(invert(np.ones(2)))
            #> [1.]
        """)
    )
    for lang in pages.LANGS:
        page = tmp_path / "docs" / lang / "demo.md"
        page.parent.mkdir(parents=True)
        page.write_text(
            f"# Demo {lang} {{ #demo }}\n\nProse.\n\n"
            '``` py title="snippets/demo/shaky.py"\n'
            '--8<-- "snippets/demo/shaky.py"\n```\n'
        )
    monkeypatch.setattr(notebooks, "REPO", tmp_path)
    monkeypatch.setattr(pages, "REPO", tmp_path)
    return tmp_path


def test_a_failing_notebook_cell_names_the_snippet_line_once_in_plain_text(
    demo_repo, capsys
):
    jobs = {}
    for lang in pages.LANGS:
        page = demo_repo / "docs" / lang / "demo.md"
        nb = notebooks.build(page, lang)
        out = demo_repo / "docs" / lang / "notebooks" / "demo.ipynb"
        jobs[lang] = ("key", (notebooks.nbformat.writes(nb), out))
    status = cache.run_changed(
        "notebooks",
        demo_repo / ".cache" / "notebooks.json",
        jobs,
        lambda name: False,
        notebooks._execute_job,
    )
    assert status == 1
    err = capsys.readouterr().err
    assert "\x1b[" not in err  # no terminal colour codes
    headline = "snippets/demo/shaky.py:7: LinAlgError: 1-dimensional array given."
    assert err.startswith(headline)
    assert err.count(headline) == 1  # ko and en fail alike: said once
    assert "(in the notebook of docs/{ko,en}/demo.md" in err
    assert ".ipynb" not in err.splitlines()[0]


def test_the_cell_line_maps_to_the_snippet_line_past_removed_lines(demo_repo):
    # `#>` lines and section marks are not in the cell; the annotation is stripped
    assert notebooks.snippet_line("snippets/demo/shaky.py", 10) == 12
    assert notebooks.snippet_line("snippets/demo/shaky.py:core", 2) == 7


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("snippets/no_such_file.py", "does not exist"),
        ("snippets/gradient_checking/numerical_gradient.py:nope", "no section `nope`"),
    ],
)
def test_a_broken_include_names_the_page_and_line(tmp_path, spec, message):
    page = tmp_path / "broken.md"
    fence = f'``` py title="x"\n--8<-- "{spec}"\n```\n'
    page.write_text(f"# Broken {{ #broken }}\n\nProse.\n\n{fence}")
    with pytest.raises(ValueError, match=message) as error:
        notebooks.build(page, "en")
    assert str(error.value).startswith(f'{page}:6: --8<-- "{spec}"')
