"""Every snippet runs on its own and prints exactly the `#>` lines written under it."""

import ast
import os
import shutil
import sys

import pytest

from tests.conftest import SNIPPETS, rel, run_snippet_output
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
