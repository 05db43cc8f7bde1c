"""Sync end to end with real processes: HQ under uvicorn on PostgreSQL (and SQLite), real encrypted
workstations, the ``embassy-desk`` commands a person uses (issue 11, "Proof").

Each test makes its own post at one HQ per backend, so the tests do not see each other's records.
"""

from __future__ import annotations

import csv
import json
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.sync_harness import (
    Hq,
    Workstation,
    assert_converged,
    hq_database,
    hq_summary,
    letters,
)

pytestmark = pytest.mark.timeout(300)


def _hq(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    root = tmp_path_factory.mktemp(f"hq-{backend}")
    with hq_database(backend, root) as url:
        server = Hq(root, url).init()
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    """HQ on a fresh PostgreSQL database."""
    yield from _hq("postgresql", tmp_path_factory)


@pytest.fixture(scope="module")
def hq_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    """HQ on its default SQLite file."""
    yield from _hq("sqlite", tmp_path_factory)


Post = Callable[..., list[Workstation]]


def _post_of(server: Hq, tmp_path: Path) -> Post:
    def make(count: int = 2, *, enroll: bool = True) -> list[Workstation]:
        code = f"KZ-{secrets.token_hex(3).upper()}"
        name = f"Embassy of Kazakhstan, test post {code}"
        server.add_post(code, name)
        stations = [Workstation(tmp_path / f"ws{i + 1}", name) for i in range(count)]
        if enroll:
            for ws in stations:
                server.enroll(ws, code)
        make.code = code  # type: ignore[attr-defined]
        return stations

    return make


@pytest.fixture
def post(hq: Hq, tmp_path: Path) -> Post:
    """Make a fresh post at HQ (PostgreSQL) and ``count`` workstations enrolled in it."""
    return _post_of(hq, tmp_path)


def _person(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "surname": "Нурланова",
        "given_names": "Айгерим",
        "sex": "F",
        "birth_date": "1998-03-14",
        "phone": "010-1234-5678",
        "region": "Seoul",
    }
    data.update(overrides)
    return data


def _open_conflicts(ws: Workstation) -> list[dict[str, object]]:
    return list(json.loads(ws.ok("sync", "conflicts", "--json")))


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_second_workstation_joins_and_receives_everything(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    server: Hq = request.getfixturevalue("hq" if backend == "postgresql" else "hq_sqlite")
    make = _post_of(server, tmp_path)
    (first,) = make(1)
    code: str = make.code  # type: ignore[attr-defined]
    ids = [
        first.add_citizen(**_person(surname=name, birth_date=born))
        for name, born in (("Оспанов", "1980-01-01"), ("Бекова", "2001-02-03"), ("Ким", "1995-05-05"))
    ]
    first.ok("contact", "log", ids[0], "--channel", "phone", "--outcome", "reached", "--welfare", "safe")
    first.ok("case", "open", ids[1], "--kind", "medical", "--summary", "hospital")
    status = json.loads(first.ok("sync", "status", "--json"))
    assert set(status) == {"enrolled", "post", "pending", "last_sync", "conflicts", "hq_reachable"}
    assert status["enrolled"] is True and status["pending"] >= 5 and status["hq_reachable"] is True
    assert status["post"] == code and status["last_sync"] is None
    pushed = first.sync(separate=True)  # once as a separate process, as a person's shell runs it
    assert pushed["pushed"] >= 5 and pushed["conflicts"] == 0

    # A second workstation of the post: its own staff and passphrases, then enroll, then one sync.
    second = Workstation(tmp_path / "joiner", "joiner")
    server.enroll(second, code)
    got = second.sync()
    assert got["pulled"] >= 5 and got["pushed"] == 0
    for cid in ids:
        shown = second.show(cid)
        assert shown is not None
    assert json.loads(second.ok("search", "Оспанов", "--json"))[0]["id"] == ids[0]
    assert "1 new conflicts" not in second.ok("sync")
    first.sync()
    assert_converged(hq_summary(first), first, second)
    after = json.loads(second.ok("sync", "status", "--json"))
    assert after["pending"] == 0 and after["last_sync"] and after["conflicts"] == 0
    # HQ's statistics and device list see the post's workstations and numbers.
    stats = json.loads(server.cli("stats", "--post", code, "--json").stdout)
    assert stats["post"] == code and stats["citizens"] == 3 and stats["open_cases"] == 1
    assert stats["contacts_24h"] == 1 and len(stats["devices"]) == 2
    # Both audit chains arrived and continue where HQ's acknowledgement left them (promise 20).
    devices = [d for d in json.loads(server.cli("devices", "--json").stdout) if d["post"] == code]
    assert len(devices) == 2 and {d["audit_chain"] for d in devices} == {"ok"}
    assert all(d["last_sync"] for d in devices)
    # HQ learnt who wrote what by display name; staff accounts themselves stay on the workstations.
    from embassy_desk.hq.config import HQConfig

    store = HQConfig.resolve(server.hq_dir, server.db_url).open_store()
    try:
        names = set(store.staff_names(code).values())
    finally:
        store.close()
    assert names == {f"Admin of {first.root.name}", f"Admin of {second.root.name}"}
    with second.session() as session:
        from embassy_desk.services import sync

        kinds = [row.kind for row in sync.history(session)]
    assert kinds.count("network") >= 2


def test_edits_to_different_groups_on_two_offline_workstations_both_survive(post: Post) -> None:
    a, b = post(2)
    cid = a.add_citizen(**_person())
    a.sync()
    b.sync()
    # Offline on both: a new phone on one, a note on the other.
    a.edit(cid, phone="010-9999-0000")
    b.edit(cid, notes="called the dormitory")
    a.sync()
    b.sync()
    a.sync()
    for ws in (a, b):
        shown = ws.show(cid)
        assert shown is not None
        assert [p["number"] for p in shown["phones"]] == ["+821012345678", "+821099990000"]
        assert shown["notes"] == "called the dormitory"
        assert _open_conflicts(ws) == []
    assert_converged(hq_summary(a), a, b)


def test_same_group_on_two_workstations_is_a_conflict_resolved_from_the_command_line(post: Post) -> None:
    a, b = post(2)
    cid = a.add_citizen(**_person())
    a.sync()
    b.sync()
    a.edit(cid, surname="Нурланова-Ким")
    b.edit(cid, surname="Нурланулы")
    a.sync()
    result = b.sync()
    assert result["conflicts"] >= 1
    queued = _open_conflicts(b)
    assert len(queued) == 1
    conflict = queued[0]
    assert conflict["record_id"] == cid
    text = json.dumps(conflict, ensure_ascii=False)
    assert "Нурланова-Ким" in text and "Нурланулы" in text
    listing = b.ok("sync", "conflicts")
    assert str(conflict["id"]) in listing
    # The later edit (b's) won everywhere meanwhile; nobody lost sight of the other value.
    a.sync()
    assert a.show(cid)["surname"] == b.show(cid)["surname"] == "Нурланулы"  # type: ignore[index]
    bad = b.cli("sync", "resolve", str(conflict["id"]), "--keep", "both")
    assert bad.returncode == 2
    b.ok("sync", "resolve", str(conflict["id"]), "--keep", "remote")
    assert _open_conflicts(b) == []
    b.sync()
    a.sync()
    assert a.show(cid)["surname"] == b.show(cid)["surname"] == "Нурланова-Ким"  # type: ignore[index]
    # The resolution synced: the same conflict is settled on the other workstation too.
    assert all(str(c["id"]) != str(conflict["id"]) for c in _open_conflicts(a))
    assert_converged(hq_summary(a), a, b)


def test_delete_on_one_workstation_edit_on_the_other(post: Post) -> None:
    a, b = post(2)
    cid = a.add_citizen(**_person())
    keep = a.add_citizen(**_person(surname="Ахметов", given_names="Серик", sex="M", birth_date="1975-07-07"))
    a.sync()
    b.sync()
    a.delete(cid)
    b.edit(cid, notes="moved to Busan")
    a.sync()
    result = b.sync()
    a.sync()
    # The delete is kept; the edit waits in the queue as a "restore" for a person to decide.
    assert a.show(cid) is None and b.show(cid) is None
    assert result["conflicts"] >= 1
    queued = _open_conflicts(b)
    assert [c["kind"] for c in queued] == ["restore"] and queued[0]["record_id"] == cid
    assert a.show(keep) is not None and b.show(keep) is not None
    assert_converged(hq_summary(a), a, b)


def test_a_contact_logged_for_a_person_deleted_elsewhere_goes_everywhere(post: Post) -> None:
    """The contact reaches HQ after the delete (b logged it offline; both orders at HQ): no
    workstation keeps a contact of a person no longer registered, HQ does not count it either, and
    the end-of-sync check agrees (instead of sending and pulling everything again on every sync)."""
    a, b = post(2)
    early, late = a.add_citizen(**_person()), a.add_citizen(**_person(surname="Ахметова"))
    a.sync()
    b.sync()
    b.ok("contact", "log", early, "--channel", "phone", "--outcome", "reached", "--welfare", "safe")
    b.sync()  # early: HQ has the contact before the delete
    b.ok("contact", "log", late, "--channel", "phone", "--outcome", "reached", "--welfare", "safe")
    a.delete(early)
    a.delete(late)
    a.sync()
    assert b.sync()["verified"]  # late: the contact reached HQ after the delete
    assert a.sync()["verified"]
    shots = assert_converged(hq_summary(a), a, b)
    assert "contact" not in shots[0].counts


def test_same_person_registered_twice_is_offered_and_the_merge_syncs(post: Post) -> None:
    from embassy_desk.services import registry
    from embassy_desk.storage import citizens

    a, b = post(2)
    person = _person(national_id="980314400046", passport_number="N12345678")
    first = a.add_citizen(**person)
    second = b.add_citizen(**person)
    a.sync()
    b.sync()
    a.sync()
    # After sync both records are on each workstation and the duplicate check offers the pair.
    with b.session() as session:
        with session.read() as conn:
            row = citizens.get(conn, second)
        assert row is not None
        offered = registry.find_duplicates(session, row, exclude_id=second)
    assert [c.citizen_id for c in offered] == [first]
    # b merges; meanwhile a, not yet synced, edits the record that b drops.
    b.ok("citizen", "merge", first, second)
    a.edit(second, notes="seen at the consulate")
    b.sync()
    a.sync()
    b.sync()
    a.sync()
    for ws in (a, b):
        assert ws.show(second) is None
        assert ws.show(first) is not None
        assert len(json.loads(ws.ok("search", "Нурланова", "--json"))) == 1
        # The late edit is not lost: it is on the kept record or waits in the queue for a person.
        kept_notes = (ws.show(first) or {}).get("notes")
        queued = json.dumps(_open_conflicts(ws), ensure_ascii=False)
        assert kept_notes == "seen at the consulate" or "seen at the consulate" in queued
    assert_converged(hq_summary(a), a, b)


def test_a_late_edit_of_a_merged_away_record_lands_on_the_kept_record(post: Post) -> None:
    a, b = post(2)
    person = _person(national_id="980314400046", passport_number="N12345678")
    first = a.add_citizen(**person)
    second = b.add_citizen(**person)
    a.sync()
    b.sync()
    a.sync()
    b.ok("citizen", "merge", first, second)
    a.edit(second, notes="seen at the consulate")
    b.sync()
    a.sync()
    b.sync()
    for ws in (a, b):
        assert (ws.show(first) or {}).get("notes") == "seen at the consulate"


def test_days_of_offline_work_then_sync(post: Post, tmp_path: Path) -> None:
    a, b = post(2)
    # a imports a list (more than one push batch), b registers and edits by hand, both offline.
    sheet = tmp_path / "list.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["surname", "given_names", "sex", "birth_date", "region"])
        for i in range(1000):
            writer.writerow(
                [
                    f"Test{letters(i, 'abcdefghij')}",
                    "Aliya",
                    "F",
                    f"19{60 + i % 40}-0{1 + i % 9}-1{i % 10}",
                    "Seoul",
                ]
            )
    a.ok("import", "citizens", str(sheet), "--allow-duplicates")
    mine = [
        b.add_citizen(**_person(surname=f"Серікұлы{letters(i)}", birth_date=f"199{i}-01-01"))
        for i in range(3)
    ]
    b.edit(mine[0], notes="day 2")
    b.ok("contact", "log", mine[1], "--channel", "sms", "--outcome", "no_answer")
    b.delete(mine[2])
    status = json.loads(a.ok("sync", "status", "--json"))
    assert status["pending"] >= 1000
    pushed = a.sync()
    assert pushed["pushed"] >= 1000
    b.sync()
    a.sync()
    shots = assert_converged(hq_summary(a), a, b)
    assert len(shots[0].tables["citizens"]) == 1002


def test_revoked_device_is_refused_with_one_sentence(post: Post, hq: Hq) -> None:
    (ws,) = post(1)
    ws.add_citizen(**_person())
    ws.sync()
    with ws.session() as session:
        device = session.device_id
    hq.cli("revoke", device)
    ws.add_citizen(**_person(surname="Ким", birth_date="1990-01-01"))
    done = ws.cli("sync", separate=True)
    assert done.returncode == 9, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "revoked" in lines[0] and "Traceback" not in done.stderr
    status = json.loads(ws.ok("sync", "status", "--json"))
    assert status["pending"] >= 1  # nothing was marked sent
    with ws.session() as session:
        from embassy_desk.services import sync

        last = sync.history(session)[0]
    assert last.error_text and "revoked" in last.error_text


def test_not_enrolled_and_unreachable_are_plain_sentences(tmp_path: Path) -> None:
    ws = Workstation(tmp_path / "alone", "alone")
    done = ws.cli("sync", separate=True)
    assert done.returncode == 9 and "not enrolled" in done.stderr
    status = json.loads(ws.ok("sync", "status", "--json"))
    assert status["enrolled"] is False and status["hq_reachable"] is None
    # Nobody listens on this port: exit 8, one line.
    from tests.sync_harness import free_port

    done = ws.cli("sync", "enroll", f"http://127.0.0.1:{free_port()}", "ABCD-EFGH-JKMN", separate=True)
    assert done.returncode == 8, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "cannot be reached" in done.stderr
    # Enrolling is for administrators only.
    from embassy_desk.domain.enums import Role
    from embassy_desk.services import users
    from tests.conftest import STAFF_PASSPHRASE
    from tests.sync_harness import run_main

    with ws.session() as session:
        users.add_user(
            session, username="clerk1", display_name="Clerk", role=Role.CLERK, passphrase=STAFF_PASSPHRASE
        )
    as_clerk = {**ws.env, "EMBASSY_DESK_USER": "clerk1", "EMBASSY_DESK_PASSPHRASE": STAFF_PASSPHRASE}
    done = run_main(
        ["--data-dir", str(ws.root), "sync", "enroll", "http://127.0.0.1:9", "ABCD-EFGH"], as_clerk
    )
    assert done.returncode == 5, done.stderr


def test_bad_enrollment_code_is_refused(post: Post, hq: Hq, tmp_path: Path) -> None:
    post(0)
    ws = Workstation(tmp_path / "stranger", "stranger")
    done = ws.cli("sync", "enroll", hq.url, "0000-0000-0000-0000-0000-0000-0000")
    assert done.returncode == 9 and "enrollment code" in done.stderr


def test_bundles_both_ways(post: Post, hq: Hq, tmp_path: Path) -> None:
    a, b = post(2)
    code: str = post.code  # type: ignore[attr-defined]
    ids = [
        a.add_citizen(**_person(surname=f"Бундл{letters(i)}", birth_date=f"198{i}-02-02")) for i in range(3)
    ]
    # Device -> HQ on a stick.
    first = tmp_path / "a-1.bundle"
    out = a.ok("sync", "export-bundle", str(first))
    assert "Bundle 1" in out
    hq.cli("import-bundle", str(first))
    again = hq.cli("import-bundle", str(first), check=False)
    assert again.returncode == 0 and "before" in again.stdout
    # HQ -> devices on a stick.
    back = tmp_path / "hq-1.bundle"
    hq.cli("export-bundle", "--post", code, str(back))
    before = b.snapshot()
    # Altered by one byte: refused as altered (exit 4), nothing changed.
    data = bytearray(back.read_bytes())
    data[len(data) // 2] ^= 0x01
    altered = tmp_path / "altered.bundle"
    altered.write_bytes(bytes(data))
    done = b.cli("sync", "import-bundle", str(altered))
    assert done.returncode == 4 and len(done.stderr.strip().splitlines()) == 1
    assert b.snapshot().same_data(before)
    with b.session() as session:
        from embassy_desk.services import sync

        refused = sync.history(session)[0]
    assert refused.kind == "bundle_import" and refused.error_code and refused.pulled == 0
    assert "imported" in b.ok("sync", "import-bundle", str(back))
    for cid in ids:
        assert b.show(cid) is not None
    twice = b.cli("sync", "import-bundle", str(back))
    assert twice.returncode == 0 and "already imported" in twice.stdout
    # The device that wrote bundle 1 reads HQ's acknowledgement from the same bundle.
    a.ok("sync", "import-bundle", str(back))
    assert json.loads(a.ok("sync", "status", "--json"))["pending"] == 0
    # The network afterwards agrees with what travelled by stick.
    a.sync()
    b.sync()
    assert_converged(hq_summary(a), a, b)


def test_hq_refuses_device_bundles_out_of_order_or_signed_by_another_device(
    post: Post, hq: Hq, tmp_path: Path
) -> None:
    import orjson

    from embassy_desk.services import sync
    from embassy_desk.sync import bundle

    a, b = post(2)
    a.add_citizen(**_person(surname="Первый"))
    one = tmp_path / "a-1.bundle"
    a.ok("sync", "export-bundle", str(one))
    a.add_citizen(**_person(surname="Второй", birth_date="1999-09-09"))
    two = tmp_path / "a-2.bundle"
    a.ok("sync", "export-bundle", str(two))
    gap = hq.cli("import-bundle", str(two), check=False)
    assert gap.returncode != 0 and "Traceback" not in gap.stderr
    # b signs a bundle that claims to come from a.
    with a.session() as session:
        a_device = session.device_id
        enrolled = sync.enrollment_of(session)
    with b.session() as session:
        b_key = sync.enrollment_of(session).device_signing_key
    header = bundle.BundleHeader(
        format=1,
        kind="device",
        sender=a_device,
        post=enrolled.post,
        number=1,
        prev_hash="",
        first_seq=0,
        last_seq=0,
        created_at="2026-12-06T00:00:00+00:00",
        protocol=1,
        schema_version=2,
    )
    forged = bundle.write_bundle(
        orjson.dumps({"protocol": 1, "schema_version": 2, "entries": [], "through": 0}),
        header=header,
        signer=b_key,
        recipients=[("hq", enrolled.hq_bundle_key)],
    )
    (tmp_path / "forged.bundle").write_bytes(forged)
    refused = hq.cli("import-bundle", str(tmp_path / "forged.bundle"), check=False)
    assert refused.returncode == 4, refused.stdout + refused.stderr
    # In order, both go in; the devices converge over the network.
    hq.cli("import-bundle", str(one))
    hq.cli("import-bundle", str(two))
    a.sync()
    b.sync()
    assert_converged(hq_summary(a), a, b)


def test_a_clock_five_minutes_off_is_refused_by_name(post: Post, hq: Hq) -> None:
    import time

    from embassy_desk.domain.messages import render
    from embassy_desk.services import sync
    from embassy_desk.sync.client import HqClient, SyncRefused

    (ws,) = post(1)
    with ws.session() as session:
        enrollment = sync.enrollment_of(session)
        device = session.device_id
    late = HqClient(
        hq.url, device_id=device, signing_key=enrollment.device_signing_key, clock=lambda: time.time() - 400
    )
    with late, pytest.raises(SyncRefused) as refused:
        late.summary()
    assert refused.value.exit_code == 9 and "clock" in render(refused.value.msg, "en")


def test_the_summary_check_fetches_again_what_a_workstation_lost(post: Post) -> None:
    from embassy_desk.storage import citizens

    a, b = post(2)
    ids = [a.add_citizen(**_person(surname=name)) for name in ("Абаев", "Бабаев")]
    a.sync()
    b.sync()
    # A record vanishes from b's database behind the app's back (no change, no tombstone).
    with b.session() as session, session.engine.connect() as raw:
        conn = raw.execution_options(write=True)
        with conn.begin():
            row = citizens.get(conn, ids[0])
            assert row is not None
            citizens.delete(conn, row)
    assert b.show(ids[0]) is None
    result = b.sync()
    assert result["verified"] is True
    assert b.show(ids[0]) is not None
    assert_converged(hq_summary(a), a, b)


def test_hq_publications_reach_the_post_on_the_next_sync(post: Post, hq: Hq) -> None:
    from embassy_desk.services import sync

    (ws,) = post(1)
    code: str = post.code  # type: ignore[attr-defined]
    hq.cli(
        "publish",
        "--post",
        code,
        "--title-en",
        "Stay indoors",
        "--text-en",
        "Heavy snow tomorrow; stay indoors.",
        "--title-ru",
        "Оставайтесь дома",
        "--text-ru",
        "Завтра сильный снегопад.",
    )
    ws.sync()
    with ws.session() as session:
        published = sync.publications(session)
    assert [p.kind for p in published] == ["advisory"]
    assert published[0].title["en"] == "Stay indoors" and published[0].title["ru"] == "Оставайтесь дома"


def test_a_client_too_old_is_told_so(post: Post, hq: Hq, monkeypatch: pytest.MonkeyPatch) -> None:
    from embassy_desk.domain.messages import render
    from embassy_desk.services import sync
    from embassy_desk.sync import client as client_module

    (ws,) = post(1)
    with ws.session() as session:
        enrollment = sync.enrollment_of(session)
        device = session.device_id
    # A workstation of an older protocol than HQ still serves (the header every request carries).
    monkeypatch.setattr(client_module, "PROTOCOL_VERSION", 0)
    old = client_module.HqClient(hq.url, device_id=device, signing_key=enrollment.device_signing_key)
    with old, pytest.raises(client_module.SyncRefused) as refused:
        old.summary()
    assert refused.value.exit_code == 9 and "update" in render(refused.value.msg, "en")


def test_call_list_places_of_a_person_deleted_elsewhere_go_everywhere(post: Post) -> None:
    """Campaign places about a person deleted at another workstation, reaching HQ before the delete
    (made and synced first) and after it (made offline, synced later): no side keeps them, and the
    end-of-sync check agrees."""
    a, b = post(2)
    early = a.add_citizen(**_person())
    late = a.add_citizen(**_person(surname="Ахметова"))
    a.add_citizen(**_person(surname="Бекова"))
    a.sync()
    b.sync()
    b.ok("campaign", "create", "Everyone")
    b.sync()  # HQ has the places before the delete
    a.delete(early)
    a.delete(late)
    a.sync()  # a never saw the campaign: HQ takes the places off with the people
    b.ok("campaign", "create", "Everyone again")  # b, not yet synced, still lists both
    assert b.sync()["verified"]
    assert a.sync()["verified"]
    shots = assert_converged(hq_summary(a), a, b)
    assert shots[0].counts["campaign_target"] == 2, "only the person still registered, once per campaign"
