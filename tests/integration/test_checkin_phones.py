"""The review queue of phone numbers citizens reported by check-in: HQ's record arrives by sync,
staff apply (the number leads, old ones kept, synced, audited) or dismiss it; never silently."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import count
from typing import Any

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import audit_log, checkin, registry
from embassy_desk.services.session import Session
from embassy_desk.sync import apply
from embassy_desk.sync.wire import PulledEntry
from tests.integration.test_campaigns import person, register

_SEQ = count(1)


def from_hq(session: Session, citizen_id: str, phone: str, *, reported_at: str, source: str = "web") -> str:
    """A ``phone_change`` as HQ's drainer writes it into the post's log, applied as a sync would."""
    change_id = uuid7()
    seq = next(_SEQ)
    fields: dict[str, Any] = {
        "citizen_id": citizen_id,
        "phone": phone,
        "reported_at": reported_at,
        "source": source,
        "status": "pending",
    }
    entry = PulledEntry(
        id=uuid7(),
        entity="phone_change",
        record_id=change_id,
        op="create",
        fields=fields,
        hlc=f"17900000{seq:05d}-00000-hq",
        staff="hq",
        schema_version=2,
        seq=seq,
        device="hq",
    )
    report = apply.apply_batch(session, [entry], cursor=seq)
    assert report.applied == 1 and not report.malformed
    return change_id


def _phones(session: Session, citizen_id: str) -> list[str]:
    stored = registry.get_citizen(session, citizen_id).fields.get("phones")
    return [p["number"] for p in json.loads(str(stored or "[]"))]


def test_the_queue_apply_and_dismiss(admin: Session) -> None:
    ids = register(admin, person("Адамова", phone="010-5555-1000", phone2="02-123-4567"), person("Бекова"))
    first = from_hq(admin, ids["Адамова"], "+821099998888", reported_at="2026-12-07T02:00:00.000+00:00")
    second = from_hq(
        admin, ids["Бекова"], "+821011112222", reported_at="2026-12-07T01:00:00.000+00:00", source="sms"
    )
    queue = checkin.pending_phone_changes(admin)
    assert [c.id for c in queue] == [second, first], "oldest first"
    shown = queue[1]
    assert (shown.name, shown.phone, shown.source) == ("Адамова Тест", "+821099998888", "web")
    assert shown.phones == ("+821055551000", "+8221234567")
    assert checkin.checkin_status(admin).pending_phones == 2

    assert checkin.apply_phone_change(admin, first) == "+821099998888"
    assert _phones(admin, ids["Адамова"]) == ["+821099998888", "+821055551000", "+8221234567"]
    before = _phones(admin, ids["Бекова"])
    checkin.dismiss_phone_change(admin, second)
    assert _phones(admin, ids["Бекова"]) == before, "dismissed: the record is unchanged"
    assert checkin.pending_phone_changes(admin) == []

    with admin.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, status, resolved_by, version FROM phone_changes ORDER BY reported_at"
        ).all()
        entries = conn.exec_driver_sql(
            "SELECT entity, record_id, op, fields FROM change_log WHERE entity IN ('phone_change', 'citizen')"
            " AND op = 'update' ORDER BY hlc"
        ).all()
    assert [(r[1], r[2], r[3]) for r in rows] == [("dismissed", "admin", 2), ("applied", "admin", 2)]
    # The edit and both decisions travel to HQ and the post's other workstations.
    assert [(e[0], e[1]) for e in entries] == [
        ("citizen", ids["Адамова"]),
        ("phone_change", first),
        ("phone_change", second),
    ]
    assert json.loads(str(entries[1][3]))["status"] == "applied"
    actions = {e.action: e for e in audit_log.recent_entries(admin)}
    assert {"citizen.edit", "checkin.phone_apply", "checkin.phone_dismiss"} <= set(actions)
    assert "+8210" not in json.dumps([str(e.details) for e in actions.values()]), "no number in the audit"


def test_decided_once(admin: Session) -> None:
    ids = register(admin, person("Адамова"))
    before = _phones(admin, ids["Адамова"])
    change = from_hq(admin, ids["Адамова"], "+821099998888", reported_at="2026-12-07T02:00:00.000+00:00")
    checkin.dismiss_phone_change(admin, change)
    with pytest.raises(checkin.PhoneChangeResolved):
        checkin.apply_phone_change(admin, change)
    with pytest.raises(checkin.PhoneChangeResolved):
        checkin.dismiss_phone_change(admin, change)
    with pytest.raises(NotFoundError):
        checkin.apply_phone_change(admin, "no-such-report")
    assert _phones(admin, ids["Адамова"]) == before


def test_a_number_already_on_record_moves_first(admin: Session) -> None:
    ids = register(admin, person("Адамова", phone="02-123-4567", phone2="010-7777-1234"))
    change = from_hq(admin, ids["Адамова"], "+821077771234", reported_at="2026-12-07T02:00:00.000+00:00")
    checkin.apply_phone_change(admin, change)
    assert _phones(admin, ids["Адамова"]) == ["+821077771234", "+8221234567"], "no duplicate"


def test_a_bad_number_is_refused_and_stays_pending(admin: Session) -> None:
    ids = register(admin, person("Адамова"))
    before = _phones(admin, ids["Адамова"])
    change = from_hq(admin, ids["Адамова"], "12", reported_at="2026-12-07T02:00:00.000+00:00")
    with pytest.raises(ValidationError) as refused:
        checkin.apply_phone_change(admin, change)
    assert "'12'" in str(refused.value)
    assert _phones(admin, ids["Адамова"]) == before
    assert [c.id for c in checkin.pending_phone_changes(admin)] == [change], "nothing half-done"
    checkin.dismiss_phone_change(admin, change)


def test_a_deleted_person_takes_their_reports_along(admin: Session) -> None:
    ids = register(admin, person("Адамова"))
    from_hq(admin, ids["Адамова"], "+821099998888", reported_at="2026-12-07T02:00:00.000+00:00")
    registry.delete_citizen(admin, ids["Адамова"])
    assert checkin.pending_phone_changes(admin) == []


def test_who_may(admin: Session, session_for: Callable[[Role], Session]) -> None:
    ids = register(admin, person("Адамова"))
    change = from_hq(admin, ids["Адамова"], "+821099998888", reported_at="2026-12-07T02:00:00.000+00:00")
    viewer, clerk = session_for(Role.VIEWER), session_for(Role.CLERK)
    with pytest.raises(PermissionDeniedError):
        checkin.pending_phone_changes(viewer)
    with pytest.raises(PermissionDeniedError):
        checkin.apply_phone_change(viewer, change)
    assert checkin.apply_phone_change(clerk, change) == "+821099998888"
