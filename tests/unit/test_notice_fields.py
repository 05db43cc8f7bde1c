"""The rule for fields written per language, over every combination of notice languages and of
languages the officer wrote a text in: each page gets its own language's text, or the notice is
refused naming exactly the languages that lack one; nothing is ever borrowed from another language."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.errors import ValidationError
from embassy_desk.notices.kinds import kind_spec
from embassy_desk.notices.templates import load_bundle
from embassy_desk.notices.text import LANGUAGES
from embassy_desk.services.notices import _check_texts, _shared
from tests.notice_pdf import POST

SPEC = kind_spec("advisory")
_LANGUAGE_LISTS = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)


def _text(language: str) -> str:
    return f"situation written in {language}"


@given(languages=_LANGUAGE_LISTS, written=st.sets(st.sampled_from(LANGUAGES)))
@settings(max_examples=300, deadline=None)
def test_each_page_has_its_own_text_or_the_missing_languages_are_named(
    languages: list[str], written: set[str]
) -> None:
    bundle = load_bundle("advisory", languages)
    params = {"situation": {lang: _text(lang) for lang in written}} if written else {}
    shared = _shared(SPEC, bundle, POST, params, date(2026, 12, 6))
    lacking = [lang for lang in languages if lang not in written] if written else []
    if lacking:
        with pytest.raises(ValidationError) as refused:
            _check_texts(SPEC, shared, languages)
        assert refused.value.field == "situation"
        assert refused.value.params["languages"] == ", ".join(lacking)
        return
    _check_texts(SPEC, shared, languages)
    for lang in languages:
        text = shared.params[lang]["situation"]
        expected = _text(lang) if written else bundle.templates[lang].defaults["situation"]
        assert text == expected
        assert all(_text(other) != text for other in LANGUAGES if other != lang)


@given(languages=_LANGUAGE_LISTS, text=st.text(min_size=1).filter(str.strip))
@settings(max_examples=100, deadline=None)
def test_one_plain_text_is_taken_only_for_a_notice_in_one_language(languages: list[str], text: str) -> None:
    bundle = load_bundle("advisory", languages)
    if len(languages) == 1:
        shared = _shared(SPEC, bundle, POST, {"situation": text}, date(2026, 12, 6))
        assert shared.params[languages[0]]["situation"] == text
    else:
        with pytest.raises(ValidationError, match="each language"):
            _shared(SPEC, bundle, POST, {"situation": text}, date(2026, 12, 6))
