"""Korean spacing next to math, code and numbers (ko-style.md, "Spacing").

A particle or copula attaches to the math, code or number before it with no space,
exactly as to a word: `$x$의`, `` `dout`을 ``, `$O(h)$입니다`, `1020번`. This test scans
the prose of every Korean page (code fences skipped) for a closing `$`, a closing
backtick or a digit, then a space (or a line break, which Markdown renders as a
space), then a token made only of particles and copula endings.
"""

import re

import pytest

from tests.conftest import rel
from tools.pages import pages

# Particles and copula forms; a token is flagged only when it is made entirely of
# these, so nouns that merely start like one (이상, 이후, 가장, 로그, 과적합, 인스턴스,
# 만들다, 도함수) pass.
PARTICLES = (
    "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "로", "으로",
    "와", "과", "도", "만", "만큼", "처럼", "보다", "까지", "부터", "마다", "밖에",
    "조차", "씩", "이나", "나", "이든", "든", "이랑", "랑",
    "입니다", "이다", "이고", "이며", "이면", "이지만", "이므로", "이라", "이라서",
    "이라면", "이라는", "이라고", "이어야", "이었습니다", "였습니다", "인", "일",
    "라", "라서", "라면", "라는", "라고", "면", "며", "지만", "므로",
)
# Counters attach to a number or a math symbol before them (`3개`, `10층`, `$N$개`).
COUNTERS = (
    "번", "번째", "개", "층", "배", "장", "판", "차원", "명", "줄", "칸", "회",
    "년", "가지", "걸음", "바이트",
)
_ALT = "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))
_COUNT = "|".join(sorted(map(re.escape, COUNTERS), key=len, reverse=True))
_END = r"(?=$|[\s.,;:!?)\]}'\"“”’…·/~-])"
PARTICLE_TOKEN = re.compile(rf"(?:{_ALT})+{_END}")
COUNTER_TOKEN = re.compile(rf"(?:{_COUNT})(?:{_ALT})*{_END}")

# What may precede the space: a closing `$` (inline math), a closing backtick, a
# digit.
BEFORE = re.compile(r"(\$|`|\d)$")
GAP = re.compile(r"(?P<before>\$|`|\d)[ \t]+(?P<token>[가-힣]+)")


def _prose_lines(page):
    """(line number, text) of every line outside code fences."""
    lines = page.path.read_text(encoding="utf-8").splitlines()
    skip = set()
    for fence in page.fences:
        skip.update(range(fence.line, fence.line + len(fence.body) + 2))
    return [(n, line) for n, line in enumerate(lines, start=1) if n not in skip]


def _is_attached_word(before, token):
    if PARTICLE_TOKEN.fullmatch(token):
        return True
    return before in "$0123456789" and bool(COUNTER_TOKEN.fullmatch(token))


def _name(page):
    try:
        return rel(page.path)
    except ValueError:
        return page.path.name


def spacing_problems(page):
    problems = []
    prose = _prose_lines(page)
    previous = ""
    for number, line in prose:
        for match in GAP.finditer(line):
            before, token = match.group("before"), match.group("token")
            if _is_attached_word(before, token):
                start = max(match.start() - 12, 0)
                problems.append(
                    f"{_name(page)}:{number}: "
                    f"'…{line[start:match.end()]}': write "
                    f"'{before}{token}' with no space"
                )
        # A line break between math/code/number and a particle is a space too
        # (display math, `$$`, ends a block and is not followed by a particle).
        head = re.match(r"\s*([가-힣]+)", line)
        last = previous.rstrip()
        tail = BEFORE.search(last) if not last.endswith("$$") else None
        if head and tail and _is_attached_word(tail.group(1), head.group(1)):
            problems.append(
                f"{_name(page)}:{number}: the line starts with '{head.group(1)}' "
                f"right after '…{last[-12:]}' on the line before: join them as "
                f"'{tail.group(1)}{head.group(1)}'"
            )
        previous = line
    return problems


KOREAN_PAGES = pages("ko")


@pytest.mark.parametrize("page", KOREAN_PAGES, ids=[p.slug for p in KOREAN_PAGES])
def test_particles_attach_to_math_code_and_numbers(page):
    problems = spacing_problems(page)
    assert not problems, (
        f"{len(problems)} particle(s) spaced away from math, code or a number "
        "(ko-style.md, Spacing):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("$x$ 의 분산", True),
        ("`dout` 을 받습니다", True),
        ("$O(h)$ 입니다.", True),
        ("호출이 1020 번이지만", True),
        ("오차는 1.0e-10 이고", True),
        ("$h$ 만큼 움직입니다", True),
        ("`1e-5` 면 됩니다", True),
        ("$x$의 분산", False),
        ("$x$ 이상이면", False),
        ("$N$ 이후의 층", False),
        ("`exp` 계산", False),
        ("`x` 로그 스케일", False),
        ("값 2 가장 큰", False),
        ("0 중심", False),
        ("1 근처면", False),
        ("10 개 층", True),
        ("샘플 $N$ 개에", True),
        ("$x$ 배치", False),
        ("ResNet-50을 배치 크기 2로", False),
        ("CS231n 2017 강의", False),
    ],
)
def test_the_spacing_check_itself(tmp_path, text, flagged):
    from tools.pages import parse

    path = tmp_path / "page.md"
    path.write_text(f"# 제목 {{ #title }}\n\n{text}\n", encoding="utf-8")
    assert bool(spacing_problems(parse(path))) is flagged
