"""SECURITY.md promise 7: encrypted, verified backups restorable with a passphrase or the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.services import backup, registry
from embassy_desk.services.backup import BackupError
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim


def test_backup_restore_with_passphrase(admin: Session, tmp_path: Path) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    target = tmp_path / "b.edbk"
    info = backup.create_backup(admin, target)
    assert info.citizens == 1
    blob = target.read_bytes()
    assert "Нурланова".encode() not in blob and b"N12345678" not in blob
    key = backup.backup_vault(target).unlock("admin", ADMIN_PASSPHRASE).data_key
    restored_dir = tmp_path / "restored"
    backup.restore_backup(target, restored_dir, key)
    session = unlock(WorkstationPaths(restored_dir), "admin", ADMIN_PASSPHRASE)
    try:
        assert registry.get_citizen(session, citizen.id).fields["surname"] == "Нурланова"
        assert registry.search(session, "Nurlanova")[0].id == citizen.id
    finally:
        session.lock()


def test_backup_restore_with_recovery_code(
    workstation: tuple[WorkstationPaths, str], admin: Session, tmp_path: Path
) -> None:
    registry.register_citizen(admin, aigerim())
    target = tmp_path / "b.edbk"
    backup.create_backup(admin, target)
    key = backup.backup_vault(target).unlock_with_recovery(workstation[1])
    info = backup.verify_backup(target, key)
    assert info.citizens == 1
    backup.restore_backup(target, tmp_path / "r", key)
    assert WorkstationPaths(tmp_path / "r").exists()


def test_altered_backup_is_detected(admin: Session, tmp_path: Path) -> None:
    target = tmp_path / "b.edbk"
    backup.create_backup(admin, target)
    data = bytearray(target.read_bytes())
    data[-100] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(IntegrityFailure, match="altered or damaged"):
        backup.verify_backup(target)


def test_restore_refuses_a_non_empty_folder(paths: WorkstationPaths, admin: Session, tmp_path: Path) -> None:
    target = tmp_path / "b.edbk"
    backup.create_backup(admin, target)
    with pytest.raises(BackupError, match="already holds a workstation"):
        backup.restore_backup(target, paths.root, admin.data_key)


def test_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.edbk"
    junk.write_bytes(b"hello")
    with pytest.raises(BackupError, match="not an Embassy Desk backup"):
        backup.verify_backup(junk)
