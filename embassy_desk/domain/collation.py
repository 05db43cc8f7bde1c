"""Sort keys that order names as a Kazakh or Russian reader expects.

SQLite compares text byte by byte, so "Ізбасаров" (U+0406) sorted before "Абаев" (U+0410) and
"Өтепова" (U+04E8) after "Яковлев" (U+042F). A key column holds each name rewritten so that byte
order is alphabet order; the registry sorts on it with an ordinary index.

The order is the Kazakh Cyrillic alphabet, which contains the Russian one:

    А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я

Case is ignored and so are accents (combining marks). Letters of neighbouring Cyrillic alphabets
follow the letter they are written after in their own alphabet (Ukrainian Ґ after Г, Є after Е, Ї
after І, Belarusian Ў after У, Serbian Ђ after Д…); other Cyrillic letters are read without their
accent where that gives one of the letters above, else they come after Я. Latin letters come before
Cyrillic ones (accents dropped, "Ä" as "a"), digits before letters, and spaces, hyphens and
apostrophes before anything, so "Ан" < "Ан-Нур" < "Ана". Other scripts keep Unicode order after all
of these. The parts of a name (surname, given names, patronymic) are compared one after another.

Why our own tailoring and not a collation library: PyICU ships no wheels (it builds from source
against an installed ICU, which Windows workstations do not have), and pyuca's default table
(DUCET) places І between И and Й and needs a tailoring anyway, at ~30x the cost per key of this
``str.translate``. An import computes a key for every row in its worker processes, so the key
must stay cheap. See docs/architecture.md.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

# Letters of related Cyrillic alphabets, each placed right after the letter named with it.
_AFTER: dict[str, str] = {
    "ґ": "г",  # Ukrainian
    "ђ": "д",  # Serbian
    "є": "е",  # Ukrainian
    "ѕ": "з",  # Macedonian
    "ї": "і",  # Ukrainian
    "ј": "й",  # Serbian, Macedonian
    "љ": "л",  # Serbian, Macedonian
    "њ": "н",  # Serbian, Macedonian
    "ћ": "т",  # Serbian
    "ў": "у",  # Belarusian
    "џ": "ч",  # Serbian, Macedonian
}
# Latin letters that have no decomposition to drop an accent from.
_LATIN_SPECIAL: dict[str, str] = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ı": "i",
    "ħ": "h",
    "þ": "th",
    "ŋ": "n",
}
PART_SEPARATOR = "\x01"
# Within a part: word separators before digits and letters, and all of them above the part break.
_SEPARATORS = {" ": "\x02", "\u00a0": "\x02", "-": "\x03", "\u2010": "\x03", "\u2011": "\x03"}
_APOSTROPHES = "'\u2019\u02bc\u02b9\u2018`"
# Mapped Cyrillic letters take the code points from U+0400 on, two per letter (the second for a
# letter of a related alphabet): two bytes each in UTF-8, and above every Latin letter.
_CYRILLIC_BASE = 0x0400


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    slot = {letter: chr(_CYRILLIC_BASE + 2 * i) for i, letter in enumerate(KAZAKH_ALPHABET)}
    for letter, after in _AFTER.items():
        slot[letter] = chr(ord(slot[after]) + 1)
    # Every lower-case Cyrillic letter (keys are case-folded first): a letter of the alphabet, a
    # related one, or the same letter without its accent (ѐ as е, ӑ as а, ќ as к).
    for code in range(0x0400, 0x0530):
        ch = chr(code)
        if ch in slot:
            table[code] = slot[ch]
            continue
        base = unicodedata.normalize("NFD", ch)[:1]
        if base != ch and base in slot:
            table[code] = slot[base]
        # The rest keep their code point: above U+0453, the last one the alphabet takes, so after Я.
        # (Upper-case letters, whose code points the alphabet reuses, never reach the table.)
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        if ch in _LATIN_SPECIAL:
            table[code] = _LATIN_SPECIAL[ch]
            continue
        base = unicodedata.normalize("NFD", ch)[:1]
        if base != ch and base.isascii():
            table[code] = base.lower()
    for code in range(0x0300, 0x0370):  # combining accents
        table[code] = None
    for ch, to in _SEPARATORS.items():
        table[ord(ch)] = to
    for ch in _APOSTROPHES:
        table[ord(ch)] = "\x04"
    table[ord(PART_SEPARATOR)] = None  # never inside a part
    return table


_TABLE = _build_table()
_NFC = unicodedata.is_normalized


# Surnames, given names and patronymics repeat a great deal in a registry: an import computes each
# part's key once (a cache hit costs a tenth of ``str.translate`` on a Cyrillic name).
@lru_cache(maxsize=1 << 16)
def sort_part(text: str) -> str:
    """The sort key of one name part (case, accents and script order as described above)."""
    if not text:
        return ""
    if not _NFC("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.casefold().translate(_TABLE)


def name_sort_key(*parts: str | None) -> str:
    """The registry's sort key of a name given as its parts (surname, given names, patronymic).

    Compare keys as binary strings (SQLite's default collation, or Python's ``<``): byte order of
    the UTF-8 text is the alphabet order.
    """
    # Trailing empty parts are left out so that "Ана" sorts with "Ана" + given names after it.
    keys = [sort_part(part or "") for part in parts]
    while keys and not keys[-1]:
        keys.pop()
    return PART_SEPARATOR.join(keys)
