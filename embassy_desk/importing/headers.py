"""Column headers as consular staff write them, mapped to the registry's canonical field names.

Spreadsheets reach the embassy from many hands: English templates, Russian lists kept since
the 2000s, Kazakh forms from the ministry, and bilingual headers such as "Тегі / Фамилия".
This module only decides which column holds which field; values are validated elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

#: Canonical field names, in the order the registry shows them.
FIELDS: tuple[str, ...] = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "sex",
    "birth_date",
    "birth_place",
    "national_id",
    "passport_number",
    "passport_issue_date",
    "passport_expiry_date",
    "nationality",
    "purpose_of_stay",
    "arrival_date",
    "planned_departure_date",
    "address",
    "city",
    "region",
    "phone",
    "phone2",
    "email",
    "messenger",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "household",
    "vulnerabilities",
    "languages",
    "consent_date",
    "consent_method",
    "status",
    "welfare_status",
    "notes",
)

#: One column "Surname Given Patronymic", split by the reader into the name fields.
FULL_NAME = "full_name"

#: Value in an explicit mapping that means "this column is deliberately not imported".
IGNORE = "-"

#: Every name an explicit mapping may use.
MAPPABLE_FIELDS: frozenset[str] = frozenset((*FIELDS, FULL_NAME))

#: Fields of which at least one needs a column, or no row can name its citizen.
NAME_FIELDS: tuple[str, ...] = (
    "surname",
    "given_names",
    "surname_latin",
    "given_names_latin",
    FULL_NAME,
)

# Headers per field, in English, Russian and Kazakh. Spelling variants that differ only in
# case, punctuation, spaces, ё/е or Kazakh і typed as Latin i need not be listed twice: the
# normalisation below folds them together. The canonical name itself is always accepted so
# that files exported by Embassy Desk read back without a mapping.
_ALIASES: dict[str, tuple[str, ...]] = {
    "surname": (
        "Surname",
        "Last name",
        "Family name",
        "Lastname",
        "Фамилия",
        "Фамилия гражданина",
        "Тегі",
        "Тегі (фамилия)",
    ),
    "given_names": (
        "Given names",
        "Given name",
        "First name",
        "First names",
        "Forename",
        "Forenames",
        "Имя",
        "Имена",
        "Аты",
        "Есімі",
        "Аты (имя)",
    ),
    "patronymic": (
        "Patronymic",
        "Middle name",
        "Father's name",
        "Fathers name",
        "Отчество",
        "Отчество (при наличии)",
        "Әкесінің аты",
        "Әкесінің есімі",
        "Әкесінің аты (бар болса)",
    ),
    "surname_latin": (
        "Surname (Latin)",
        "Surname Latin",
        "Latin surname",
        "Surname in Latin",
        "Surname (as in passport)",
        "Last name (Latin)",
        "Фамилия (латиница)",
        "Фамилия латиницей",
        "Фамилия на латинице",
        "Фамилия (лат)",
        "Фамилия лат",
        "Фамилия по паспорту (латиница)",
        "Тегі (латынша)",
        "Тегі латынша",
        "Тегі латын әрпімен",
    ),
    "given_names_latin": (
        "Given names (Latin)",
        "Given names Latin",
        "Given name (Latin)",
        "First name (Latin)",
        "Latin given names",
        "Latin first name",
        "Name in Latin",
        "Given names (as in passport)",
        "Имя (латиница)",
        "Имя латиницей",
        "Имя на латинице",
        "Имя (лат)",
        "Имя лат",
        "Аты (латынша)",
        "Аты латынша",
        "Аты латын әрпімен",
    ),
    "sex": (
        "Sex",
        "Gender",
        "M/F",
        "Пол",
        "Жынысы",
        "Жыныс",
    ),
    "birth_date": (
        "Date of birth",
        "Birth date",
        "Birthdate",
        "Birthday",
        "DOB",
        "D.O.B.",
        "Born",
        "Дата рождения",
        "Д/р",
        "Д.р.",
        "Дата рожд",
        "Год рождения",
        "Туған күні",
        "Туған күні айы жылы",
        "Туылған күні",
        "Туған жылы",
    ),
    "birth_place": (
        "Place of birth",
        "Birthplace",
        "Birth place",
        "POB",
        "Место рождения",
        "Туған жері",
        "Туылған жері",
    ),
    "national_id": (
        "IIN",
        "ИИН",
        "ЖСН",
        "ИИН/ЖСН",
        "ЖСН/ИИН",
        "IIN/ИИН",
        "National ID",
        "National ID number",
        "Personal number",
        "Personal ID",
        "Personal code",
        "Individual identification number",
        "Индивидуальный идентификационный номер",
        "Жеке сәйкестендіру нөмірі",
    ),
    "passport_number": (
        "Passport",
        "Passport No.",
        "Passport No",
        "Passport Nr",
        "Passport number",
        "Passport #",
        "Document number",
        "Document No",
        "Паспорт",
        "№ паспорта",
        "Номер паспорта",
        "Паспорт №",
        "Паспорт номер",
        "Серия и номер паспорта",
        "Номер документа",
        "№ документа",
        "Удостоверение личности / паспорт",
        "Төлқұжат",
        "Төлқұжат нөмірі",
        "Төлқұжат №",
        "Құжат нөмірі",
        "Құжат №",
    ),
    "passport_issue_date": (
        "Passport issue date",
        "Passport issued",
        "Date of issue",
        "Issue date",
        "Issued",
        "Дата выдачи",
        "Дата выдачи паспорта",
        "Паспорт выдан",
        "Берілген күні",
        "Төлқұжат берілген күні",
        "Құжат берілген күні",
    ),
    "passport_expiry_date": (
        "Passport expiry date",
        "Passport expiry",
        "Passport expires",
        "Passport valid until",
        "Expiry date",
        "Date of expiry",
        "Expiration date",
        "Expires",
        "Valid until",
        "Срок действия",
        "Срок действия паспорта",
        "Действителен до",
        "Паспорт действителен до",
        "Дата окончания срока действия",
        "Дата окончания",
        "Жарамдылық мерзімі",
        "Қолданылу мерзімі",
        "Жарамды мерзімі",
        "Төлқұжаттың жарамдылық мерзімі",
    ),
    "nationality": (
        "Nationality",
        "Citizenship",
        "Nationality code",
        "Гражданство",
        "Азаматтығы",
        "Азаматтық",
    ),
    "purpose_of_stay": (
        "Purpose",
        "Purpose of stay",
        "Purpose of visit",
        "Purpose of travel",
        "Reason for stay",
        "Цель пребывания",
        "Цель поездки",
        "Цель визита",
        "Цель въезда",
        "Цель",
        "Болу мақсаты",
        "Келу мақсаты",
        "Сапар мақсаты",
        "Мақсаты",
    ),
    "arrival_date": (
        "Arrival date",
        "Date of arrival",
        "Arrival",
        "Arrived",
        "Entry date",
        "Date of entry",
        "Дата прибытия",
        "Дата въезда",
        "Дата приезда",
        "Прибыл",
        "Келген күні",
        "Келу күні",
        "Келген уақыты",
    ),
    "planned_departure_date": (
        "Planned departure date",
        "Planned departure",
        "Departure date",
        "Date of departure",
        "Departure",
        "Дата выезда",
        "Дата отъезда",
        "Планируемая дата выезда",
        "Планируемая дата отъезда",
        "Предполагаемая дата выезда",
        "Кету күні",
        "Жоспарланған кету күні",
        "Кететін күні",
    ),
    "address": (
        "Address",
        "Address abroad",
        "Residential address",
        "Home address",
        "Local address",
        "Адрес",
        "Адрес проживания",
        "Адрес пребывания",
        "Адрес в стране пребывания",
        "Место проживания",
        "Мекенжай",
        "Мекен-жай",
        "Мекенжайы",
        "Тұратын мекенжайы",
        "Тұрғылықты мекенжайы",
    ),
    "city": (
        "City",
        "Town",
        "City/Town",
        "Locality",
        "Город",
        "Населённый пункт",
        "Нас. пункт",
        "Қала",
        "Қаласы",
        "Елді мекен",
    ),
    "region": (
        "Region",
        "Province",
        "State",
        "Oblast",
        "Регион",
        "Область",
        "Провинция",
        "Штат",
        "Өңір",
        "Облыс",
        "Аймақ",
    ),
    "phone": (
        "Phone",
        "Phone number",
        "Phone 1",
        "Telephone",
        "Tel",
        "Tel.",
        "Mobile",
        "Mobile phone",
        "Mobile number",
        "Cell",
        "Cell phone",
        "Contact phone",
        "Телефон",
        "Тел.",
        "Телефон 1",
        "Номер телефона",
        "Контактный телефон",
        "Мобильный",
        "Мобильный телефон",
        "Моб. телефон",
        "Моб. тел.",
        "Сотовый",
        "Сотовый телефон",
        "Телефон нөмірі",
        "Байланыс телефоны",
        "Ұялы телефон",
    ),
    "phone2": (
        "Phone 2",
        "Second phone",
        "Other phone",
        "Alternative phone",
        "Additional phone",
        "Home phone",
        "Work phone",
        "Телефон 2",
        "Тел. 2",
        "Второй телефон",
        "Доп. телефон",
        "Дополнительный телефон",
        "Другой телефон",
        "Домашний телефон",
        "Рабочий телефон",
        "Қосымша телефон",
        "Екінші телефон",
        "Үй телефоны",
    ),
    "email": (
        "Email",
        "E-mail",
        "Email address",
        "E-mail address",
        "Mail",
        "Электронная почта",
        "Эл. почта",
        "Эл. адрес",
        "Адрес электронной почты",
        "Почта",
        "Электрондық пошта",
        "Эл. пошта",
        "Пошта",
    ),
    "messenger": (
        "Messenger",
        "Messengers",
        "WhatsApp",
        "Telegram",
        "WhatsApp/Telegram",
        "Viber",
        "Мессенджер",
        "Мессенджеры",
        "Ватсап",
        "Телеграм",
        "Вотсап",
    ),
    "emergency_contact_name": (
        "Emergency contact",
        "Emergency contact name",
        "Contact person",
        "Next of kin",
        "Next of kin name",
        "Контактное лицо",
        "Экстренный контакт",
        "Контакт для экстренной связи",
        "Кому сообщить в экстренном случае",
        "Родственник",
        "ФИО родственника",
        "Байланыс тұлғасы",
        "Төтенше жағдайда байланысатын адам",
        "Жақын туысы",
        "Туысы",
    ),
    "emergency_contact_phone": (
        "Emergency phone",
        "Emergency contact phone",
        "Emergency contact number",
        "Contact person phone",
        "Next of kin phone",
        "Телефон контактного лица",
        "Телефон экстренного контакта",
        "Телефон для экстренной связи",
        "Телефон родственника",
        "Тел. родственника",
        "Байланыс тұлғасының телефоны",
        "Туысының телефоны",
        "Жақын туысының телефоны",
    ),
    "emergency_contact_relation": (
        "Relation",
        "Relationship",
        "Emergency contact relation",
        "Emergency contact relationship",
        "Relationship to citizen",
        "Степень родства",
        "Родство",
        "Кем приходится",
        "Туыстық қатынасы",
        "Туыстығы",
        "Кім болып келеді",
    ),
    "household": (
        "Household",
        "Household members",
        "Family",
        "Family members",
        "Members of family",
        "Accompanying",
        "Accompanying persons",
        "Dependants",
        "Dependents",
        "Children",
        "Состав семьи",
        "Члены семьи",
        "Семья",
        "Сопровождающие",
        "Сопровождающие лица",
        "Дети",
        "Отбасы",
        "Отбасы мүшелері",
        "Отбасы құрамы",
        "Балалары",
    ),
    "vulnerabilities": (
        "Vulnerabilities",
        "Vulnerability",
        "Special needs",
        "Vulnerable",
        "Уязвимость",
        "Уязвимости",
        "Категория уязвимости",
        "Особые потребности",
        "Особые нужды",
        "Осалдық",
        "Осал топ",
        "Ерекше қажеттіліктер",
    ),
    "languages": (
        "Languages",
        "Language",
        "Spoken languages",
        "Языки",
        "Язык",
        "Владение языками",
        "Тілдер",
        "Тілі",
        "Тіл",
    ),
    "consent_date": (
        "Consent date",
        "Date of consent",
        "Дата согласия",
        "Дата согласия на обработку",
        "Дата согласия на обработку персональных данных",
        "Келісім күні",
        "Келісім берілген күні",
    ),
    "consent_method": (
        "Consent",
        "Consent method",
        "Consent form",
        "Consent given",
        "Способ согласия",
        "Форма согласия",
        "Согласие",
        "Согласие на обработку персональных данных",
        "Келісім",
        "Келісім тәсілі",
        "Келісім нысаны",
    ),
    "status": (
        "Status",
        "Registration status",
        "Consular status",
        "Статус",
        "Статус учета",
        "Статус учёта",
        "Мәртебе",
        "Мәртебесі",
        "Есепке алу мәртебесі",
    ),
    "welfare_status": (
        "Welfare",
        "Welfare status",
        "Welfare check",
        "Safety status",
        "Wellbeing",
        "Состояние",
        "Благополучие",
        "Статус безопасности",
        "Положение",
        "Жағдайы",
        "Қауіпсіздік мәртебесі",
        "Хал-жағдайы",
    ),
    "notes": (
        "Notes",
        "Note",
        "Comments",
        "Comment",
        "Remarks",
        "Примечание",
        "Примечания",
        "Комментарий",
        "Комментарии",
        "Заметки",
        "Особые отметки",
        "Ескерту",
        "Ескертпе",
        "Ескертулер",
        "Түсініктеме",
    ),
    FULL_NAME: (
        "Full name",
        "Name",
        "Name of citizen",
        "Citizen name",
        "Full name (Latin)",
        "Name (Latin)",
        "Surname, given names",
        "Surname Given Patronymic",
        "Surname, name, patronymic",
        "ФИО",
        "Ф.И.О.",
        "ФИО гражданина",
        "ФИО (латиницей)",
        "ФИО латиницей",
        "Фамилия Имя Отчество",
        "Фамилия, имя, отчество",
        "Фамилия, имя",
        "Полное имя",
        "Аты-жөні",
        "Толық аты-жөні",
        "Тегі, аты, әкесінің аты",
        "Тегі аты әкесінің аты",
        "Азаматтың аты-жөні",
    ),
}

# "№" must go before NFKC, which would otherwise turn it into the letters "No".
_NUMERO = "№"
# Bilingual headers ("Тегі / Фамилия") and two-line headers put alternatives side by side.
_ALTERNATIVES = re.compile(r"[/|\\\n\r]+")
_PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def normalize_header(text: str) -> str:
    """Reduce a header to the key it is matched by.

    Case, punctuation (".", "№", ":", "*", "-", quotes...), all spaces, Cyrillic ё/е and the
    Kazakh letter і typed as a Latin i do not matter; letters and digits do.
    """
    folded = unicodedata.normalize("NFKC", text.replace(_NUMERO, " ")).casefold()
    folded = folded.replace("ё", "е").replace("і", "i")
    return "".join(ch for ch in folded if ch.isalnum())


def _build_index(aliases: Mapping[str, Iterable[str]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for field_name, texts in aliases.items():
        for text in (field_name, *texts):
            key = normalize_header(text)
            other = index.setdefault(key, field_name)
            # A header meaning two fields would make imports depend on dictionary order.
            if other != field_name:
                raise AssertionError(f"header {text!r} is listed for {other} and {field_name}")
    return index


_INDEX: dict[str, str] = _build_index(_ALIASES)


def header_aliases() -> dict[str, tuple[str, ...]]:
    """Return the known headers per field (a copy), for help texts and documentation."""
    return {name: tuple(texts) for name, texts in _ALIASES.items()}


def _lookup(text: str) -> str | None:
    key = normalize_header(text)
    if not key:
        return None
    found = _INDEX.get(key)
    if found is None:
        # "Дата рождения (дд.мм.гггг)", "Phone [mobile]": the remark is not part of the name.
        bare = normalize_header(_PARENTHESISED.sub(" ", text))
        if bare and bare != key:
            found = _INDEX.get(bare)
    return found


def match_header(text: str) -> str | None:
    """Return the canonical field (or ``"full_name"``) a column header names, or None.

    Bilingual headers such as "Тегі / Фамилия" or "ИИН\\nIIN" match when every recognised part
    names the same field.
    """
    found = _lookup(text)
    if found is not None:
        return found
    parts = [part for part in _ALTERNATIVES.split(text) if normalize_header(part)]
    if len(parts) < 2:
        return None
    matches = {_lookup(part) for part in parts} - {None}
    if len(matches) == 1:
        return matches.pop()
    return None


def map_headers(headers: list[str]) -> tuple[dict[int, str], list[str]]:
    """Map a header row to fields.

    Returns ``(columns, unmapped)``: column index → field for recognised columns, and the
    texts of non-empty headers that were not used. When two columns name the same field the
    first is kept and the second is reported as unmapped (a duplicate), never merged.
    """
    columns: dict[int, str] = {}
    unmapped: list[str] = []
    taken: set[str] = set()
    for index, text in enumerate(headers):
        label = text.strip()
        if not label:
            continue
        field_name = match_header(label)
        if field_name is None or field_name in taken:
            unmapped.append(label)
            continue
        taken.add(field_name)
        columns[index] = field_name
    return columns, unmapped
