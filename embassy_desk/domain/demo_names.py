"""Synthetic name material for the deterministic demo post.

These are common given names and surname roots, combined at random: no record produced from them
describes a real person. Kazakh names are spelled with the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І)
where Kazakh spells them so; surnames are the Russian-style -ов/-ев/-ин forms that most Kazakh
passports still carry, some with Kazakh letters (Қасымов) and some without (Нурланов), as in life.
A smaller pool of Russian given names and Russian and Korean (корё-сарам) surnames gives the
Russian- and Korean-heritage citizens of Kazakhstan.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.translit import passport_latin

__all__ = [
    "KAZAKH_FEMALE_GIVEN",
    "KAZAKH_MALE_GIVEN",
    "KAZAKH_SURNAMES",
    "KOREAN_SURNAMES",
    "RUSSIAN_FEMALE_GIVEN",
    "RUSSIAN_MALE_GIVEN",
    "RUSSIAN_SURNAMES",
    "NameParts",
    "feminine_surname",
    "patronymic",
    "person_name",
]

KAZAKH_MALE_GIVEN: tuple[str, ...] = (
    "Абай", "Абзал", "Абылай", "Азамат", "Айбар", "Айбек", "Айбол", "Айдар", "Айдос", "Айдын",
    "Алмас", "Алмат", "Алпамыс", "Алтынбек", "Амангелді", "Аманжол", "Арман", "Арсен", "Арыстан",
    "Асқар", "Асқат", "Асхат", "Ахмет", "Әбілқайыр", "Әділ", "Әділет", "Әлжан", "Әли", "Әлібек",
    "Әлихан", "Әмір", "Әнуар", "Әсет", "Бағдат", "Бақдәулет", "Бақыт", "Бақытжан", "Бауыржан",
    "Бейбіт", "Бекарыс", "Бекболат", "Бекжан", "Бекзат", "Бердібек", "Берік", "Біржан", "Болат",
    "Ғабит", "Ғазиз", "Ғалым", "Ғани", "Дамир", "Данияр", "Дархан", "Дастан", "Дәулет", "Дәурен",
    "Досжан", "Думан", "Елдос", "Елжас", "Ерасыл", "Ербол", "Ерболат", "Ерғали", "Ержан",
    "Еркебұлан", "Еркін", "Ерлан", "Ермек", "Ерназар", "Ернар", "Жандос", "Жанболат", "Жасұлан",
    "Жақсылық", "Жеңіс", "Жомарт", "Жұмабек", "Жәнібек", "Зейнолла", "Ілияс", "Іскендер",
    "Ислам", "Исатай", "Қайрат", "Қайсар", "Қалдыбек", "Қанағат", "Қанат", "Қасым", "Қазыбек",
    "Қуаныш", "Құдайберген", "Кенжебек", "Мағжан", "Мақсат", "Марат", "Медет", "Мейірхан",
    "Мейрам", "Мирас", "Мұрат", "Мұхтар", "Мәди", "Мәулен", "Нұрасыл", "Нұрбек", "Нұрболат",
    "Нұрғиса", "Нұрдәулет", "Нұржан", "Нұрлан", "Нұрсұлтан", "Олжас", "Оралхан", "Өмірзақ",
    "Өркен", "Рамазан", "Рахат", "Руслан", "Рүстем", "Сабыр", "Сағат", "Санжар", "Саят", "Серік",
    "Сұлтан", "Сырым", "Сәкен", "Талғат", "Тамерлан", "Темірлан", "Тимур", "Төлеген", "Тұрсын",
    "Ұлан", "Ұлықбек", "Шерхан", "Шыңғыс", "Шоқан", "Ырысбек", "Үмбетәлі", "Мұхамеджан",
    "Жарқын", "Ықылас",
)  # fmt: skip

KAZAKH_FEMALE_GIVEN: tuple[str, ...] = (
    "Ажар", "Айару", "Айгерім", "Айгүл", "Айдана", "Айжан", "Айзере", "Айкөркем", "Айнаш",
    "Айнұр", "Айсұлу", "Айсәуле", "Айым", "Аида", "Алия", "Анар", "Ақбота", "Ақгүл", "Ақерке",
    "Ақжүніс", "Ақмарал", "Ақниет", "Ақнұр", "Ақсұлу", "Ақтоты", "Аружан", "Арайлым", "Аяжан",
    "Аяулым", "Әйгүл", "Әлима", "Әмина", "Әсел", "Әсем", "Әсемгүл", "Балжан", "Балнұр", "Бану",
    "Баян", "Бақытгүл", "Бибігүл", "Бибінұр", "Ботагөз", "Гаухар", "Гүлбану", "Гүлдана",
    "Гүлжан", "Гүлмира", "Гүлназ", "Гүлнар", "Гүлнұр", "Гүлсезім", "Гүлсім", "Гүлшат", "Дамира",
    "Дана", "Дария", "Дина", "Динара", "Ділдә", "Ділназ", "Дәмеш", "Ерке", "Еркежан", "Жадыра",
    "Жазира", "Жанар", "Жания", "Жанна", "Жаннат", "Жансая", "Жаңыл", "Жұлдыз", "Жібек",
    "Зарина", "Зере", "Зәуре", "Индира", "Інжу", "Іңкәр", "Камила", "Карина", "Кәмшат", "Күләш",
    "Күнсұлу", "Қаракөз", "Қарлығаш", "Қымбат", "Құралай", "Лаура", "Ләззат", "Ләйлә", "Мадина",
    "Маржан", "Мариям", "Мақпал", "Мейрамгүл", "Меңдігүл", "Меруерт", "Мөлдір", "Мәншүк",
    "Назерке", "Назгүл", "Назира", "Нұрай", "Нұргүл", "Нұржамал", "Нұрсұлу", "Перизат", "Райхан",
    "Раушан", "Сабина", "Салтанат", "Самал", "Сания", "Сара", "Сымбат", "Сәбира", "Сәуле",
    "Талшын", "Тоғжан", "Толқын", "Томирис", "Ұлбосын", "Ұлдана", "Ұлжан", "Ұлпан", "Үміт",
    "Үмітай", "Фариза", "Хадиша", "Шолпан", "Шынар", "Шырын",
)  # fmt: skip

# Male forms; feminine_surname() gives the female ones.
KAZAKH_SURNAMES: tuple[str, ...] = (
    "Абаев", "Абдрахманов", "Әбдіков", "Әбенов", "Әбілов", "Әбішев", "Айтбаев", "Айтжанов",
    "Айтқалиев", "Ақанов", "Ақылбеков", "Ақынов", "Әлиев", "Әлімжанов", "Алтынбеков", "Аманов",
    "Амангелдиев", "Асанов", "Асқаров", "Асылбеков", "Ахметов", "Әуезов", "Әшімов", "Байбеков",
    "Байжанов", "Баймұханов", "Байтұрсынов", "Бақытжанов", "Балтабаев", "Бейсенов",
    "Бекмұхамбетов", "Бекболатов", "Бердібеков", "Болатов", "Бөкейханов", "Боранбаев",
    "Ғабдуллин", "Ғалымов", "Ғаббасов", "Дәулетов", "Дәуренбеков", "Досмағамбетов", "Дүйсенов",
    "Дүйсенбаев", "Есенов", "Есімов", "Ерғалиев", "Ержанов", "Ерланов", "Ермеков", "Жақыпов",
    "Жанұзақов", "Жаңабаев", "Жексенбаев", "Жолдасбеков", "Жұмабаев", "Жұмағұлов", "Жүнісов",
    "Зейнуллин", "Ибраев", "Иманов", "Исабаев", "Исаев", "Исмаилов", "Ілиясов", "Қабдолов",
    "Қадыров", "Қайратов", "Қалиев", "Қанатов", "Қасымов", "Қожахметов", "Қонаев",
    "Құдайбергенов", "Құнанбаев", "Қуанышев", "Қыдырбаев", "Кенжебаев", "Көшербаев", "Мақсатов",
    "Мамыров", "Маратов", "Мұқанов", "Мұратов", "Мұхамеджанов", "Мырзахметов", "Мұсин",
    "Нұрғалиев", "Нурланов", "Нұрмағамбетов", "Нұрпейісов", "Нысанбаев", "Оразов", "Оспанов",
    "Омаров", "Өмірбеков", "Өтепов", "Өтегенов", "Рахимов", "Рысқұлов", "Сағынтаев",
    "Сәрсенбаев", "Сәтбаев", "Сейфуллин", "Сейітов", "Серікбаев", "Сұлтанов", "Сүлейменов",
    "Тасмағамбетов", "Тоқаев", "Төлегенов", "Тұрсынов", "Тәжібаев", "Темірбеков", "Тілеубаев",
    "Үсенов", "Уәлиханов", "Шалабаев", "Шаймерденов", "Шоқаев", "Ысқақов", "Құрманов",
    "Құрманғалиев", "Қаржаубаев", "Бектұров", "Бисенов", "Ескендіров", "Жұбанов", "Жылқыбаев",
    "Ізбасаров", "Кәрімов", "Молдабеков", "Мұсабаев", "Сарбасов", "Сыздықов", "Тайманов",
    "Тоқтаров", "Түсіпов", "Шаяхметов", "Шәріпов", "Ыдырысов", "Әмірханов", "Байұзақов",
    "Балғабаев", "Ботабеков", "Ерболатов", "Жандосов", "Әлібеков", "Бауыржанов", "Тілеуов",
    "Ұзақбаев", "Құлжанов", "Өскенбаев", "Үмбетов", "Үкібаев", "Мұхтаров", "Рүстемов",
    "Сапаров", "Сейдахметов", "Смағұлов", "Тұяқбаев", "Хасенов", "Хамитов", "Жақсыбеков",
    "Жүсіпов", "Кемелов", "Қасенов", "Қожабеков", "Мыңбаев", "Нұрмұханов", "Оңғарбаев",
    "Райымбеков", "Тоқтамысов", "Шәкенов", "Кенесов", "Нуржанов", "Серикбаев", "Касымов",
    "Ахмедьяров", "Галиев", "Жумагулов", "Мусабеков",
)  # fmt: skip

RUSSIAN_MALE_GIVEN: tuple[str, ...] = (
    "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Артём", "Валерий", "Василий",
    "Виктор", "Владимир", "Вячеслав", "Геннадий", "Георгий", "Денис", "Дмитрий", "Евгений",
    "Иван", "Игорь", "Илья", "Константин", "Максим", "Михаил", "Николай", "Олег", "Павел",
    "Роман", "Сергей", "Станислав", "Юрий",
)  # fmt: skip

RUSSIAN_FEMALE_GIVEN: tuple[str, ...] = (
    "Алина", "Алёна", "Анастасия", "Анна", "Валентина", "Вера", "Виктория", "Галина", "Дарья",
    "Евгения", "Екатерина", "Елена", "Ирина", "Кристина", "Ксения", "Любовь", "Людмила",
    "Мария", "Надежда", "Наталья", "Оксана", "Ольга", "Полина", "Светлана", "Софья", "Татьяна",
    "Юлия", "Яна",
)  # fmt: skip

# Male forms; -енко and -ых do not inflect, feminine_surname() knows.
RUSSIAN_SURNAMES: tuple[str, ...] = (
    "Андреев", "Белов", "Беляев", "Богданов", "Бондаренко", "Васильев", "Виноградов", "Волков",
    "Воробьёв", "Голубев", "Гусев", "Жуков", "Зайцев", "Иванов", "Ильин", "Киселёв", "Ковалёв",
    "Козлов", "Комаров", "Кузнецов", "Кузьмин", "Лебедев", "Макаров", "Михайлов", "Морозов",
    "Новиков", "Орлов", "Павлов", "Петров", "Попов", "Семёнов", "Смирнов", "Соколов", "Тарасов",
    "Титов", "Ткаченко", "Фёдоров", "Шевченко", "Щукин", "Черных",
)  # fmt: skip

# Korean surnames do not inflect for sex.
KOREAN_SURNAMES: tuple[str, ...] = (
    "Ким", "Пак", "Цой", "Ли", "Хван", "Тен", "Югай", "Шин", "Хегай", "Пан", "Нам", "Огай",
    "Кан", "Эм", "Лим", "Хан", "Ан", "Тян", "Хон", "Мун",
)  # fmt: skip

# Russian patronymics that the general rule gets wrong (fleeting vowels, й-insertion).
_IRREGULAR_PATRONYMICS: dict[str, tuple[str, str]] = {
    "Михаил": ("Михайлович", "Михайловна"),
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Лев": ("Львович", "Львовна"),
    "Илья": ("Ильич", "Ильинична"),
}

# Russian-style patronymics of Kazakh names are written with the Russian neighbours of the
# Kazakh letters (Серік → Серикович), as Soviet-era documents did.
_RUSSIFY = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_VOWELS = set("аеёиоуыэюяәөұүі")
_HUSHING = set("жшчщц")

_KAZAKH_SHARE = 0.85
_KOREAN_SHARE_OF_OTHERS = 0.4
_KAZAKH_STYLE_PATRONYMIC = 0.35
_NO_PATRONYMIC = 0.08


@dataclass(frozen=True, slots=True)
class NameParts:
    """One person's name as the registry stores it; the Latin fields are passport Latin."""

    surname: str
    given_names: str
    patronymic: str | None
    surname_latin: str
    given_names_latin: str


