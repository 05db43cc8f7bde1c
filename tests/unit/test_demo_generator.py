"""The synthetic demo post: deterministic, valid, plausible, and never a duplicate of itself."""

from __future__ import annotations

from collections import Counter

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.citizen import ValidationContext, validate_citizen


def test_same_seed_same_post_and_other_seed_other_post() -> None:
    first = list(synthetic_rows(DemoSettings(300, 7)))
    assert first == list(synthetic_rows(DemoSettings(300, 7)))
    assert first != list(synthetic_rows(DemoSettings(300, 8)))


def test_every_row_validates_and_people_are_distinct() -> None:
    rows = list(synthetic_rows(DemoSettings(3000, 2024)))
    assert len(rows) == 3000
    ctx = ValidationContext()
    records = [validate_citizen(row, ctx) for row in rows]
    assert len({r["national_id"] for r in records}) == 3000
    assert len({r["passport_number"] for r in records}) == 3000
    assert len({(r["birth_date"], r["name_key"]) for r in records}) == 3000
    assert all(r["phones"] and '"+8210' in r["phones"] for r in records)


def test_the_post_looks_like_kazakh_citizens_in_korea() -> None:
    rows = list(synthetic_rows(DemoSettings(5000, 2024)))
    regions = Counter(row["region"] for row in rows)
    assert regions.most_common(2)[0][0] in {"KR-41", "KR-11"}
    assert regions["KR-11"] + regions["KR-41"] > 0.45 * len(rows)
    purposes = Counter(row["purpose_of_stay"] for row in rows)
    assert {"study", "work", "residence", "visit", "family"} <= set(purposes)
    households = Counter(row["household"] for row in rows if row.get("household"))
    assert households
    assert min(households.values()) >= 2
    assert any("minor" in row.get("vulnerabilities", "") for row in rows)
    kazakh_letters = set("әғқңөұүһі")
    assert sum(any(ch in kazakh_letters for ch in row["given_names"].lower()) for row in rows) > 500
