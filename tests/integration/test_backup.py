"""SECURITY.md promise 7: encrypted, verified backups restorable with a passphrase or the code."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.services import audit_log, backup, integrity, registry
from embassy_desk.services.backup import BackupError
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.files import SCRATCH_DIR_NAME
from embassy_desk.storage.vault import AccountLockedOut, BackoffActive, Vault, WrongPassphrase
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE, aigerim
from tests.integration.test_cli import Cli


def test_backup_restore_with_passphrase(admin: Session, tmp_path: Path) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    target = tmp_path / "b.edbk"
    info = backup.create_backup(admin, target)
    assert info.citizens == 1
    blob = target.read_bytes()
    assert "Нурланова".encode() not in blob and b"N12345678" not in blob
    key = backup.unlock_backup(target, tmp_path / "here", username="admin", passphrase=ADMIN_PASSPHRASE)
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
    key = backup.unlock_backup(target, tmp_path / "here", recovery_code=workstation[1])
    info = backup.verify_backup(target, key.data_key)
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
        backup.restore_backup(target, paths.root, backup.BackupKey(admin.data_key, "admin"))


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


# -------------------------------------------------------------------------------------------------
# Issue 10, defect 2: a wrong passphrase or recovery code on a backup is exit 3 and backs off.


@pytest.fixture(scope="module")
def cli_backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, Path, str]:
    """A workstation made with the real CLI, one citizen, a viewer, and a backup of it."""
    cli = Cli(tmp_path_factory.mktemp("bk") / "ws")
    done = cli("init", "--post-name", "Embassy (test)", "--admin", "admin", "--kdf-target-ms", "50")
    assert done.returncode == 0, done.stderr
    code = re.search(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", done.stdout)
    assert code is not None
    done = cli("citizen", "add", "--json", "-", stdin=json.dumps(aigerim(), ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    done = cli(
        "user", "add", "viewer1", "--role", "viewer", env={"EMBASSY_DESK_NEW_PASSPHRASE": STAFF_PASSPHRASE}
    )
    assert done.returncode == 0, done.stderr
    target = cli.data_dir.parent / "b.edbk"
    done = cli("backup", "create", str(target))
    assert done.returncode == 0, done.stderr
    return cli, target, code.group(0)


def _elsewhere(cli: Cli, tmp_path: Path) -> Cli:
    other = Cli(tmp_path / "other")
    other.env = dict(cli.env)
    return other


@pytest.mark.parametrize("command", ["verify", "restore"])
def test_wrong_passphrase_on_a_backup_is_exit_3_and_the_count_survives_the_process(
    cli_backup: tuple[Cli, Path, str], tmp_path: Path, command: str
) -> None:
    cli, target, _ = cli_backup
    other = _elsewhere(cli, tmp_path)
    wrong = {"EMBASSY_DESK_PASSPHRASE": "not the passphrase at all"}
    for _ in range(3):
        done = other("backup", command, str(target), env=wrong)
        assert done.returncode == 3, done.stderr
        assert done.stderr.strip() == "embassy-desk: Wrong user name or passphrase."
    # Each try was a new process: the count lives in the data folder, beside nothing of the data.
    stored = Vault.load(other.data_dir / backup.BACKUP_VAULTS / f"{backup.read_backup(target).vault_id}.json")
    assert stored.slot_status("admin").failures == 3
    assert not (other.data_dir / "registry.db").exists()
    done = other("backup", command, str(target), env=wrong)
    assert done.returncode == 3
    assert "Wrong user name or passphrase" in done.stderr or "try again in" in done.stderr


def test_backup_backs_off_and_locks_out_like_the_workstation(
    workstation: tuple[WorkstationPaths, str], admin: Session, tmp_path: Path
) -> None:
    target = tmp_path / "b.edbk"
    backup.create_backup(admin, target)
    here = tmp_path / "here"
    parsed = backup.read_backup(target)
    last_failure = 1_000_000.0
    for attempt in range(10):
        vault = backup.backup_vault(parsed, here)  # loaded afresh, as a new process would
        if attempt >= 3:
            with pytest.raises(BackoffActive):
                vault.unlock("admin", ADMIN_PASSPHRASE, now=last_failure + 0.1)
        last_failure += 400
        with pytest.raises((WrongPassphrase, AccountLockedOut)):
            vault.unlock("admin", "not the passphrase at all", now=last_failure)
    with pytest.raises(AccountLockedOut):
        backup.unlock_backup(target, here, username="admin", passphrase=ADMIN_PASSPHRASE)
    assert backup.unlock_backup(target, here, recovery_code=workstation[1]).actor == backup.RECOVERY_ACTOR


def test_wrong_recovery_code_on_a_backup_is_exit_3(cli_backup: tuple[Cli, Path, str], tmp_path: Path) -> None:
    cli, target, code = cli_backup
    other = _elsewhere(cli, tmp_path)
    wrong = "0" * 5 + code[5:]
    done = other("backup", "verify", str(target), "--recovery", env={"EMBASSY_DESK_RECOVERY_CODE": wrong})
    assert done.returncode == 3, done.stderr
    assert "recovery code is not correct" in done.stderr
    done = other("backup", "verify", str(target), "--recovery", env={"EMBASSY_DESK_RECOVERY_CODE": code})
    assert done.returncode == 0, done.stderr


# -------------------------------------------------------------------------------------------------
# Issue 10, defect 11: the header is authenticated; any malformed header is exit 4.


def _split(blob: bytes) -> tuple[dict[str, object], bytes]:
    assert blob.startswith(backup.MAGIC)
    start = len(backup.MAGIC) + 4
    length = int.from_bytes(blob[len(backup.MAGIC) : start], "big")
    return json.loads(blob[start : start + length]), blob[start + length :]


def _join(header: dict[str, object], rest: bytes) -> bytes:
    raw = json.dumps(header, sort_keys=True).encode()
    return backup.MAGIC + len(raw).to_bytes(4, "big") + raw + rest


def test_an_edited_header_fails_verify_with_exit_4(cli_backup: tuple[Cli, Path, str], tmp_path: Path) -> None:
    cli, target, _ = cli_backup
    header, rest = _split(target.read_bytes())
    header["created_at"] = "1999-01-01T00:00:00.000+00:00"
    header["citizens"] = 999999
    forged = tmp_path / "forged.edbk"
    forged.write_bytes(_join(header, rest))
    done = _elsewhere(cli, tmp_path)("backup", "verify", str(forged))
    assert done.returncode == 4, done.stdout + done.stderr
    assert "altered" in done.stderr and "1999" not in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "damage", ["no-vault", "vault-not-object", "citizens-text", "truncated", "huge-length"]
)
def test_a_malformed_header_is_exit_4_with_a_plain_sentence(
    cli_backup: tuple[Cli, Path, str], tmp_path: Path, damage: str
) -> None:
    cli, target, _ = cli_backup
    blob = target.read_bytes()
    header, rest = _split(blob)
    if damage == "no-vault":
        del header["vault"]
        blob = _join(header, rest)
    elif damage == "vault-not-object":
        header["vault"] = "x"
        blob = _join(header, rest)
    elif damage == "citizens-text":
        header["citizens"] = "many"
        blob = _join(header, rest)
    elif damage == "truncated":
        blob = blob[: len(backup.MAGIC) + 20]
    else:
        blob = backup.MAGIC + (2**31).to_bytes(4, "big") + blob[len(backup.MAGIC) + 4 :]
    bad = tmp_path / "bad.edbk"
    bad.write_bytes(blob)
    for command in ("verify", "restore"):
        done = _elsewhere(cli, tmp_path)("backup", command, str(bad))
        assert done.returncode == 4, done.stdout + done.stderr
        line = done.stderr.strip()
        assert line.startswith("embassy-desk: bad.edbk") and "\n" not in line
        assert "KeyError" not in line and "unexpected" not in line


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_header_parser_answers_any_damage_with_a_backup_error(data: st.DataObject) -> None:
    blob = _TEMPLATE_BACKUP
    choice = data.draw(st.sampled_from(["flip", "cut", "json", "random"]))
    if choice == "flip":
        position = data.draw(st.integers(0, len(blob) - 1))
        mutated = (
            blob[:position] + bytes([blob[position] ^ data.draw(st.integers(1, 255))]) + blob[position + 1 :]
        )
    elif choice == "cut":
        mutated = blob[: data.draw(st.integers(0, len(blob) - 1))]
    elif choice == "json":
        header, rest = _split(blob)
        key = data.draw(st.sampled_from(sorted(header)))
        value = data.draw(
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(allow_nan=False),
                st.text(max_size=20),
                st.lists(st.integers(), max_size=3),
                st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
            )
        )
        if data.draw(st.booleans()):
            del header[key]
        else:
            header[key] = value
        mutated = _join(header, rest)
    else:
        mutated = backup.MAGIC + data.draw(st.binary(max_size=200))
    try:
        parsed = backup.parse_backup(mutated, "x.edbk")
    except (BackupError, IntegrityFailure) as exc:
        refused: BackupError | IntegrityFailure | None = exc
    else:
        refused = None
        # Whatever parses is a well-formed backup, which the key then authenticates or refuses.
        assert parsed.header["vault"]["vault_id"]
    assert refused is None or refused.exit_code == 4


def _template_backup() -> bytes:
    db = b"\x00" * 64
    header = {
        "format": "embassy-desk-backup",
        "version": 2,
        "created_at": "2026-12-06T10:00:00.000+00:00",
        "schema_revision": "0007",
        "citizens": 1,
        "database_sha256": hashlib.sha256(db).hexdigest(),
        "vault": {"vault_id": "0" * 32, "slots": []},
    }
    return _join(header, b"\x01" * backup.MAC_LENGTH + db)


_TEMPLATE_BACKUP = _template_backup()


# -------------------------------------------------------------------------------------------------
# Restore needs an administrator of the backup's own vault, and is audited in the restored database.


def test_a_viewer_cannot_restore_but_can_verify(cli_backup: tuple[Cli, Path, str], tmp_path: Path) -> None:
    cli, target, _ = cli_backup
    other = _elsewhere(cli, tmp_path)
    viewer = {"EMBASSY_DESK_USER": "viewer1", "EMBASSY_DESK_PASSPHRASE": STAFF_PASSPHRASE}
    done = other("backup", "verify", str(target), env=viewer)
    assert done.returncode == 0, done.stderr
    done = other("backup", "restore", str(target), env=viewer)
    assert done.returncode == 5, done.stderr
    assert "administrator" in done.stderr
    assert not (other.data_dir / "registry.db").exists() and not (other.data_dir / "vault.json").exists()


def test_restore_is_audited_in_the_restored_database(
    cli_backup: tuple[Cli, Path, str], tmp_path: Path
) -> None:
    cli, target, _ = cli_backup
    other = _elsewhere(cli, tmp_path)
    done = other("backup", "restore", str(target))
    assert done.returncode == 0, done.stderr
    session = unlock(WorkstationPaths(other.data_dir), "admin", ADMIN_PASSPHRASE)
    try:
        entries = audit_log.recent_entries(session, limit=20)
        restore = [e for e in entries if e.action == "backup.restore"]
        assert restore and restore[0].actor == "admin"
        assert integrity.verify_audit_chain(session).ok
    finally:
        session.lock()


def test_a_version_1_backup_still_restores_and_its_date_is_not_trusted(
    admin: Session, tmp_path: Path
) -> None:
    target = tmp_path / "b.edbk"
    backup.create_backup(admin, target)
    header, rest = _split(target.read_bytes())
    header["version"] = 1
    header["citizens"] = 999999
    raw = json.dumps(header, sort_keys=True).encode()
    old = tmp_path / "old.edbk"
    old.write_bytes(backup.MAGIC_V1 + len(raw).to_bytes(4, "big") + raw + rest[backup.MAC_LENGTH :])
    key = backup.unlock_backup(old, tmp_path / "here", username="admin", passphrase=ADMIN_PASSPHRASE)
    info = backup.verify_backup(old, key.data_key)
    assert info.version == 1 and info.created_at is None and info.citizens == 0
