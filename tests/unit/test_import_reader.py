"""Reading citizen spreadsheets: encodings, delimiters, headers, XLSX cells, row numbers, errors.

Every file here is written to disk the way real programs write it (Excel's "Unicode text" is
UTF-16 LE with a BOM and tabs; old Russian Windows CSV is cp1251 with semicolons) and then
read back through ``open_table``.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
import time
from collections import deque
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from embassy_desk.domain.errors import ValidationError
from embassy_desk.importing.headers import (
    FIELDS,
    FULL_NAME,
    header_aliases,
    map_headers,
    match_header,
    normalize_header,
)
from embassy_desk.importing.tabular import (
    SNIFF_BYTES,
    SourceRow,
    TableSource,
    detect_delimiter,
    detect_encoding,
    open_table,
    parse_mapping_option,
    split_full_name,
)

# --------------------------------------------------------------------------- helpers


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    lineterminator: str = "\r\n",
) -> Path:
    """Write rows as csv.writer does (quotes only where needed), in ``encoding``."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def read_all(path: Path, mapping: dict[str, str] | None = None) -> tuple[TableSource, list[SourceRow]]:
    source = open_table(path, mapping=mapping)
    return source, list(source.rows())


def values_by_number(rows: list[SourceRow]) -> dict[int, dict[str, str]]:
    return {row.number: row.values for row in rows}


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Surname", "surname"),
        ("Last name", "surname"),
        ("Фамилия", "surname"),
        ("Тегі", "surname"),
        ("Тегi", "surname"),  # Kazakh і typed as Latin i
        ("  ФАМИЛИЯ:* ", "surname"),
        ("Тегі / Фамилия", "surname"),
        ("Фамилия\nТегі", "surname"),
        ("Given names", "given_names"),
        ("First name", "given_names"),
        ("Имя", "given_names"),
        ("Аты", "given_names"),
        ("Отчество", "patronymic"),
        ("Отчёство", "patronymic"),  # ё and е are one letter to staff
        ("Әкесінің аты", "patronymic"),
        ("Фамилия (латиница)", "surname_latin"),
        ("Date of birth", "birth_date"),
        ("DOB", "birth_date"),
        ("D.O.B.", "birth_date"),
        ("Дата рождения", "birth_date"),
        ("Дата рождения (дд.мм.гггг)", "birth_date"),
        ("Туған күні", "birth_date"),
        ("ИИН", "national_id"),
        ("ЖСН", "national_id"),
        ("IIN", "national_id"),
        ("ИИН/ЖСН", "national_id"),
        ("Паспорт", "passport_number"),
        ("№ паспорта", "passport_number"),
        ("№паспорта", "passport_number"),
        ("Төлқұжат нөмірі", "passport_number"),
        ("Passport No.", "passport_number"),
        ("Телефон", "phone"),
        ("Phone", "phone"),
        ("Mobile", "phone"),
        ("Телефон 2", "phone2"),
        ("Регион", "region"),
        ("Область", "region"),
        ("Өңір", "region"),
        ("Province", "region"),
        ("Адрес", "address"),
        ("Мекенжай", "address"),
        ("Цель пребывания", "purpose_of_stay"),
        ("Purpose", "purpose_of_stay"),
        ("Пол", "sex"),
        ("Жынысы", "sex"),
        ("Sex", "sex"),
        ("Gender", "sex"),
        ("E-mail", "email"),
        ("Email", "email"),
        ("Эл. почта", "email"),
        ("ФИО", FULL_NAME),
        ("Ф.И.О.", FULL_NAME),
        ("Аты-жөні", FULL_NAME),
        ("Full name", FULL_NAME),
        ("passport_expiry_date", "passport_expiry_date"),
        ("Примечание", "notes"),
    ],
)
def test_match_header_knows_staff_headers(text: str, expected: str) -> None:
    assert match_header(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "№ п/п", "Колонка 7", "Фамилия / Имя / Телефон"])
def test_match_header_unknown(text: str) -> None:
    assert match_header(text) is None