def feminine_surname(surname: str) -> str:
    """Female form of a male surname: -ов/-ев/-ёв/-ин/-ын take -а; other endings do not change."""
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


def patronymic(father: str, sex: Sex, *, kazakh_style: bool) -> str:
    """Patronymic from a father's given name.

    Kazakh style appends ұлы (son) or қызы (daughter) to the name as written. Russian style
    gives -ович/-овна, or -евич/-евна after a vowel, й, ь or a hushing consonant. FEMALE gets
    the daughter's form, any other ``sex`` the son's.
    """
    female = sex is Sex.FEMALE
    if kazakh_style:
        return father + ("қызы" if female else "ұлы")
    if father in _IRREGULAR_PATRONYMICS:
        male_form, female_form = _IRREGULAR_PATRONYMICS[father]
        return female_form if female else male_form
    stem = father.translate(_RUSSIFY)
    ending = "евна" if female else "евич"
    if stem.endswith("ий"):
        # Дмитрий → Дмитриевич but Юрий → Юрьевич: the и survives only after two consonants.
        before = stem[:-2]
        tail = before[-2:].lower()
        keeps_i = len(tail) == 2 and not (set(tail) & _VOWELS)
        return before + ("и" if keeps_i else "ь") + ending
    if stem.endswith(("й", "ь")):
        return stem[:-1] + ending
    last = stem[-1:].lower()
    if last in _VOWELS or last in _HUSHING:
        return stem + ending
    return stem + ("овна" if female else "ович")


