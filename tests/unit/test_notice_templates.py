"""Notice templates are data: every kind in every language loads, merges only known fields, and a
broken template is refused with a message naming its file."""

from __future__ import annotations

from datetime import date

import pytest

from embassy_desk.domain.errors import ValidationError
from embassy_desk.notices import fonts
from embassy_desk.notices.kinds import KINDS, allowed_fields
from embassy_desk.notices.templates import TemplateError, load_bundle
from embassy_desk.notices.text import LANGUAGES, fill, long_date, placeholders

ALL = list(LANGUAGES)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_versioned_template_in_every_language(kind: str) -> None:
    bundle = load_bundle(kind, ALL)
    assert set(bundle.templates) == set(LANGUAGES)
    assert all(v >= 1 for v in bundle.versions.values())
    assert len(bundle.sha256) == 64
    for template in bundle.templates.values():
        merged = {name for s in template.strings() for name in placeholders(s)}
        assert merged <= allowed_fields(KINDS[kind])


def test_the_same_sources_name_the_same_bundle() -> None:
    first = load_bundle("advisory", ["kk", "ko"])
    again = load_bundle("advisory", ["kk", "ko"], sources=first.sources)
    assert again.sha256 == first.sha256
    assert again.templates["kk"].title == first.templates["kk"].title


def _sources(kind_text: str) -> dict[str, str]:
    good = load_bundle("letter-welfare", ["en"]).sources
    return {"common/en.toml": good["common/en.toml"], "letter-welfare/en.toml": kind_text}


def test_unknown_field_in_a_template_is_refused_naming_the_file() -> None:
    text = 'id = "letter-welfare"\nversion = 1\nlanguage = "en"\ntitle = "T"\n[[body]]\ntext = "{password}"\n'
    with pytest.raises(TemplateError) as err:
        load_bundle("letter-welfare", ["en"], sources=_sources(text))
    assert "letter-welfare/en.toml" in str(err.value)
    assert "{password}" in str(err.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('id = "advisory"\nversion = 1\nlanguage = "en"\ntitle = "T"\n[[body]]\ntext = "x"\n', "'id'"),
        (
            'id = "letter-welfare"\nversion = 0\nlanguage = "en"\ntitle = "T"\n[[body]]\ntext = "x"\n',
            "version",
        ),
        ('id = "letter-welfare"\nversion = 1\nlanguage = "en"\ntitle = "T"\n', "[[body]]"),
        (
            'id = "letter-welfare"\nversion = 1\nlanguage = "en"\ntitle = "T"\n[[body]]\nfoo = "x"\n',
            "exactly one",
        ),
        ("id = [", "template"),
    ],
)
def test_malformed_templates_are_refused(text: str, problem: str) -> None:
    with pytest.raises(TemplateError) as err:
        load_bundle("letter-welfare", ["en"], sources=_sources(text))
    assert problem in str(err.value)


def test_unknown_kind_and_language_are_refused() -> None:
    with pytest.raises(ValidationError, match="advisory"):
        load_bundle("flyer", ["en"])
    with pytest.raises(ValidationError, match="kk, ru, en, ko"):
        load_bundle("advisory", ["de"])


def test_merged_values_are_never_read_as_placeholders_or_markup() -> None:
    out = fill("Dear {full_name}, ref {{x}}", {"full_name": "{reference} <b>&"})
    assert out == "Dear {reference} <b>&, ref {x}"
    with pytest.raises(ValidationError, match="seat"):
        fill("{seat}", {})


def test_markup_escapes_and_switches_fonts_per_script() -> None:
    text = "<b>O'Neil & Sons</b> Әйгерім 김민준"
    markup = fonts.markup(text, fonts.LATIN_CYRILLIC)
    assert "<b>O" not in markup and "&lt;b&gt;O'Neil &amp; Sons&lt;/b&gt;" in markup
    pieces = list(fonts.runs(text, fonts.LATIN_CYRILLIC))
    assert "".join(p for _, p in pieces) == text
    assert {face for face, p in pieces if "김" in p} == {fonts.HANGUL}
    assert {face for face, p in pieces if "Ә" in p} == {fonts.LATIN_CYRILLIC}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "2026 жылғы 26 қараша"),
        ("ru", "26 ноября 2026 г."),
        ("en", "26 November 2026"),
        ("ko", "2026년 11월 26일"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language: str, expected: str) -> None:
    assert long_date(date(2026, 11, 26), language) == expected
