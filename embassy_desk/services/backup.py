"""Encrypted backups (SECURITY.md promise 7).

A backup file holds a copy of the vault header (so the same passphrases and the recovery code open
it) and an encrypted copy of the database made with ``sqlcipher_export`` under the same data key.
Layout: magic line, 4-byte big-endian header length, JSON header, database bytes. The header
records the SHA-256 of the database bytes; every backup is verified after it is written.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure
from embassy_desk.services.integrity import check_database
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage import migrate
from embassy_desk.storage.files import atomic_write_bytes, ensure_private_dir, private_tempdir, scratch_dir
from embassy_desk.storage.vault import Vault
from embassy_desk.storage.workstation import WorkstationPaths

MAGIC = b"EMBASSY-DESK-BACKUP/1\n"
_LEN = struct.Struct(">I")


class BackupError(EmbassyDeskError):
    """A backup file that cannot be read, or a restore that cannot proceed."""

    exit_code = 4


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself."""

    created_at: str
    schema_revision: str | None
    vault_id: str
    citizens: int | None
    size: int


def export_database(engine: Engine, data_key: bytes, target: Path) -> None:
    """Copy the open database into a new SQLCipher file at ``target`` keyed with ``data_key``."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"", (str(target),))
        try:
            raw.execute("SELECT sqlcipher_export('backup')")
            version = raw.execute("PRAGMA main.user_version").fetchone()[0]
            raw.execute(f"PRAGMA backup.user_version = {int(version)}")
        finally:
            raw.execute("DETACH DATABASE backup")


def write_backup(paths: WorkstationPaths, engine: Engine, data_key: bytes, target: Path) -> BackupInfo:
    """Write an encrypted backup of the open database to ``target`` and verify it."""
    # The copy and SQLite's journal of it go to the data folder's scratch area, which the next
    # start cleans if this process is killed (never the shared system temp folder).
    with private_tempdir(scratch_dir(paths.root)) as tmp:
        copy = tmp / "registry.db"
        export_database(engine, data_key, copy)
        db_bytes = copy.read_bytes()
    with engine.connect() as conn:
        revision = migrate.current_revision(conn)
        citizens = int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())
    header = {
        "format": "embassy-desk-backup",
        "version": 1,
        "created_at": utc_now(),
        "schema_revision": revision,
        "citizens": citizens,
        "database_sha256": hashlib.sha256(db_bytes).hexdigest(),
        "vault": json.loads(paths.vault.read_text(encoding="utf-8")),
    }
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    # The file is made private (0600); the folder is the user's choice (a shared USB stick may be
    # 1777) and is never chmod-ed. Only a folder this call has to create is made private.
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write_bytes(target, MAGIC + _LEN.pack(len(header_bytes)) + header_bytes + db_bytes)
    return verify_backup(target, data_key, scratch=scratch_dir(paths.root))


def _read(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise BackupError(f"cannot read backup {path}: {exc.strerror}") from exc
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _LEN.size:
        raise BackupError(f"{path.name} is not an Embassy Desk backup")
    (length,) = _LEN.unpack_from(blob, len(MAGIC))
    start = len(MAGIC) + _LEN.size
    try:
        header = json.loads(blob[start : start + length])
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path.name}: the backup header is damaged") from exc
    if not isinstance(header, dict) or header.get("format") != "embassy-desk-backup":
        raise BackupError(f"{path.name} is not an Embassy Desk backup")
    db_bytes = blob[start + length :]
    if hashlib.sha256(db_bytes).hexdigest() != header.get("database_sha256"):
        raise IntegrityFailure(f"{path.name} was altered or damaged (checksum mismatch)")
    return header, db_bytes


def backup_vault(path: Path) -> Vault:
    """The vault stored inside a backup, to unwrap its key with a passphrase or recovery code."""
    header, _ = _read(path)
    with private_tempdir() as tmp:
        vault_path = tmp / "vault.json"
        atomic_write_bytes(vault_path, json.dumps(header["vault"]).encode("utf-8"))
        return Vault.load(vault_path)


def verify_backup(path: Path, data_key: bytes | None = None, *, scratch: Path | None = None) -> BackupInfo:
    """Check the checksum and, given the key, open the copy and run the integrity checks.

    The decrypted-for-checking copy is written under ``scratch`` (a :func:`scratch_dir`).
    """
    header, db_bytes = _read(path)
    return _verified(path, header, db_bytes, data_key, scratch)


def _verified(
    path: Path, header: dict[str, Any], db_bytes: bytes, data_key: bytes | None, scratch: Path | None
) -> BackupInfo:
    if data_key is not None:
        with private_tempdir(scratch) as tmp:
            copy = tmp / "registry.db"
            atomic_write_bytes(copy, db_bytes)
            report = check_database(copy, data_key)
            if not report.ok:
                raise IntegrityFailure(f"{path.name}: {report.summary}")
    return BackupInfo(
        created_at=str(header.get("created_at")),
        schema_revision=header.get("schema_revision"),
        vault_id=str(header["vault"].get("vault_id")),
        citizens=header.get("citizens"),
        size=len(db_bytes),
    )


def create_backup(session: Session, target: Path) -> BackupInfo:
    """Back up the open workstation to ``target`` (administrators); audited."""
    session.require(Action.BACKUP_CREATE)
    info = write_backup(session.paths, session.engine, session.data_key, target)
    with session.write(Action.BACKUP_CREATE) as uow:
        uow.audit("backup.create", details={"citizens": info.citizens, "file": target.name})
    return info


def restore_backup(path: Path, data_dir: Path, data_key: bytes) -> BackupInfo:
    """Restore a verified backup into an empty data directory."""
    paths = WorkstationPaths(data_dir)
    if paths.vault.exists() or paths.database.exists():
        raise BackupError(f"{data_dir} already holds a workstation; restore into an empty folder")
    header, db_bytes = _read(path)
    ensure_private_dir(data_dir)
    info = _verified(path, header, db_bytes, data_key, scratch_dir(data_dir))
    try:
        atomic_write_bytes(paths.database, db_bytes)
        atomic_write_bytes(paths.vault, json.dumps(header["vault"], indent=1).encode("utf-8"))
    except BaseException:
        for leftover in (paths.vault, paths.database):
            leftover.unlink(missing_ok=True)
        raise
    return info
