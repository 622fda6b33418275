"""The glossary: one table (docs/glossary.yml) renders both languages' pages."""

import pytest

from hooks import glossary
from tools.pages import DOCS, LANGS

ENTRIES = glossary.entries()
FIELDS = ("en", "ko", "en_def", "ko_def", "where")


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["en"] for e in ENTRIES])
def test_every_entry_is_complete_and_points_at_a_heading_of_both_languages(entry):
    missing = [field for field in FIELDS if not str(entry.get(field, "")).strip()]
    assert not missing, f"docs/glossary.yml, {entry.get('en')}: fill in {missing}"
    page, _, anchor = entry["where"].partition("#")
    for lang in LANGS:
        assert anchor in glossary.headings(lang, page), (
            f"docs/glossary.yml, {entry['en']}: docs/{lang}/{page}.md has no heading "
            f"with id #{anchor}"
        )


def test_terms_are_unique_in_both_languages():
    for lang in LANGS:
        terms = [entry[lang] for entry in ENTRIES]
        doubled = sorted({t for t in terms if terms.count(t) > 1})
        assert not doubled, f"docs/glossary.yml: {lang} terms listed twice: {doubled}"


def test_regularization_is_never_called_normalization_in_korean():
    for entry in ENTRIES:
        if "regulariz" in entry["en"]:
            assert "정규화" not in entry["ko"], f"{entry['en']}: 규제, not 정규화"


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_gets_one_row_per_term_sorted_by_its_own_terms(lang):
    other = "ko" if lang == "en" else "en"
    rows = glossary.table(lang).splitlines()[2:]
    assert len(rows) == len(ENTRIES)
    firsts = [row.split(" | ")[0].strip("|* ") for row in rows]
    assert firsts == sorted((e[lang] for e in ENTRIES), key=str.lower)
    for entry in ENTRIES:
        row = next(r for r in rows if r.startswith(f"| **{entry[lang]}** |"))
        assert entry[other] in row and f"({entry['where'].replace('#', '.md#')})" in row
        # marked with its language: Hangul stays whole on the English page
        assert f'<span lang="{other}">{entry[other]}</span>' in row


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_page_keeps_the_place_of_the_table(lang):
    text = (DOCS / lang / "glossary.md").read_text(encoding="utf-8")
    assert glossary.MARKER in text, f"docs/{lang}/glossary.md: keep {glossary.MARKER}"
