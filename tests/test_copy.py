"""What a reader copies from a page runs.

A page shows a file whole or in parts (`--8<-- "file.py:section"`). A reader who
copies every block the page shows of a file, in the page's order, into one file,
and does so for every file the page shows, has a folder that runs: each snippet,
beside the shared files it imports (digits_net.py), prints exactly the `#>` lines
the page shows. tests/test_snippets.py runs the files of the repository; this runs
what the pages show of them, so a part the page leaves out (an import, a helper)
fails here with the NameError a reader would get.
"""

import ast
import os
import subprocess
import sys
from collections import defaultdict

import pytest

from tests.conftest import REPO, SNIPPET_OUTPUT
from tools.pages import INCLUDE, LANGS, Page, pages, shared_file, snippet_text
from tools.pages import imported_shared as shared_imported_by

PAGES = {lang: {page.slug: page for page in pages(lang)} for lang in LANGS}
SLUGS = sorted(PAGES["ko"])


def shown_files(page: Page) -> dict[str, str]:
    """Every file the page shows: its blocks, in the page's order, one after the
    other, as a reader pastes them into one file."""
    blocks = defaultdict(list)
    for include in page.includes:
        blocks[include.path].append(snippet_text(include))
    return {path: "\n\n\n".join(texts) + "\n" for path, texts in blocks.items()}


def imported_shared(source: str) -> list[str]:
    """The shared files (snippets/digits_net.py) that this code imports."""
    return [path.relative_to(REPO).as_posix() for path in shared_imported_by(source)]


def beside(shown: dict[str, str], path: str) -> list[str]:
    """`path` and the shared files it needs, directly or through each other."""
    needed, todo = [path], [path]
    while todo:
        current = todo.pop()
        for shared in imported_shared(shown[current]):
            if shared not in shown:
                raise AssertionError(
                    f"the page shows {current}, which imports {shared}, but does "
                    f"not show {shared}: include its sections"
                )
            if shared not in needed:
                needed.append(shared)
                todo.append(shared)
    return needed


def _lines(text: str) -> list[str]:
    """The text without section marks and blank lines."""
    return [
        line.rstrip()
        for line in text.splitlines()
        if line.strip() and "--8<-- [" not in line
    ]


def _imported_code(text: str) -> str:
    """What importing the module runs: its code without `if __name__ == "__main__"`."""
    tree = ast.parse(text)
    tree.body = [
        node
        for node in tree.body
        if not (
            isinstance(node, ast.If)
            and isinstance(node.test, ast.Compare)
            and isinstance(node.test.left, ast.Name)
            and node.test.left.id == "__name__"
        )
    ]
    return ast.dump(tree)


def same_as_repository(shown: dict[str, str], files: list[str]) -> bool:
    """True when what the page shows is the repository's code: the snippet line for
    line (blank lines and section marks aside), each shared file it imports the same
    code on import. tests/test_snippets.py runs exactly that, in the same way."""
    snippet, *shared = files
    whole = {path: (REPO / path).read_text(encoding="utf-8") for path in files}
    return _lines(shown[snippet]) == _lines(whole[snippet]) and all(
        _imported_code(shown[path]) == _imported_code(whole[path]) for path in shared
    )


