"""Exporting part of the registry (the current filter or a selection), audited by scope without
personal data; notices to citizens picked by vulnerability and "not reached since"."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from embassy_desk.domain.collation import sort_part
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.gui.notices.recipient import count_selection
from embassy_desk.services import audit_log, browse, contacts, exporter, notices, registry
from embassy_desk.services.browse import BrowseQuery, Scope
from embassy_desk.services.session import Session
from tests.conftest import aigerim

PEOPLE = [
    # surname, region, vulnerabilities
    ("Абаева", "Seoul", "elderly"),
    ("Бекова", "Seoul", ""),
    ("Ғаниева", "Busan", "elderly,medical"),
    ("Дәулетова", "Seoul", "minor"),
    ("Ізбасарова", "Busan", ""),
]


@pytest.fixture
def people(admin: Session) -> dict[str, str]:
    ids = {}
    for surname, region, vulnerabilities in PEOPLE:
        data = aigerim(surname=surname, region=region, national_id=None, passport_number=None)
        if vulnerabilities:
            data["vulnerabilities"] = vulnerabilities
        ids[surname] = registry.register_citizen(admin, data, allow_duplicate=True).id
    return ids


def _exported_surnames(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return sorted((row["surname"] for row in csv.DictReader(f)), key=sort_part)


def _last_export_audit(session: Session) -> dict[str, object]:
    entry = next(e for e in audit_log.recent_entries(session) if e.action == "registry.export")
    details = json.loads(entry.details)
    assert isinstance(details, dict)
    return details


def test_export_of_the_current_filter(admin: Session, people: dict[str, str], tmp_path: Path) -> None:
    scope = Scope(query=BrowseQuery(region="KR-26", sort="name"))
    assert exporter.export_citizens(admin, tmp_path / "busan.csv", scope=scope) == 2
    assert _exported_surnames(tmp_path / "busan.csv") == ["Ғаниева", "Ізбасарова"]
    details = _last_export_audit(admin)
    assert details["scope"] == "filter" and details["criteria"] == {"region": "KR-26"}
    assert details["citizens"] == 2 and "citizen_ids" not in details


def test_export_of_a_search_records_ids_never_the_search_text(
    admin: Session, people: dict[str, str], tmp_path: Path
) -> None:
    scope = Scope(query=BrowseQuery(search="Абаева", region="KR-11"))
    assert exporter.export_citizens(admin, tmp_path / "found.xlsx", scope=scope) == 1
    details = _last_export_audit(admin)
    assert details["scope"] == "filter" and details["search"] is True
    assert details["citizen_ids"] == [people["Абаева"]]
    assert "Абаева" not in json.dumps(details, ensure_ascii=False)


def test_export_of_a_selection(admin: Session, people: dict[str, str], tmp_path: Path) -> None:
    chosen = (people["Бекова"], people["Дәулетова"])
    assert exporter.export_citizens(admin, tmp_path / "chosen.csv", scope=Scope(citizen_ids=chosen)) == 2
    assert _exported_surnames(tmp_path / "chosen.csv") == ["Бекова", "Дәулетова"]
    details = _last_export_audit(admin)
    assert details == {"citizens": 2, "format": "csv", "scope": "selection", "citizen_ids": list(chosen)}


def test_export_without_a_scope_is_everyone(admin: Session, people: dict[str, str], tmp_path: Path) -> None:
    assert exporter.export_citizens(admin, tmp_path / "all.csv") == len(PEOPLE)
    assert _last_export_audit(admin)["scope"] == "everyone"


def test_only_officers_export_any_scope(
    admin: Session, people: dict[str, str], tmp_path: Path, session_for: Callable[[Role], Session]
) -> None:
    for role in (Role.CLERK, Role.VIEWER):
        with pytest.raises(EmbassyDeskError):
            exporter.export_citizens(
                session_for(role), tmp_path / "x.csv", scope=Scope(citizen_ids=(people["Бекова"],))
            )
    assert not (tmp_path / "x.csv").exists()
    officer = session_for(Role.OFFICER)
    assert (
        exporter.export_citizens(officer, tmp_path / "o.csv", scope=Scope(query=BrowseQuery(region="KR-26")))
        == 2
    )


def test_not_reached_since_and_vulnerability_pick_recipients(admin: Session, people: dict[str, str]) -> None:
    today = date.today()
    contacts.log_contact(admin, people["Абаева"], channel="phone", outcome="reached", welfare="safe")
    contacts.log_contact(admin, people["Ғаниева"], channel="phone", outcome="no_answer")
    since = today - timedelta(days=3)

    def picked(selection: notices.Selection) -> set[str]:
        count = count_selection(admin, selection)
        query = BrowseQuery(
            region=selection.region,
            vulnerability=selection.vulnerability,
            not_reached_since=selection.not_reached_since.isoformat()
            if selection.not_reached_since
            else None,
        )
        rows = browse.rows_by_rid(admin, [r for c in browse.ordered_rids(admin, query) for r in c])
        found = {row.name.split()[0] for row in rows if row}
        assert count.total == len(found)
        return found

    # Elderly people nobody has reached since three days ago: a "no answer" does not count.
    assert picked(notices.Selection(vulnerability="elderly", not_reached_since=since)) == {"Ғаниева"}
    assert picked(notices.Selection(vulnerability="elderly")) == {"Абаева", "Ғаниева"}
    assert picked(notices.Selection(not_reached_since=today + timedelta(days=1))) == {s for s, _, _ in PEOPLE}
    assert picked(notices.Selection(region="KR-11", not_reached_since=since)) == {"Бекова", "Дәулетова"}


def test_notices_issued_to_a_vulnerability_not_reached_since(
    admin: Session, people: dict[str, str], tmp_path: Path
) -> None:
    contacts.log_contact(admin, people["Абаева"], channel="phone", outcome="reached", welfare="safe")
    result = notices.issue(
        admin,
        kind="advisory",
        languages=["ru"],
        target=tmp_path / "elderly.pdf",
        selection=notices.Selection(vulnerability="elderly", not_reached_since=date.today()),
        params={"situation": {"ru": "Особая обстановка."}},
    )
    assert result.notices == 1
    assert {n.citizen_id for n in notices.list_issued(admin)} == {people["Ғаниева"]}


def test_a_bad_date_is_named() -> None:
    with pytest.raises(ValidationError, match="not_reached_since"):
        browse.scope_where(Scope(query=BrowseQuery(not_reached_since="yesterday")))
