from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(
    p for p in (REPO / "snippets").rglob("*.py") if p.name != "__init__.py"
)


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()
