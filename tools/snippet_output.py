"""Run a snippet and check (or rewrite) the `#>` output lines written under its prints.

A snippet shows what it prints right under the statement that printed it:

    print(sigmoid(0.0))
    #> 0.5

This script runs the file as `__main__`, one top-level statement at a time (and one
statement at a time inside `if __name__ == "__main__":`), so each output line is tied
to the statement that printed it. `--check` fails with a diff when the file's `#>`
lines differ from the real output; `--update` rewrites them.

    nox -s snippets -- --check snippets/activation_functions/sigmoid.py
    nox -s snippets -- snippets/activation_functions/sigmoid.py    # --update
    nox -s snippets                                                # update all

It is run as a plain script (not `-m`) so that the snippet cannot import anything
from this repository but the files beside it, exactly as `python snippet.py` would:
the tests run a copy of the snippet, and of the shared files it imports
(`snippets/digits_net.py`), in an empty directory.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import io
import re
import sys
import traceback
from pathlib import Path

OUTPUT_LINE = re.compile(r"^\s*#>( |$)")


def _is_main_guard(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.If)
        and isinstance(node.test, ast.Compare)
        and isinstance(node.test.left, ast.Name)
        and node.test.left.id == "__name__"
        and len(node.test.comparators) == 1
        and isinstance(node.test.comparators[0], ast.Constant)
        and node.test.comparators[0].value == "__main__"
    )


def _run(statements: list[ast.stmt], path: Path, namespace: dict, out: dict) -> None:
    """Execute statements in order; record what each printed under its last line."""
    for node in statements:
        if _is_main_guard(node):
            _run(node.body, path, namespace, out)
            continue
        code = compile(ast.Module([node], type_ignores=[]), str(path), "exec")
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(code, namespace)
        if buffer.getvalue():
            out[node.end_lineno] = (node.col_offset, buffer.getvalue())


def real_output(path: Path) -> dict[int, tuple[int, str]]:
    """Map each printing statement's last line number to (indent, printed text)."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    namespace = {
        "__name__": "__main__",
        "__file__": str(path),
        "__builtins__": __builtins__,
    }
    out: dict[int, tuple[int, str]] = {}
    sys.path.insert(0, str(path.parent))  # as `python path` does: files beside it
    try:
        _run(tree.body, path, namespace, out)
    finally:
        sys.path.remove(str(path.parent))
    return out


def with_output(source: str, output: dict[int, tuple[int, str]]) -> str:
    """The source with its `#>` lines replaced by `output`."""
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        if OUTPUT_LINE.match(line):
            continue
        lines.append(line)
        if number in output:
            indent, text = output[number]
            for printed in text.rstrip("\n").split("\n"):
                lines.append((" " * indent + "#> " + printed).rstrip())
    return "\n".join(lines) + "\n" if lines else ""  # an empty __init__.py stays empty


def first_difference(source: str, expected: str) -> int:
    """The line of `source` where its `#>` lines first differ from `expected`: the
    first stale `#>` line, or the printing line that lacks its output."""
    old, new = source.splitlines(), expected.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, _, _, _ in matcher.get_opcodes():
        if tag == "insert":  # output missing under line i1
            return max(i1, 1)
        if tag != "equal":
            return i1 + 1
    return 1


REPO = Path(__file__).resolve().parent.parent


def _shown(path: Path) -> str:
    """`path` relative to the repository (what `nox -s snippets -- FILE` takes), or
    absolute for a file elsewhere (the tests' copies, which they name back)."""
    try:
        return path.relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def _is_library(filename: str) -> bool:
    """A frame of Python itself or of an installed package, or of this runner."""
    path = Path(filename).resolve()
    prefixes = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)}
    return (
        filename.startswith("<")
        or path == Path(__file__).resolve()
        or any(path.is_relative_to(prefix) for prefix in prefixes)
        or "site-packages" in path.parts
    )


def _failure(shown: str, error: Exception) -> str:
    """The snippet's own error, headed by the innermost line of the snippet (or of a
    file it imports) that raised, then the traceback without library frames."""
    if isinstance(error, SyntaxError):
        return f"{shown}:{error.lineno}: SyntaxError: {error.msg}\n{error.text or ''}"
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if not _is_library(frame.filename)
    ]
    where = shown
    if frames:
        where = f"{_shown(Path(frames[-1].filename))}:{frames[-1].lineno}"
    kind = "".join(traceback.format_exception_only(error)).strip()
    return f"{where}: {kind}\n{''.join(traceback.format_list(frames))}".rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="fail if `#>` lines differ")
    mode.add_argument("--update", action="store_true", help="rewrite the `#>` lines")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)

    failed = 0
    for path in args.files:
        path = path.resolve()
        shown = _shown(path)
        source = path.read_text(encoding="utf-8")
        try:
            expected = with_output(source, real_output(path))
        except Exception as error:  # the snippet itself raised (or does not parse)
            failed += 1
            print(_failure(shown, error), file=sys.stderr)
            continue
        if expected == source:
            continue
        if args.update:
            path.write_text(expected, encoding="utf-8")
            print(f"updated {path}")
            continue
        failed += 1
        diff = difflib.unified_diff(
            source.splitlines(),
            expected.splitlines(),
            f"{shown} (#> lines in the file)",
            f"{shown} (real output)",
            lineterm="",
        )
        print("\n".join(diff), file=sys.stderr)
        line = first_difference(source, expected)
        print(
            f"{shown}:{line}: its #> lines differ from what it prints. If the new "
            f"output is right, rewrite them with: nox -s snippets -- {shown}",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
