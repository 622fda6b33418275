"""Every task of the project: `nox -s build`, `nox -s tests`, `nox -s serve`, ..."""

from pathlib import Path

import nox

PYPROJECT = nox.project.load_toml("pyproject.toml")
nox.options.sessions = ["tests"]
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True


def install(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def build(session: nox.Session) -> None:
    """Draw the figures, execute the notebooks and build the site into site/."""
    install(session, "site")
    session.run("python", "-m", "tools.build")


@nox.session
def serve(session: nox.Session) -> None:
    """Build, then preview the site at http://127.0.0.1:8000 (Ctrl-C stops it)."""
    install(session, "site")
    session.run("python", "-m", "tools.build")
    session.run("python", "-m", "http.server", "8000", "--bind", "127.0.0.1", "--directory", "site")


@nox.session
def figures(session: nox.Session) -> None:
    """Draw the figures only (pass --force to redraw all)."""
    install(session, "site")
    session.run("python", "-m", "tools.figures", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run every snippet, every numerical check, the docs checks and the README."""
    install(session, "test")
    session.run(
        "pytest", "-n", "auto", "--dist", "loadgroup", "--codeblocks",
        "tests", "README.md", *session.posargs,
        env={"MPLBACKEND": "Agg"},
    )


@nox.session
def e2e(session: nox.Session) -> None:
    """Build, then check every page in headless Chromium (needs Debian's chromium)."""
    install(session, "e2e")
    session.run("python", "-m", "tools.build")
    session.run(
        "pytest", "tests/e2e", *session.posargs,
        env={"SITE_E2E": "1", "MPLBACKEND": "Agg"},
    )


@nox.session
def snippets(session: nox.Session) -> None:
    """Rewrite the `#>` output lines of the given snippets (default: all of them)."""
    install(session, "numeric")
    files = session.posargs or [
        str(p) for p in sorted(Path("snippets").rglob("*.py")) if p.name != "__init__.py"
    ]
    session.run(
        "python", "tools/snippet_output.py", "--update", *files, env={"MPLBACKEND": "Agg"}
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    install(session, "lint")
    session.run("ruff", "check", ".")