def test_every_alias_matches_its_own_field() -> None:
    aliases = header_aliases()
    assert set(aliases) == {*FIELDS, FULL_NAME}
    for field_name, texts in aliases.items():
        assert match_header(field_name) == field_name
        for text in texts:
            assert match_header(text) == field_name, text


def test_normalize_header_ignores_punctuation_case_spaces_and_yo() -> None:
    assert normalize_header("  Ёлка-Ель №: ") == normalize_header("елкаель")
    assert normalize_header("Given   names*") == normalize_header("given names")


def test_map_headers_keeps_first_of_duplicates() -> None:
    columns, unmapped = map_headers(["ФИО", "Телефон", "Колонка", "", "Phone", "ИИН"])
    assert columns == {0: FULL_NAME, 1: "phone", 5: "national_id"}
    assert unmapped == ["Колонка", "Phone"]


# --------------------------------------------------------------------------- sniffing


def test_detect_encoding_boms_and_fallbacks() -> None:
    assert detect_encoding("\ufeffФамилия".encode()) == "utf-8-sig"
    assert detect_encoding("Фамилия\tИмя\r\n".encode("utf-16")) == "utf-16"
    assert detect_encoding(b"\xfe\xff" + "Фамилия".encode("utf-16-be")) == "utf-16"
    assert detect_encoding("Фамилия\tИмя\r\nИванов\tИван\r\n".encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding("Surname,Given names\r\n".encode("utf-16-be")) == "utf-16-be"
    assert detect_encoding("Фамилия;Имя".encode()) == "utf-8"
    assert detect_encoding(b"Surname,Given names") == "utf-8"
    assert detect_encoding("Фамилия;Имя".encode("cp1251")) == "cp1251"
    assert detect_encoding(b"") == "utf-8"


def test_detect_encoding_multibyte_char_cut_at_sniff_boundary() -> None:
    cut = b"x" * (SNIFF_BYTES - 1) + "ж".encode() + b"\r\n"
    assert detect_encoding(cut) == "utf-8"
    # The same truncated byte at the real end of the file is not UTF-8.
    assert detect_encoding(b"x" * (SNIFF_BYTES - 1) + b"\xd0") == "cp1251"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Surname,Given names,Address\nIvanov,Ivan,"Abai st, 5"\n', ","),
        ("Фамилия;Имя;Адрес\nИванов;Иван;ул. Абая, д. 5\nПетров;Пётр;ул. Ленина, 1\n", ";"),
        ("Фамилия\tИмя\tАдрес\nИванов\tИван\tул. Абая, д. 5; кв. 3\n", "\t"),
        ("sep=;\nФамилия,имя;Телефон\n", ";"),
        ("ФИО\nИванов Иван\n", ","),
        ('Name;Notes\nIvanov;"a,b,c\nd,e"\nPetrov;x\n', ";"),
    ],
)
def test_detect_delimiter(text: str, expected: str) -> None:
    assert detect_delimiter(text) == expected


# --------------------------------------------------------------------------- CSV variants

PEOPLE = [
    ["Иванов", "Иван", "01.03.1990", "900301300123"],
    ["Нұрланова", "Әйгерім", "15.12.2001", "011215600456"],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "headers", "suffix"),
    [
        ("utf-8", ",", ["Surname", "Given names", "Date of birth", "IIN"], ".csv"),
        ("utf-8-sig", ";", ["Фамилия", "Имя", "Дата рождения", "ИИН"], ".csv"),
        ("utf-16", "\t", ["Тегі", "Аты", "Туған күні", "ЖСН"], ".txt"),
        ("utf-16-le", "\t", ["Тегі", "Аты", "Туған күні", "ЖСН"], ".txt"),
        ("utf-8", "\t", ["Тегі / Фамилия", "Имя", "DOB", "ИИН/ЖСН"], ".tsv"),
    ],
)
def test_csv_encodings_delimiters_languages(
    tmp_path: Path, encoding: str, delimiter: str, headers: list[str], suffix: str
) -> None:
    path = write_csv(tmp_path / f"list{suffix}", [headers, *PEOPLE], encoding=encoding, delimiter=delimiter)
    source, rows = read_all(path)
    assert source.kind == "csv"
    assert source.delimiter == delimiter
    assert source.encoding == encoding
    assert source.unmapped == []
    assert [row.number for row in rows] == [2, 3]
    assert rows[1].values == {
        "surname": "Нұрланова",
        "given_names": "Әйгерім",
        "birth_date": "15.12.2001",  # dates stay as typed; validation parses them
        "national_id": "011215600456",
    }


