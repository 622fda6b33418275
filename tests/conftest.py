import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(
    p for p in (REPO / "snippets").rglob("*.py") if p.name != "__init__.py"
)


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def shared_imports(snippet: Path) -> list[Path]:
    """The shared files at the top of snippets/ (e.g. digits_net.py) that `snippet`
    imports by plain name, directly or through each other: what a reader copies
    beside it."""
    found: list[Path] = []
    todo = [snippet]
    while todo:
        tree = ast.parse(todo.pop().read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                shared = REPO / "snippets" / f"{name}.py"
                if shared.is_file() and shared not in found:
                    found.append(shared)
                    todo.append(shared)
    return found
