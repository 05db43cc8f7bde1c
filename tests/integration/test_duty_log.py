"""The duty log: notes written and read back newest first, the handover after a sign-in, the command
line, a note reaching a second workstation, and the latest reach of each citizen."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from embassy_desk.cli.main import main
from embassy_desk.domain.enums import Channel, Role
from embassy_desk.domain.errors import PermissionDeniedError, ValidationError
from embassy_desk.services import browse, contacts, duty_log, registry
from embassy_desk.services.audit_log import recent_entries
from embassy_desk.services.permissions import Action
from embassy_desk.services.reached import last_reached
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.sync_local_hub import Hub, second_workstation


def test_notes_are_read_back_newest_first_with_the_writers_name(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    first = duty_log.write_note(admin, "  Seoul list half done; Busan not started.  ")
    officer = session_for(Role.OFFICER)
    second = duty_log.write_note(officer, "Flight KC-908 confirmed for 06:00, 40 seats.")
    assert first.text == "Seoul list half done; Busan not started.", "blank space around it is dropped"
    notes = duty_log.recent_notes(admin)
    assert [n.id for n in notes] == [second.id, first.id]
    assert (notes[0].staff, notes[0].staff_name) == ("officer1", "officer1")
    assert (notes[1].staff, notes[1].staff_name) == ("admin", "Admin")
    assert [n.id for n in duty_log.recent_notes(admin, since=first.at)] == [second.id]
    assert [n.id for n in duty_log.recent_notes(admin, limit=1)] == [second.id]
    viewer = session_for(Role.VIEWER)
    assert len(duty_log.recent_notes(viewer)) == 2, "everyone reads the log"
    with pytest.raises(PermissionDeniedError):
        duty_log.write_note(viewer, "viewers only read")


def test_a_note_is_audited_by_id_and_goes_to_the_outbox(admin: Session) -> None:
    note = duty_log.write_note(admin, "Nurlanova A. asked for a call back (synthetic).")
    entry = recent_entries(admin, limit=1)[0]
    assert (entry.action, entry.entity, entry.entity_id) == ("duty.note", "duty_note", note.id)
    assert "Nurlanova" not in entry.details, "the audit log holds the id only"
    with admin.read() as conn:
        row = conn.execute(
            text("SELECT op, fields FROM change_log WHERE entity = 'duty_note' AND record_id = :id"),
            {"id": note.id},
        ).one()
    assert row[0] == "create"
    assert json.loads(row[1]) == {"at": note.at, "staff": "admin", "text": note.text}


@pytest.mark.parametrize("bad", ["", "   \n ", "x" * 4001])
def test_an_empty_or_overlong_note_is_refused_by_field(admin: Session, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        duty_log.write_note(admin, bad)
    assert caught.value.field == "text"
    assert duty_log.recent_notes(admin) == []


def test_exactly_4000_characters_are_kept(admin: Session) -> None:
    assert len(duty_log.write_note(admin, "y" * 4000).text) == 4000


def test_handover_shows_what_others_wrote_since_the_previous_sign_in(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    officer = session_for(Role.OFFICER)
    now = datetime.now(UTC)
    # Never signed in before here (one login in the audit log): the last 12 hours count.
    first = duty_log.handover_notes(officer, now=now)
    assert first.notes == [] and first.total == 0
    notes = [duty_log.write_note(admin, f"Entry {i}") for i in range(7)]
    duty_log.write_note(officer, "my own note is not news to me")
    later = duty_log.handover_notes(officer, now=now + timedelta(seconds=30))
    assert later.total == 7
    assert [n.id for n in later.notes] == [n.id for n in reversed(notes)][: duty_log.HANDOVER_LIMIT]
    # The next sign-in sees only what came after this one.
    again = duty_log.handover_notes(officer, now=now + timedelta(seconds=60))
    assert again.total == 0 and again.notes == []


def test_handover_of_a_first_sign_in_uses_the_previous_login_or_twelve_hours(
    admin: Session, paths: WorkstationPaths
) -> None:
    with admin.write(Action.DUTY_NOTE) as uow:
        for at, body in (("2000-01-01T00:00:00.000+00:00", "ancient"),):
            uow.conn.execute(
                text("INSERT INTO duty_notes(id, at, staff, text) VALUES ('old', :at, 'someone', :t)"),
                {"at": at, "t": body},
            )
    # The admin fixture signed in once when the template was made and once for this test: the
    # handover counts from the earlier one, and the note from 2000 is before it.
    assert duty_log.handover_notes(admin).total == 0
    assert duty_log.recent_notes(admin)[0].staff_name == "someone", "an account not known here: its name"


def test_cli_writes_and_lists_notes(
    paths: WorkstationPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EMBASSY_DESK_USER", "admin")
    monkeypatch.setenv("EMBASSY_DESK_PASSPHRASE", ADMIN_PASSPHRASE)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    data = ["--data-dir", str(paths.root)]
    assert main([*data, "duty", "note", "Busan call list: 120 left, see campaign 'Busan'."]) == 0
    note_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main([*data, "duty", "note", "Handover at 08:00."]) == 0
    capsys.readouterr()
    assert main([*data, "duty", "log", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [set(n) for n in listed] == [{"id", "at", "staff", "staff_name", "text"}] * 2
    assert listed[1]["id"] == note_id
    assert (listed[0]["text"], listed[0]["staff"], listed[0]["staff_name"]) == (
        "Handover at 08:00.",
        "admin",
        "Admin",
    )
    assert main([*data, "duty", "log"]) == 0
    out = capsys.readouterr().out
    assert out.index("Handover at 08:00.") < out.index("Busan call list")
    assert main([*data, "duty", "note", "   "]) == 2
    assert "empty" in capsys.readouterr().err


def test_a_note_reaches_a_second_workstation(admin: Session, tmp_path: Path) -> None:
    other = second_workstation(tmp_path)
    try:
        note = duty_log.write_note(admin, "Generator at the embassy runs until 22:00.")
        Hub().sync(admin, other)
        there = duty_log.recent_notes(other)
        assert [(n.id, n.at, n.staff, n.text) for n in there] == [(note.id, note.at, "admin", note.text)]
        assert there[0].staff_name == "Admin", "the same user name is known there"
    finally:
        other.lock()


def test_last_reached_is_the_latest_reached_contact_with_its_channel(admin: Session) -> None:
    one = registry.register_citizen(admin, aigerim()).id
    two = registry.register_citizen(
        admin,
        aigerim(
            national_id="",
            surname="Ахметов",
            given_names="Ержан",
            sex="M",
            passport_number="N22222222",
            birth_date="1990-01-01",
        ),
    ).id
    never = registry.register_citizen(
        admin,
        aigerim(
            national_id="",
            surname="Сейткали",
            given_names="Дана",
            passport_number="N33333333",
            birth_date="1985-05-05",
        ),
    ).id
    contacts.log_contact(admin, one, channel="visit", outcome="reached")
    latest = contacts.log_contact(admin, one, channel="phone", outcome="reached", welfare="safe")
    contacts.log_contact(admin, one, channel="sms", outcome="no_answer")  # later, but not a reach
    contacts.log_contact(admin, two, channel="messenger", outcome="reached")
    contacts.log_contact(admin, never, channel="phone", outcome="wrong_number")
    found = last_reached(admin, [one, two, never, one])
    assert set(found) == {one, two}
    assert (found[one].at, found[one].channel) == (latest.at, Channel.PHONE)
    assert found[two].channel is Channel.MESSENGER
    assert last_reached(admin, []) == {}
    rows = browse.rows_by_id(admin, [one, never])
    assert (rows[one].last_reached_at, rows[one].last_reached_channel) == (latest.at, "phone")
    assert (rows[never].last_reached_at, rows[never].last_reached_channel) == ("", "")
    # Sorting by it: never reached first, then the longest ago.
    order = [
        rid for chunk in browse.ordered_rids(admin, browse.BrowseQuery(sort="last_reached")) for rid in chunk
    ]
    by_rid = {row.rid: cid for cid, row in browse.rows_by_id(admin, [one, two, never]).items()}
    assert [by_rid[r] for r in order] == [never, one, two]


def test_last_reached_reads_one_index_seek_per_person(admin: Session) -> None:
    from embassy_desk.services.reached import LATEST_REACHED

    with admin.read() as conn:
        plan = " ".join(
            str(r[-1])
            for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN SELECT {LATEST_REACHED} FROM citizens")
        )
    assert "ix_contacts_citizen" in plan
