"""Encrypted backups (SECURITY.md promise 7).

A backup file holds a copy of the vault header (so the same passphrases and the recovery code open
it) and an encrypted copy of the database made with ``sqlcipher_export`` under the same data key.

Layout (version 2): magic line, 4-byte big-endian header length, JSON header, a 32-byte header
authentication code, database bytes. The header records when the backup was made, the number of
citizens, the schema revision, the SHA-256 of the database bytes and the vault. The code is
HMAC-SHA256 over the magic, the length and the header bytes, under a key derived (HKDF) from the data
key and the vault id: whoever cannot unwrap the data key cannot change a date, a count, the checksum
or the vault without ``verify`` and ``restore`` answering "altered" (exit 4). The same construction is
meant for sync bundles.

Version 1 files (no authentication code) still verify and restore; what they say about themselves is
then read from the decrypted database, never from their header, and their date is reported unknown.

Unlocking a backup counts failed passphrases like the workstation does (back-off, lock-out after 10):
the backup's vault is kept, with its counters, in ``DATA_DIR/backup-vaults/<vault id>.json`` until a
passphrase or the recovery code opens it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import struct
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, text

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure, PermissionDeniedError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.integrity import check_database
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage import audit, migrate
from embassy_desk.storage.engine import make_engine, translate_errors
from embassy_desk.storage.files import (
    atomic_write_bytes,
    ensure_private_dir,
    private_tempdir,
    scratch_dir,
)
from embassy_desk.storage.vault import Vault, VaultDamagedError, VaultError, normalize_username
from embassy_desk.storage.workstation import WorkstationPaths

MAGIC_V1 = b"EMBASSY-DESK-BACKUP/1\n"
MAGIC = b"EMBASSY-DESK-BACKUP/2\n"
FORMAT = "embassy-desk-backup"
_LEN = struct.Struct(">I")
MAC_LENGTH = 32
# A header is the vault (a few hundred bytes per slot) and a handful of fields; a huge length field
# is damage or hostility, refused before anything is parsed.
MAX_HEADER_BYTES = 4 * 1024 * 1024
_MAC_INFO = b"embassy-desk/backup/v2/header-mac|"
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_HEADER_KEYS = {"format", "version", "created_at", "schema_revision", "citizens", "database_sha256", "vault"}
RECOVERY_ACTOR = "recovery-code"
BACKUP_VAULTS = "backup-vaults"


class BackupError(EmbassyDeskError):
    """A backup file that cannot be read, or a restore that cannot proceed."""

    exit_code = 4


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself (authenticated once its key was given)."""

    created_at: str | None
    schema_revision: str | None
    vault_id: str
    citizens: int | None
    size: int
    version: int = 2


@dataclass(frozen=True)
class BackupFile:
    """A backup file whose layout, header and database checksum were checked (not yet its key)."""

    name: str
    version: int
    header: dict[str, Any]
    signed: bytes = field(repr=False)  # magic, length and header bytes: what the code covers
    mac: bytes | None = field(repr=False)
    db_bytes: bytes = field(repr=False)

    @property
    def vault_id(self) -> str:
        return str(self.header["vault"]["vault_id"])


@dataclass(frozen=True)
class BackupKey:
    """A backup's data key and who unwrapped it (a user name, or :data:`RECOVERY_ACTOR`)."""

    data_key: bytes = field(repr=False)
    actor: str


def export_database(engine: Engine, data_key: bytes, target: Path) -> None:
    """Copy the open database into a new SQLCipher file at ``target`` keyed with ``data_key``."""
    with translate_errors(), engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"", (str(target),))
        try:
            raw.execute("SELECT sqlcipher_export('backup')")
            version = raw.execute("PRAGMA main.user_version").fetchone()[0]
            raw.execute(f"PRAGMA backup.user_version = {int(version)}")
        finally:
            raw.execute("DETACH DATABASE backup")


def _mac_key(data_key: bytes, vault_id: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_MAC_INFO + vault_id.encode("ascii"))
    return hkdf.derive(data_key)


