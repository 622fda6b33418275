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
    assert bool(spacing_problems(_page_of(tmp_path, text))) is flagged


def _page_of(tmp_path, text):
    """A one-heading Korean page whose body is `text`, parsed as the pages are."""
    from tools.pages import parse

    path = tmp_path / "page.md"
    path.write_text(f"# 제목 {{ #title }}\n\n{text}\n", encoding="utf-8")
    return parse(path)


# --- Line breaks (ko-style.md, "Line breaks in the Markdown source") -----------------
# A line break inside a paragraph renders as a space, so a Korean line may end only
# where a space belongs. The next line must not start with what attaches to the end of
# the line before: a particle or copula (`…(0.969~0.983)⏎입니다`), a counter or unit
# after a number (`20⏎에폭`, `2⏎퍼센트포인트`), or an opening parenthesis after a word
# (`묶음⏎(bracket)을`, `입니다⏎([위](…))`). A line that ends a sentence or a clause
# (`.`, `,`, `:` …) may be followed by anything.
#
# After a word, the particles that are also everyday words at the start of a phrase
# (이 "this", 나 "I", 일 "work", 인, 라, 면, 며) are left out: `…보면⏎이 값은` is fine.
AMBIGUOUS_AFTER_WORD = {
    "이", "나", "일", "인", "라", "면", "며",
    "라서", "라면", "라는", "라고", "지만", "므로",
}
_CLEAR = "|".join(
    sorted(
        (re.escape(p) for p in PARTICLES if p not in AMBIGUOUS_AFTER_WORD),
        key=len,
        reverse=True,
    )
)
CLEAR_PARTICLE_TOKEN = re.compile(rf"(?:{_CLEAR})(?:{_ALT})*")
# Counters and units that attach to a number before them.
UNITS = COUNTERS + (
    "에폭", "단계", "퍼센트포인트", "퍼센트", "%p", "배치", "초", "분", "시간", "비트",
    "픽셀", "점", "위", "등", "쌍", "단위", "자리", "행", "열",
)
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
UNIT_HEAD = re.compile(rf"(?:{_UNIT})(?:{_ALT})*(?=$|[\s.,;:!?)\]]|[가-힣])")
HEAD = re.compile(r"([가-힣]+)")
# A line that starts a new block rather than continuing the paragraph.
NEW_BLOCK = re.compile(
    r"^\s*(?:[-*+]\s|\d+[.)]\s|#|\||!!!|\?\?\?|///|<|>|\$\$|\{|\[\^)"
)
# What may end a line before a break: the end of a sentence or clause.
CLAUSE_END = re.compile(r"[.,;:!?。…]['\"”’)]*$|\$\$$")


def break_problems(numbered_lines, name):
    """Problems in consecutive lines of one text: (number, line) pairs in order."""
    problems = []
    previous = ""
    for number, line in numbered_lines:
        last = previous.rstrip()
        text = line.strip()
        continues = (
            last
            and text
            and not NEW_BLOCK.match(line)
            and not ENDS_BLOCK.match(last)
            and not CLAUSE_END.search(last)
        )
        if continues:
            word = HEAD.match(text)
            after_word = bool(re.search(r"[가-힣A-Za-z]$", last))
            after_number = bool(re.search(r"[\d$`%]$", last))
            why = None
            if text.startswith("("):
                # after Hangul: `배치 정규화(batch normalization)`, `입니다([위](…))`;
                # after Latin or a number a space may belong (`He et al. (2015)`)
                if re.search(r"[가-힣]$", last):
                    why = "an opening parenthesis"
            elif word and PARTICLE_TOKEN.fullmatch(word.group(1)):
                token = word.group(1)
                if not after_word or CLEAR_PARTICLE_TOKEN.fullmatch(token):
                    why = f"the particle '{token}'"
            elif after_number and UNIT_HEAD.match(text):
                why = f"the counter '{UNIT_HEAD.match(text).group(0)}'"
            if why:
                problems.append(
                    f"{name}:{number}: the line starts with {why} right after "
                    f"'…{last[-16:]}': Markdown renders the break as a space; "
                    "move the break to a space"
                )
        previous = line if line.strip() else ""
    return problems


# A line after which a new block starts: a heading, an admonition's title, a caption
# fence, a table row, a figure.
ENDS_BLOCK = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?\?\?|///|\||!\[|===)")


