"""Every --help text of every parser has a Russian and a Kazakh text; argparse's errors are read back."""

from __future__ import annotations

import argparse
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.cli.localized import HELP_TABLE, help_text, translate_error
from embassy_desk.cli.main import build_parser
from embassy_desk.domain.messages import translations

CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def _help_texts() -> set[str]:
    """Descriptions, group titles and help lines of the whole parser tree, as the source writes them."""
    texts: set[str] = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        texts.update(t for t in (parser.description, parser.epilog) if t)
        for group in parser._action_groups:
            texts.update(t for t in (group.title, group.description) if t)
        for action in parser._actions:
            if action.help and action.help is not argparse.SUPPRESS:
                texts.add(action.help)
            if isinstance(action, argparse._SubParsersAction):
                texts.update(choice.help for choice in action._choices_actions if choice.help)
                for child in action.choices.values():
                    walk(child)

    walk(build_parser())
    return texts


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_help_text_of_every_parser_is_translated(language: str) -> None:
    texts = _help_texts()
    assert len(texts) > 60
    missing = sorted(t for t in texts if not CYRILLIC.search(help_text(t, language)))
    assert not missing, f"add these to [{HELP_TABLE}] of resources/messages/{language}.toml: {missing}"
    for text in texts:
        # argparse expands %(default)s etc. in help lines; a stray % in a translation would crash it.
        assert help_text(text, language).count("%") == text.count("%"), text


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_help_translation_is_left_over_from_a_removed_option(language: str) -> None:
    prefix = f"{HELP_TABLE}."
    shipped = {code[len(prefix) :] for code in translations(language) if code.startswith(prefix)}
    assert not shipped - _help_texts()


def test_english_help_is_the_source_text() -> None:
    for text in _help_texts():
        assert help_text(text, "en") == text


@pytest.mark.parametrize(
    ("english", "russian", "kazakh"),
    [
        (
            "the following arguments are required: citizen_id, --channel",
            "не указаны обязательные аргументы: citizen_id, --channel",
            "міндетті аргументтер берілмеген: citizen_id, --channel",
        ),
        (
            "argument --outcome: expected one argument",
            "аргумент --outcome: ожидается одно значение",
            "--outcome аргументі: бір мән күтіледі",
        ),
        (
            "argument COMMAND: invalid choice: 'x' (choose from 'init', 'user')",
            "аргумент COMMAND: недопустимый вариант: 'x' (выберите из 'init', 'user')",
            "COMMAND аргументі: жарамсыз нұсқа: 'x' (мыналардың бірін таңдаңыз: 'init', 'user')",
        ),
        ("unrecognized arguments: --zzz", "нераспознанные аргументы: --zzz", "танылмаған аргументтер: --zzz"),
    ],
)
def test_argparse_errors_in_russian_and_kazakh(english: str, russian: str, kazakh: str) -> None:
    assert translate_error(english, "ru") == russian
    assert translate_error(english, "kk") == kazakh
    assert translate_error(english, "en") == english


@given(st.text(max_size=60))
def test_any_error_text_stays_the_same_in_english(message: str) -> None:
    assert translate_error(message, "en") == message
    assert isinstance(translate_error(message, "ru"), str)


@given(st.text(min_size=1, max_size=40))
def test_a_translated_error_keeps_every_value_it_carried(value: str) -> None:
    for language in ("ru", "kk"):
        assert translate_error(f"argument {{x}}: unrecognized arguments: {value}", language).endswith(value)