def test_cp1251_semicolons_from_old_windows(tmp_path: Path) -> None:
    rows_in = [
        ["Фамилия", "Имя", "Отчество", "Пол", "Телефон", "Адрес"],
        ["Сидорова", "Алёна", "Петровна", "жен.", "+7 701 123-45-67", "ул. Абая, 5"],
    ]
    path = write_csv(tmp_path / "old.csv", rows_in, encoding="cp1251", delimiter=";")
    source, rows = read_all(path)
    assert (source.encoding, source.delimiter) == ("cp1251", ";")
    assert rows == [
        SourceRow(
            2,
            {
                "surname": "Сидорова",
                "given_names": "Алёна",
                "patronymic": "Петровна",
                "sex": "жен.",
                "phone": "+7 701 123-45-67",
                "address": "ул. Абая, 5",
            },
        )
    ]


def test_mixed_language_headers_and_unmapped(tmp_path: Path) -> None:
    header = ["№ п/п", "Тегі / Фамилия", "First name", "Жынысы", "Phone", "Телефон", "Комната"]
    path = write_csv(tmp_path / "mixed.csv", [header, ["1", "Ким", "Анна", "Ж", "1", "2", "7"]])
    source, rows = read_all(path)
    assert source.mapping == {
        "Тегі / Фамилия": "surname",
        "First name": "given_names",
        "Жынысы": "sex",
        "Phone": "phone",
    }
    assert source.unmapped == ["№ п/п", "Телефон", "Комната"]
    assert rows[0].values == {"surname": "Ким", "given_names": "Анна", "sex": "Ж", "phone": "1"}


def test_quoted_delimiter_newline_blank_rows_and_row_numbers(tmp_path: Path) -> None:
    text = (
        "Фамилия;Имя;Примечание\r\n"  # line 1
        'Иванов;Иван;"диабет; нужен инсулин\r\nзвонить после 18:00"\r\n'  # lines 2-3
        "Петров;Пётр;\r\n"  # line 4
        "\r\n"  # line 5: blank
        ";;\r\n"  # line 6: empty cells only
        '"Сидоров";"Сидор";"три\nстроки\nтекста"\r\n'  # lines 7-9
        "Ахметов;Ерлан;лишние;ячейки;игнорируются\r\n"  # line 10
        "Ким\r\n"  # line 11: short row
    )
    path = tmp_path / "notes.csv"
    path.write_text(text, encoding="utf-8", newline="")
    _, rows = read_all(path)
    assert values_by_number(rows) == {
        2: {
            "surname": "Иванов",
            "given_names": "Иван",
            "notes": "диабет; нужен инсулин\r\nзвонить после 18:00",
        },
        4: {"surname": "Петров", "given_names": "Пётр"},
        7: {"surname": "Сидоров", "given_names": "Сидор", "notes": "три\nстроки\nтекста"},
        10: {"surname": "Ахметов", "given_names": "Ерлан", "notes": "лишние"},
        11: {"surname": "Ким"},
    }


def test_values_are_stripped_and_empty_cells_omitted(tmp_path: Path) -> None:
    path = tmp_path / "spaces.csv"
    path.write_text("Surname, Given names ,Email\n  Ivanov \t,\u00a0Ivan ,   \n", encoding="utf-8")
    _, rows = read_all(path)
    assert rows == [SourceRow(2, {"surname": "Ivanov", "given_names": "Ivan"})]


