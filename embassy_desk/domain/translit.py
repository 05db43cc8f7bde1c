"""Transliteration of Kazakh/Russian names and script-independent search keys.

Two things live here.

**Passport Latin** (:func:`passport_latin`) is the romanisation printed in Kazakhstan passports
and ID cards, which follows ICAO Doc 9303 for the Russian letters and folds each Kazakh letter
onto its nearest Latin letter without diacritics::

    А A   Ә A   Б B   В V   Г G   Ғ G   Д D   Е E   Ё E   Ж ZH  З Z   И I   Й I   К K
    Қ K   Л L   М M   Н N   Ң N   О O   Ө O   П P   Р R   С S   Т T   У U   Ұ U   Ү U
    Ф F   Х KH  Һ H   Ц TS  Ч CH  Ш SH  Щ SHCH  Ъ IE  Ы Y   І I   Э E   Ю IU  Я IA

(Ь is dropped; the Ukrainian/Belarusian Є Ї Ґ Ў get their ICAO values IE I G U.) The output is
uppercase; anything that is not Cyrillic (Latin letters, spaces, hyphens) passes through
uppercased.

**Search keys** (:func:`search_key`) let one search box find a person however the name was
written: Айгерим, AIGERIM, Aygerim and Ajgerim all become ``aigerim``. A key is lowercase
``[a-z0-9]*``. It is built in two steps:

1. Every letter is brought to a Latin spelling: Cyrillic by the passport table above, Latin
   letters with diacritics by their usual reading (ž→zh, š/ş→sh, č/ç→ch, ğ→g, ı→i, ä→a, ö→o,
   ü/ū→u, …), and the plain-Latin variants q→k, w→v, x→kh, y→i. An apostrophe inside a word
   given to :func:`search_key` vanishes (Ol'ga = Ольга); :func:`search_tokens`, like the search
   box's query parser, treats apostrophes as word breaks (O'Brien → ``o``, ``brien``).
2. Typed-transliteration rules unify what the different conventions spell differently:

   ============  ==========================================================================
   ``j``         after a vowel and before a consonant → ``i`` (Ajgerim, Kajrat = й);
                 after a vowel at the end of the word → nothing (could still become either);
                 otherwise → ``zh`` (Janar, Jumabek, Djamila: the Kazakh-Latin J = Ж)
   ``c``         after ``sh``, or in ``sch`` → nothing (SHCH of Щ and German SCH read as Ш);
                 before ``h`` → ``c`` (the CH of Ч); at the end → nothing (could still become
                 CH or TS); otherwise → ``ts`` (Ц)
   ``h``         after k, s, z, c → kept (KH, SH, ZH, CH); after g or h → dropped
                 (Ghalym = Ғалым); elsewhere → ``kh`` (Alihan = Alikhan = Әлихан, Hasan = Хасан)
   ``e``         at the start of a word or after a vowel → ``ie``, so that the passport's E and
                 the typed YE agree (Ерлан = ERLAN = Yerlan → ``ierlan``)
   doubles       a doubled letter is written once (IULIIA = Yuliya = Yulia = Юлия → ``iulia``,
                 Асель = Assel)
   ============  ==========================================================================

So all i-like letters (И Й Ы І, Latin i y j-as-й) meet on ``i``, Ә/А on ``a``, Ө/О on ``o``,
Ұ/Ү/У on ``u``, Қ/К/q on ``k``, Ғ/Г/gh on ``g``, Ң/Н on ``n``, Х/Һ/h/x on ``kh`` and Щ/Ш on ``sh``.

**Prefix property.** Search is an FTS5 prefix query on keys, so the key of a prefix of a word
must be a prefix of the key of the word. Every rule above looks only at letters to its left,
except the two that peek one letter ahead (``j`` after a vowel, ``c``); for those a letter left
dangling at the end of the input produces nothing, which is a prefix of each of its possible
outcomes. Hence ``search_key(w).startswith(search_key(p))`` holds for *every* prefix ``p`` of
``w`` in the same spelling, one letter long or more, with no exceptions.

**Alternative keys** (:func:`word_keys`, :func:`index_token_tuple`). Some letters have two
common romanisations that one key cannot hold without merging unrelated names. For those the
search index keeps a word under every combination of its alternatives, and a search word looks
for any of its keys::

    Ё          E (passports of both countries)         YO (Semyonov, Fyodor, Artyom)
    Қ          K, Q                                    KH (the Russian form: Тоқтаров = Тохтаров)
    Ң          N (passports)                           NG (Zhengis)
    Ь + vowel  dropped (ICAO: Ананьев ANANEV)          Y (Russian passports 1997-2010: ANANYEV)
    Ъ + vowel  IE (ICAO)                               dropped (Podyachev)
    typed YO after a consonant                         also E (Semyonov finds Семенов, SEMENOV)

Х as KH, H or X, Ы and Й as Y or I, Қ as Q all meet on one key already (see above).

**What does not unify** (accepted, because fixing them would need look-ahead that breaks the
prefix property, or would merge too many names):

* a word-initial J read as Я/Ю (Julia, Jana) is taken as Ж: Julia ≠ Юлия (Yulia, Yuliya and
  IULIIA do match);
* an Ё written as Е in a record that has no Cyrillic ё and is searched as YO only when typed
  after a consonant (Yolkin does not find ELKIN);
* a word that mixes both romanisations of one letter (Тоқтақұл typed Toqtakhul);
* Ө/Ү typed as OE/UE, and English C = K (Victoria ≠ Виктория, which is ``viktoria``; Viktoria
  matches);
* X is always read as the Х of Uzbek/Kazakh Latin, so Alexandr ≠ Александр (Aleksandr matches);
* ``h`` after s is SH, so Ashat finds Ашат, not Асхат (Askhat finds Асхат).

Collisions accepted for forgiveness: Ш = Щ, all i-like letters, the Kazakh letters with their
Russian neighbours, and С+Х written SH.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "index_token_tuple",
    "passport_latin",
    "search_key",
    "search_token_tuple",
    "search_tokens",
    "word_keys",
]

# Uppercase passport romanisation. Kazakh letters first, then ICAO 9303 Russian, then the other
# ICAO Cyrillic letters a foreign-born citizen's name may carry.
_PASSPORT_UPPER: dict[str, str] = {
    "А": "A", "Ә": "A", "Б": "B", "В": "V", "Г": "G", "Ғ": "G", "Д": "D", "Е": "E", "Ё": "E",
    "Ж": "ZH", "З": "Z", "И": "I", "Й": "I", "К": "K", "Қ": "K", "Л": "L", "М": "M", "Н": "N",
    "Ң": "N", "О": "O", "Ө": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ұ": "U",
    "Ү": "U", "Ф": "F", "Х": "KH", "Һ": "H", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH",
    "Ъ": "IE", "Ы": "Y", "І": "I", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    "Є": "IE", "Ї": "I", "Ґ": "G", "Ў": "U", "Ј": "J",
}  # fmt: skip


def _build_passport_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for upper, latin in _PASSPORT_UPPER.items():
        table[ord(upper)] = latin
        table[ord(upper.lower())] = latin
    return table


_PASSPORT_TABLE = _build_passport_table()

# Plain-Latin letters whose variants are unified without looking at context.
_LATIN_SIMPLE: dict[str, str] = {"q": "k", "w": "v", "x": "kh", "y": "i"}

# Latin letters whose diacritic carries a sound that NFKD would lose (ž is not z).
_LATIN_SPECIAL: dict[str, str] = {
    "ž": "zh", "ǯ": "zh", "š": "sh", "ş": "sh", "ș": "sh", "č": "ch", "ç": "ch", "ğ": "g",
    "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l",
    "þ": "th", "ŋ": "n",
}  # fmt: skip

_APOSTROPHES = "'’ʼ‘`´ʻ′"


def _build_key_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for upper, latin in _PASSPORT_UPPER.items():
        # Passport Latin may itself contain Y; folding it here keeps key(Cyrillic) equal to
        # key(passport_latin(Cyrillic)) by construction.
        lowered = "".join(_LATIN_SIMPLE.get(ch, ch) for ch in latin.lower())
        table[ord(upper.lower())] = lowered
    for src, dst in _LATIN_SPECIAL.items():
        table[ord(src)] = dst
    for src, dst in _LATIN_SIMPLE.items():
        table[ord(src)] = dst
    for ch in _APOSTROPHES:
        table[ord(ch)] = None
    return table


_KEY_TABLE = _build_key_table()

_NON_KEY = re.compile(r"[^a-z0-9]+")
# The two look-ahead rules: a letter with nothing after it yet produces nothing (see docstring).
_J_DANGLING = re.compile(r"(?<=[aeiou])j\Z")
_J_AS_I = re.compile(r"(?<=[aeiou])j(?=[^aeiou])")
# (?<!ts): the TS of Ц followed by the CH of Ч is not a German SCH; keys must re-key to themselves.
_C_SILENT = re.compile(r"(?<=sh)c|(?<=s)(?<!ts)c(?=h)|c\Z")
_C_AS_TS = re.compile(r"c(?!h)")
_H_AS_KH = re.compile(r"(?<![kszcgh])h")
_H_SILENT = re.compile(r"(?<=[gh])h")
_E_IOTATED = re.compile(r"(?<![^aeiou])e")
_DOUBLE = re.compile(r"([a-z])\1+")
# Detection only: without the class test the scan is about twice as fast (s is [a-z0-9] here).
_ANY_DOUBLE = re.compile(r"(.)\1")
# Word characters plus combining marks, so a decomposed й (и + U+0306) stays one word.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


# Names come from small pools (a few thousand surnames and given names cover a post), so the
# per-string caches below hit on nearly every imported row. Both the entry count and the key
# length are capped, so memory stays flat (a few MiB) however many distinct or hostile strings
# a million-row file holds.
_CACHE_SIZE = 1 << 14
_CACHED_LENGTH = 64


def passport_latin(text: str) -> str:
    """Romanise ``text`` as Kazakhstan passports do (see the module docstring for the table).

    Cyrillic (Kazakh and Russian) becomes uppercase ASCII; everything else, including Latin
    letters, spaces and hyphens, is kept and uppercased.
    """
    if text.__class__ is str and len(text) <= _CACHED_LENGTH:
        return _passport_latin_cached(text)
    return _passport_latin(text)


def _passport_latin(text: str) -> str:
    if not text.isascii():
        # A decomposed Й or Ё (base letter + combining mark) must meet the table as one letter.
        text = unicodedata.normalize("NFC", text)
    return text.translate(_PASSPORT_TABLE).upper()


_passport_latin_cached = lru_cache(maxsize=_CACHE_SIZE)(_passport_latin)


@lru_cache(maxsize=1 << 16)
def search_key(word: str) -> str:
    """Script-independent search key of one word: lowercase ``[a-z0-9]*``, possibly empty.

    The Cyrillic spelling, the passport Latin and the common typed transliterations of a name
    give the same key, and the key of any prefix of a word is a prefix of the word's key.
    Never raises. The rules and their known gaps are described in the module docstring.
    """
    lowered = word.lower()
    s = lowered.translate(_KEY_TABLE)
    if not s.isascii():
        # Slow path for accented Latin (é, ä, ū…) and decomposed letters. Composing first lets
        # a typed z + combining caron count as ž (zh); decomposing the rest then strips marks,
        # and the second translate catches letters the decomposition exposed.
        s = unicodedata.normalize("NFC", lowered).translate(_KEY_TABLE)
        s = unicodedata.normalize("NFKD", s).lower().translate(_KEY_TABLE)
        s = s.encode("ascii", "ignore").decode("ascii")
    if not s.isalnum():
        s = _NON_KEY.sub("", s)
    # Each rule below looks at the string the previous rule produced; their order matters
    # (j and c can create or remove an h context, h must be final before e looks at vowels).
    if "j" in s:
        s = _J_DANGLING.sub("", s)
        s = _J_AS_I.sub("i", s).replace("j", "zh")
    # The guards are plain substring tests, several times cheaper than a regex scan: the CH,
    # KH, SH, ZH that Cyrillic produces already are what the c and h rules would make of them.
    if "c" in s and (s.count("c") != s.count("ch") or "shc" in s or "sch" in s):
        s = _C_AS_TS.sub("ts", _C_SILENT.sub("", s))
    if "h" in s and s.count("h") != (s.count("kh") + s.count("sh") + s.count("zh") + s.count("ch")):
        s = _H_SILENT.sub("", _H_AS_KH.sub("kh", s))
    if "e" in s and (s[0] == "e" or "ae" in s or "ee" in s or "ie" in s or "oe" in s or "ue" in s):
        s = _E_IOTATED.sub("ie", s)
    if _ANY_DOUBLE.search(s) is not None:
        s = _DOUBLE.sub(_first_group, s)
    return s


def _first_group(match: re.Match[str]) -> str:
    # A function replacement: an r"\1" template is re-parsed on every call and costs ~1 µs.
    return match.group(1)


def search_token_tuple(text: str) -> tuple[str, ...]:
    """:func:`search_tokens` as an immutable tuple, cached for short texts: the form for hot
    callers that only read the keys (a cached list could be mutated by one caller under
    another's feet)."""
    if text.__class__ is str and len(text) <= _CACHED_LENGTH:
        return _tokens_cached(text)
    return _tokens(text)


def _tokens(text: str) -> tuple[str, ...]:
    keys: dict[str, None] = {}
    for word in _TOKEN.findall(text):
        key = search_key(word)
        if key:
            keys[key] = None
    return tuple(keys)


_tokens_cached = lru_cache(maxsize=_CACHE_SIZE)(_tokens)


# Letters whose common romanisations cannot meet on one key without merging unrelated names or
# breaking the prefix property. The index keeps a word's key under each alternative spelling too
# (every combination of these rules, so Семёнов is found as SEMENOV and Semyonov), and a query in
# Cyrillic looks for each of them. Each rule changes one letter into letters, never looks past
# the next letter, and leaves a letter at the end of a prefix alone, so prefixes still find words.
_ALTERNATIVES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Ь and Ъ before a vowel: the passport drops Ь and writes Ъ as IE; the Russian passports of
    # 1997-2010 and most people write Y (Ananyev, Ilyin) and drop Ъ (Podyachev). First, while
    # the vowel after them is still Cyrillic.
    (re.compile("ь(?=[аеёиоуыэюяәөұүі])"), "y"),
    (re.compile("ъ(?=[аеёиоуыэюяәөұүі])"), ""),
    # Ё: the passport writes E (Semenov, Fedor); people and older documents write YO.
    (re.compile("ё"), "yo"),
    # Қ: K or Q in Kazakh spellings, KH in the Russian form of Kazakh names (Тоқтаров = Тохтаров).
    (re.compile("қ"), "kh"),
    # Ң: N in the passport, NG as it is said (Zhengis).
    (re.compile("ң"), "ng"),
)
_ALTERNATIVE_LETTERS = frozenset("ёқңьъ")
# A Latin YO after a consonant is how people type Ё, which a record may hold as plain Е (Семенов)
# or only in passport Latin (SEMENOV, FEDOR); its E spelling is kept as one more key.
_TYPED_YO = re.compile("(?<=[bcdfghjklmnpqrstvwxz])yo")


