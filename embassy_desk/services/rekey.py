"""Changing the data key after a staff member leaves (SECURITY.md promise 8, second half).

Disabling an account destroys its key slot, but someone who kept a copy of the old vault header and
knows the old passphrase could still unwrap the old data key. ``change_data_key`` re-encrypts the
database under a fresh key and seals that key to every remaining slot's public key, so nobody's
passphrase is needed and nothing changes for the people who stay.

Crash safety: the database is copied (``sqlcipher_export``) into a scratch file under the new key,
verified, and only then swapped in with an atomic rename; the vault carries seals of both keys from
before the swap until after it. Killed at any moment, the file on disk is either the old database
(old key) or the new one (new key), and the vault can unseal both; the next unlock tries the new key,
then settles the vault (:func:`settle_interrupted_rekey`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure
from embassy_desk.domain.messages import Msg
from embassy_desk.services.backup import export_database
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import audit
from embassy_desk.storage.engine import DatabaseRefused, connect, make_engine
from embassy_desk.storage.vault import RekeyPending, Vault, generate_data_key
from embassy_desk.storage.workstation import WorkstationPaths

# Named points between the steps; tests stop the process at each one to prove crash safety.
STEPS = ("exported", "verified", "sealed", "closed", "swapped", "finished")
_COUNTED_TABLES = ("citizens", "contacts", "cases", "audit_log", "change_log", "staff_users")


class DatabaseInUse(EmbassyDeskError):
    """Another window or process still has the database open."""


@dataclass(frozen=True)
class RekeyReport:
    """The outcome of a completed rekey."""

    generation: int
    citizens: int


def _counts(execute: Callable[[str], Any]) -> dict[str, int]:
    return {table: int(execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in _COUNTED_TABLES}


def _engine_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        return _counts(raw.execute)


def _verify_copy(path: Path, key: bytes, expected: dict[str, int]) -> None:
    conn = connect(path, key, wal=False)
    try:
        if conn.execute("PRAGMA cipher_integrity_check").fetchall():
            raise IntegrityFailure(Msg("rekey.page_check"))
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise IntegrityFailure(Msg("rekey.structure_check"))
        got = _counts(conn.execute)
    finally:
        conn.close()
    if got != expected:
        raise IntegrityFailure(Msg("rekey.counts"))


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    if path.is_dir() and os.name == "nt":
        return  # Windows cannot open a folder for fsync; its rename is already durable (MoveFileEx).
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sqlite_sidecars(database: Path) -> tuple[Path, Path]:
    return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


def change_data_key(session: Session, *, checkpoint: Callable[[str], None] | None = None) -> RekeyReport:
    """Re-encrypt the workstation under a new data key and give it to every remaining key slot.

    Administrators only. The session is locked on return (its key is the old one): sign in again.
    ``checkpoint`` is called with each name in :data:`STEPS` as the work passes it (for tests).
    Raises :class:`DatabaseInUse` if another process keeps the database open, and
    :class:`IntegrityFailure` if the re-encrypted copy does not verify (nothing is changed then).
    """
    session.require(Action.USER_MANAGE)
    step = checkpoint or (lambda _name: None)
    paths = session.paths
    vault = Vault.load(paths.vault)
    if vault.rekey_pending:
        raise RekeyPending()
    target_generation = vault.generation + 1
    with session.write(Action.USER_MANAGE) as uow:
        # Written before the copy so that the entry travels into the re-encrypted file.
        uow.audit("security.rekey", details={"generation": target_generation})
    new_key = generate_data_key()
    scratch = paths.rekey_scratch
    scratch.unlink(missing_ok=True)
    try:
        expected = _engine_counts(session.engine)
        export_database(session.engine, new_key, scratch)
        _fsync(scratch)
        step("exported")
        _verify_copy(scratch, new_key, expected)
        step("verified")
        vault.begin_rekey(new_key)
        step("sealed")
        session.lock()
        step("closed")
        wal, shm = _sqlite_sidecars(paths.database)
        # Closing the last connection checkpoints and removes the WAL; one left with content means
        # another process still writes to the old file, whose changes the swap would lose.
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseInUse(
                "another Embassy Desk window or process still has the database open; close it and try again"
            )
        wal.unlink(missing_ok=True)
        shm.unlink(missing_ok=True)
    except BaseException:
        scratch.unlink(missing_ok=True)
        if vault.rekey_pending:
            vault.abort_rekey()
        raise
    os.replace(scratch, paths.database)
    _fsync(paths.root)
    step("swapped")
    vault.finish_rekey()
    step("finished")
    return RekeyReport(generation=target_generation, citizens=expected["citizens"])


def database_opens(path: Path, key: bytes) -> bool:
    """True if the database file at ``path`` opens with ``key``."""
    try:
        connect(path, key, wal=False).close()
    except DatabaseRefused:
        return False
    return True


def settle_interrupted_rekey(paths: WorkstationPaths, vault: Vault, data_key: bytes) -> bytes:
    """After an unlock, finish or roll back a rekey that was interrupted; return the key to use.

    ``data_key`` is the current key the unlock gave. Removes a leftover scratch copy either way.
    """
    settled = vault.settle_rekey(lambda key: database_opens(paths.database, key))
    paths.rekey_scratch.unlink(missing_ok=True)
    if settled is not None:
        engine = make_engine(paths.database, settled)
        try:
            with engine.connect() as raw, raw.execution_options(write=True).begin():
                audit.append(raw, actor="system", action="security.rekey.resumed")
        finally:
            engine.dispose()
        return settled
    return data_key