_RUSSIAN_FATHERS: tuple[str, ...] = (*RUSSIAN_MALE_GIVEN, "Борис", "Пётр", "Леонид", "Эдуард")


def person_name(rng: random.Random, sex: Sex) -> NameParts:
    """A plausible, synthetic Kazakhstani name for a person of ``sex``, drawn from ``rng``.

    About 85% are Kazakh names (Kazakh given name and surname, patronymic in Russian or Kazakh
    style or none); the rest are Russian given names with a Russian or Korean surname and a
    Russian patronymic. UNSPECIFIED sex draws a male or female name at random.
    """
    if sex is not Sex.MALE and sex is not Sex.FEMALE:
        sex = rng.choice((Sex.MALE, Sex.FEMALE))
    female = sex is Sex.FEMALE
    father_name: str | None
    if rng.random() < _KAZAKH_SHARE:
        given = rng.choice(KAZAKH_FEMALE_GIVEN if female else KAZAKH_MALE_GIVEN)
        surname = rng.choice(KAZAKH_SURNAMES)
        roll = rng.random()
        father_name = rng.choice(KAZAKH_MALE_GIVEN)
        kazakh_style = roll < _KAZAKH_STYLE_PATRONYMIC
        if roll > 1.0 - _NO_PATRONYMIC:
            father_name = None
    else:
        given = rng.choice(RUSSIAN_FEMALE_GIVEN if female else RUSSIAN_MALE_GIVEN)
        korean = rng.random() < _KOREAN_SHARE_OF_OTHERS
        surname = rng.choice(KOREAN_SURNAMES if korean else RUSSIAN_SURNAMES)
        father_name = rng.choice(_RUSSIAN_FATHERS) if rng.random() >= _NO_PATRONYMIC else None
        kazakh_style = False
    if female:
        surname = feminine_surname(surname)
    middle = patronymic(father_name, sex, kazakh_style=kazakh_style) if father_name is not None else None
    return NameParts(
        surname=surname,
        given_names=given,
        patronymic=middle,
        surname_latin=passport_latin(surname),
        given_names_latin=passport_latin(given),
    )
