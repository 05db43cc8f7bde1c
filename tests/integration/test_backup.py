"""SECURITY.md promise 7: encrypted, verified backups restorable with a passphrase or the code."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.services import backup, registry
from embassy_desk.services.backup import BackupError
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.files import SCRATCH_DIR_NAME
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


_KILLED_BACKUP = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from embassy_desk.services import backup
    from embassy_desk.services.workstation import unlock
    from embassy_desk.storage.workstation import WorkstationPaths

    session = unlock(WorkstationPaths(Path(sys.argv[1])), "admin", os.environ["ADMIN_PASSPHRASE"])
    real_export = backup.export_database

    def export_then_die(*args, **kwargs):
        real_export(*args, **kwargs)
        os._exit(9)  # like SIGKILL: no finally blocks run

    backup.export_database = export_then_die
    backup.create_backup(session, Path(sys.argv[2]))
    """
)


def test_a_killed_backup_leaves_nothing_in_temp_and_its_scratch_is_cleaned_at_unlock(
    paths: WorkstationPaths, admin: Session, tmp_path: Path
) -> None:
    registry.register_citizen(admin, aigerim())
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    root = Path(__file__).resolve().parents[2]
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_BACKUP, str(paths.root), str(tmp_path / "b.edbk")],
        env={
            **os.environ,
            "ADMIN_PASSPHRASE": ADMIN_PASSPHRASE,
            "PYTHONPATH": str(root),
            "TMPDIR": str(system_tmp),
        },
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == 9, killed.stderr
    assert list(system_tmp.iterdir()) == []
    scratch = paths.root / SCRATCH_DIR_NAME
    assert [p.name for p in scratch.rglob("registry.db")], "the killed copy should be in the scratch area"
    unlock(paths, "admin", ADMIN_PASSPHRASE).lock()
    assert list(scratch.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_backup_never_changes_the_destination_folder_and_the_file_is_private(
    admin: Session, tmp_path: Path
) -> None:
    shared = tmp_path / "shared-usb"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # noqa: S103 - a sticky world-writable folder, as on a shared stick
    backup.create_backup(admin, shared / "b.edbk")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "b.edbk").stat().st_mode) == 0o600
    assert [p.name for p in shared.iterdir()] == ["b.edbk"]
