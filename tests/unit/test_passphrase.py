"""Passphrase policy (SECURITY promise 10): length, no composition rules, blocklist, paste."""

from __future__ import annotations

import random
import unicodedata
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.passphrase import (
    MAX_PASSPHRASE_LENGTH,
    MIN_PASSPHRASE_LENGTH,
    check_passphrase,
    passphrase_hint,
)

WORDS = [
    "anchor",
    "velvet",
    "harbour",
    "lantern",
    "dusk",
    "orchard",
    "winter",
    "quiet",
    "meadow",
    "copper",
    "river",
    "falcon",
    "saffron",
    "pebble",
    "thunder",
    "violet",
    "cedar",
    "glacier",
    "marble",
    "tundra",
    "bramble",
    "compass",
]


def _refusal(passphrase: str, *, username: str | None = None) -> str:
    with pytest.raises(ValidationError) as info:
        check_passphrase(passphrase, username=username)
    assert info.value.field == "passphrase"
    return info.value.message


def _phrase(length: int, seed: int) -> str:
    """A non-repeating phrase of exactly ``length`` characters."""
    rng = random.Random(seed)
    text = ""
    while len(text) < length:
        text += rng.choice(WORDS) + rng.choice(" -,.") + str(rng.randrange(100))
    return text[:length]


# -------------------------------------------------------------------------------------------------
# Length


def test_twelve_characters_is_the_boundary() -> None:
    assert MIN_PASSPHRASE_LENGTH == 12
    check_passphrase("tulip anchor")  # exactly 12
    assert "at least 12 characters" in _refusal("tulip ancho")  # 11
    assert "(it has 11)" in _refusal("tulip ancho")


def test_length_counts_code_points_after_nfc() -> None:
    # 12 code points typed decomposed, but only 11 characters once composed.
    decomposed = "cafe\u0301 au lai"
    assert len(decomposed) == 12
    assert len(unicodedata.normalize("NFC", decomposed)) == 11
    assert "at least 12" in _refusal(decomposed)
    check_passphrase("cafe\u0301 au lait")  # 12 after NFC


@pytest.mark.parametrize("length", [128, 1024, MAX_PASSPHRASE_LENGTH])
def test_long_passphrases_accepted(length: int) -> None:
    passphrase = _phrase(length, seed=length)
    assert len(passphrase) == length
    check_passphrase(passphrase)


def test_absurdly_long_paste_refused() -> None:
    assert "at most" in _refusal(_phrase(MAX_PASSPHRASE_LENGTH + 1, seed=1))


# -------------------------------------------------------------------------------------------------
# No composition rules; paste of any script allowed


@pytest.mark.parametrize(
    "passphrase",
    [
        "purple elephant dances quietly",  # lower case only
        "PURPLE ELEPHANT DANCES QUIETLY",  # upper case only
        "Менің атым Айгүл, Алматыда тұрамын",  # Kazakh, pasted
        "Қазақстан Республикасы ғұмыр жасасын",
        "әуежайда ұшақ күтіп тұрмын",
        "春眠不覺曉處處聞啼鳥夜來風雨聲",  # Chinese, no spaces
        "x7#Lq!v9@Zp2&Wm4",  # password-manager output
        "   leading and trailing spaces   ",
    ],
)
def test_accepted_without_composition_rules(passphrase: str) -> None:
    check_passphrase(passphrase)


def test_kazakh_paste_with_decomposed_letters_accepted() -> None:
    # Some input methods send "й" as "и" + combining breve; NFC makes it one letter again.
    pasted = "Менің үи\u0306ім Алматыда, көшесі Абай"
    check_passphrase(pasted)


@pytest.mark.parametrize("control", ["\n", "\r", "\t", "\x00", "\x1b"])
def test_control_characters_refused(control: str) -> None:
    assert "control characters" in _refusal(f"velvet harbour{control}lantern")


# -------------------------------------------------------------------------------------------------
# Blocklist and weak patterns


