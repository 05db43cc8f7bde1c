"""HQ's store on SQLite and PostgreSQL: enrollment, push idempotency, per-post sequence numbers,
pull paging and purge_before, deletes blanking the log, the audit chain, publications, statistics,
bundles and the migration matching the tables."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import orjson
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import bundles, codes, stats
from embassy_desk.hq.errors import (
    BundleOutOfOrder,
    DeviceNotFound,
    DeviceRevoked,
    EnrollRefused,
    InvalidRequest,
    PostExists,
    PostNotFound,
)
from embassy_desk.hq.publish import publish
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import VERSION_TABLE, enroll_codes, entries, metadata, rejections, staff
from embassy_desk.storage.audit import GENESIS, entry_hash
from embassy_desk.sync import bundle, merge, wire
from embassy_desk.sync import keys as sync_keys
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import (
    POST,
    SV,
    Device,
    case,
    contact,
    device_bundle,
    enroll,
    enroll_request,
    entry,
    push,
)

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here


def pull_all(store: HQStore, device: Device, cursor: int = 0, limit: int = 800) -> list[wire.PulledEntry]:
    got: list[wire.PulledEntry] = []
    while True:
        page = store.pull(
            device.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=cursor, limit=limit)
        )
        got.extend(page.entries)
        cursor = page.cursor
        if not page.more:
            return got


@pytest.fixture
def store(hq_store: HQStore) -> HQStore:
    hq_store.add_post(POST, "Embassy of Kazakhstan in Seoul (test)")
    return hq_store


# -- posts and enrollment ------------------------------------------------------------------------


def test_posts_are_added_once_and_listed(store: HQStore) -> None:
    with pytest.raises(PostExists):
        store.add_post("kz-sel", "again")
    with pytest.raises(InvalidRequest):
        store.add_post("no spaces here", "x")
    store.add_post("KZ-ALA", "Consulate in Almaty (test)")
    assert [p.code for p in store.posts()] == ["KZ-ALA", POST]
    with pytest.raises(PostNotFound):
        store.post("XX-NONE")


def test_enrollment_code_is_random_hashed_used_once_and_expires(
    store: HQStore, hq_clock: MovableClock
) -> None:
    code, _ = store.new_enroll_code(POST)
    assert len(codes.normalise(code)) * 5 >= 128
    with store.engine.connect() as conn:
        stored = conn.execute(select(enroll_codes.c.code_hash)).scalars().all()
    assert stored == [codes.code_hash(code)] and codes.normalise(code) not in stored[0]
    first = Device(uuid7(), sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    loose = code.lower().replace("-", " ")
    answer = store.enroll(enroll_request(first, loose))  # typed loosely: still the code
    assert answer.post == POST and answer.hq_signing_key == store.keys.signing_public_b64
    second = Device(uuid7(), sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    with pytest.raises(EnrollRefused):
        store.enroll(enroll_request(second, code))  # used once already
    with pytest.raises(EnrollRefused):
        store.enroll(enroll_request(second, codes.new_code()))  # never issued
    late, _ = store.new_enroll_code(POST)
    hq_clock.advance(hours=24, seconds=1)
    with pytest.raises(EnrollRefused):
        store.enroll(enroll_request(second, late))  # expired
    fresh, _ = store.new_enroll_code(POST)
    with pytest.raises(EnrollRefused):
        store.enroll(enroll_request(first, fresh))  # this device id is enrolled already
    store.enroll(enroll_request(second, fresh))  # the refusal above did not use the code up
    info = store.device(second.device_id)
    assert info is not None and info.post == POST and not info.revoked


def test_enrollment_refuses_keys_that_are_no_keys(store: HQStore) -> None:
    code, _ = store.new_enroll_code(POST)
    with pytest.raises(InvalidRequest):
        store.enroll(
            wire.EnrollRequest(
                protocol=1,
                schema_version=SV,
                code=code,
                device_id="d1",
                signing_key="AAAA",
                bundle_key="AAAA",
            )
        )


@given(st.lists(st.sampled_from([" ", "-", "\t"]), max_size=6), st.booleans(), st.data())
def test_a_code_typed_with_other_spacing_or_case_is_the_same_code(
    separators: list[str], lower: bool, data: st.DataObject
) -> None:
    code = codes.new_code()
    plain = codes.normalise(code)
    typed = list(plain.lower() if lower else plain)
    for sep in separators:
        typed.insert(data.draw(st.integers(0, len(typed))), sep)
    assert codes.code_hash("".join(typed)) == codes.code_hash(code)


# -- push and pull ----------------------------------------------------------------------------------


def test_push_is_idempotent_by_id_and_content(store: HQStore) -> None:
    device = enroll(store)
    citizen = uuid7()
    batch = [
        entry(device, "citizen", citizen, "create", {"surname": "Тестова", "welfare_status": "safe"}),
        entry(device, "contact", uuid7(), "create", contact(citizen, "2026-12-01T10:00:00+00:00")),
    ]
    first = push(store, device, batch, through=2, staff={"staff-1": "Staff One"})
    assert (first.accepted, first.duplicates, first.rejected, first.through) == (2, 0, [], 2)
    again = push(store, device, batch, through=2)
    assert (again.accepted, again.duplicates, again.rejected) == (0, 2, [])
    other = batch[0].model_copy(update={"fields": {"surname": "Другая"}})
    fresh = entry(device, "citizen", uuid7(), "create", {"surname": "Новая"})
    answer = push(store, device, [other, fresh], through=3)
    assert answer.accepted == 1 and [(r.id, r.status) for r in answer.rejected] == [(other.id, 409)]
    assert [e.seq for e in pull_all(store, device)] == [1, 2, 3]
    with store.engine.connect() as conn:
        assert conn.execute(select(rejections.c.entry_id, rejections.c.status)).all() == [(other.id, 409)]
        assert conn.execute(select(staff.c.staff_id, staff.c.display_name)).all() == [
            ("staff-1", "Staff One")
        ]
    assert store.staff_names(POST) == {"staff-1": "Staff One"}


def test_an_invalid_entry_is_rejected_and_never_blocks_the_batch(store: HQStore) -> None:
    device = enroll(store)
    forged = entry(device, "publication", uuid7(), "create", {"kind": "advisory", "title": {"en": "x"}})
    good = entry(device, "citizen", uuid7(), "create", {"surname": "Тестов"})
    odd = entry(device, "citizen", uuid7(), "create", {"surname": "Тестов", "welfare_status": "fine, thanks"})
    edited_contact = entry(device, "contact", uuid7(), "update", {"outcome": "busy"}, base={})
    answer = push(store, device, [forged, good, odd, edited_contact], through=2)
    assert answer.accepted == 1
    assert [(r.id, r.status) for r in answer.rejected] == [
        (forged.id, 422),
        (odd.id, 422),
        (edited_contact.id, 422),
    ]
    nul = entry(device, "citizen", uuid7(), "create", {"surname": "A\x00B"})
    huge = entry(device, "citizen", uuid7(), "create", {"surname": "A"}).model_copy(
        update={"schema_version": 2**40}
    )
    assert [r.status for r in push(store, device, [nul, huge]).rejected] == [422, 422]
    with pytest.raises(InvalidRequest):
        push(store, device, [], through=2**64)
    # What a workstation would refuse to apply is refused here, and the reason quotes no value.
    assert "fine, thanks" not in answer.rejected[1].reason
    assert [e.id for e in pull_all(store, device)] == [good.id]


def test_pull_pages_by_seq_and_purge_before_is_the_lowest_device_cursor(store: HQStore) -> None:
    one, two = enroll(store), enroll(store)
    push(
        store,
        one,
        [entry(one, "citizen", uuid7(), "create", {"surname": f"S{i}"}) for i in range(5)],
        through=5,
    )
    page = store.pull(two.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=0, limit=2))
    assert [e.seq for e in page.entries] == [1, 2] and page.cursor == 2 and page.more
    assert all(e.device == one.device_id for e in page.entries)
    page = store.pull(two.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=2, limit=10))
    assert [e.seq for e in page.entries] == [3, 4, 5] and not page.more
    assert page.purge_before == 0  # device one has not pulled anything yet
    store.pull(one.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=4))
    page = store.pull(two.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=5))
    assert page.entries == [] and page.cursor == 5 and page.purge_before == 4
    store.revoke(one.device_id)  # a revoked device no longer holds tombstones back
    assert (
        store.pull(two.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=5)).purge_before == 5
    )


def test_concurrent_pushes_get_gapless_seqs_in_commit_order(store: HQStore) -> None:
    devices = [enroll(store) for _ in range(4)]
    errors: list[BaseException] = []

    def work(device: Device) -> None:
        try:
            for _ in range(5):
                batch = [entry(device, "citizen", uuid7(), "create", {"surname": "S"}) for _ in range(7)]
                push(store, device, batch, through=0)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    pulled = pull_all(store, devices[0], limit=50)
    assert [e.seq for e in pulled] == list(range(1, 4 * 5 * 7 + 1))
    # Each batch got one contiguous block: a device's entries never interleave inside a batch.
    for start in range(0, len(pulled), 7):
        assert len({e.device for e in pulled[start : start + 7]}) == 1
    assert store.post(POST).last_seq == 140


def test_a_delete_blanks_the_record_earlier_entries_but_keeps_their_hash(store: HQStore) -> None:
    device = enroll(store)
    citizen, other = uuid7(), uuid7()
    created = entry(
        device, "citizen", citizen, "create", {"surname": "Удаляемая", "national_id": "980314400046"}
    )
    kept = entry(device, "citizen", other, "create", {"surname": "Остаётся"})
    edited = entry(
        device,
        "citizen",
        citizen,
        "update",
        {"phones": '[{"number": "+82 10 1234 5678"}]'},
        base={"phones": ""},
    )
    push(store, device, [created, kept, edited], through=3)
    push(
        store,
        device,
        [entry(device, "citizen", citizen, "delete", {}, base={"phones": edited.hlc})],
        through=4,
    )
    by_id = {e.id: e for e in pull_all(store, device)}
    assert by_id[created.id].fields == {} and by_id[edited.id].fields == {}
    assert by_id[kept.id].fields == {"surname": "Остаётся"}
    with store.engine.connect() as conn:
        text = " ".join(conn.execute(select(entries.c.fields)).scalars())
    assert "Удаляемая" not in text and "980314400046" not in text
    again = push(store, device, [created, edited], through=4)
    assert (again.duplicates, again.rejected) == (2, [])
    assert store.summary(device.device_id).counts == {"citizen": 1}


def test_audit_chain_is_checked_and_a_break_is_kept_not_refused(store: HQStore) -> None:
    device = enroll(store)
    chain: list[wire.AuditEntry] = []
    prev = GENESIS
    for seq in range(1, 6):
        at, details = f"2026-12-0{seq}T10:00:00.000+00:00", "{}"
        digest = entry_hash(prev, at, "admin", "citizen.create", "citizen", f"id{seq}", details)
        chain.append(
            wire.AuditEntry(
                seq=seq,
                at=at,
                actor="admin",
                action="citizen.create",
                entity="citizen",
                entity_id=f"id{seq}",
                details=details,
                prev_hash=prev,
                hash=digest,
            )
        )
        prev = digest
    assert push(store, device, [], audit=chain[:3]).audit_chain == "ok"
    assert push(store, device, [], audit=chain[:4]).audit_chain == "ok"  # resent overlap is fine
    info = store.device(device.device_id)
    assert info is not None and info.audit_state == "ok"
    altered = chain[4].model_copy(update={"entity_id": "other"})
    data = entry(device, "citizen", uuid7(), "create", {"surname": "Тест"})
    answer = push(store, device, [data], audit=[altered])
    assert answer.audit_chain == "break" and answer.accepted == 1
    info = store.device(device.device_id)
    assert info is not None and info.audit_state == "break at seq 5"


def test_an_acknowledged_audit_entry_sent_again_changed_is_a_break(store: HQStore) -> None:
    device = enroll(store)
    at, details = "2026-12-01T10:00:00.000+00:00", "{}"
    first = entry_hash(GENESIS, at, "admin", "user.add", "staff", "u1", details)
    item = wire.AuditEntry(
        seq=1,
        at=at,
        actor="admin",
        action="user.add",
        entity="staff",
        entity_id="u1",
        details=details,
        prev_hash=GENESIS,
        hash=first,
    )
    assert push(store, device, [], audit=[item]).audit_chain == "ok"
    assert push(store, device, [], audit=[item]).audit_chain == "ok"  # the same entry again
    rewritten_hash = entry_hash(GENESIS, at, "admin", "user.add", "staff", "u2", details)
    rewritten = item.model_copy(update={"entity_id": "u2", "hash": rewritten_hash})
    assert push(store, device, [], audit=[rewritten]).audit_chain == "break"
    info = store.device(device.device_id)
    assert info is not None and info.audit_state == "break at seq 1"


def test_a_revoked_or_unknown_device_is_refused(store: HQStore) -> None:
    device = enroll(store)
    revoked = store.revoke(device.device_id)
    assert revoked.revoked and store.revoke(device.device_id).revoked_at == revoked.revoked_at
    for call in (
        lambda: push(store, device, []),
        lambda: store.pull(device.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=0)),
        lambda: store.summary(device.device_id),
    ):
        with pytest.raises(DeviceRevoked):
            call()
    with pytest.raises(DeviceNotFound):
        store.summary("nobody")
    with pytest.raises(DeviceNotFound):
        store.revoke("nobody")
    assert store.device("nobody") is None


def test_a_nonce_works_once_per_device(store: HQStore, hq_clock: MovableClock) -> None:
    one, two = enroll(store), enroll(store)
    now = int(hq_clock().timestamp())
    assert store.remember_nonce(one.device_id, "n-1", now)
    assert not store.remember_nonce(one.device_id, "n-1", now)
    assert store.remember_nonce(two.device_id, "n-1", now)
    assert not store.remember_nonce(one.device_id, "n-old", now - 3600)  # older than HQ remembers


def test_summary_is_what_merge_computes_from_the_same_entries(store: HQStore) -> None:
    one, two = enroll(store), enroll(store)
    citizen = uuid7()
    pushed = [
        entry(one, "citizen", citizen, "create", {"surname": "Иванова", "welfare_status": "unknown"}),
        entry(one, "case", uuid7(), "create", case(citizen, "open", "high")),
    ]
    push(store, one, pushed)
    later = [entry(two, "citizen", citizen, "update", {"welfare_status": "safe"}, base={"welfare": ""})]
    push(store, two, later)
    states: dict[tuple[str, str], merge.RecordState | None] = {}
    for item in pull_all(store, one):
        key = (item.entity, item.record_id)
        states[key] = merge.apply(item.entity, states.get(key), item, local_unsent=lambda _: False).state
    live = {k: s for k, s in states.items() if s is not None and not s.deleted}
    summary = store.summary(two.device_id)
    assert summary.digest == merge.post_digest(merge.record_digest(e, r, s) for (e, r), s in live.items())
    assert summary.counts == {"citizen": 1, "case": 1} and summary.cursor == 3


def test_stats_come_from_the_materialised_records(store: HQStore, hq_clock: MovableClock) -> None:
    device = enroll(store)
    store.add_post("KZ-ALA", "Consulate in Almaty (test)")
    ids = [uuid7() for _ in range(4)]
    now = hq_clock()
    recent = now.isoformat()
    old = (now.replace(year=now.year - 1)).isoformat()
    batch = [
        entry(device, "citizen", ids[0], "create", {"surname": "A", "welfare_status": "safe"}),
        entry(device, "citizen", ids[1], "create", {"surname": "B", "welfare_status": "needs_assistance"}),
        entry(device, "citizen", ids[2], "create", {"surname": "C"}),
        entry(device, "citizen", ids[3], "create", {"surname": "D", "welfare_status": "safe"}),
        entry(device, "case", uuid7(), "create", case(ids[0], "open")),
        entry(device, "case", uuid7(), "create", case(ids[0], "in_progress")),
        entry(device, "case", uuid7(), "create", case(ids[1], "closed")),
        entry(device, "contact", uuid7(), "create", contact(ids[0], recent)),
        entry(device, "contact", uuid7(), "create", contact(ids[1], old)),
    ]
    push(store, device, batch)
    push(store, device, [entry(device, "citizen", ids[3], "delete", {}, base={})])
    store.note_request(device.device_id)
    with store.engine.connect() as conn:
        figures = {f.post: f for f in stats.post_stats(conn, now=hq_clock())}
    sel = stats.as_json(figures[POST])
    # The keys before the console stay first and unchanged (the console's keys follow).
    assert list(sel)[:6] == ["post", "citizens", "welfare", "open_cases", "contacts_24h", "devices"]
    assert sel["citizens"] == 3 and sel["open_cases"] == 2 and sel["contacts_24h"] == 1
    assert sel["welfare"]["safe"] == 1 and sel["welfare"]["needs_assistance"] == 1
    assert sel["welfare"]["unknown"] == 1
    assert [d["device"] for d in sel["devices"]] == [device.device_id] and sel["devices"][0]["last_sync"]
    assert stats.as_json(figures["KZ-ALA"])["citizens"] == 0


def test_a_publication_lands_in_every_target_post_log(store: HQStore) -> None:
    store.add_post("KZ-ALA", "Consulate in Almaty (test)")
    sel, ala = enroll(store), enroll(store, "KZ-ALA")
    done = publish(
        store,
        kind="advisory",
        title={"en": "Storm warning", "ru": "Штормовое предупреждение"},
        body={"en": "Stay indoors.", "ru": "Оставайтесь дома."},
        targets=None,
    )
    assert set(done.seqs) == {POST, "KZ-ALA"}
    for device in (sel, ala):
        (item,) = pull_all(store, device)
        assert (item.entity, item.device, item.record_id) == ("publication", "hq", done.record_id)
        assert item.fields["kind"] == "advisory" and item.fields["title"]["en"] == "Storm warning"
    publish(store, kind="template", title={"en": "t"}, body={"source": "x"}, targets=["KZ-ALA"])
    assert len(pull_all(store, ala)) == 2 and len(pull_all(store, sel)) == 1
    with pytest.raises(InvalidRequest):
        publish(store, kind="advisory", title={"de": "x"}, body={"de": "y"}, targets=None)
    with pytest.raises(PostNotFound):
        publish(store, kind="advisory", title={"en": "x"}, body={"en": "y"}, targets=["XX-NONE"])


# -- bundles -------------------------------------------------------------------------------------------


def test_device_bundles_import_in_order_once_and_refuse_forgery(store: HQStore) -> None:
    device, other = enroll(store), enroll(store)
    first = device_bundle(
        store, device, 1, "", [entry(device, "citizen", uuid7(), "create", {"surname": "A"})]
    )
    second = device_bundle(
        store,
        device,
        2,
        bundle.bundle_digest(first),
        [entry(device, "citizen", uuid7(), "create", {"surname": "B"})],
    )
    with pytest.raises(BundleOutOfOrder) as gap:
        bundles.import_bundle(store, second)
    assert gap.value.params["missing"] == 1
    altered = bytearray(first)
    altered[len(altered) // 2] ^= 1
    with pytest.raises(bundle.BundleRefused):
        bundles.import_bundle(store, bytes(altered))
    # Signed by another enrolled device under this device's name: forged.
    forged = device_bundle(store, Device(device.device_id, other.signing, other.bundle_key), 1, "", [])
    with pytest.raises(bundle.BundleRefused) as refused:
        bundles.import_bundle(store, forged)
    assert refused.value.reason == "forged"
    assert store.post(POST).last_seq == 0  # nothing changed by any refusal
    report = bundles.import_bundle(store, first)
    assert (report.number, report.accepted, report.already) == (1, 1, False)
    assert bundles.import_bundle(store, first).already
    assert bundles.import_bundle(store, second).accepted == 1
    info = store.device(device.device_id)
    assert info is not None and (info.bundle_number, info.through) == (2, 2)


def test_hq_bundle_carries_the_post_entries_and_acks_to_each_device(store: HQStore, tmp_path: Path) -> None:
    one, two = enroll(store), enroll(store)
    push(
        store, one, [entry(one, "citizen", uuid7(), "create", {"surname": "A"}) for _ in range(3)], through=3
    )
    store.pull(two.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=0))
    path = tmp_path / "kz-sel-1.bundle"
    report = bundles.export_bundle(store, POST, path)
    assert (report.number, report.entries, report.recipients) == (1, 3, 2)
    for device in (one, two):
        header, payload = bundle.read_bundle(
            path.read_bytes(),
            verify_key=lambda h: store.keys.signing.public_key(),
            recipient_id=device.device_id,
            recipient_key=device.bundle_key,
        )
        body = orjson.loads(payload)
        assert (header.kind, header.sender, header.post, header.number) == ("hq", "hq", POST, 1)
        assert [e["seq"] for e in body["entries"]] == [1, 2, 3] and body["cursor"] == 3
        assert body["acks"][one.device_id] == {"through": 3, "bundle": 0}
    nxt = tmp_path / "kz-sel-2.bundle"
    bundles.export_bundle(store, POST, nxt)
    header, _ = bundle.read_bundle(
        nxt.read_bytes(),
        verify_key=lambda h: store.keys.signing.public_key(),
        recipient_id=one.device_id,
        recipient_key=one.bundle_key,
    )
    assert header.number == 2 and header.prev_hash == bundle.bundle_digest(path.read_bytes())


# -- schema ----------------------------------------------------------------------------------------------


def test_the_migration_builds_exactly_the_tables(hq_url: str) -> None:
    from embassy_desk.hq.database import current_revision, head_revision, make_engine

    engine = make_engine(hq_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
            )
            diff = [d for d in compare_metadata(context, metadata) if not _harmless(d)]
            tables = set(conn.dialect.get_table_names(conn))
        assert diff == []
        assert VERSION_TABLE in tables and "alembic_version" not in tables
    finally:
        engine.dispose()


def _harmless(diff: Any) -> bool:
    # SQLite reflects no server defaults types precisely; only structure matters here.
    return isinstance(diff, tuple) and diff[0] in ("modify_default",)


# -- delivery faults ---------------------------------------------------------------------------------------


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[list[tuple[int, str, str, dict[str, Any]]], list[list[int]]]:
    """A device's changes (record number, op, group, fields) and how they are delivered: batches of
    indexes into the changes, in order, each batch possibly re-sent and overlapping the previous one."""
    changes: list[tuple[int, str, str, dict[str, Any]]] = []
    for _ in range(draw(st.integers(1, 12))):
        record = draw(st.integers(0, 3))
        op = draw(st.sampled_from(["create", "update", "update", "delete"]))
        value = draw(st.sampled_from(["safe", "unreachable", "needs_assistance"]))
        changes.append((record, op, "welfare", {"welfare_status": value} if op != "delete" else {}))
    batches: list[list[int]] = []
    start = 0
    while start < len(changes):
        end = draw(st.integers(start + 1, len(changes)))
        back = draw(st.integers(0, start))  # a resend overlaps what was delivered before
        batches.append(list(range(back, end)))
        if draw(st.booleans()):
            batches.append(list(range(back, end)))  # the answer was lost: the same batch again
        start = end
    return changes, batches


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=deliveries())
def test_any_split_and_redelivery_of_a_device_changes_ends_like_one_clean_push(
    hq_store: HQStore, case: tuple[list[tuple[int, str, str, dict[str, Any]]], list[list[int]]]
) -> None:
    changes, batches = case
    posts = {p.code for p in hq_store.posts()}
    clean_post, faulty_post = f"P{len(posts)}A", f"P{len(posts)}B"
    hq_store.add_post(clean_post, "clean")
    hq_store.add_post(faulty_post, "faulty")
    clean, faulty = enroll(hq_store, clean_post), enroll(hq_store, faulty_post)
    records = [uuid7() for _ in range(4)]
    made = [
        entry(clean, "citizen", records[r], op, fields, base=None if op == "create" else {g: ""})
        for r, op, g, fields in changes
    ]
    push(hq_store, clean, made)
    for batch in batches:
        answer = push(hq_store, faulty, [made[i] for i in batch])
        assert answer.rejected == []
    one, other = pull_all(hq_store, clean), pull_all(hq_store, faulty)
    assert [(e.id, e.fields, e.seq) for e in one] == [(e.id, e.fields, e.seq) for e in other]
    a, b = hq_store.summary(clean.device_id), hq_store.summary(faulty.device_id)
    assert (a.counts, a.digest, a.cursor) == (b.counts, b.digest, b.cursor)