def _alternative_keys(lowered: str) -> tuple[str, ...]:
    rules = [(pattern, spelling) for pattern, spelling in _ALTERNATIVES if pattern.search(lowered)]
    keys: dict[str, None] = {}
    # Every combination of the rules that apply (rarely more than two, so at most a few keys).
    for mask in range(1, 1 << len(rules)):
        spelled = lowered
        for bit, (pattern, spelling) in enumerate(rules):
            if mask >> bit & 1:
                spelled = pattern.sub(spelling, spelled)
        key = search_key(spelled)
        if key:
            keys[key] = None
    return tuple(keys)


def word_keys(word: str) -> tuple[str, ...]:
    """The key of ``word`` first, then its keys under the other common romanisations of its
    ambiguous letters (Ё, Қ, Ң, Ь and Ъ before a vowel; a typed YO after a consonant, which may
    stand for an Ё written as Е or E: Semyonov, Семенов, SEMENOV). Just the key for most words.

    The search index keeps all of them and a query looks for any, so a name is found from
    either side whichever of these spellings the record and the person typing used.
    """
    key = search_key(word)
    lowered = word.lower()
    if _ALTERNATIVE_LETTERS.isdisjoint(lowered) and "yo" not in lowered:
        return (key,) if key else ()
    if not lowered.isascii():
        lowered = unicodedata.normalize("NFC", lowered)
    keys = dict.fromkeys((key,) if key else ())
    keys.update(dict.fromkeys(_alternative_keys(lowered)))
    if "yo" in lowered and _TYPED_YO.search(lowered):
        typed = search_key(_TYPED_YO.sub("e", lowered))
        if typed:
            keys[typed] = None
    return tuple(keys)


