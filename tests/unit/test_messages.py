"""Coded messages: every code has a Russian and a Kazakh text, and errors render in the person's language."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.citizen import INPUT_FIELDS, InvalidRecord, ValidationContext, validate_citizen
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.messages import (
    CATALOG,
    Msg,
    field_name,
    language_from_environment,
    placeholders,
    render,
    translations,
)
from embassy_desk.domain.passphrase import check_passphrase

TRANSLATED = ("ru", "kk")


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_code_has_a_text_with_the_same_placeholders(language: str) -> None:
    texts = translations(language)
    missing = sorted(code for code in CATALOG if code not in texts)
    assert not missing, f"{language}.toml lacks {missing}"
    for code, english in CATALOG.items():
        assert placeholders(texts[code]) == placeholders(english), f"{language} {code}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translation_files_name_no_unknown_code(language: str) -> None:
    # Field names and --help texts (tests/unit/test_cli_help_language.py) are not message codes.
    unknown = sorted(
        c for c in translations(language) if c not in CATALOG and not c.startswith(("field.", "cli_help."))
    )
    assert not unknown, f"{language}.toml has texts for codes the catalog does not know: {unknown}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_citizen_field_has_a_name(language: str) -> None:
    texts = translations(language)
    missing = sorted(name for name in INPUT_FIELDS if f"field.{name}" not in texts)
    assert not missing, f"{language}.toml lacks field names {missing}"


def test_english_rendering_is_str_of_the_error() -> None:
    with pytest.raises(ValidationError) as caught:
        check_passphrase("short")
    error = caught.value
    assert str(error) == "passphrase: must be at least 12 characters long (it has 5)"
    assert render(error, "en") == str(error)
    assert error.code == "passphrase.too_short"
    assert dict(error.params) == {"min": 12, "length": 5}
    assert error.field == "passphrase"


def test_passphrase_reason_in_russian_and_kazakh() -> None:
    with pytest.raises(ValidationError) as caught:
        check_passphrase("short")
    assert render(caught.value, "ru") == "Парольная фраза: должна быть не короче 12 символов (сейчас 5)"
    assert render(caught.value, "kk") == "Құпия фраза: кемінде 12 таңба болуы керек (қазір 5)"


def test_row_and_field_are_translated_and_typed_values_are_not() -> None:
    error = ValidationError("username", Msg("username.taken", name="a.nurlanova"), row=3)
    assert str(error) == "row 3, username: 'a.nurlanova' already exists"
    assert render(error, "ru") == "строка 3, Имя пользователя: 'a.nurlanova' уже существует"
    assert render(error, "kk") == "3-жол, Пайдаланушы аты: 'a.nurlanova' бұрыннан бар"


def test_a_rejected_record_lists_every_reason_in_the_language() -> None:
    with pytest.raises(InvalidRecord) as caught:
        validate_citizen({"surname": "Н" * 2001}, ValidationContext(), row=7)
    error = caught.value
    assert str(error).startswith("row 7: surname: ")
    ru = render(error, "ru")
    assert ru.startswith("строка 7: Фамилия: ")
    assert "Имя: обязательное поле" in ru
    kk = render(error, "kk")
    assert kk.startswith("7-жол: Тегі: ")
    assert "Аты: міндетті өріс" in kk


def test_messages_cross_process_pools_with_their_code() -> None:
    message = Msg("frame.field", field=field_name("surname"), message=Msg("value.required"))
    copy = pickle.loads(pickle.dumps(message))  # noqa: S301 - our own bytes, as a process pool does
    assert isinstance(copy, Msg)
    assert copy == message
    assert render(copy, "kk") == "Тегі: міндетті өріс"


def test_plain_text_errors_still_work_in_every_language() -> None:
    error = NotFoundError("no such thing")
    assert error.code == "text"
    assert render(error, "ru") == "no such thing"
    assert render(EmbassyDeskError(), "kk") == ""


def test_unknown_language_falls_back_to_english() -> None:
    assert render(Msg("value.required"), "de") == "is required"


@pytest.mark.parametrize(
    ("number", "word"),
    [(1, "символа"), (2, "символов"), (5, "символов"), (11, "символов"), (21, "символа"), (64, "символов")],
)
def test_russian_plural_after_a_number(number: int, word: str) -> None:
    # "не длиннее N символа/символов": the genitive after "длиннее" (one: символа, else символов).
    assert render(Msg("value.too_long", max=number), "ru") == f"длиннее {number} {word}"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANGUAGE": "kk:ru", "LANG": "en_US.UTF-8"}, "kk"),
        ({"LANGUAGE": "de:ru", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
        ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_language_from_the_locale_variables(environ: dict[str, str], expected: str) -> None:
    assert language_from_environment(environ) == expected


@given(st.dictionaries(st.sampled_from(["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]), st.text(max_size=30)))
def test_any_locale_settings_give_a_supported_language(environ: dict[str, str]) -> None:
    assert language_from_environment(environ) in {"en", "ru", "kk"}


PACKAGE = Path(__file__).resolve().parents[2] / "embassy_desk"
_LITERAL_CODE = re.compile(r"""Msg\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")


def test_every_code_raised_in_the_source_is_in_the_catalog() -> None:
    unknown = sorted(
        f"{path.relative_to(PACKAGE.parent)}: {code}"
        for path in PACKAGE.rglob("*.py")
        for code in _LITERAL_CODE.findall(path.read_text(encoding="utf-8"))
        if code not in CATALOG
    )
    assert unknown == [], unknown


def test_an_unknown_code_still_says_something() -> None:
    assert "no.such_code" in render(Msg("no.such_code", value=3), "ru")


_PARAM = st.one_of(st.text(max_size=20), st.integers(-(10**9), 10**9), st.dates())


@given(st.sampled_from(sorted(CATALOG)), st.sampled_from(["en", "ru", "kk", "de", ""]), st.data())
def test_any_catalog_message_renders_with_any_values(code: str, language: str, data: st.DataObject) -> None:
    params = {name: data.draw(_PARAM) for name in placeholders(CATALOG[code])}
    if any(spec in CATALOG[code] for spec in (":n}", ":plural")):
        params = {name: data.draw(st.integers(0, 10**7)) for name in params}
    text = render(Msg(code, **params), language)
    assert isinstance(text, str) and text


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_plural_given_text_instead_of_a_count_still_renders(language: str) -> None:
    # Russian texts may pick a plural for a placeholder the English writes plainly; any value works.
    codes = [code for code, text in translations(language).items() if ":plural:" in text]
    for code in codes:
        if code not in CATALOG:
            continue
        params = {name: "abc" for name in placeholders(CATALOG[code])}
        assert render(Msg(code, **params), language)