def test_title_rows_before_header(tmp_path: Path) -> None:
    rows_in = [
        ["Список граждан РК, состоящих на консульском учёте", "", ""],
        ["по состоянию на 01.02.2025", "", ""],
        ["Фамилия", "Имя", "Телефон"],
        ["Иванов", "Иван", "+77011234567"],
    ]
    path = write_csv(tmp_path / "titled.csv", rows_in, delimiter=";")
    source, rows = read_all(path)
    assert source.header_row == 3
    assert rows == [SourceRow(4, {"surname": "Иванов", "given_names": "Иван", "phone": "+77011234567"})]


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text("sep=;\r\nФамилия;Имя\r\nИванов;Иван\r\n", encoding="utf-8")
    source, rows = read_all(path)
    assert (source.delimiter, source.header_row) == (";", 2)
    assert rows == [SourceRow(3, {"surname": "Иванов", "given_names": "Иван"})]


def test_classic_mac_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes("Фамилия;Имя\rИванов;Иван\rПетров;Пётр\r".encode("cp1251"))
    _, rows = read_all(path)
    assert [row.number for row in rows] == [2, 3]


def test_rows_are_lazy_and_repeatable(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [["Surname"], ["A"], ["B"]])
    source = open_table(path)
    iterator = source.rows()
    assert inspect.isgenerator(iterator)
    assert next(iterator) == SourceRow(2, {"surname": "A"})
    assert [row.values["surname"] for row in source.rows()] == ["A", "B"]


# --------------------------------------------------------------------------- full name


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Иванов Иван Иванович",
            {"surname": "Иванов", "given_names": "Иван", "patronymic": "Иванович"},
        ),
        ("Ким Анна", {"surname": "Ким", "given_names": "Анна"}),
        (
            "Нұрланов Асқар Серік ұлы",
            {"surname": "Нұрланов", "given_names": "Асқар", "patronymic": "Серік ұлы"},
        ),
        ("Иванов,  Иван", {"surname": "Иванов", "given_names": "Иван"}),
        ("IVANOV IVAN", {"surname_latin": "IVANOV", "given_names_latin": "IVAN"}),
        ("Smith, Anna Maria", {"surname_latin": "Smith", "given_names_latin": "Anna Maria"}),
        ("Madonna", {"surname_latin": "Madonna"}),
        ("12345", {}),
        ("", {}),
    ],
)
def test_split_full_name(value: str, expected: dict[str, str]) -> None:
    assert split_full_name(value) == expected


def test_full_name_column_fills_name_fields_by_script(tmp_path: Path) -> None:
    rows_in = [
        ["ФИО", "ИИН"],
        ["Иванов Иван Иванович", "900301300123"],
        ["IVANOVA ANNA", ""],
    ]
    _, rows = read_all(write_csv(tmp_path / "fio.csv", rows_in))
    assert [row.values for row in rows] == [
        {
            "surname": "Иванов",
            "given_names": "Иван",
            "patronymic": "Иванович",
            "national_id": "900301300123",
        },
        {"surname_latin": "IVANOVA", "given_names_latin": "ANNA"},
    ]


def test_full_name_does_not_override_separate_columns(tmp_path: Path) -> None:
    rows_in = [["Фамилия", "Имя", "ФИО"], ["Иванов", "Иван", "Петров Пётр"], ["", "", "ADAMS JOHN"]]
    source, rows = read_all(write_csv(tmp_path / "both.csv", rows_in))
    assert source.mapping["ФИО"] == FULL_NAME
    assert [row.values for row in rows] == [
        {"surname": "Иванов", "given_names": "Иван"},
        {"surname_latin": "ADAMS", "given_names_latin": "JOHN"},
    ]
    rows_in = [["Фамилия", "Имя", "Surname (Latin)", "ФИО"], ["Иванов", "Иван", "IVANOV", "x"]]
    source, rows = read_all(write_csv(tmp_path / "all.csv", rows_in))
    assert "ФИО" in source.unmapped
    assert FULL_NAME not in source.mapping.values()


