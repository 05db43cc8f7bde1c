"""The conflict queue at a workstation (services/sync_conflicts.py): conflicts recorded when pulled
changes meet local ones, listed for staff, and resolved by a change that syncs, on real workstations
exchanging entries through an in-memory stand-in for HQ's per-post log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, PermissionDeniedError, ValidationError
from embassy_desk.services import registry, sync_conflicts
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.integration.test_sync_apply import search_ids, snapshot
from tests.sync_local_hub import Hub, second_workstation


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Session]:
    session = second_workstation(tmp_path)
    yield session
    session.lock()


def _shared_citizen(hub: Hub, a: Session, b: Session) -> str:
    citizen = registry.register_citizen(a, aigerim())
    hub.sync(a, b)
    return citizen.id


def _status(session: Session, conflict_id: str) -> tuple[str, str | None]:
    with session.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT status, resolution FROM sync_conflicts WHERE id = ?", (conflict_id,)
        ).one()
    return str(row[0]), row[1]


def test_a_name_changed_on_two_workstations_is_queued_on_both_and_settled_once(
    admin: Session, other: Session
) -> None:
    hub = Hub()
    cid = _shared_citizen(hub, admin, other)
    registry.edit_citizen(admin, cid, {"surname": "Серикова"})
    registry.edit_citizen(other, cid, {"surname": "Ахметова"})  # later: it wins for now
    hub.sync(admin, other)

    assert registry.get_citizen(admin, cid).fields["surname"] == "Ахметова"
    assert snapshot(admin) == snapshot(other)
    (here,) = sync_conflicts.list_open(admin)
    (there,) = sync_conflicts.list_open(other)
    assert here.id == there.id  # both name the same conflict alike
    assert (here.kind, here.group, here.entity, here.record_id) == ("edit", "names", "citizen", cid)
    assert here.local_value["surname"] == "Серикова" and here.remote_value["surname"] == "Ахметова"
    assert there.local_value["surname"] == "Ахметова" and there.remote_value["surname"] == "Серикова"
    assert here.label == "Ахметова Айгерим"

    sync_conflicts.resolve(admin, here.id, keep="local")
    assert sync_conflicts.list_open(admin) == []
    hub.sync(admin, other)
    assert sync_conflicts.list_open(other) == []
    assert _status(other, here.id) == ("resolved", "local")
    for session in (admin, other):
        citizen = registry.get_citizen(session, cid)
        assert (citizen.fields["surname"], citizen.fields["surname_latin"]) == ("Серикова", "SERIKOVA")
        assert search_ids(session, "Серикова") == [cid] and search_ids(session, "Ахметова") == []
    assert snapshot(admin) == snapshot(other)
    with pytest.raises(EmbassyDeskError) as again:
        sync_conflicts.resolve(other, here.id, keep="remote")
    assert again.value.msg.code == "conflict.not_open"


def test_an_unsent_edit_overwritten_by_another_is_queued_where_it_was_made(
    admin: Session, other: Session
) -> None:
    hub = Hub()
    cid = _shared_citizen(hub, admin, other)
    registry.edit_citizen(admin, cid, {"region": "Busan"})
    registry.edit_citizen(other, cid, {"region": "Incheon"})
    hub.push(other)
    hub.pull(admin)  # the other change arrives before this one left: this one is unsent
    (conflict,) = sync_conflicts.list_open(admin)
    assert (conflict.kind, conflict.group) == ("edit", "address")
    hub.sync(admin, other)
    assert sync_conflicts.list_open(other) == []  # a plain field group: no conflict where it was sent

    sync_conflicts.resolve(admin, conflict.id, keep="remote")
    hub.sync(admin, other)
    regions = {registry.get_citizen(s, cid).fields["region"] for s in (admin, other)}
    assert regions == {conflict.remote_value["region"]}
    assert snapshot(admin) == snapshot(other)


def test_an_edit_of_a_record_deleted_elsewhere_can_bring_it_back(admin: Session, other: Session) -> None:
    hub = Hub()
    cid = _shared_citizen(hub, admin, other)
    registry.delete_citizen(admin, cid)
    registry.edit_citizen(other, cid, {"region": "Busan", "notes": "moved"})
    hub.sync(other, admin)

    # The delete stands on both; each queues the other side's values.
    for session in (admin, other):
        assert search_ids(session, "Нурланова") == []
    (here,) = sync_conflicts.list_open(admin)
    (there,) = sync_conflicts.list_open(other)
    assert here.id == there.id and there.kind == "restore"
    assert there.local_value["surname"] == "Нурланова" and there.local_value["notes"] == "moved"

    sync_conflicts.resolve(other, there.id, keep="local")
    hub.sync(other, admin)
    for session in (admin, other):
        citizen = registry.get_citizen(session, cid)
        assert (citizen.fields["surname"], citizen.fields["notes"]) == ("Нурланова", "moved")
        assert search_ids(session, "Нурланова") == [cid]
        assert sync_conflicts.list_open(session) == []
    assert snapshot(admin) == snapshot(other)


def test_keeping_the_delete_leaves_the_record_gone_everywhere(admin: Session, other: Session) -> None:
    hub = Hub()
    cid = _shared_citizen(hub, admin, other)
    registry.delete_citizen(admin, cid)
    registry.edit_citizen(other, cid, {"notes": "moved"})
    hub.sync(other, admin)
    (conflict,) = sync_conflicts.list_open(other)
    sync_conflicts.resolve(other, conflict.id, keep="remote")
    hub.sync(other, admin)
    for session in (admin, other):
        assert registry.count_citizens(session) == 0
        assert sync_conflicts.list_open(session) == []
    assert snapshot(admin) == snapshot(other)


def test_who_may_resolve_and_bad_requests(
    admin: Session, other: Session, session_for: Callable[[Role], Session]
) -> None:
    hub = Hub()
    cid = _shared_citizen(hub, admin, other)
    registry.edit_citizen(admin, cid, {"passport_number": "N22222222"})
    registry.edit_citizen(other, cid, {"passport_number": "N33333333"})
    hub.sync(admin, other)
    (conflict,) = sync_conflicts.list_open(admin)
    assert conflict.group == "passport"
    viewer = session_for(Role.VIEWER)
    assert [c.id for c in sync_conflicts.list_open(viewer)] == [conflict.id]
    with pytest.raises(PermissionDeniedError):
        sync_conflicts.resolve(viewer, conflict.id, keep="local")
    with pytest.raises(ValidationError):
        sync_conflicts.resolve(admin, conflict.id, keep="mine")
    with pytest.raises(NotFoundError):
        sync_conflicts.resolve(admin, "no-such-conflict", keep="local")
    sync_conflicts.resolve(session_for(Role.CLERK), conflict.id, keep="local")
    assert registry.get_citizen(admin, cid).fields["passport_number"] == "N22222222"