# A J closing a word after a vowel is Й (Sergej, Nikolaj). A typed prefix cannot know that the
# word ends there, so only the index, which sees whole words, keeps its I spelling.
_FINAL_J = re.compile(r"(?<=[aeiouy])j\Z")


def _index_tokens(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    if _ALTERNATIVE_LETTERS.isdisjoint(lowered) and "yo" not in lowered and "j" not in lowered:
        return search_token_tuple(text)
    keys: dict[str, None] = {}
    for word in _TOKEN.findall(text):
        for key in word_keys(word):
            keys[key] = None
        lowered = word.lower()
        if lowered[-1:] == "j" and _FINAL_J.search(lowered):
            key = search_key(lowered[:-1] + "i")
            if key:
                keys[key] = None
    return tuple(keys)


_index_tokens_cached = lru_cache(maxsize=_CACHE_SIZE)(_index_tokens)


def index_token_tuple(text: str) -> tuple[str, ...]:
    """What the search index keeps for ``text``: :func:`search_token_tuple` plus the keys of
    the other romanisations (:func:`word_keys`). Duplicate checks use the plain keys."""
    if text.__class__ is str and len(text) <= _CACHED_LENGTH:
        return _index_tokens_cached(text)
    return _index_tokens(text)


def search_tokens(text: str) -> list[str]:
    """Keys of the words of ``text``, deduplicated in order of first appearance, none empty.

    Words are separated by anything that is not a letter or digit: spaces, hyphens,
    apostrophes, the ``<`` fillers of a machine-readable zone, punctuation.
    """
    return list(search_token_tuple(text))
