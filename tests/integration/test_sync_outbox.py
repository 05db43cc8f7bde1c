"""The outbox (sync/outbox.py) and what local writes put into it (UnitOfWork.change): ops, bases,
epochs, merge state, tombstones; every entry the services write is one a workstation can apply."""

from __future__ import annotations

import orjson

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.services import cases, contacts, importer, registry
from embassy_desk.services.session import Session
from embassy_desk.storage import sync_state
from embassy_desk.sync import apply, outbox
from embassy_desk.sync.wire import Entry, PulledEntry
from tests.conftest import aigerim
from tests.sync_local_hub import writing


def _all_pending(session: Session) -> list[Entry]:
    with session.read() as conn:
        entries, _through = outbox.pending_batch(conn, 0, 100_000)
    return entries


def _someone(n: int) -> dict[str, object]:
    return aigerim(
        given_names="Айгерим" + "абвгдежзий"[n], national_id=None, passport_number=f"N1000000{n}", phone=None
    )


def test_batches_come_in_order_and_sent_entries_stay_sent(admin: Session) -> None:
    for n in range(5):
        registry.register_citizen(admin, _someone(n))
    everything = _all_pending(admin)
    assert len(everything) == 5
    for limit in (1, 2, 3, 5, 7):
        with admin.read() as conn:
            got, after = [], 0
            while True:
                batch, through = outbox.pending_batch(conn, after, limit)
                if through == after:
                    break
                assert len(batch) <= limit
                got += batch
                after = through
        assert [e.id for e in got] == [e.id for e in everything]
    with writing(admin) as conn:
        _first, through = outbox.pending_batch(conn, 0, 2)
        outbox.mark_sent(conn, through)
        assert outbox.pending_count(conn) == 3
        rest, _ = outbox.pending_batch(conn, 0, 10)
    assert [e.id for e in rest] == [e.id for e in everything[2:]]
    registry.register_citizen(admin, _someone(9))
    with admin.read() as conn:
        assert outbox.pending_count(conn) == 4


def test_updates_carry_the_stamps_they_saw_and_whole_groups(admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    registry.edit_citizen(admin, citizen.id, {"region": "Busan"})
    registry.edit_citizen(admin, citizen.id, {"city": "Haeundae", "notes": "new flat"})
    create, first, second = [e for e in _all_pending(admin) if e.record_id == citizen.id]
    assert (create.op, create.base, create.epoch) == ("create", None, "")
    assert first.op == "update" and first.base == {"address": ""}
    assert set(first.fields) == {"address", "city", "region"}  # the whole address group travels
    assert second.base == {"address": first.hlc, "notes": ""}
    with admin.read() as conn:
        state = sync_state.get(conn, "citizen", citizen.id)
    assert state is not None and state.stamps == {"address": second.hlc, "notes": second.hlc}


def test_an_import_writes_creations_only_and_no_merge_state(admin: Session) -> None:
    rows = [(i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(60, 3)))]
    report = importer.import_rows(admin, rows, parallel=False)
    with admin.read() as conn:
        ops = conn.exec_driver_sql(
            "SELECT DISTINCT op, base, epoch FROM change_log WHERE entity = 'citizen'"
        ).all()
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_state").scalar() == 0
    assert [tuple(r) for r in ops] == [("create", None, "")]
    assert report.imported > 0


def test_a_delete_leaves_tombstones_for_the_person_and_their_contact_log(admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    first = contacts.log_contact(admin, citizen.id, channel="phone", outcome="reached", note="private")
    second = contacts.log_contact(admin, citizen.id, channel="visit", outcome="reached")
    registry.delete_citizen(admin, citizen.id)
    left = [(e.entity, e.record_id, e.op, e.fields) for e in _all_pending(admin)]
    assert left == [
        ("citizen", citizen.id, "delete", {}),
        ("contact", first.id, "delete", {}),
        ("contact", second.id, "delete", {}),
    ]
    with admin.read() as conn:
        rows = conn.exec_driver_sql("SELECT entity, deleted, stamps FROM sync_state ORDER BY entity").all()
    assert [tuple(r) for r in rows] == [("citizen", 1, "{}"), ("contact", 1, "{}"), ("contact", 1, "{}")]


def test_every_entry_the_services_write_can_be_applied_elsewhere(admin: Session) -> None:
    a = registry.register_citizen(admin, aigerim(household="Нурлановы"))
    b = registry.register_citizen(
        admin, aigerim(national_id=None, passport_number="N55555555", phone=None), allow_duplicate=True
    )
    contacts.log_contact(admin, a.id, channel="phone", outcome="no_answer", welfare="needs_assistance")
    case = cases.open_case(admin, a.id, kind="medical", summary="Hospital")
    cases.update_case(admin, case.id, status="in_progress", note="called the hospital")
    registry.edit_citizen(admin, a.id, {"surname": "Серикова"})
    registry.merge_citizens(admin, a.id, b.id)
    entries = _all_pending(admin)
    assert {e.entity for e in entries} >= {
        "citizen",
        "household",
        "contact",
        "case",
        "case_event",
        "duplicate_decision",
    }
    for n, entry in enumerate(entries, start=1):
        pulled = PulledEntry(**entry.model_dump(), seq=n, device="elsewhere")
        assert apply.check_entry(pulled) is None, (entry.entity, entry.op, sorted(entry.fields))
    case_entry = next(e for e in entries if e.entity == "case" and e.op == "create")
    assert {"opened_at", "created_by", "summary"} <= set(case_entry.fields)
    with admin.read() as conn:
        (base,) = conn.exec_driver_sql(
            "SELECT base FROM change_log WHERE entity = 'case' AND op = 'update' ORDER BY seq LIMIT 1"
        ).one()
    assert orjson.loads(base) == {"status": "", "closed_at": ""}


def test_numbers_of_forgotten_entries_are_never_used_again(admin: Session) -> None:
    """A deleted record's entries leave the log; the next entry must still sort after everything HQ
    acknowledged, or it would pass for sent and never leave."""
    citizen = registry.register_citizen(admin, aigerim())
    with writing(admin) as conn:
        _sent, through = outbox.pending_batch(conn, 0, 10)
        outbox.mark_sent(conn, through)
    registry.delete_citizen(admin, citizen.id)  # removes the (last) create entry, appends the delete
    with writing(admin) as conn:
        (delete,), after = outbox.pending_batch(conn, 0, 10)
        assert delete.op == "delete" and after > through
        assert outbox.pending_count(conn) == 1
        outbox.mark_sent(conn, after)
        assert outbox.pending_count(conn) == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE sent = 0").scalar() == 0
