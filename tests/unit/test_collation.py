"""Name sort keys order names as the Kazakh (and so the Russian) alphabet does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.collation import KAZAKH_ALPHABET, name_sort_key, sort_part

RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
KAZAKH_UPPER = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я"

words = st.text(alphabet=KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper(), min_size=1, max_size=12)


def _alphabet_position(word: str) -> list[int]:
    return [KAZAKH_ALPHABET.index(ch) for ch in word.lower()]


def test_the_alphabet_is_the_kazakh_one() -> None:
    assert KAZAKH_ALPHABET.upper() == KAZAKH_UPPER.replace(" ", "")
    assert len(KAZAKH_ALPHABET) == 42
    # The Russian alphabet is a subsequence of it, in the same order.
    assert [ch for ch in KAZAKH_ALPHABET if ch in RUSSIAN_ALPHABET] == list(RUSSIAN_ALPHABET)


@given(st.lists(words, min_size=2, max_size=20))
def test_words_sort_in_alphabet_order(names: list[str]) -> None:
    assert sorted(names, key=sort_part) == sorted(names, key=_alphabet_position)


@given(words, words)
def test_case_does_not_matter(a: str, b: str) -> None:
    assert sort_part(a.upper()) == sort_part(a.lower())
    assert (sort_part(a) < sort_part(b)) == (_alphabet_position(a) < _alphabet_position(b))


@given(st.lists(st.text(alphabet=RUSSIAN_ALPHABET, min_size=1, max_size=10), min_size=2, max_size=20))
def test_russian_words_sort_in_russian_order(names: list[str]) -> None:
    assert sorted(names, key=sort_part) == sorted(names, key=lambda w: [RUSSIAN_ALPHABET.index(c) for c in w])


def test_the_reported_names() -> None:
    names = ["Яковлев", "Өтепова", "Ізбасаров", "Абаев", "Ыбыраев", "Оспанов", "Петров", "Эмиров"]
    assert sorted(names, key=sort_part) == [
        "Абаев",
        "Оспанов",
        "Өтепова",
        "Петров",
        "Ыбыраев",
        "Ізбасаров",
        "Эмиров",
        "Яковлев",
    ]


def test_each_kazakh_letter_follows_its_neighbour() -> None:
    pairs = [("Ана", "Әли"), ("Гүл", "Ғани"), ("Кен", "Қай"), ("Нұр", "Ңа"), ("Оля", "Өмір")]
    pairs += [("Урал", "Ұлан"), ("Ұлан", "Үміт"), ("Хасен", "Һасан"), ("Ыдырыс", "Іңкәр")]
    pairs += [("Ерлан", "Ёлкин"), ("Ёлкин", "Жанна")]
    for first, second in pairs:
        assert sort_part(first) < sort_part(second), (first, second)


def test_parts_compare_in_turn_and_a_shorter_name_first() -> None:
    assert (
        name_sort_key("Ан", "Бекзат") < name_sort_key("Ан-Нур", "Айгерім") < name_sort_key("Ана", "Айгерім")
    )
    assert name_sort_key("Ахметов", "Асқар") < name_sort_key("Ахметов", "Әлібек") < name_sort_key("Ахметова")
    assert name_sort_key("Ахметов", None, None) == name_sort_key("Ахметов")


def test_other_cyrillic_and_latin_letters() -> None:
    # Related alphabets: after the letter they follow; accents ignored.
    assert sort_part("Гулько") < sort_part("Ґудзь") < sort_part("Ғани")
    assert sort_part("Ерёмин") == sort_part("Ерёмин".upper())
    assert sort_part("ӑлла") == sort_part("алла")
    # Latin before Cyrillic, digits before letters, accents dropped.
    assert sort_part("Müller") == sort_part("muller")
    assert sort_part("2") < sort_part("Smith") < sort_part("Абай")
    # A decomposed Й (И + combining breve) is the same letter as the composed one.
    assert sort_part("И\u0306са") == sort_part("Йса")


@given(st.text(max_size=30), st.text(max_size=30))
def test_any_text_gives_a_key_that_orders_consistently(a: str, b: str) -> None:
    ka, kb = name_sort_key(a, b), name_sort_key(b, a)
    assert isinstance(ka, str) and isinstance(kb, str)
    assert name_sort_key(a, b) == ka  # deterministic (the cache changes nothing)
