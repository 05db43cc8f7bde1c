"""Changing the data key after a staff member leaves (SECURITY.md promise 8, second half)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.services import integrity, registry, users
from embassy_desk.services.rekey import STEPS, change_data_key, database_opens
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.engine import DatabaseRefused, connect
from embassy_desk.storage.vault import Vault
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE, aigerim

# Crashing at these steps happens after the new file replaced the old one.
_AFTER_SWAP = {"swapped", "finished"}

_KILL_AT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from embassy_desk.services.rekey import change_data_key
    from embassy_desk.services.workstation import unlock
    from embassy_desk.storage.workstation import WorkstationPaths

    session = unlock(WorkstationPaths(Path(sys.argv[1])), "admin", os.environ["ADMIN_PASSPHRASE"])

    def checkpoint(name: str) -> None:
        if name == sys.argv[2]:
            os._exit(9)  # like SIGKILL: no cleanup, no finally blocks, no flushing

    change_data_key(session, checkpoint=checkpoint)
    """
)


def _registry_with_people(admin: Session) -> list[str]:
    first = registry.register_citizen(admin, aigerim())
    second = registry.register_citizen(
        admin,
        aigerim(
            given_names="Ерлан",
            surname="Сапаров",
            patronymic="",
            sex="M",
            birth_date="1990-07-02",
            national_id="900702300014",
            passport_number="N87654321",
            phone="010-9876-5432",
            email="",
        ),
    )
    return [first.id, second.id]


def _current_key(paths: WorkstationPaths, username: str, passphrase: str) -> bytes:
    vault = Vault.load(paths.vault)
    return vault.unlock(username, passphrase).data_key


def test_rekey_keeps_everyone_in_and_the_data_whole(
    paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    ids = _registry_with_people(admin)
    session_for(Role.OFFICER).lock()
    old_key = admin.data_key
    report = change_data_key(admin)
    assert report.generation == 2
    assert report.citizens == 2
    assert admin.locked
    new_key = _current_key(paths, "admin", ADMIN_PASSPHRASE)
    assert new_key != old_key
    assert not database_opens(paths.database, old_key)
    # Every account opens with its usual passphrase; the records and the audit chain are intact.
    officer = unlock(paths, "officer1", STAFF_PASSPHRASE)
    try:
        assert [c.id for c in registry.search(officer, "Нурланова")] == [ids[0]]
    finally:
        officer.lock()
    again = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        assert registry.count_citizens(again) == 2
        assert integrity.check_workstation(again).ok
        assert integrity.verify_audit_chain(again).ok
    finally:
        again.lock()
    assert not paths.rekey_scratch.exists()


def test_a_departed_officers_copy_of_the_old_vault_opens_nothing(
    paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session], tmp_path: Path
) -> None:
    _registry_with_people(admin)
    session_for(Role.OFFICER).lock()
    kept_copy = tmp_path / "copied-vault.json"
    shutil.copyfile(paths.vault, kept_copy)
    users.disable_user(admin, username="officer1")
    change_data_key(admin)
    # The copy still unwraps the old key with the old passphrase...
    old_key = Vault.load(kept_copy).unlock("officer1", STAFF_PASSPHRASE).data_key
    # ...but that key no longer opens the database.
    with pytest.raises(DatabaseRefused):
        connect(paths.database, old_key)


@pytest.mark.parametrize("step", STEPS)
def test_rekey_killed_at_any_step_leaves_data_that_opens(
    paths: WorkstationPaths, admin: Session, step: str
) -> None:
    ids = _registry_with_people(admin)
    admin.lock()
    root = Path(__file__).resolve().parents[2]
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_AT, str(paths.root), step],
        env={**os.environ, "ADMIN_PASSPHRASE": ADMIN_PASSPHRASE, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == 9, killed.stderr
    # The next sign-in settles the interrupted change: the data opens, whole, with one key.
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        assert registry.count_citizens(session) == 2
        assert registry.get_citizen(session, ids[1]).id == ids[1]
        assert integrity.check_workstation(session).ok
    finally:
        session.lock()
    vault = Vault.load(paths.vault)
    assert not vault.rekey_pending
    assert vault.generation == (2 if step in _AFTER_SWAP else 1)
    assert not paths.rekey_scratch.exists()
    # And a later rekey works from that state.
    again = unlock(paths, "admin", ADMIN_PASSPHRASE)
    assert change_data_key(again).generation == vault.generation + 1