def header_mac(data_key: bytes, vault_id: str, signed: bytes) -> bytes:
    """The authentication code of a version-2 header: HMAC-SHA256 under a key only the data key gives."""
    return hmac.new(_mac_key(data_key, vault_id), signed, hashlib.sha256).digest()


def write_backup(paths: WorkstationPaths, engine: Engine, data_key: bytes, target: Path) -> BackupInfo:
    """Write an encrypted backup of the open database to ``target`` and verify it."""
    # The copy and SQLite's journal of it go to the data folder's scratch area, which the next
    # start cleans if this process is killed (never the shared system temp folder).
    with private_tempdir(scratch_dir(paths.root)) as tmp:
        copy = tmp / "registry.db"
        export_database(engine, data_key, copy)
        db_bytes = copy.read_bytes()
    with translate_errors(), engine.connect() as conn:
        revision = migrate.current_revision(conn)
        citizens = int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())
    vault_doc = json.loads(paths.vault.read_text(encoding="utf-8"))
    header = {
        "format": FORMAT,
        "version": 2,
        "created_at": utc_now(),
        "schema_revision": revision,
        "citizens": citizens,
        "database_sha256": hashlib.sha256(db_bytes).hexdigest(),
        "vault": vault_doc,
    }
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    signed = MAGIC + _LEN.pack(len(header_bytes)) + header_bytes
    mac = header_mac(data_key, str(vault_doc["vault_id"]), signed)
    # The file is made private (0600); the folder is the user's choice (a shared USB stick may be
    # 1777) and is never chmod-ed. Only a folder this call has to create is made private.
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write_bytes(target, signed + mac + db_bytes)
    return verify_backup(target, data_key, scratch=scratch_dir(paths.root))


# -------------------------------------------------------------------------------------------------
# Reading a backup file: every malformed header is exit 4 with a plain sentence, never a KeyError.


def _damaged(name: str, detail: str) -> BackupError:
    return BackupError(Msg("backup.header_damaged", name=name, detail=detail))


def parse_backup(blob: bytes, name: str) -> BackupFile:
    """Check a backup's layout, header fields and database checksum; nothing is decrypted.

    Raises :class:`BackupError` for anything that is not a well-formed backup and
    :class:`IntegrityFailure` when the database bytes do not match the recorded checksum.
    """
    if blob.startswith(MAGIC):
        magic, version = MAGIC, 2
    elif blob.startswith(MAGIC_V1):
        magic, version = MAGIC_V1, 1
    else:
        raise BackupError(Msg("backup.not_backup", name=name))
    start = len(magic) + _LEN.size
    if len(blob) < start:
        raise _damaged(name, "the file ends inside the header")
    (length,) = _LEN.unpack_from(blob, len(magic))
    mac_length = MAC_LENGTH if version == 2 else 0
    if length > MAX_HEADER_BYTES or len(blob) < start + length + mac_length:
        raise _damaged(name, "the header length does not fit the file")
    header_bytes = blob[start : start + length]
    header = _header_fields(header_bytes, version, name)
    end = start + length
    mac = blob[end : end + mac_length] if version == 2 else None
    db_bytes = blob[end + mac_length :]
    if hashlib.sha256(db_bytes).hexdigest() != header["database_sha256"]:
        raise IntegrityFailure(Msg("backup.checksum", name=name))
    return BackupFile(name, version, header, blob[:end], mac, db_bytes)


