"""Every snippet runs on its own and prints exactly the `#>` lines written under it."""

import ast
import os
import shutil
import sys
import unicodedata

import pytest

from tests.conftest import REPO, SNIPPETS, rel, run_snippet_output
from tools import snippet_checks
from tools.pages import shared_imports

# scikit-learn only for the small datasets it ships (digits): no download needed.
ALLOWED_THIRD_PARTY = {"numpy", "matplotlib", "sklearn"}
# A snippet whose point is to show a library (the page says to install it).
SHOWS_A_LIBRARY = {"snippets/hyperparameter_optimization/tpe_search.py": {"optuna"}}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=rel)
def test_snippet_runs_alone_and_its_output_matches(snippet, tmp_path):
    # A copy in an empty directory, beside only the shared files it imports (what
    # its page tells a reader to copy), run in a fresh process with the repository
    # off sys.path: the snippet cannot lean on anything a reader would not have.
    for path in [snippet, *shared_imports(snippet)]:
        shutil.copy(path, tmp_path / path.name)
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": ""}
    copy = tmp_path / snippet.name
    result = run_snippet_output("--check", str(copy), cwd=tmp_path, env=env)
    stderr = result.stderr.replace(str(copy), rel(snippet))
    assert result.returncode == 0, f"{rel(snippet)} failed:\n{stderr[-4000:]}"
    snippet_checks.record_pass(snippet)  # the build need not run it again


@pytest.mark.parametrize("snippet", SNIPPETS, ids=rel)
def test_snippet_imports_only_numpy_matplotlib_sklearn_and_stdlib(snippet):
    tree = ast.parse(snippet.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{rel(snippet)}: relative import"
            imported.add(node.module.split(".")[0])
    shared = {path.stem for path in shared_imports(snippet)}
    allowed = ALLOWED_THIRD_PARTY | SHOWS_A_LIBRARY.get(rel(snippet), set())
    foreign = imported - allowed - shared - set(sys.stdlib_module_names)
    assert not foreign, (
        f"{rel(snippet)} imports {sorted(foreign)}: not copy-paste ready"
    )


@pytest.mark.parametrize("snippet", SNIPPETS, ids=rel)
def test_snippet_lines_fit_88_columns(snippet):
    long = [
        number
        for number, line in enumerate(snippet.read_text().splitlines(), 1)
        if len(line) > 88
    ]
    assert not long, f"{rel(snippet)}: lines {long} are longer than 88 columns"


# What a snippet prints is read on a phone: a code block there is about 40 monospace
# columns wide (360 px; Material runs code blocks to the screen's edges), so every
# `#>` line, as the page shows it (its indentation included), fits in 40 columns.
# A character that East Asian typography draws wide (Hangul, CJK) takes two.
PHONE_COLUMNS = 40
# file -> why its table cannot be narrower (keep this short).
WIDER_OUTPUT = {}


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_display_width_counts_wide_characters_twice():
    assert display_width("#> loss 2.30") == 12
    assert display_width("#> 손실 2.30") == 12


@pytest.mark.parametrize("snippet", SNIPPETS, ids=rel)
def test_printed_output_fits_a_phone_column(snippet):
    if rel(snippet) in WIDER_OUTPUT:
        pytest.skip(WIDER_OUTPUT[rel(snippet)])
    wide = [
        f"line {number} ({display_width(line.rstrip())} columns): {line.strip()}"
        for number, line in enumerate(snippet.read_text().splitlines(), 1)
        if line.lstrip().startswith("#>")
        and display_width(line.rstrip()) > PHONE_COLUMNS
    ]
    assert not wide, (
        f"{rel(snippet)}: printed output wider than a phone's code block "
        f"({PHONE_COLUMNS} columns); print shorter labels, one value a line, or "
        f"fewer columns (then rerun tools/snippet_output.py --update):\n"
        + "\n".join(wide)
    )


def test_wider_output_exceptions_are_real_snippets_that_need_them():
    for name in WIDER_OUTPUT:
        path = REPO / name
        assert path.is_file(), f"WIDER_OUTPUT names {name}, which does not exist"
        assert any(
            display_width(line.rstrip()) > PHONE_COLUMNS
            for line in path.read_text().splitlines()
            if line.lstrip().startswith("#>")
        ), f"WIDER_OUTPUT: {name} fits {PHONE_COLUMNS} columns now; remove it"