# --------------------------------------------------------------------------- mapping


def test_explicit_mapping_overrides_and_ignores(tmp_path: Path) -> None:
    rows_in = [
        ["Фамилия", "Имя", "Моб.", "Телефон", "Служебное", "Колонка X"],
        ["Иванов", "Иван", "+7701", "+7727", "секрет", "Алматы"],
    ]
    path = write_csv(tmp_path / "m.csv", rows_in)
    mapping = {"моб": "phone", "Телефон": "phone2", "Служебное": "-", "колонка x": "city"}
    source, rows = read_all(path, mapping=mapping)
    assert source.unmapped == []
    assert rows[0].values == {
        "surname": "Иванов",
        "given_names": "Иван",
        "phone": "+7701",
        "phone2": "+7727",
        "city": "Алматы",
    }


def test_explicit_mapping_wins_over_automatic_match_elsewhere(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Phone", "Surname", "Cell 2"], ["1", "A", "2"]])
    source, rows = read_all(path, mapping={"Cell 2": "phone"})
    assert rows[0].values == {"surname": "A", "phone": "2"}
    assert source.unmapped == ["Phone"]


def test_bad_mapping_names_the_fields(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", [["Surname"], ["A"]])
    with pytest.raises(ValidationError) as caught:
        open_table(path, mapping={"Surname": "family"})
    assert caught.value.field == "mapping"
    assert "names no field 'family'" in caught.value.message
    assert "given_names" in caught.value.message


def test_parse_mapping_option_inline() -> None:
    assert parse_mapping_option("Фамилия гражданина=surname, Моб. тел = phone,Служебное=-") == {
        "Фамилия гражданина": "surname",
        "Моб. тел": "phone",
        "Служебное": "-",
    }
    assert parse_mapping_option("Фамилия, имя=full_name,Тел=Phone2") == {
        "Фамилия, имя": FULL_NAME,
        "Тел": "phone2",
    }


def test_parse_mapping_option_json_file(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"Фамилия": "surname", "Лишнее": "-"}), encoding="utf-8-sig")
    assert parse_mapping_option(str(path)) == {"Фамилия": "surname", "Лишнее": "-"}


@pytest.mark.parametrize(
    "text",
    ["", "surname", "Фамилия=", "=surname", "Фамилия=surnam", "A=surname,B", "A=b=c"],
)
def test_parse_mapping_option_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_mapping_option(text)
    assert caught.value.field == "mapping"


def test_parse_mapping_option_bad_json(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{'Фамилия': 'surname'}", encoding="utf-8")
    listed = tmp_path / "list.json"
    listed.write_text('["surname"]', encoding="utf-8")
    for path in (broken, listed, tmp_path / "missing.json"):
        with pytest.raises(ValidationError) as caught:
            parse_mapping_option(str(path))
        assert caught.value.field == "mapping"


# --------------------------------------------------------------------------- errors


def test_no_recognisable_header_lists_headers_and_suggests_mapping(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["Колонка 1", "Колонка 2"], ["a", "b"]])
    with pytest.raises(ValidationError) as caught:
        open_table(path)
    assert caught.value.field == "header"
    assert "'Колонка 1', 'Колонка 2'" in caught.value.message
    assert "--mapping" in caught.value.message
    # ...and the suggested fix works.
    _, rows = read_all(path, mapping={"Колонка 1": "surname"})
    assert rows == [SourceRow(2, {"surname": "a"})]


def test_no_name_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["Телефон", "ИИН"], ["1", "2"]])
    with pytest.raises(ValidationError) as caught:
        open_table(path)
    assert caught.value.field == "header"
    assert "name" in caught.value.message