def run_as_copied(shown: dict[str, str], files: list[str], folder, page: str) -> None:
    for path in files:
        (folder / path.rsplit("/", 1)[-1]).write_text(shown[path], encoding="utf-8")
    copy = folder / files[0].rsplit("/", 1)[-1]
    # -P: the runner's own folder (tools/) is not put on sys.path either.
    result = subprocess.run(
        [sys.executable, "-P", str(SNIPPET_OUTPUT), "--check", str(copy)],
        cwd=folder,
        env={**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": ""},
        capture_output=True,
        text=True,
        timeout=900,
    )
    named = f"{files[0]} as {page} shows it"
    stderr = result.stderr
    for path in files:
        shown_as = f"{path} as {page} shows it"
        stderr = stderr.replace(str(folder / path.rsplit("/", 1)[-1]), shown_as)
    if result.returncode != 0:
        pytest.fail(
            f"{named} does not run as copied (beside it: "
            f"{', '.join(files[1:]) or 'nothing'}, as the page shows them):\n"
            f"{stderr[-4000:]}\nShow the missing part: put the imports in the "
            "first section the page includes, give hidden helpers a section of "
            "their own and include it (a collapsed `??? example` block), or "
            "include the file whole.",
            pytrace=False,
        )


CASES = [
    pytest.param(slug, path, id=f"{slug}:{path}")
    for slug in SLUGS
    for path in shown_files(PAGES["ko"][slug])
    if path.endswith(".py")
]


@pytest.mark.parametrize(("slug", "path"), CASES)
def test_what_a_page_shows_of_a_file_runs_as_copied(slug, path, tmp_path):
    shown = {lang: shown_files(PAGES[lang][slug]) for lang in LANGS}
    assert shown["ko"] == shown["en"], (
        f"docs/ko/{slug}.md and docs/en/{slug}.md show different code"
    )
    page = f"docs/*/{slug}.md"
    try:
        files = beside(shown["ko"], path)
    except AssertionError as error:
        raise AssertionError(f"{page}: {error}") from None
    if same_as_repository(shown["ko"], files):
        return  # tests/test_snippets.py runs this very code; don't train it twice
    run_as_copied(shown["ko"], files, tmp_path, page)


def test_the_copy_check_sees_a_missing_import(tmp_path):
    # The check itself can fail: a function shown without the import it needs.
    shown = {
        "snippets/digits_net.py": "def zeros():\n    return np.zeros(2)\n",
        "snippets/demo.py": (
            "from digits_net import zeros\n\nprint(zeros())\n#> [0. 0.]\n"
        ),
    }
    files = beside(shown, "snippets/demo.py")
    assert files == ["snippets/demo.py", "snippets/digits_net.py"]
    with pytest.raises(pytest.fail.Exception, match="name 'np' is not defined"):
        run_as_copied(shown, files, tmp_path, "a page")
    net = "snippets/digits_net.py"
    shown[net] = "import numpy as np\n\n\n" + shown[net]
    run_as_copied(shown, files, tmp_path, "a page")  # shown whole, it runs


def test_a_shown_file_may_leave_out_only_its_demo_when_imported():
    whole = (REPO / "snippets/digits_net.py").read_text(encoding="utf-8")
    demo = whole.index('if __name__ == "__main__":')
    assert _imported_code(whole[:demo]) == _imported_code(whole)
    without_imports = whole.replace("import numpy as np\n", "", 1)
    assert _imported_code(without_imports) != _imported_code(whole)


# A shared file is also served whole: each page whose snippets import it links it.
ALL_PAGES = [page for lang in LANGS for page in PAGES[lang].values()]


def download_link(name: str) -> str:
    return f'](downloads/{name}){{ download="{name}" }}'


@pytest.mark.parametrize(
    "page", ALL_PAGES, ids=[p.path.relative_to(REPO).as_posix() for p in ALL_PAGES]
)
def test_a_page_links_the_shared_files_its_snippets_import(page):
    needed = {
        shared
        for include in page.includes
        if include.path.endswith(".py")
        for shared in imported_shared((REPO / include.path).read_text(encoding="utf-8"))
    }
    text = page.path.read_text(encoding="utf-8")
    for shared in sorted(needed):
        name = shared.rsplit("/", 1)[-1]
        assert download_link(name) in text, (
            f"{page.path.relative_to(REPO)}: its snippets import {shared}; link it "
            f"where the page says to put it beside them: [...]{download_link(name)[1:]}"
        )


def test_the_download_link_serves_the_repository_file(tmp_path):
    # A small MkDocs build with the site's hook and the babysitting page's own
    # sentence: the link is relative to the page and the file is the repository's.
    from bs4 import BeautifulSoup
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from hooks.downloads import shared_files

    assert REPO / "snippets/digits_net.py" in shared_files()
    page = PAGES["en"]["babysitting-learning"].path.read_text(encoding="utf-8")
    paragraph = next(
        block for block in page.split("\n\n") if download_link("digits_net.py") in block
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "babysitting-learning.md").write_text(f"# Page\n\n{paragraph}\n")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nhooks: [{REPO / 'hooks' / 'downloads.py'}]\n"
        "markdown_extensions: [attr_list]\n",
        encoding="utf-8",
    )
    build(load_config(str(tmp_path / "mkdocs.yml")))
    html = (tmp_path / "site/babysitting-learning/index.html").read_text()
    links = BeautifulSoup(html, "html.parser").select('a[href$="digits_net.py"]')
    assert [a["href"] for a in links] == ["../downloads/digits_net.py"]
    assert links[0]["download"] == "digits_net.py"
    served = (tmp_path / "site/babysitting-learning" / links[0]["href"]).resolve()
    assert served.read_bytes() == (REPO / "snippets/digits_net.py").read_bytes()


def test_the_home_pages_show_the_readme_quick_start_in_lines_that_fit():
    # The home pages' "run the code" block is a file, and it runs the README's
    # commands ("nox[uv]" included), with the comments on lines of their own so
    # that no line is cut in the content column (40 columns fit a phone).
    from hooks.content import PHONE_CODE_CHARS

    shown = "snippets/index/quick_start.sh"
    for lang in LANGS:
        assert shown in shown_files(PAGES[lang]["index"]), f"docs/{lang}/index.md"
    lines = (REPO / shown).read_text(encoding="utf-8").splitlines()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert [line for line in lines if not line.startswith("#")] == commands
    long = [line for line in lines if len(line) > PHONE_CODE_CHARS]
    assert not long, f"{shown}: lines over {PHONE_CODE_CHARS} columns: {long}"


NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten".split(),
    "ko": "영 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열".split(),
}
PARTS = {"en": "{} parts", "ko": "{} 부분"}


@pytest.mark.parametrize(
    "page", ALL_PAGES, ids=[p.path.relative_to(REPO).as_posix() for p in ALL_PAGES]
)
def test_a_page_says_in_how_many_parts_it_shows_a_shared_file(page):
    lang = page.path.parent.name
    text = page.path.read_text(encoding="utf-8")
    for shared in {include.path for include in page.includes}:
        name = shared.removeprefix("snippets/").removesuffix(".py")
        if "/" in name or shared_file(name) is None:
            continue
        parts = sum(include.path == shared for include in page.includes)
        if parts < 2:
            continue
        words = NUMBER_WORDS[lang]
        said = PARTS[lang].format(words[parts] if parts < len(words) else parts)
        assert said in text, (
            f"{page.path.relative_to(REPO)} shows {shared} in {parts} parts; say so "
            f"where it tells the reader to copy them (\"{said}\")"
        )


@pytest.mark.parametrize(
    "page", ALL_PAGES, ids=[p.path.relative_to(REPO).as_posix() for p in ALL_PAGES]
)
def test_every_code_block_on_a_page_is_a_file(page):
    # What a reader copies is a file the tests run or check, never text typed into
    # the page (the home pages' commands once were, and went stale).
    typed = [
        fence.line
        for fence in page.fences
        if not fence.body or not all(INCLUDE.match(line) for line in fence.body)
    ]
    assert not typed, (
        f"{page.path.relative_to(REPO)}: code typed into the page at lines {typed}; "
        'put it in a file under snippets/ and include it (--8<-- "snippets/...")'
    )
