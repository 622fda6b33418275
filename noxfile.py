"""Every task of the project: `nox -s build`, `nox -s tests`, `nox -s serve`, ..."""

import os
from pathlib import Path

import nox

nox.options.sessions = ["tests"]
nox.options.reuse_venv = "yes"
# uv creates and fills an environment in seconds from its cache; `nox[uv]` (the
# README's install) brings it; plain virtualenv remains the fallback (install()
# then puts uv in the environment: every install goes through uv.lock).
# Sessions keep one environment each (nox has no clean way to share one), but uv
# hard-links every package from its cache: measured, a second ~450 MB environment
# takes 3-4 s and ~16 MB of disk.
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.error_on_missing_interpreters = True

# Our matrices are small and we already run one process per core (pytest-xdist,
# the figure and notebook pools): BLAS threads on top of that only oversubscribe.
ENV = {"MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def install(session: nox.Session, group: str) -> None:
    """Install one dependency group of pyproject.toml at exactly the versions that
    uv.lock pins, the whole tree: two runs of the same commit get the same numpy,
    so the same digits and figures. `--locked` fails if pyproject.toml changed
    without `nox -s lock`; `uv sync` also removes what the group no longer has."""
    if session.virtualenv.venv_backend != "uv":  # the virtualenv fallback: get uv
        session.install("uv")
    # Where Python may not cache bytecode itself (PYTHONDONTWRITEBYTECODE), every
    # process would compile what it imports (measured: 5.0 -> 2.3 s of CPU to import
    # MkDocs' plugins, matplotlib and scikit-learn); uv then compiles once, here.
    compile_bytecode = (
        ["--compile-bytecode"] if os.environ.get("PYTHONDONTWRITEBYTECODE") else []
    )
    session.run_install(
        "uv",
        "sync",
        "--locked",
        "--only-group",
        group,
        *compile_bytecode,
        env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location},
    )
    if group in ("site", "test", "e2e"):  # the build's Node tools (tools/nodejs.py)
        session.run("python", "-m", "tools.nodejs", "ci", "tools/node")


@nox.session
def build(session: nox.Session) -> None:
    """Check the snippets' `#>` lines, draw the figures, execute the notebooks and
    build the site into site/ (each step only what changed)."""
    install(session, "site")
    session.run("python", "-m", "tools.build", env=ENV)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview at http://127.0.0.1:8000 (Ctrl-C stops it); edits to a page, a snippet
    or a figure script rebuild what they touch and reload the page (`-- PORT`)."""
    install(session, "site")
    session.run("python", "-m", "tools.serve", *session.posargs, env=ENV)


@nox.session
def figures(session: nox.Session) -> None:
    """Draw the figures only (pass --force to redraw all)."""
    install(session, "site")
    session.run("python", "-m", "tools.figures", *session.posargs, env=ENV)


@nox.session
def tests(session: nox.Session) -> None:
    """Run every snippet, every numerical check, the docs checks and the README."""
    install(session, "test")
    pytest = ["pytest", "-n", "auto", "--codeblocks", "tests", "README.md"]
    session.run(*pytest, *session.posargs, env=ENV)


@nox.session
def e2e(session: nox.Session) -> None:
    """Build (what changed since `nox -s build`), then check every page in Chromium,
    Firefox and WebKit (Debian's chromium, firefox-esr, webkit2gtk-driver, xvfb).
    One pytest worker more than cores: a worker waits on its browser's frames and
    timers, and the extra one uses that time (measured on 2 cores: with 2 workers
    the CPU was idle 14 % of the run, which took 407 s; with 3, 3 % and 349 s)."""
    install(session, "e2e")
    session.run("python", "-m", "tools.build", env=ENV)
    cores = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
             else os.cpu_count() or 1)  # the cores this process may use (Linux)
    workers = str(cores + 1)
    pytest = ["pytest", "-n", workers, "--dist", "loadgroup", "tests/e2e"]
    session.run(*pytest, *session.posargs, env={**ENV, "SITE_E2E": "1"})


@nox.session
def lighthouse(session: nox.Session) -> None:
    """Lighthouse on the built site (run `nox -s build` first), mobile unless
    `-- --desktop`; `-- --runs 3 --pages en/` and `--no-fail` also pass through."""
    install(session, "lighthouse")
    session.run("python", "-m", "tools.lighthouse", *session.posargs)


@nox.session
def snippets(session: nox.Session) -> None:
    """Rewrite the `#>` output lines of the given snippets (default: all of them);
    `-- --check FILE...` only checks them."""
    install(session, "numeric")
    args = list(session.posargs)
    mode = "--check" if "--check" in args else "--update"
    files = [arg for arg in args if arg not in ("--check", "--update")]
    everything = sorted(Path("snippets").rglob("*.py"))
    files = files or [str(p) for p in everything if p.name != "__init__.py"]
    # snippets/ on the path: a snippet may import the shared digits_net.py
    env = {**ENV, "PYTHONPATH": "snippets"}
    session.run("python", "tools/snippet_output.py", mode, *files, env=env)


@nox.session
def workflows(session: nox.Session) -> None:
    """Check the GitHub Actions workflows with actionlint and zizmor (offline)."""
    install(session, "workflows")
    files = sorted(str(p) for p in Path(".github/workflows").glob("*.yml"))
    session.run("actionlint", *files)
    session.run("zizmor", "--offline", "--no-progress", *files)


@nox.session(venv_backend="none")
def lock(session: nox.Session) -> None:
    """Update uv.lock after editing pyproject.toml's dependency groups, keeping every
    other pin; `-- --upgrade` moves everything to the newest versions allowed
    (`-- --upgrade-package numpy` one package). Commit uv.lock with the change."""
    import nox.virtualenv

    uv = nox.virtualenv.UV  # the uv that came with nox[uv], else the one on PATH
    session.run(uv, "lock", *session.posargs, external=True)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    install(session, "lint")
    session.run("ruff", "check", ".")