def page_break_problems(page):
    return break_problems(_prose_lines_with_gaps(page), _name(page))


def _prose_lines_with_gaps(page):
    # A code fence between two lines ends the paragraph: put a blank line there.
    lines = page.path.read_text(encoding="utf-8").splitlines()
    skip = set()
    for fence in page.fences:
        skip.update(range(fence.line, fence.line + len(fence.body) + 2))
    return [
        (n, "" if n in skip else line) for n, line in enumerate(lines, start=1)
    ]


def yaml_break_problems(path):
    """The Korean values of a YAML file: a folded or plain scalar over several lines
    is joined with spaces, exactly like a Markdown paragraph."""
    problems = []
    block = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        key = re.match(r"^(\s*)(?:- )?([\w-]+):(.*)$", line)
        if key:
            problems += break_problems(block, _file_name(path))
            block = []
            value = key.group(3).strip()
            korean_key = key.group(2).startswith("ko")
            if korean_key and value not in (">-", ">", "|", "|-"):
                block = [(number, value)]
            elif korean_key:
                block = [(number, "")]
            else:
                block = []
        elif block:
            block.append((number, line))
    problems += break_problems(block, _file_name(path))
    return problems


def _file_name(path):
    try:
        return rel(path)
    except ValueError:
        return path.name


@pytest.mark.parametrize("page", KOREAN_PAGES, ids=[p.slug for p in KOREAN_PAGES])
def test_no_line_break_where_no_space_belongs(page):
    problems = page_break_problems(page)
    assert not problems, (
        f"{len(problems)} line break(s) inside a word or before a particle, counter "
        "or '(' (ko-style.md, Line breaks):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("name", ["glossary.yml", "descriptions.yml"])
def test_no_line_break_where_no_space_belongs_in_the_yaml(name):
    from tools.pages import DOCS

    problems = yaml_break_problems(DOCS / name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "text, flagged",
    [
        # the breaks quoted in issue 19
        ("학습률 0.1로 20\n에폭 훈련합니다.", True),
        ("범위 안(0.969~0.983)\n입니다.", True),
        ("차이는 2\n퍼센트포인트입니다.", True),
        ("이 묶음\n(bracket)을 봅니다.", True),
        ("위에서 본 값입니다\n([위](#top)).", True),
        ("상대 오차\n의 크기는", True),
        ("상대 오차가\n의미 있는 값은", False),
        ("기울기 검증\n으로 확인합니다.", True),
        ("모두 3\n층으로 쌓습니다.", True),
        ("$N$\n개의 샘플", True),
        ("`dout`\n을 받습니다.", True),
        # a break where a space belongs
        ("학습률 0.1로 20에폭\n훈련합니다.", False),
        ("값을 보면\n이 값은 작습니다.", False),
        ("끝난 문장입니다.\n(참고로 이 값은 작습니다.)", False),
        ("끝난 문장입니다.\n입니다라는 말은 없습니다.", False),
        ("쉼표 뒤에는,\n(괄호) 가능합니다.", False),
        ("층마다 다릅니다\n- 목록은 새 블록입니다.", False),
        ("반복이 끝나면\n에폭마다 기록합니다.", False),
        ("100\n에폭마다 기록합니다.", True),
        ("분산이\n줄어듭니다.", False),
        ("$\\epsilon$이 하는\n일입니다.", False),
        ("He et al.\n(2015)", False),
        ("arXiv:1506.01186\n(WACV 2017)", False),
        ('!!! note "PyTorch로 옮길 때"\n    이 사이트는', False),
    ],
)
def test_the_line_break_check_itself(tmp_path, text, flagged):
    assert bool(page_break_problems(_page_of(tmp_path, text))) is flagged


def test_the_yaml_line_break_check_itself(tmp_path):
    path = tmp_path / "d.yml"
    path.write_text(
        "index:\n  ko: >-\n    한 줄이 끝나고 20\n    에폭 훈련합니다.\n"
        "  en: >-\n    twenty\n    (epochs)\nother:\n  ko: >-\n    다음 줄로\n"
        "    넘어가도 괜찮습니다.\n",
        encoding="utf-8",
    )
    problems = yaml_break_problems(path)
    assert len(problems) == 1 and ":4:" in problems[0]
