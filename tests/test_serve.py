"""`nox -s serve`: an edit's page is rebuilt and reloaded before its notebook runs,
and a comment edit of a snippet redraws no figure."""

from pathlib import Path

from tools import figures, serve
from tools.cache import code_text

REPO = Path(__file__).resolve().parent.parent


class FakeServer:
    def __init__(self, events):
        self.events = events

    def publish(self):
        self.events.append("reload")

    def hold(self):
        self.events.append("hold")


def _rebuilder(monkeypatch, events, notebooks_changed, edit_meanwhile=False):
    stamps = {"docs/en/a.md": 1.0}
    monkeypatch.setattr(serve, "snapshot", lambda: dict(stamps))

    def draw():
        events.append("figures")
        if edit_meanwhile:  # the author saves again while the page is built
            stamps["docs/en/a.md"] += 1
        return True

    monkeypatch.setattr(serve, "draw", draw)
    monkeypatch.setattr(serve, "build_language", lambda s: events.append(f"build {s}"))

    def run_notebooks():
        events.append("notebooks")
        return notebooks_changed

    monkeypatch.setattr(serve, "run_notebooks", run_notebooks)
    rebuild = serve.Rebuilder(FakeServer(events))
    stamps["docs/en/a.md"] = 2.0
    return rebuild


def test_a_page_edit_reloads_the_page_before_its_notebook_runs(monkeypatch):
    events = []
    _rebuilder(monkeypatch, events, ["en"])()
    assert events == [
        "figures",
        "build en",
        "reload",  # the edited page, at once
        "notebooks",
        "hold",
        "build en",  # the notebook's page; the server reloads when this returns
    ]
    events.clear()
    _rebuilder(monkeypatch, events, [])()
    assert events == ["figures", "build en", "reload", "notebooks"]


def test_an_edit_saved_meanwhile_gets_its_page_before_the_notebooks(monkeypatch):
    events = []
    _rebuilder(monkeypatch, events, ["en"], edit_meanwhile=True)()
    assert events == ["figures", "build en", "reload"]  # the server calls again


def test_figures_drawn_for_a_page_do_not_hold_back_its_notebook():
    # a redrawn figure or a notebook is written under docs/, which the server
    # watches; only a source edit (what snapshot() sees) puts the notebooks off
    assert serve._generated(Path("docs/en/figures/page/name.svg"))
    assert serve._generated(Path("docs/ko/notebooks/page.ipynb"))
    assert not serve._generated(Path("docs/en/page.md"))


def test_a_comment_edit_of_a_snippet_redraws_no_figure(tmp_path, monkeypatch):
    script = REPO / "figures_src" / "babysitting_learning" / "plot_lr_sweep.py"
    snippet = REPO / "snippets" / "babysitting_learning" / "lr_sweep.py"
    assert snippet in figures._local_imports(script)
    before = figures.cache_key(script)
    lines = snippet.read_text(encoding="utf-8").splitlines(keepends=True)

    def key_with(edited_lines):
        copy = tmp_path / snippet.name
        copy.write_text("".join(edited_lines), encoding="utf-8")
        monkeypatch.setattr(
            figures,
            "code_text",
            lambda path, keep_output=False: code_text(
                copy if path == snippet else path, keep_output
            ),
        )
        return figures.cache_key(script)

    # a new comment line, a comment at a line's end, and a changed `#>` line
    commented = ["# a note for the reader\n", *lines]
    commented[-1] = commented[-1].rstrip("\n") + "  # and one more\n"
    commented = [line.replace("#> ", "#> (stale) ", 1) for line in commented]
    assert key_with(commented) == before
    assert key_with([*lines, "STEPS = 3\n"]) != before  # new code: redrawn


def test_a_rebuild_is_logged_as_information_not_as_a_warning(monkeypatch, caplog):
    rebuild = _rebuilder(monkeypatch, [], [])
    with caplog.at_level("INFO", logger="serve"):
        rebuild()
    (record,) = [r for r in caplog.records if r.name == "serve"]
    assert record.levelname == "INFO" and record.getMessage().startswith("rebuilt en")
