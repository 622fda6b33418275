"""Every snippet runs on its own and prints exactly the `#>` lines written under it."""

import ast
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, SNIPPETS, rel

RUNNER = REPO / "tools" / "snippet_output.py"
# scikit-learn only for the small datasets it ships (digits): no download needed.
ALLOWED_THIRD_PARTY = {"numpy", "matplotlib", "sklearn"}


@pytest.mark.parametrize("snippet", SNIPPETS, ids=rel)
def test_snippet_runs_alone_and_its_output_matches(snippet, tmp_path):
    # A fresh process in an empty directory, with the repository off sys.path:
    # the snippet cannot lean on anything a reader would not have.
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": ""}
    result = subprocess.run(
        [sys.executable, str(RUNNER), "--check", str(snippet)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{rel(snippet)} failed:\n{result.stderr[-4000:]}"


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
    foreign = imported - ALLOWED_THIRD_PARTY - set(sys.stdlib_module_names)
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
