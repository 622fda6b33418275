"""Run a snippet and check (or rewrite) the `#>` output lines written under its prints.

A snippet shows what it prints right under the statement that printed it:

    print(sigmoid(0.0))
    #> 0.5

This script runs the file as `__main__`, one top-level statement at a time (and one
statement at a time inside `if __name__ == "__main__":`), so each output line is tied
to the statement that printed it. `--check` fails with a diff when the file's `#>`
lines differ from the real output; `--update` rewrites them.

    python tools/snippet_output.py --check snippets/activation_functions/sigmoid.py
    python tools/snippet_output.py --update snippets/**/*.py

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
        source = path.read_text(encoding="utf-8")
        expected = with_output(source, real_output(path))
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
            f"{path} (#> lines in the file)",
            f"{path} (real output)",
            lineterm="",
        )
        print("\n".join(diff), file=sys.stderr)
        print(
            f"{path}: its #> lines differ from what it prints. If the new output is "
            f"right, run: python tools/snippet_output.py --update {path}",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
