"""Deterministic synthetic citizens. Every name, number and address is invented; the same seed
always gives the same post. Rows come out in the import format, so the demo exercises the very
validation and storage path that real imports take."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from embassy_desk.domain.citizen import name_key
from embassy_desk.domain.demo_names import KAZAKH_SURNAMES, feminine_surname, patronymic, person_name
from embassy_desk.domain.enums import Sex
from embassy_desk.domain.iin import make_iin
from embassy_desk.domain.translit import passport_latin

DEMO_TODAY = date(2026, 11, 26)

# Where Kazakh citizens in Korea live, roughly: the capital region dominates, industry follows.
REGION_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("KR-41", 30.0),
    ("KR-11", 25.0),
    ("KR-28", 8.0),
    ("KR-26", 6.0),
    ("KR-44", 6.0),
    ("KR-48", 5.0),
    ("KR-47", 4.0),
    ("KR-27", 3.0),
    ("KR-43", 3.0),
    ("KR-31", 2.0),
    ("KR-30", 2.0),
    ("KR-29", 1.5),
    ("KR-52", 1.5),
    ("KR-46", 1.5),
    ("KR-51", 1.0),
    ("KR-49", 0.5),
    ("KR-50", 0.5),
)
CITIES = {
    "KR-41": ("Suwon", "Ansan", "Hwaseong", "Pyeongtaek", "Siheung"),
    "KR-11": ("Seoul",),
    "KR-28": ("Incheon",),
    "KR-26": ("Busan",),
    "KR-44": ("Cheonan", "Asan"),
    "KR-48": ("Changwon", "Gimhae"),
    "KR-47": ("Gumi", "Pohang"),
    "KR-27": ("Daegu",),
    "KR-43": ("Cheongju", "Eumseong"),
    "KR-31": ("Ulsan",),
    "KR-30": ("Daejeon",),
    "KR-29": ("Gwangju",),
    "KR-52": ("Jeonju",),
    "KR-46": ("Mokpo", "Yeosu"),
    "KR-51": ("Chuncheon", "Wonju"),
    "KR-49": ("Jeju",),
    "KR-50": ("Sejong",),
}
STREETS = (
    "Sejong-daero",
    "Teheran-ro",
    "Gangnam-daero",
    "Jungang-ro",
    "Haean-ro",
    "Dongil-ro",
    "Wolduk-ro",
    "Gongdan-ro",
    "Hakdong-ro",
    "Daehak-ro",
)
# (purpose, weight, youngest, oldest)
PURPOSES: tuple[tuple[str, float, int, int], ...] = (
    ("study", 33.0, 18, 29),
    ("work", 34.0, 21, 58),
    ("residence", 11.0, 25, 75),
    ("visit", 17.0, 18, 72),
    ("family", 5.0, 20, 70),
)
KZ_MOBILE_PREFIXES = ("700", "701", "702", "705", "707", "747", "771", "775", "777", "778")
RELATIONS = ("mother", "father", "brother", "sister", "spouse", "son", "daughter")


@dataclass(frozen=True)
class DemoSettings:
    citizens: int = 30_000
    seed: int = 2024


class _Sequence:
    """Bijections of the row index onto document and phone numbers: unique, yet scattered."""

    def __init__(self, seed: int) -> None:
        self.offset = seed * 1_000_003

    def passport(self, i: int) -> str:
        return f"N{(i * 48271 + self.offset) % 100_000_000:08d}"

    def phone(self, i: int) -> str:
        number = (i * 9973 + self.offset) % 100_000_000
        middle = number // 10_000
        if 5970 <= middle <= 5999:  # not allocated to mobiles: libphonenumber rejects them
            middle -= 1000
        return f"010-{middle:04d}-{number % 10_000:04d}"


def _pick_weighted(rng: random.Random, items: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([name for name, _ in items], weights=[w for _, w in items])[0]


def synthetic_rows(settings: DemoSettings) -> Iterator[dict[str, str]]:
    """Yield ``settings.citizens`` rows of import fields, deterministically from ``settings.seed``."""
    rng = random.Random(settings.seed)
    seq = _Sequence(settings.seed)
    used: set[str] = set()
    i = 0
    while i < settings.citizens:
        if rng.random() < 0.06 and settings.citizens - i >= 4:
            family = _family(rng, i, settings.seed)
        else:
            family = [_person(rng)]
        for member in family:
            if i >= settings.citizens:
                break
            yield _finish(rng, member, i, seq, used)
            i += 1


def _birth(rng: random.Random, youngest: int, oldest: int) -> date:
    age_days = rng.randint(youngest * 365 + 10, oldest * 365 + 300)
    return DEMO_TODAY - timedelta(days=age_days)


def _person(rng: random.Random) -> dict[str, object]:
    purpose, youngest, oldest = rng.choices(
        [(p, lo, hi) for p, _, lo, hi in PURPOSES], weights=[w for _, w, _, _ in PURPOSES]
    )[0]
    sex = Sex.MALE if rng.random() < (0.58 if purpose == "work" else 0.5) else Sex.FEMALE
    region = _pick_weighted(rng, REGION_WEIGHTS)
    return {
        "sex": sex,
        "birth": _birth(rng, youngest, oldest),
        "purpose": purpose,
        "region": region,
        "household": "",
    }


def _family(rng: random.Random, index: int, seed: int) -> list[dict[str, object]]:
    region = _pick_weighted(rng, REGION_WEIGHTS)
    label = f"Family {seed}-{index}"
    surname = rng.choice(KAZAKH_SURNAMES)
    family: dict[str, str] = {}  # the head's given name, once drawn, for the children
    head = {
        "sex": Sex.MALE,
        "birth": _birth(rng, 28, 50),
        "purpose": "work",
        "region": region,
        "household": label,
        "surname": surname,
        "family": family,
    }
    spouse = {
        "sex": Sex.FEMALE,
        "birth": _birth(rng, 26, 48),
        "purpose": "family",
        "region": region,
        "household": label,
        "surname": surname,
    }
    members = [head, spouse]
    for _ in range(rng.randint(1, 2)):
        child_sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
        members.append(
            {
                "sex": child_sex,
                "birth": _birth(rng, 1, 16),
                "purpose": "family",
                "region": region,
                "household": label,
                "surname": surname,
                "family": family,
                "child": True,
            }
        )
    return members


def _finish(
    rng: random.Random, member: dict[str, object], i: int, seq: _Sequence, used: set[str]
) -> dict[str, str]:
    sex = member["sex"]
    birth = member["birth"]
    assert isinstance(sex, Sex)
    assert isinstance(birth, date)
    name = person_name(rng, sex)
    family = member.get("surname")
    if isinstance(family, str):  # a household shares the family name, in its male or female form
        surname = feminine_surname(family) if sex is Sex.FEMALE else family
        name = replace(name, surname=surname, surname_latin=passport_latin(surname))
    shared = member.get("family")
    if isinstance(shared, dict):
        if member.get("child") and "father" in shared:
            name = replace(
                name, patronymic=patronymic(shared["father"], sex, kazakh_style=rng.random() < 0.4)
            )
        elif not member.get("child") and sex is Sex.MALE:
            shared["father"] = name.given_names
    # The registry treats the same name and birth date as a likely duplicate; a synthetic post
    # should hold N different people, so a clash moves the birthday by a day.
    same_person = f"{name_key(name.surname_latin, name.given_names_latin)}|{birth.isoformat()}"
    while same_person in used:
        birth -= timedelta(days=1)
        same_person = f"{name_key(name.surname_latin, name.given_names_latin)}|{birth.isoformat()}"
    used.add(same_person)
    serial = rng.randrange(10_000)
    iin = make_iin(birth, sex, serial)
    while iin in used:
        serial = (serial + 1) % 10_000
        iin = make_iin(birth, sex, serial)
    used.add(iin)
    region = str(member["region"])
    city = rng.choice(CITIES[region])
    age = (DEMO_TODAY - birth).days // 365
    vulnerabilities = []
    if age < 18:
        vulnerabilities.append("minor")
    if age >= 65:
        vulnerabilities.append("elderly")
    if rng.random() < 0.02:
        vulnerabilities.append("medical")
    if sex is Sex.FEMALE and 20 <= age <= 40 and rng.random() < 0.01:
        vulnerabilities.append("pregnancy")
    issue = DEMO_TODAY - timedelta(days=rng.randint(30, 3400))
    arrival = DEMO_TODAY - timedelta(days=rng.randint(3, 2500))
    row = {
        "surname": name.surname,
        "given_names": name.given_names,
        "patronymic": name.patronymic,
        "surname_latin": name.surname_latin,
        "given_names_latin": name.given_names_latin,
        "sex": sex.value,
        "birth_date": birth.isoformat(),
        "national_id": iin,
        "passport_number": seq.passport(i),
        "passport_issue_date": issue.isoformat(),
        "passport_expiry_date": (issue + timedelta(days=3652)).isoformat(),
        "purpose_of_stay": str(member["purpose"]),
        "arrival_date": arrival.isoformat(),
        "address": f"{rng.randint(1, 400)} {rng.choice(STREETS)}",
        "city": city,
        "region": region,
        "phone": seq.phone(i),
        "household": str(member["household"]),
        "vulnerabilities": ",".join(vulnerabilities),
        "consent_date": arrival.isoformat(),
        # Free text as staff at a Kazakh post type it: in Russian, like the names beside it.
        "consent_method": rng.choice(("бумажная форма", "онлайн-форма", "лично")),
        "languages": rng.choice(("kk,ru", "ru", "kk,ru,en", "kk,ru,ko")),
    }
    if age >= 16 and rng.random() < 0.6:
        row["email"] = f"{name.given_names_latin.split()[0].lower()}.{i}@example.com"
    if rng.random() < 0.5:
        row["messenger"] = f"telegram:@kz_demo_{i}"
    if age >= 18 and rng.random() < 0.7:
        row["emergency_contact_name"] = person_name(rng, rng.choice((Sex.MALE, Sex.FEMALE))).given_names
        row["emergency_contact_relation"] = rng.choice(RELATIONS)
        prefix = rng.choice(KZ_MOBILE_PREFIXES)
        row["emergency_contact_phone"] = f"+7 {prefix} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return {k: v for k, v in row.items() if v}
