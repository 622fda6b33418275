import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SNIPPETS = sorted(
    p for p in (REPO / "snippets").rglob("*.py") if p.name != "__init__.py"
)


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
