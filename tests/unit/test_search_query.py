"""The search box: typed text → FTS5 MATCH expression, and what a citizen's index entry holds."""

from __future__ import annotations

import json
import sqlite3
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from embassy_desk.domain import translit
from embassy_desk.storage.search_index import build_match, document

# The same columns, prefix indexes and tokenizer as the citizen_fts table of migration 0001
# (without contentless_delete, which the stdlib SQLite may be too old for).
FTS_DDL = """CREATE VIRTUAL TABLE t USING fts5(
    names, docs, phone_rev, content='', prefix='2 3 4',
    tokenize="unicode61 remove_diacritics 0 tokenchars '_'")"""

AIGERIM = {
    "surname": "Нурланова",
    "given_names": "Айгерим",
    "patronymic": "Серикқызы",
    "surname_latin": "NURLANOVA",
    "given_names_latin": "AIGERIM",
    "passport_number": "N12345678",
    "national_id": "980314400046",
    "phones": json.dumps(
        [
            {"number": "+821012345678", "kind": "mobile"},
            {"number": "+77012345678", "kind": "home"},
        ]
    ),
}
OTHER = {
    "surname_latin": "KIM",
    "given_names_latin": "MINJUN",
    "passport_number": "M98765432",
    "phones": json.dumps([{"number": "+8223123456", "kind": "home"}]),
}


def _connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(FTS_DDL)
    except sqlite3.OperationalError:
        conn.close()
        import sqlcipher3

        fallback: sqlite3.Connection = sqlcipher3.connect(":memory:")
        fallback.execute(FTS_DDL)
        return fallback
    return conn


@cache
def fts() -> sqlite3.Connection:
    """An in-memory FTS5 table holding AIGERIM as rowid 1 and OTHER as rowid 2."""
    conn = _connect()
    for rid, fields in ((1, AIGERIM), (2, OTHER)):
        conn.execute(
            "INSERT INTO t(rowid, names, docs, phone_rev) VALUES (?, ?, ?, ?)",
            (rid, *document(fields)),
        )
    return conn


def search(query: str) -> list[int]:
    match = build_match(query)
    if match is None:
        return []
    rows = fts().execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (match,))
    return [int(row[0]) for row in rows]


# --- the expression is always safe to run --------------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(st.text())
@example('AND OR NOT "x" * NEAR(a b) ^c names:d')
@example('"')
@example("-")
@example("*")
@example("١٢٣٤")
@example("²³⁴")
@example("a'")
@example("ǅ1")
def test_any_text_gives_none_or_a_runnable_expression(query: str) -> None:
    match = build_match(query)
    assert match is None or isinstance(match, str)
    if match is not None:
        fts().execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789 -+().N", max_size=25))
def test_phone_like_text_gives_runnable_expression(query: str) -> None:
    match = build_match(query)
    if match is not None:
        fts().execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()


@pytest.mark.parametrize("query", ["", "   ", "-", "()", "12", "+7", "'", "_"])
def test_nothing_searchable_gives_none(query: str) -> None:
    assert build_match(query) is None


def test_operators_are_searched_as_text() -> None:
    # Each typed word is a quoted prefix term: OR is a name to look for, not an operator.
    assert build_match('NEAR OR "x') == 'names : "near"* AND names : "or"* AND names : "kh"*'
    assert search("OR") == []
    assert search("aigerim OR kim") == []


# --- digits: phones and document numbers --------------------------------------------------------


def test_digits_search_reversed_phone_prefix_and_docs() -> None:
    assert build_match("5678") == '(docs : "5678"* OR phone_rev : "8765"*)'


def test_national_number_drops_trunk_zero() -> None:
    # 010-1234-5678 is stored as +82 10 1234 5678: reversed, the trunk 0 would be in the way.
    match = build_match("010-1234-5678")
    assert match == '(docs : "01012345678"* OR phone_rev : "8765432101"*)'


def test_short_number_keeps_leading_zero() -> None:
    assert build_match("0123") == '(docs : "0123"* OR phone_rev : "3210"*)'
    assert build_match("01234567") == '(docs : "01234567"* OR phone_rev : "76543210"*)'


def test_nine_digit_national_number_drops_trunk_zero() -> None:
    assert build_match("023123456") == '(docs : "023123456"* OR phone_rev : "65432132"*)'


def test_all_zero_number_searches_docs_only() -> None:
    assert build_match("000000000") == '(docs : "000000000"*)'


def test_international_number_punctuation_ignored() -> None:
    assert build_match("+82 (10) 1234.5678") == ('(docs : "821012345678"* OR phone_rev : "876543210128"*)')


@pytest.mark.parametrize(
    "query",
    [
        "010-1234-5678",
        "+82 10 1234 5678",
        "5678",
        "701 234 56 78",
        "+7 701 234 5678",
        "N1234",
        "980314",
    ],
)
def test_phone_and_document_queries_find_the_citizen(query: str) -> None:
    assert search(query) == [1]


def test_kazakh_number_in_national_form_finds_the_citizen() -> None:
    assert search("8 701 234 56 78") == [1]


def test_host_landline_found_by_national_form() -> None:
    assert search("02-312-3456") == [2]


# --- words --------------------------------------------------------------------------------------


def test_passport_like_token_goes_to_docs() -> None:
    assert build_match("N12345678") == 'docs : "n12345678"*'


def test_name_and_document_combined_with_and() -> None:
    assert build_match("Aigerim n123") == 'names : "aigerim"* AND docs : "n123"*'


def test_name_words_become_search_key_prefixes() -> None:
    assert build_match("Айгерим") == f'names : "{translit.search_key("Айгерим")}"*'


@pytest.mark.parametrize(
    "query", ["Айгерим", "AIGERIM", "Aygerim", "Ajgerim", "айг", "Нурлан", "aigerim nurlanova"]
)
def test_name_in_any_script_finds_the_citizen(query: str) -> None:
    assert search(query) == [1]


def test_name_and_wrong_document_finds_nobody() -> None:
    assert search("Aigerim M987") == []


# --- the indexed document -----------------------------------------------------------------------


def test_document_indexes_every_name_field_as_keys() -> None:
    names, _, _ = document(
        {
            "surname": "Нурланова",
            "given_names": "Айгерим",
            "patronymic": "Серикқызы",
            "surname_latin": "NURLANOVA-KIM",
            "given_names_latin": "AIGERIM",
        }
    )
    tokens = names.split()
    for word in ("nurlanova", "aigerim", "kim", translit.search_key("Серикқызы")):
        assert word in tokens
    assert len(tokens) == len(set(tokens))


def test_document_docs_and_phones() -> None:
    names, docs, phone_rev = document(AIGERIM)
    assert docs.split() == ["n12345678", "980314400046"]
    assert phone_rev.split() == ["876543210128", "87654321077"]
    assert names


def test_document_of_empty_record() -> None:
    assert document({}) == ("", "", "")


def test_document_without_phones_or_documents() -> None:
    names, docs, phone_rev = document({"surname_latin": "KIM", "phones": None})
    assert (names, docs, phone_rev) == ("kim", "", "")