def test_missing_directory_and_empty_files(tmp_path: Path) -> None:
    blank = tmp_path / "blank.csv"
    blank.write_text(" \r\n;;\r\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    bom_only = tmp_path / "bom.csv"
    bom_only.write_bytes(b"\xef\xbb\xbf")
    for path in (tmp_path / "nope.csv", tmp_path, blank, empty, bom_only):
        with pytest.raises(ValidationError) as caught:
            open_table(path)
        assert caught.value.field == "file", path


def test_undecodable_bytes_name_the_row(tmp_path: Path) -> None:
    lines = ["Фамилия;Имя"] + [f"Иванов{i};Иван" for i in range(6000)]  # > SNIFF_BYTES
    good = ("\r\n".join(lines) + "\r\n").encode()
    assert len(good) > SNIFF_BYTES
    path = tmp_path / "mixed.csv"
    path.write_bytes(good + "Петров;Пётр\r\n".encode("cp1251") + "Ким;Анна\r\n".encode())
    source = open_table(path)
    assert source.encoding == "utf-8"
    with pytest.raises(ValidationError) as caught:
        list(source.rows())
    assert caught.value.field == "file"
    assert caught.value.row == len(lines) + 1
    # Every row of the minority kind is named, and the rows of the other kind counted.
    assert caught.value.code == "import.mixed_encoding"
    assert f"rows {len(lines) + 1} are Windows-1251" in caught.value.message
    assert f"… ({len(lines) + 1}) are UTF-8" in caught.value.message


def test_byte_undefined_in_cp1251(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("Фамилия;Имя\r\nИванов;Иван\r\n".encode("cp1251") + b"\x98;x\r\n")
    with pytest.raises(ValidationError) as caught:
        list(open_table(path).rows())
    assert caught.value.row == 3


def test_unclosed_quote_that_swallows_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        'Фамилия;Имя;Примечание\nИванов;Иван;ok\nПетров;"Пётр;x\nСидоров;Сидор;y\nКим;Анна;z\n',
        encoding="utf-8",
    )
    source = open_table(path)
    got: list[SourceRow] = []
    with pytest.raises(ValidationError) as caught:
        got.extend(source.rows())
    assert caught.value.field == "file"
    assert caught.value.row == 3
    assert "row 3:" in caught.value.message
    assert "quote" in caught.value.message
    assert [row.number for row in got] == [2]


def test_huge_unclosed_quote_hits_field_limit_cleanly(tmp_path: Path) -> None:
    filler = "".join(f"Строка{i};{i}\n" for i in range(20000))
    path = tmp_path / "quote.csv"
    path.write_text(f'Фамилия;Имя\nИванов;"Иван\n{filler}', encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        list(open_table(path).rows())
    assert caught.value.row == 2


def test_unclosed_quote_on_last_line_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('Фамилия;Имя\nИванов;"Иван', encoding="utf-8")
    assert [row.values for row in open_table(path).rows()] == [{"surname": "Иванов", "given_names": "Иван"}]


def test_legacy_xls_and_fake_xlsx(tmp_path: Path) -> None:
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Фамилия;Имя\n", encoding="utf-8")
    broken_zip = tmp_path / "broken.xlsx"
    broken_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    for path in (xls, fake, broken_zip):
        with pytest.raises(ValidationError) as caught:
            open_table(path)
        assert caught.value.field == "file"


# --------------------------------------------------------------------------- XLSX


def make_workbook(path: Path) -> Path:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Инструкция"
    notes.append(["Заполните лист «Граждане»"])
    sheet = book.create_sheet("Граждане")
    sheet.append(["Список граждан на 01.02.2025"])
    sheet.append(["Фамилия", "Имя", "Дата рождения", "ИИН", "Телефон", "Прибыл", "Этаж"])
    sheet.append(["Иванов", "Иван", date(1990, 3, 1), 900301300123, 77011234567, "05.01.2025"])
    # An IIN of someone born in 2001 typed into a numeric cell loses its leading zero.
    sheet.append(["  Ахметова ", "Әйгерім", datetime(2001, 12, 15, 0, 0), 11215600456, 7.0])
    sheet.append([])
    sheet.append([None, None, None])
    sheet.cell(row=8, column=1, value="Ким")
    sheet.cell(row=8, column=4, value="011215600456")
    sheet.cell(row=8, column=7, value=3)
    sheet.cell(row=8, column=5, value=87011234567.0)
    book.save(path)
    return path


def test_xlsx_cells_sheets_and_row_numbers(tmp_path: Path) -> None:
    source, rows = read_all(make_workbook(tmp_path / "citizens.xlsx"))
    assert source.kind == "xlsx"
    assert (source.encoding, source.delimiter) == (None, None)
    assert source.sheet == "Граждане"
    assert source.header_row == 2
    assert source.unmapped == ["Этаж"]
    assert rows == [
        SourceRow(
            3,
            {
                "surname": "Иванов",
                "given_names": "Иван",
                "birth_date": "1990-03-01",
                "national_id": "900301300123",
                "phone": "77011234567",
                "arrival_date": "05.01.2025",
            },
        ),
        SourceRow(
            4,
            {
                "surname": "Ахметова",
                "given_names": "Әйгерім",
                "birth_date": "2001-12-15",
                "national_id": "011215600456",
                "phone": "7",
            },
        ),
        SourceRow(8, {"surname": "Ким", "national_id": "011215600456", "phone": "87011234567"}),
    ]


def test_xlsx_extension_misnamed_as_csv(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "book.xlsx")
    renamed = path.rename(tmp_path / "book.csv")
    assert open_table(renamed).kind == "xlsx"


def test_xlsx_without_header(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Колонка 1", "Колонка 2"])
    sheet.append(["a", "b"])
    path = tmp_path / "x.xlsx"
    book.save(path)
    with pytest.raises(ValidationError) as caught:
        open_table(path)
    assert caught.value.field == "header"
    assert "Колонка 1" in caught.value.message
    _, rows = read_all(path, mapping={"Колонка 2": "surname", "Колонка 1": "-"})
    assert rows == [SourceRow(2, {"surname": "b"})]


def test_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    with pytest.raises(ValidationError) as caught:
        open_table(path)
    assert caught.value.field == "file"


def test_xlsx_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    import resource

    from tests.hostile_files import xlsx_with_one_cell

    bomb = xlsx_with_one_cell(tmp_path / "bomb.xlsx", 256 << 20)
    assert bomb.stat().st_size < 400_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ValidationError) as caught:
        open_table(bomb)
    assert caught.value.field == "file"
    message = caught.value.message
    assert "bomb.xlsx" in message and "xl/worksheets/sheet1.xml" in message
    assert "256.0 MB" in message and "limit is 100 times" in message
    assert caught.value.code == "import.xlsx_bomb"
    # Refused from the zip's directory: nothing near 256 MB was ever unpacked.
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 64 * 1024


def test_xlsx_cell_longer_than_excel_allows_is_named_by_row_and_column(tmp_path: Path) -> None:
    from tests.hostile_files import xlsx_with_one_cell

    path = xlsx_with_one_cell(tmp_path / "long.xlsx", 40_000)
    with pytest.raises(ValidationError) as caught:
        list(open_table(path).rows())
    assert caught.value.row == 2
    assert "column 'Surname'" in caught.value.message
    assert "40000 characters" in caught.value.message and "32767" in caught.value.message
    fine = xlsx_with_one_cell(tmp_path / "fine.xlsx", 300)
    assert [len(row.values["surname"]) for row in open_table(fine).rows()] == [300]


def test_xlsx_rows_beyond_excels_last_row_are_refused(tmp_path: Path) -> None:
    from tests.hostile_files import xlsx_with_one_cell

    # A row numbered far beyond Excel's last makes openpyxl yield every empty row in between;
    # the reader stops at Excel's limit instead of counting to a trillion.
    path = xlsx_with_one_cell(
        tmp_path / "far.xlsx",
        10,
        sheet_prefix='x</t></is></c></row><row r="999999999999"><c r="A999999999999" t="inlineStr"><is><t>',
    )
    with pytest.raises(ValidationError) as caught:
        list(open_table(path).rows())
    assert caught.value.row == 1_048_577
    assert "1048576 rows" in caught.value.message


# --------------------------------------------------------------------------- properties

_ALPHABET = (
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    " ,;\t\n\r\"'«»№.-+@/()"
)
_cell = st.text(
    alphabet=st.one_of(
        st.sampled_from(_ALPHABET),
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    ),
    max_size=12,
)
_HEADERS = ["Фамилия", "Имя", "Примечание"]
_FIELDS_OF_HEADERS = ["surname", "given_names", "notes"]


def _record_lines(row: list[str], delimiter: str) -> int:
    """Lines a record occupies, counted as the reader counts them (\\r, \\n, \\r\\n)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerow(row)
    return len(io.StringIO(buffer.getvalue(), newline="").readlines())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.lists(_cell, min_size=3, max_size=3), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_csv_round_trip(tmp_path: Path, rows: list[list[str]], encoding: str, delimiter: str) -> None:
    if encoding == "cp1251":
        for row in rows:
            for cell in row:
                try:
                    cell.encode("cp1251")
                except UnicodeEncodeError:
                    assume(False)
    path = write_csv(tmp_path / "prop.csv", [_HEADERS, *rows], encoding=encoding, delimiter=delimiter)
    source, got = read_all(path)
    assert source.delimiter == delimiter
    expected: list[SourceRow] = []
    number = 1 + _record_lines(_HEADERS, delimiter)
    for row in rows:
        values = {
            name: cell.strip() for name, cell in zip(_FIELDS_OF_HEADERS, row, strict=True) if cell.strip()
        }
        if values:
            expected.append(SourceRow(number, values))
        number += _record_lines(row, delimiter)
    assert got == expected


_PREFIXES = [
    b"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"Surname,Given names\r\n",
    "Фамилия;Имя\r\n".encode("cp1251"),
    "Тегі\tАты\r\n".encode("utf-16"),
    b'Surname;Notes\n"',
    b"PK\x03\x04",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(_PREFIXES),
    body=st.binary(max_size=400),
    suffix=st.sampled_from([".csv", ".txt", ".tsv", ".xlsx", ".dat"]),
)
def test_arbitrary_bytes_read_or_raise_validation_error(
    tmp_path: Path, prefix: bytes, body: bytes, suffix: str
) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(prefix + body)
    try:
        source = open_table(path)
        for row in source.rows():
            # A row whose only cell is an unsplittable full name comes back empty, so the
            # validator can say "no name" with its number.
            assert row.number > source.header_row
            assert all(isinstance(v, str) and v == v.strip() and v for v in row.values.values())
    except ValidationError:
        pass


# --------------------------------------------------------------------------- benchmark


def _bench_rows(rows: int = 1_000_000, path: Path = Path("/tmp/embassy_desk_bench_citizens.csv")) -> float:
    """Print and return rows/s reading a generated ``rows``-row CSV (run by hand, not a test).

    ``.venv/bin/python -c "from tests.unit.test_import_reader import _bench_rows; _bench_rows()"``
    """
    if not path.exists():
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(
                "Фамилия;Имя;Отчество;Дата рождения;ИИН;№ паспорта;Телефон;E-mail;Город;Адрес;Примечание\r\n"
            )
            for i in range(rows):
                handle.write(
                    f"Иванов{i % 97};Иван;Иванович;{i % 28 + 1:02}.03.1990;{900101300000 + i};"
                    f"N{10000000 + i};+7701{i:07};u{i}@mail.kz;Алматы;ул. Абая, д. {i % 300};\r\n"
                )
    best_wall = best_cpu = float("inf")
    count = 0
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        # Drain with a C-level consumer so the figure is the reader's, not a Python loop's.
        tail = deque(enumerate(open_table(path).rows(), start=1), maxlen=1)
        count = tail[0][0] if tail else 0
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    print(
        f"{count} rows, {path.stat().st_size / 1e6:.0f} MB: {count / best_wall:,.0f} rows/s "
        f"(wall), {count / best_cpu:,.0f} rows/s (CPU); best of 3"
    )
    return count / best_wall
