"""Applying pulled entries at a workstation (sync/apply.py): real SQLCipher workstations exchanging
their outboxes through an in-memory stand-in for HQ's per-post log (tests/sync_local_hub.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain.errors import Cancelled, EmbassyDeskError
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import cases, contacts, notices, registry
from embassy_desk.services.session import Session
from embassy_desk.storage import citizens, search_index, sync_state
from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
from embassy_desk.sync import apply, digest, merge
from embassy_desk.sync.wire import PulledEntry
from tests.conftest import aigerim
from tests.sync_local_hub import Hub, second_workstation

STAMP = "1790000000000-00000-othr"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Session]:
    session = second_workstation(tmp_path)
    yield session
    session.lock()


def snapshot(session: Session) -> dict[str, Any]:
    """What must be alike on every workstation of a post (derived columns included)."""
    columns = ", ".join(("id", *CITIZEN_DATA_COLUMNS, "name_key", "name_sort", "last_contact_at"))
    queries = {
        "citizens": f"SELECT {columns} FROM citizens ORDER BY id",
        "contacts": "SELECT id, citizen_id, at, channel, outcome, welfare_status, note FROM contacts"
        " ORDER BY 1",
        "cases": "SELECT id, citizen_id, kind, priority, status, assignee, summary, closed_at FROM cases"
        " ORDER BY 1",
        "events": "SELECT id, case_id, kind, text FROM case_events ORDER BY id",
        "households": "SELECT id, name, head_id FROM households ORDER BY id",
        "decisions": "SELECT first_id, second_id FROM duplicate_decisions ORDER BY 1, 2",
        "notices": "SELECT reference, citizen_id, languages, pages FROM notices_issued ORDER BY reference",
        "state": "SELECT entity, record_id, epoch, stamps, deleted, merged_into FROM sync_state ORDER BY 1,2",
    }
    with session.read() as conn:
        shot: dict[str, Any] = {
            name: [tuple(r) for r in conn.exec_driver_sql(sql)] for name, sql in queries.items()
        }
        summary = digest.local_summary(conn)
    shot["counts"], shot["digest"] = summary.counts, summary.digest
    return shot


def search_ids(session: Session, query: str) -> list[str]:
    return [c.id for c in registry.search(session, query)]


def pulled(
    entity: str, record_id: str, op: str, fields: dict[str, Any], *, seq: int, **extra: Any
) -> PulledEntry:
    return PulledEntry(
        id=f"e-{seq}",
        entity=entity,  # type: ignore[arg-type]
        record_id=record_id,
        op=op,  # type: ignore[arg-type]
        fields=fields,
        hlc=extra.pop("hlc", STAMP),
        staff="s-other",
        schema_version=2,
        seq=seq,
        device=extra.pop("device", "other-device"),
        **extra,
    )


def test_a_second_workstation_receives_the_register_searchable(admin: Session, other: Session) -> None:
    hub = Hub()
    first = registry.register_citizen(admin, aigerim(household="Нурлановы"))
    second = registry.register_citizen(
        admin,
        aigerim(
            surname="Сапаров", given_names="Ерлан", sex="M", national_id=None, passport_number="N7000007"
        ),
    )
    contacts.log_contact(admin, first.id, channel="phone", outcome="reached", welfare="safe", note="ok")
    case = cases.open_case(admin, first.id, kind="medical", summary="Check on her")
    cases.update_case(admin, case.id, priority="high", note="called")
    registry.mark_not_duplicate(admin, first.id, second.id)
    hub.sync(admin, other)

    assert snapshot(other) == snapshot(admin)
    assert search_ids(other, "Нурланова") == [first.id]
    assert search_ids(other, "aigerim") == [first.id]
    assert first.id in search_ids(other, "5678") == search_ids(admin, "5678")  # phone digits
    assert registry.get_citizen(other, first.id).fields["last_contact_at"] is not None
    assert [c.id for c in cases.list_cases(other)] == [case.id]
    assert [e.kind for e in cases.timeline(other, case.id)] == [
        e.kind for e in cases.timeline(admin, case.id)
    ]
    with other.read() as conn:
        # Created and never edited: no merge state row (a first pull writes none for them).
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM sync_state WHERE record_id = ?", (second.id,)).scalar()
            == 0
        )


def test_edits_deletes_and_merges_reach_the_other_workstation(admin: Session, other: Session) -> None:
    hub = Hub()
    kept = registry.register_citizen(admin, aigerim())
    gone = registry.register_citizen(
        admin,
        aigerim(surname="Жумабаева", national_id=None, passport_number="N9900009", phone="010-5555-0000"),
    )
    dropped = registry.register_citizen(
        admin,
        aigerim(surname="Нурланова", national_id=None, passport_number="N31000031", phone=None),
        allow_duplicate=True,
    )
    contacts.log_contact(admin, gone.id, channel="visit", outcome="reached", note="visited")
    contacts.log_contact(admin, dropped.id, channel="phone", outcome="reached")
    hub.sync(admin, other)
    assert search_ids(other, "Жумабаева") == [gone.id]

    registry.edit_citizen(admin, kept.id, {"surname": "Серикова", "region": "Busan"})
    registry.delete_citizen(admin, gone.id)
    registry.merge_citizens(admin, kept.id, dropped.id)
    hub.sync(admin, other)

    assert snapshot(other) == snapshot(admin)
    assert search_ids(other, "Серикова") == [kept.id]
    assert search_ids(other, "Жумабаева") == [] and search_ids(other, "55550000") == []
    with other.read() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM contacts WHERE citizen_id = ?", (gone.id,)).scalar()
            == 0
        )
        # The deleted person's values left the change log too; only tombstones remain.
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM change_log WHERE record_id = ? AND op <> 'delete'", (gone.id,)
            ).scalar()
            == 0
        )
        state = conn.exec_driver_sql(
            "SELECT deleted, merged_into FROM sync_state WHERE entity = 'citizen' AND record_id = ?",
            (dropped.id,),
        ).one()
    assert tuple(state) == (1, kept.id)
    assert len(contacts.contact_history(other, kept.id)) == 1  # the merged record's contact moved


def test_own_entries_are_skipped_and_a_batch_applies_once(admin: Session, other: Session) -> None:
    hub = Hub()
    citizen = registry.register_citizen(admin, aigerim())
    hub.push(admin)
    (report,) = hub.pull(admin)
    assert (report.applied, report.skipped) == (0, 1)
    hub.pull(other)
    before = snapshot(other)
    again = apply.apply_batch(other, hub.entries, cursor=len(hub.entries))  # delivered twice
    assert again.applied == 1 and snapshot(other) == before
    assert search_ids(other, "Нурланова") == [citizen.id]


def test_a_malformed_entry_is_reported_by_id_and_nothing_of_it_is_written(other: Session) -> None:
    good = pulled("household", "h-1", "create", {"name": "Ивановы"}, seq=1)
    unknown_field = pulled("citizen", "c-1", "create", {"surname": "Иванов", "password": "x"}, seq=2)
    bad_type = pulled("citizen", "c-2", "create", {"surname": 42}, seq=3)
    bad_phones = pulled("citizen", "c-3", "create", {"surname": "Ли", "phones": "[1, 2]"}, seq=4)
    incomplete = pulled("contact", "k-1", "create", {"citizen_id": "c-9"}, seq=5)
    edited_log = pulled("contact", "k-2", "update", {"note": "changed"}, seq=6)
    unknown_word = pulled("citizen", "c-4", "update", {"welfare_status": "fine, thanks"}, seq=7)
    report = apply.apply_batch(
        other, [good, unknown_field, bad_type, bad_phones, incomplete, edited_log, unknown_word], cursor=7
    )
    assert [m.id for m in report.malformed] == ["e-2", "e-3", "e-4", "e-5", "e-6", "e-7"]
    assert "password" in report.malformed[0].reason
    assert "fine" not in report.malformed[-1].reason  # reasons never quote values (promise 16)
    assert report.applied == 1
    with other.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar() == 0
        assert conn.exec_driver_sql("SELECT name FROM households").scalar() == "Ивановы"
        assert apply.cursor(conn) == 7


def test_a_contact_of_a_person_no_longer_registered_is_not_kept(other: Session) -> None:
    entry = pulled(
        "contact",
        "k-1",
        "create",
        {
            "citizen_id": "nobody",
            "at": "2026-12-01T10:00:00.000+00:00",
            "channel": "phone",
            "direction": "outgoing",
            "staff": "s",
            "outcome": "reached",
            "note": "private",
        },
        seq=1,
    )
    report = apply.apply_batch(other, [entry], cursor=1)
    assert (report.applied, report.skipped) == (0, 1)
    with other.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM contacts").scalar() == 0


def test_a_notice_issued_elsewhere_is_listed_but_printed_again_only_there(
    admin: Session, other: Session, tmp_path: Path
) -> None:
    hub = Hub()
    notices.set_notice_post(
        admin, names={"ru": "Посольство", "kk": "Елшілік", "en": "Embassy", "ko": "대사관"}
    )
    citizen = registry.register_citizen(admin, aigerim(languages="kk,ru"))
    record, _pdf = notices.issue_one(admin, kind="letter-welfare", languages=["auto"], citizen_id=citizen.id)
    hub.sync(admin, other)

    (listed,) = notices.list_issued(other, citizen_id=citizen.id)
    assert (listed.reference, listed.kind, listed.languages) == (
        record.reference,
        "letter-welfare",
        record.languages,
    )
    assert (listed.pages, listed.issued_by) == (record.pages, record.issued_by)
    assert notices.get_issued(other, record.reference).citizen_id == citizen.id
    with pytest.raises(EmbassyDeskError) as raised:
        notices.reprint(other, record.reference)
    assert raised.value.msg.code == "syncapply.notice_elsewhere"
    with other.read() as conn:  # no merged fields travelled
        assert conn.exec_driver_sql("SELECT personal FROM notices_issued").scalar() == "{}"
    assert snapshot(other)["digest"] == snapshot(admin)["digest"]


def test_a_cancelled_notice_batch_never_reaches_the_outbox(
    admin: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notices, "CHUNK", 5)
    for n in range(8):
        registry.register_citizen(
            admin,
            aigerim(given_names="Айгерим" + "абвгдежзий"[n], national_id=None, passport_number=f"N800000{n}"),
        )

    def cancel(done: int, total: int) -> None:
        if done >= 5:  # a first chunk was recorded
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        notices.issue(
            admin,
            kind="registration-certificate",
            languages=["en"],
            target=tmp_path / "out.pdf",
            selection=notices.Selection(everyone=True),
            progress=cancel,
        )
    with admin.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE entity = 'notice'").scalar() == 0


def test_publications_from_hq_are_stored(other: Session) -> None:
    entry = pulled(
        "publication",
        "pub-1",
        "create",
        {
            "kind": "advisory",
            "title": {"ru": "Тайфун", "en": "Typhoon"},
            "body": {"en": "Stay indoors"},
            "published_at": "2026-12-06T10:00:00+00:00",
        },
        seq=1,
        device="hq",
    )
    assert apply.apply_batch(other, [entry], cursor=1).applied == 1
    with other.read() as conn:
        kind, title, body = conn.exec_driver_sql("SELECT kind, title, body FROM hq_publications").one()
        counts = digest.local_summary(conn).counts
    assert (
        kind == "advisory"
        and orjson.loads(title)["en"] == "Typhoon"
        and orjson.loads(body) == {"en": "Stay indoors"}
    )
    assert counts == {"publication": 1}


def test_pulled_stamps_move_the_local_clock_forward(other: Session) -> None:
    later = "9990000000000-00000-othr"
    apply.apply_batch(
        other, [pulled("household", "h-1", "create", {"name": "Ли"}, seq=1, hlc=later)], cursor=1
    )
    citizen = registry.register_citizen(other, aigerim())
    with other.read() as conn:
        (stamp,) = conn.exec_driver_sql("SELECT hlc FROM change_log WHERE record_id = ?", (citizen.id,)).one()
    assert stamp > later


# --- the tables hold what the merge rules say -------------------------------------------------------

_NAMES = st.sampled_from(["Иванов", "Petrov", "Ли", "Сапарова"])
_GROUPS = {
    "names": lambda draw: {"surname": draw(_NAMES), "given_names": "Ерлан"},
    "address": lambda draw: {
        "address": draw(st.sampled_from(["1 Main St", None])),
        "city": "Seoul",
        "region": "Seoul",
    },
    "notes": lambda draw: {"notes": draw(st.sampled_from(["a", "b", None]))},
}


@st.composite
def _entries(draw: st.DrawFn) -> list[PulledEntry]:
    """Entries of two citizens from two devices, in some HQ order, with stamps in any order."""
    out: list[PulledEntry] = []
    for seq in range(1, draw(st.integers(1, 12)) + 1):
        record = draw(st.sampled_from(["r1", "r2"]))
        op = draw(st.sampled_from(["create", "update", "update", "delete", "restore"]))
        stamp = f"17900000{draw(st.integers(0, 30)):05d}-00000-{draw(st.sampled_from(['dA', 'dB']))}"
        fields: dict[str, Any] = {}
        if op in ("create", "restore"):
            for make in _GROUPS.values():
                fields.update(make(draw))
        elif op == "update":
            for group in draw(st.sets(st.sampled_from(sorted(_GROUPS)), min_size=1)):
                fields.update(_GROUPS[group](draw))
        base = None
        if op in ("update", "delete"):
            base = draw(st.sampled_from([{}, {"names": "", "notes": ""}]))
        epoch = draw(st.sampled_from(["", stamp])) if op in ("update", "delete") else ""
        out.append(pulled("citizen", record, op, fields, seq=seq, hlc=stamp, base=base, epoch=epoch))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=_entries(), cut=st.integers(0, 12))
def test_the_tables_hold_what_the_merge_rules_say(
    other: Session, entries: list[PulledEntry], cut: int
) -> None:
    """Applied in one batch or two, the citizens table, its search index and sync_state end as the merge
    rules, applied one entry at a time in memory, say they should."""
    prefix = uuid7()  # each example has records of its own
    entries = [
        e.model_copy(update={"record_id": f"{prefix}-{e.record_id}", "id": f"{prefix}-{e.id}"})
        for e in entries
    ]
    model: dict[str, merge.RecordState | None] = {}
    for entry in entries:
        model[entry.record_id] = merge.apply(
            "citizen", model.get(entry.record_id), entry, local_unsent=lambda _: False
        ).state
    with other.read() as conn:
        start = apply.cursor(conn)
    for part in (entries[:cut], entries[cut:]):
        if part:
            apply.apply_batch(other, part, cursor=start + part[-1].seq)
    with other.read() as conn:
        for record_id, expected in model.items():
            row = citizens.get(conn, record_id)
            kept = sync_state.get(conn, "citizen", record_id)
            if expected is None:
                assert row is None and kept is None
                continue
            if expected.deleted:
                assert row is None
                assert kept is not None and kept.deleted and kept.deleted_hlc == expected.deleted_hlc
                continue
            assert row is not None
            assert {c: row[c] for c in CITIZEN_DATA_COLUMNS if c in expected.values} == expected.values
            assert all(row[c] is None for c in CITIZEN_DATA_COLUMNS if c not in expected.values)
            assert (kept.stamps if kept else {}) == expected.stamps
            assert (kept.epoch if kept else "") == expected.epoch
            found = search_index.search_rids(conn, str(row["surname"] or "zzz"), limit=500)
            assert row["rid"] in found or not row["surname"]
        conn.exec_driver_sql("INSERT INTO citizen_fts(citizen_fts) VALUES('integrity-check')")


def test_an_edit_of_a_record_merged_away_elsewhere_is_forwarded_by_its_writer(
    admin: Session, other: Session
) -> None:
    hub = Hub()
    kept = registry.register_citizen(admin, aigerim())
    dropped = registry.register_citizen(
        admin, aigerim(national_id=None, passport_number="N31000031", phone=None), allow_duplicate=True
    )
    hub.sync(admin, other)
    registry.merge_citizens(other, kept.id, dropped.id)
    registry.edit_citizen(admin, dropped.id, {"notes": "seen at the consulate"})  # not seen by the merge
    hub.sync(other, admin)
    hub.sync(admin, other)  # the forwarded update is a new change: the next round takes it

    for session in (admin, other):
        assert registry.get_citizen(session, kept.id).fields["notes"] == "seen at the consulate"
        assert registry.count_citizens(session) == 1
    with admin.read() as conn:
        (op, fields) = conn.exec_driver_sql(
            "SELECT op, fields FROM change_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1", (kept.id,)
        ).one()
    assert (op, orjson.loads(fields)) == ("update", {"notes": "seen at the consulate"})
    assert snapshot(admin) == snapshot(other)
