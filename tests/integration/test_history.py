"""A record's history from the audit log: what happened to one citizen, in order, ids and field names only."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import NotFoundError
from embassy_desk.services import cases, contacts, history, importer, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def actions(entries: list[history.HistoryEntry]) -> list[str]:
    return [e.action for e in entries]


def test_creation_edits_contacts_and_cases_in_order(admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    other = registry.register_citizen(
        admin,
        aigerim(surname="Ахметов", given_names="Ерлан", sex="M", national_id="", passport_number="N77777777"),
    )
    registry.edit_citizen(admin, citizen.id, {"email": "new.address@example.com", "city": "Seoul"})
    registry.edit_citizen(admin, other.id, {"city": "Busan"})  # someone else's edit stays out
    contacts.log_contact(admin, citizen.id, channel="phone", outcome="reached")
    case = cases.open_case(admin, citizen.id, kind="medical", summary="hospital")
    cases.update_case(admin, case.id, assignee="admin", note="called")

    entries = history.record_history(admin, citizen.id)
    assert actions(entries) == ["citizen.create", "citizen.edit", "contact.log", "case.open", "case.update"]
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert all(e.actor == "admin" for e in entries)
    edit = entries[1]
    assert set(edit.fields) == {"email", "city"}
    assert entries[4].entity == "case" and entries[4].entity_id == case.id
    assert entries[4].fields == ("assignee",)
    # Ids and field names only: no value typed into the record reaches the history.
    dumped = json.dumps([(e.details, e.fields) for e in entries], ensure_ascii=False)
    for value in ("new.address@example.com", "Seoul", "Нурланова", "N12345678", "hospital"):
        assert value not in dumped


def test_duplicate_decisions_and_merges_name_both_records(admin: Session) -> None:
    kept = registry.register_citizen(admin, aigerim())
    twin = registry.register_citizen(admin, aigerim(city="Busan"), allow_duplicate=True)
    registry.mark_not_duplicate(admin, twin.id, kept.id)
    assert "duplicate.dismiss" in actions(history.record_history(admin, kept.id))
    assert "duplicate.dismiss" in actions(history.record_history(admin, twin.id))

    registry.merge_citizens(admin, kept.id, twin.id)
    merged = history.record_history(admin, kept.id)
    assert merged[-1].action == "citizen.merge"
    assert merged[-1].details == {"merged": twin.id}


def test_an_imported_citizen_starts_with_the_import(admin: Session, tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text("surname,given_names,birth_date\nНурланова,Айгерим,1998-03-14\n", encoding="utf-8")
    importer.import_file(admin, source)
    (found,) = registry.search(admin, "Айгерим")
    entries = history.record_history(admin, found.id)
    assert actions(entries) == ["citizen.create"]
    assert entries[0].details == {"source": "import"}
    assert entries[0].actor == "admin"
    assert entries[0].at == found.created_at

    registry.edit_citizen(admin, found.id, {"city": "Seoul"})
    assert actions(history.record_history(admin, found.id)) == ["citizen.create", "citizen.edit"]


def test_every_role_may_read_a_history_and_unknown_ids_are_refused(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    viewer = session_for(Role.VIEWER)
    assert actions(history.record_history(viewer, citizen.id)) == ["citizen.create"]
    with pytest.raises(NotFoundError):
        history.record_history(admin, "0190-no-such-citizen")