@pytest.mark.parametrize(
    "passphrase",
    [
        "password1234",
        "Password1234",
        "PASSWORD 1234",
        "pass-word-1234",
        "p@ssw0rd1234",
        "P4ssw0rd!2024",
        "qwertyuiop123",
        "iloveyou1234",
        "ILoveYou12345678",
        "dragon123456",
        "monkey!!2024",
        "correct horse battery staple",
        "Correct-Horse-Battery-Staple",
        "passwordpassword1",
        "administrator1",
        "embassy123456",
        "Consulate2024!",
        "құпия сөз 1234",
    ],
)
def test_common_passwords_refused(passphrase: str) -> None:
    assert "too common" in _refusal(passphrase)


def test_every_long_blocklist_entry_is_refused() -> None:
    text = (
        resources.files("embassy_desk.domain")
        .joinpath("data/common_passwords.txt")
        .read_text(encoding="utf-8")
    )
    entries = [e.strip() for e in text.splitlines() if e.strip() and not e.startswith("#")]
    assert len(entries) >= 300
    long_entries = [e for e in entries if len(unicodedata.normalize("NFC", e)) >= 12]
    assert len(long_entries) >= 200
    for entry in long_entries:
        for spelling in (entry, entry.upper(), entry.title()):
            with pytest.raises(ValidationError):
                check_passphrase(spelling)


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("aaaaaaaaaaaa", "single character repeated"),
        ("            ", "single character repeated"),
        ("ЖЖЖЖЖЖЖЖЖЖЖЖЖЖ", "single character repeated"),
        ("abcabcabcabc", "repeated"),
        ("qwertyqwerty", "repeated"),
        ("hello hello hello", "repeated"),
        ("abcdefghijklm", "sequence"),
        ("ZYXWVUTSRQPON", "sequence"),
        ("123456789012", "sequence"),
        ("987654321098", "sequence"),
        ("абвгдежзийкл", "sequence"),
        ("a b c d e f g h i j k l", "sequence"),
        ("1q2w3e4r5t6y", "neighbouring keys"),
        ("qwertyuiopasdf", "neighbouring keys"),
        ("1qaz2wsx3edc", "neighbouring keys"),
        ("йцукенгшщзхъ", "neighbouring keys"),
        ("lkjhgfdsapoiu", "neighbouring keys"),
    ],
)
def test_weak_patterns_refused(passphrase: str, reason: str) -> None:
    assert reason in _refusal(passphrase)


# -------------------------------------------------------------------------------------------------
# User name


def test_passphrase_containing_the_username_refused() -> None:
    assert "user name" in _refusal("alice.smith likes long walks", username="alice.smith")
    assert "user name" in _refusal("ALICE.SMITH likes long walks", username="Alice.Smith")
    assert "user name" in _refusal("my name is aigul nurlanovna", username="Aigul")
    assert "user name" in _refusal("Менің атым Айгүл Алматыда", username="айгүл")


def test_short_usernames_are_not_matched() -> None:
    # A 3-letter name occurs by chance in too many good phrases to refuse them.
    check_passphrase("bob likes long walks at dusk", username="bob")
    check_passphrase("velvet harbour lantern at dusk", username="alice")


# -------------------------------------------------------------------------------------------------
# Hint


@pytest.mark.parametrize(
    ("passphrase", "hint"),
    [
        ("short", "weak"),
        ("password1234", "weak"),
        ("tulip anchor", "fair"),
        ("purpleelephant", "fair"),
        ("purple elephant dances quietly", "strong"),
        ("x7#Lq!v9@Zp2&Wm4", "strong"),
        ("Менің атым Айгүл, Алматыда тұрамын", "strong"),
    ],
)
def test_passphrase_hint(passphrase: str, hint: str) -> None:
    assert passphrase_hint(passphrase) == hint


def test_hint_agrees_with_the_policy_about_the_username() -> None:
    assert passphrase_hint("alice.smith likes long walks", username="alice.smith") == "weak"


# -------------------------------------------------------------------------------------------------
# Robustness


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_an_answer_not_a_crash(text: str) -> None:
    refusal: ValidationError | None = None
    try:
        check_passphrase(text, username=text[:6] or None)
    except ValidationError as err:
        refusal = err
    if refusal is not None:
        assert refusal.field == "passphrase"
        # The message never echoes the passphrase back (it may end up in a log).
        if len(text) >= 4:
            assert text not in refusal.message
    assert passphrase_hint(text) in ("weak", "fair", "strong")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=4, max_size=8, unique=True))
def test_several_unrelated_words_are_accepted(words: list[str]) -> None:
    check_passphrase(" ".join(words))