def _header_fields(header_bytes: bytes, version: int, name: str) -> dict[str, Any]:
    try:
        header = json.loads(header_bytes.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged(name, "not readable JSON") from None
    if not isinstance(header, dict):
        raise _damaged(name, "not a JSON object")
    if header.get("format") != FORMAT:
        raise BackupError(Msg("backup.not_backup", name=name))
    if type(header.get("version")) is not int or header["version"] != version:
        raise _damaged(name, "its version does not match the file")
    missing = sorted(_HEADER_KEYS - header.keys())
    extra = sorted(header.keys() - _HEADER_KEYS)
    if missing:
        raise _damaged(name, "missing " + ", ".join(missing))
    if extra:
        raise _damaged(name, "unexpected " + ", ".join(extra))
    created = header["created_at"]
    if not isinstance(created, str) or not _is_timestamp(created):
        raise _damaged(name, "created_at is not a time")
    revision = header["schema_revision"]
    if revision is not None and (not isinstance(revision, str) or len(revision) > 64):
        raise _damaged(name, "schema_revision is not a revision")
    citizens = header["citizens"]
    if type(citizens) is not int or citizens < 0:
        raise _damaged(name, "citizens is not a count")
    digest = header["database_sha256"]
    if not isinstance(digest, str) or not _SHA256_HEX.fullmatch(digest):
        raise _damaged(name, "database_sha256 is not a SHA-256")
    vault = header["vault"]
    if not isinstance(vault, dict) or not isinstance(vault.get("vault_id"), str):
        raise _damaged(name, "the vault is missing")
    if not _HEX32.fullmatch(vault["vault_id"]):
        raise _damaged(name, "the vault id is not valid")
    return header


def _no_constant(token: str) -> None:
    raise ValueError(f"{token} is not allowed")


def _is_timestamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def read_backup(path: Path) -> BackupFile:
    """Read and check a backup file (see :func:`parse_backup`)."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise BackupError(Msg("backup.cannot_read", path=str(path), reason=exc.strerror or "")) from exc
    return parse_backup(blob, path.name)


# -------------------------------------------------------------------------------------------------
# Unlocking, verifying and restoring


def _vault_store(data_dir: Path, vault_id: str) -> Path:
    return ensure_private_dir(data_dir / BACKUP_VAULTS) / f"{vault_id}.json"


def backup_vault(backup: BackupFile, data_dir: Path) -> Vault:
    """The backup's vault, kept in ``data_dir`` so its failure counters survive (promise 11).

    Counters already recorded for this vault here are carried over onto the backup's copy, so a
    wrong passphrase counts the same whichever backup of that workstation it was typed for.
    """
    store = _vault_store(data_dir, backup.vault_id)
    earlier: Vault | None = None
    if store.exists():
        try:
            earlier = Vault.load(store)
        except VaultError:
            earlier = None  # a damaged counter file must not block the backup; it is replaced
    atomic_write_bytes(store, json.dumps(backup.header["vault"], indent=1).encode("utf-8"))
    try:
        vault = Vault.load(store)
    except VaultDamagedError as exc:
        store.unlink(missing_ok=True)
        raise IntegrityFailure(Msg("backup.vault_damaged", name=backup.name, detail=exc.detail)) from None
    if earlier is not None and earlier.vault_id == vault.vault_id:
        vault.carry_failures(earlier)
    return vault


def unlock_backup(
    path: Path,
    data_dir: Path,
    *,
    username: str | None = None,
    passphrase: str | None = None,
    recovery_code: str | None = None,
) -> BackupKey:
    """Unwrap a backup's data key with a passphrase of its vault or its recovery code.

    A wrong passphrase raises :class:`UnlockError` (exit 3) and counts toward back-off and lock-out;
    a header that the key does not authenticate raises :class:`IntegrityFailure` (exit 4).
    """
    backup = read_backup(path)
    vault = backup_vault(backup, data_dir)
    if recovery_code is not None:
        key = BackupKey(vault.unlock_with_recovery(recovery_code), RECOVERY_ACTOR)
    else:
        if username is None or passphrase is None:
            raise ValueError("a user name and passphrase, or a recovery code, is needed")
        name = normalize_username(username)
        key = BackupKey(vault.unlock(name, passphrase).data_key, name)
    # Opened: the counters are back at zero and need not stay on disk.
    vault.path.unlink(missing_ok=True)
    _authenticate(backup, key.data_key)
    return key


def _authenticate(backup: BackupFile, data_key: bytes) -> None:
    if backup.version == 1:
        return
    assert backup.mac is not None
    if not hmac.compare_digest(header_mac(data_key, backup.vault_id, backup.signed), backup.mac):
        raise IntegrityFailure(Msg("backup.header_altered", name=backup.name))


def verify_backup(path: Path, data_key: bytes | None = None, *, scratch: Path | None = None) -> BackupInfo:
    """Check the layout and checksum and, given the key, the header's code and the database itself.

    The copy opened for checking is written under ``scratch`` (a :func:`scratch_dir`).
    """
    backup = read_backup(path)
    if data_key is None:
        return _info(backup, None)
    _authenticate(backup, data_key)
    with private_tempdir(scratch) as tmp:
        copy = tmp / "registry.db"
        return _checked_copy(backup, data_key, copy)


def _checked_copy(backup: BackupFile, data_key: bytes, copy: Path) -> BackupInfo:
    atomic_write_bytes(copy, backup.db_bytes)
    report = check_database(copy, data_key)
    if not report.ok:
        raise IntegrityFailure(Msg("backup.check_failed", name=backup.name, summary=report.summary))
    engine = make_engine(copy, data_key)
    try:
        with translate_errors(), engine.connect() as conn:
            counted = int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())
            revision = migrate.current_revision(conn)
    finally:
        engine.dispose()
    return _info(backup, (counted, revision))


def _info(backup: BackupFile, from_database: tuple[int, str | None] | None) -> BackupInfo:
    header = backup.header
    citizens, revision = from_database if from_database else (header["citizens"], header["schema_revision"])
    return BackupInfo(
        # A version-1 header is not authenticated: its date is not repeated as if it were known.
        created_at=str(header["created_at"]) if backup.version == 2 else None,
        schema_revision=revision,
        vault_id=backup.vault_id,
        citizens=citizens,
        size=len(backup.db_bytes),
        version=backup.version,
    )


def create_backup(session: Session, target: Path) -> BackupInfo:
    """Back up the open workstation to ``target`` (administrators); audited."""
    session.require(Action.BACKUP_CREATE)
    info = write_backup(session.paths, session.engine, session.data_key, target)
    with session.write(Action.BACKUP_CREATE) as uow:
        uow.audit("backup.create", details={"citizens": info.citizens, "file": target.name})
    return info


def restore_backup(path: Path, data_dir: Path, key: BackupKey) -> BackupInfo:
    """Restore a verified backup into an empty data directory; audited in the restored database.

    Needs an administrator of the backup's own vault (or its recovery code): a viewer's passphrase
    opens the backup but restores nothing (:class:`PermissionDeniedError`, exit 5).
    """
    paths = WorkstationPaths(data_dir)
    if paths.vault.exists() or paths.database.exists():
        raise BackupError(Msg("backup.not_empty", path=str(data_dir)))
    backup = read_backup(path)
    _authenticate(backup, key.data_key)
    ensure_private_dir(data_dir)
    with private_tempdir(scratch_dir(data_dir)) as tmp:
        copy = tmp / "registry.db"
        info = _checked_copy(backup, key.data_key, copy)
        if key.actor != RECOVERY_ACTOR:
            _require_administrator(copy, key)
    try:
        atomic_write_bytes(paths.database, backup.db_bytes)
        atomic_write_bytes(paths.vault, json.dumps(backup.header["vault"], indent=1).encode("utf-8"))
        _audit_restore(paths, key, backup, info)
    except BaseException:
        for leftover in (paths.vault, *paths.sidecars()):
            leftover.unlink(missing_ok=True)
        raise
    return info


def _require_administrator(copy: Path, key: BackupKey) -> None:
    engine = make_engine(copy, key.data_key)
    try:
        with translate_errors(), engine.connect() as conn:
            row = conn.execute(
                text("SELECT role, disabled FROM staff_users WHERE username = :u"), {"u": key.actor}
            ).first()
    finally:
        engine.dispose()
    if row is None or row[0] != Role.ADMINISTRATOR.value or bool(row[1]):
        raise PermissionDeniedError(
            "restoring a backup needs an administrator of that backup (or its recovery code)"
        )


def _audit_restore(paths: WorkstationPaths, key: BackupKey, backup: BackupFile, info: BackupInfo) -> None:
    engine = make_engine(paths.database, key.data_key)
    try:
        with translate_errors(), engine.connect() as raw, raw.execution_options(write=True).begin():
            audit.append(
                raw,
                actor=key.actor,
                action="backup.restore",
                details={"file": backup.name, "made": info.created_at, "citizens": info.citizens},
            )
    finally:
        engine.dispose()
