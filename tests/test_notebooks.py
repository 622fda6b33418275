"""What a reader takes home: the downloaded notebook shows every figure, links the
site by absolute URL, and its outputs carry no warnings; its page on the site stays
light (no inlined images) and links relatively."""

import base64
import re

import nbformat
import pytest

from hooks import notebook_pages
from tools import figures, notebooks, pages

SITE = "https://someone.github.io/some-repo/"
TOPICS = [(lang, page) for lang in pages.LANGS for page in pages.topic_pages(lang)]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# a Markdown link or image target, and an HTML link or image
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|\b(?:href|src)=[\"']([^\"']+)")


@pytest.fixture
def drawn_figures(tmp_path, monkeypatch):
    """Every figure as a small PNG of its own (named in its bytes) in tmp_path, in
    place of the ones `nox -s figures` draws: the tests do not draw figures."""

    def raster_path(figure, lang):
        path = tmp_path / lang / figure.replace("/", "__")
        path = path.with_suffix(".png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(PNG_SIGNATURE + f"{lang} {figure}".encode())
        return path

    monkeypatch.setattr(figures, "raster_path", raster_path)
    return raster_path


def site_of(lang: str) -> str:
    return SITE if lang == pages.LANGS[0] else f"{SITE}{lang}/"


def links(nb) -> list[str]:
    return [
        a or b
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for a, b in LINK.findall(cell.source)
    ]


@pytest.mark.parametrize(("lang", "page"), TOPICS, ids=lambda v: getattr(v, "slug", v))
def test_the_notebook_has_an_image_for_every_figure_of_its_page(
    lang, page, drawn_figures
):
    nb = notebooks.build(page.path, lang, site_of(lang))
    shown = [
        (name, cell.attachments[name]["image/png"])
        for cell in nb.cells
        if cell.cell_type == "markdown"
        for name in notebooks.ATTACHMENT.findall(cell.source)
    ]
    expected = [
        (
            f.path.rsplit("/", 1)[1].replace(".svg", ".png"),
            base64.b64encode(drawn_figures(f.path, lang).read_bytes()).decode(),
        )
        for f in page.figures
    ]
    assert page.figures, f"{page.slug}: a topic page without figures?"
    assert shown == expected, f"{page.slug} ({lang}): figures and images differ"
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    quoted = " ".join(line[2:] for line in text.splitlines() if line.startswith("> "))
    for figure in page.figures:  # the alt text and the caption come along
        assert f"![{figure.alt}](attachment:" in text
        assert figure.caption[-40:] in quoted, figure.caption


@pytest.mark.parametrize(("lang", "page"), TOPICS, ids=lambda v: getattr(v, "slug", v))
def test_the_notebook_links_the_site_by_absolute_url(lang, page, drawn_figures):
    nb = notebooks.build(page.path, lang, site_of(lang))
    targets = links(nb)
    relative = [
        t
        for t in targets
        if not t.startswith(("https://", "http://", "attachment:", "#"))
    ]
    assert not relative, f"{page.slug} ({lang}): relative links {relative}"
    to_site = [t for t in targets if t.startswith(site_of(lang))]
    assert to_site, f"{page.slug} ({lang}): no link to the site"
    # nothing left that looks like a page of the site written relatively
    assert not [t for t in targets if ".md" in t or t.startswith("../")]


def test_links_follow_site_url_and_fall_back_to_the_preview_address(
    monkeypatch, drawn_figures
):
    from tools import build

    page = next(p for p in pages.topic_pages("en"))
    monkeypatch.setenv("SITE_URL", SITE)
    nb = notebooks.build(page.path, "en")
    assert f"]({SITE}en/{page.slug}/)" in nb.cells[0].source
    monkeypatch.delenv("SITE_URL")
    nb = notebooks.build(page.path, "ko")
    assert f"]({build.PREVIEW_URL}{page.slug}/)" in nb.cells[0].source


def test_a_missing_figure_png_names_the_figure_and_the_fix(tmp_path, monkeypatch):
    page = tmp_path / "demo.md"
    page.write_text(
        "# Demo { #demo }\n\n![A plot](figures/demo/plot.svg)\n/// caption\nIt.\n///\n"
    )
    monkeypatch.setattr(figures, "raster_path", lambda f, lang: tmp_path / "none.png")
    with pytest.raises(ValueError, match=r"figures/demo/plot\.svg.*nox -s figures"):
        notebooks.build(page, "en", SITE)


def test_the_notebook_page_shows_a_note_instead_of_the_inlined_image(
    tmp_path, drawn_figures
):
    """The page, as nbconvert (mkdocs-jupyter) renders the .ipynb: the attachment
    arrives as a data: URL; the hook puts a note there and makes links relative."""
    from mkdocs_jupyter.convert import nb2html

    page = tmp_path / "demo-page.md"
    page.write_text(
        "# Demo { #demo }\n\nSee [the other page](other.md#part).\n\n"
        "![A plot of it](figures/demo/plot.svg)\n/// caption\nThe caption\n///\n"
    )
    nb = notebooks.build(page, "en", f"{SITE}en/")
    path = tmp_path / "demo-page.ipynb"
    nbformat.write(nb, path)
    html = nb2html(str(path), execute=False)
    assert 'src="data:image/png;base64,' in html  # what nbconvert does with it
    html = notebook_pages._site_links_relative(html, f"{SITE}en/")
    html = notebook_pages._figures_as_notes(html, "../../demo-page/", "en")
    assert 'src="data:' not in html and "<img" not in html
    assert 'href="../../other/#part"' in html and SITE not in html
    assert (
        '<strong>Figure:</strong> A plot of it (the figure is on <a href="'
        '../../demo-page/">the page</a>.)'
    ) in html
    assert "The caption" in html


def test_optuna_imports_in_the_notebook_without_a_progress_bar_warning(
    drawn_figures,
):
    """The notebook's first code cell (setup and imports) of the page that imports
    Optuna, run in a Jupyter kernel as the build runs it: nothing on stderr, no
    "IProgress not found" from tqdm."""
    page = next(
        p
        for p in pages.topic_pages("en")
        if any("tpe_search" in include.path for include in p.includes)
    )
    nb = notebooks.build(page.path, "en", SITE)
    setup = nb.cells[1]
    assert "import optuna" in setup.source
    probe = nbformat.v4.new_notebook(cells=[setup])
    probe.metadata = nb.metadata
    notebooks.execute(probe, page.path.parent / "unused.ipynb", write=False)
    assert not noise(probe), noise(probe)


def noise(nb) -> list[str]:
    """Outputs that are warnings or errors: stderr, or text naming a warning."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("text", "") + str(output.get("data", {}))
            if (
                output.get("name") == "stderr"
                or output.get("output_type") == "error"
                or re.search(r"IProgress|Warning\b|warn\(", text)
            ):
                found.append(f"{cell.get('metadata', {}).get('snippet')}: {text}")
    return found


BUILT = sorted(
    (
        path
        for lang in pages.LANGS
        for path in (pages.DOCS / lang / "notebooks").glob("*.ipynb")
    ),
)


@pytest.mark.skipif(not BUILT, reason="no notebook built yet (nox -s build)")
@pytest.mark.parametrize(
    "path", BUILT, ids=lambda p: f"{p.parent.parent.name}/{p.stem}"
)
def test_no_built_notebook_output_is_a_warning(path):
    nb = nbformat.read(path, as_version=4)
    assert not noise(nb), f"{path.name}: {noise(nb)}"


def test_noise_finds_the_progress_bar_warning():
    cell = nbformat.v4.new_code_cell("import optuna")
    cell.outputs = [
        nbformat.v4.new_output(
            "stream",
            name="stderr",
            text="TqdmWarning: IProgress not found. Please update jupyter",
        )
    ]
    assert noise(nbformat.v4.new_notebook(cells=[cell]))
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="0.986\n")]
    assert not noise(nbformat.v4.new_notebook(cells=[cell]))


def test_new_prose_keeps_the_outputs_and_new_code_runs_again(tmp_path):
    """reuse_outputs: the executed notebook's outputs go to a notebook with the same
    code cells (new prose, figures or links); a changed code cell means a new run."""

    def notebook(prose, code):
        return nbformat.v4.new_notebook(
            cells=[
                nbformat.v4.new_markdown_cell(prose),
                nbformat.v4.new_code_cell(code),
            ]
        )

    executed = notebook("old prose", "print(1)")
    executed.cells[1].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="1\n")
    ]
    executed.cells[1].execution_count = 1
    out = tmp_path / "page.ipynb"
    nbformat.write(executed, out)
    new = notebook(f"new prose, [a link]({SITE})", "print(1)")
    assert notebooks.reuse_outputs(new, out)
    assert new.cells[1].outputs[0].text == "1\n" and new.cells[0].source.startswith(
        "new prose"
    )
    job = (nbformat.writes(notebook("newer prose", "print(1)")), out)
    assert notebooks._execute_job(job) is None  # no kernel needed
    assert nbformat.read(out, as_version=4).cells[0].source == "newer prose"
    commented = notebook("old prose", "print(1)  # one, printed")
    assert notebooks.reuse_outputs(commented, out)  # a comment prints nothing new
    assert not notebooks.reuse_outputs(notebook("old prose", "print(2)"), out)
    assert not notebooks.reuse_outputs(new, tmp_path / "missing.ipynb")
