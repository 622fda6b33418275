"""Every install comes from uv.lock: the same commit gets the same versions of the
whole tree (numpy, matplotlib and what they need), so the same digits and figures."""

import ast
import re
import shutil
import subprocess
import tomllib

import pytest

from tests.conftest import REPO

NOXFILE = REPO / "noxfile.py"
GROUPS = set(tomllib.loads((REPO / "pyproject.toml").read_text())["dependency-groups"])


def _uv() -> str:
    uv = shutil.which("uv")
    assert uv, 'uv not found: it comes with nox, `python3 -m pip install "nox[uv]"`'
    return uv


def _lock_check(cwd):
    """`uv lock --check` offline: is uv.lock what pyproject.toml asks for?"""
    return subprocess.run(
        [_uv(), "lock", "--check", "--offline", "--no-config", "--directory", cwd],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_uv_lock_matches_pyproject(tmp_path):
    assert (REPO / "uv.lock").is_file(), "no uv.lock: write it with `nox -s lock`"
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(REPO / name, tmp_path / name)
    result = _lock_check(tmp_path)
    assert result.returncode == 0, (
        "uv.lock does not match pyproject.toml: run `nox -s lock` and commit uv.lock\n"
        + result.stderr[-2000:]
    )
    # ... and the check can fail: a group that asks for a package the lock lacks
    pyproject = (tmp_path / "pyproject.toml").read_text()
    edited = pyproject.replace('lint = ["ruff>=0.6"]', 'lint = ["ruff>=0.6", "six"]')
    assert edited != pyproject
    (tmp_path / "pyproject.toml").write_text(edited)
    assert _lock_check(tmp_path).returncode != 0


def test_uv_lock_pins_every_dependency_group():
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    project = next(p for p in lock["package"] if p.get("source") == {"virtual": "."})
    assert set(project["dev-dependencies"]) == GROUPS


def _function(tree, name):
    return next(
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == name
    )


def _calls(node):
    return [
        call
        for call in ast.walk(node)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
    ]


def test_every_nox_session_installs_from_the_lock():
    tree = ast.parse(NOXFILE.read_text(encoding="utf-8"))
    install = _function(tree, "install")
    sync = [
        [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
        for call in _calls(install)
        if call.func.attr == "run_install"
    ]
    assert len(sync) == 1 and sync[0][:3] == ["uv", "sync", "--locked"], (
        "noxfile.py install() must install with `uv sync --locked`"
    )
    assert "--only-group" in sync[0]
    source = ast.get_source_segment(NOXFILE.read_text(), install)
    assert "UV_PROJECT_ENVIRONMENT" in source  # into the session's own environment
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name == "install":
            continue
        for call in _calls(node):
            # session.install("uv") only where nox's virtualenv fallback needs uv
            assert call.func.attr != "install", (
                f"noxfile.py:{call.lineno}: session.install() bypasses uv.lock; "
                "use install(session, GROUP)"
            )
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "install":
                group = call.args[1].value
                assert group in GROUPS, f"noxfile.py:{call.lineno}: no group {group!r}"


@pytest.mark.parametrize(
    "path", [".ci/run", ".github/workflows/deploy.yml", ".github/workflows/ci.yml"]
)
def test_ci_and_deploy_install_nothing_but_nox(path):
    # everything else comes from nox sessions, which install from uv.lock
    text = (REPO / path).read_text(encoding="utf-8")
    for command in re.findall(r"pip3? install[^\n]*", text):
        assert re.search(r"""["']nox\[uv\][^"']*["']\s*$""", command), (
            f"{path}: `{command}` installs outside uv.lock"
        )
