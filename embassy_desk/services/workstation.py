"""Setting up a workstation, signing in, and opening (and migrating) its encrypted database."""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import EmbassyDeskError, UnlockError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.passphrase import check_passphrase
from embassy_desk.services.backup import BackupError, write_backup
from embassy_desk.services.exporter import clean_interrupted_exports
from embassy_desk.services.integrity import renew_audit_anchor
from embassy_desk.services.rekey import settle_interrupted_rekey
from embassy_desk.services.session import PostInfo, Session, StaffUser, utc_now
from embassy_desk.storage import audit, meta, migrate, os_keyring
from embassy_desk.storage.engine import make_engine, translate_errors
from embassy_desk.storage.files import clean_scratch, ensure_private_dir, tighten
from embassy_desk.storage.kdf import DEFAULT_KDF, KdfParams, calibrate
from embassy_desk.storage.vault import (
    UnlockResult,
    Vault,
    VaultError,
    generate_data_key,
    generate_recovery_code,
)
from embassy_desk.storage.workstation import WorkstationPaths, write_post_label

log = logging.getLogger("embassy_desk")


class WorkstationExists(EmbassyDeskError):
    """``init`` was asked to set up a workstation where one already is."""


class NoWorkstation(EmbassyDeskError):
    """There is no workstation in the data directory."""


class AccountDisabled(UnlockError):
    """The account exists but an administrator disabled it."""


@dataclass(frozen=True)
class InitResult:
    """What set-up hands back: the recovery code is shown once and never stored in the clear."""

    paths: WorkstationPaths
    recovery_code: str
    admin: StaffUser


def normalize_username(username: str) -> str:
    name = username.strip().casefold()
    if not name or len(name) > 64 or not all(ch.isalnum() or ch in "._-" for ch in name):
        raise ValidationError("username", Msg("username.rule"))
    return name


def init_workstation(
    data_dir: Path,
    *,
    post: PostInfo,
    admin_username: str,
    admin_display_name: str,
    passphrase: str,
    kdf: KdfParams | None = None,
) -> InitResult:
    """Create the vault, the encrypted database and the first administrator in ``data_dir``."""
    paths = WorkstationPaths(data_dir)
    if paths.vault.exists() or paths.database.exists():
        raise WorkstationExists(Msg("workstation.exists", path=str(data_dir)))
    username = normalize_username(admin_username)
    check_passphrase(passphrase, username=username)
    ensure_private_dir(data_dir)
    params = kdf or production_kdf()
    data_key = generate_data_key()
    recovery_code = generate_recovery_code()
    vault = Vault.create(paths.vault, data_key=data_key, kdf=params)
    try:
        vault.add_user_slot(username, passphrase, data_key)
        vault.set_recovery_slot(recovery_code, data_key)
        engine = make_engine(paths.database, data_key, create=True)
        try:
            migrate.upgrade(engine)
            admin = StaffUser(uuid7(), username, admin_display_name or username, Role.ADMINISTRATOR)
            now = utc_now()
            with engine.connect() as raw, raw.execution_options(write=True).begin() as _tx:
                conn = raw
                meta.put(conn, "post", post.to_dict())
                meta.put(conn, "device_id", uuid7())
                meta.put(conn, "vault_id", vault.vault_id)
                meta.put(conn, "settings", {"idle_lock_minutes": 10, "keyring_allowed": False})
                insert_user(conn, admin, now)
                audit.append(conn, actor=username, action="workstation.init", at=now)
                audit.append(
                    conn,
                    actor=username,
                    action="user.add",
                    entity="staff_user",
                    entity_id=admin.id,
                    details={"role": admin.role.value},
                    at=now,
                )
        finally:
            engine.dispose()
        write_post_label(paths, post.name)
    except BaseException:
        # A half-made workstation is worse than none: remove what this call created.
        for path in (paths.vault, paths.post_label, *paths.sidecars()):
            path.unlink(missing_ok=True)
        raise
    return InitResult(paths, recovery_code, admin)


def insert_user(conn: Connection, user: StaffUser, now: str) -> None:
    """Add a staff account row in the caller's transaction."""
    conn.execute(
        text(
            "INSERT INTO staff_users(id, username, display_name, role, disabled, created_at,"
            " updated_at) VALUES (:id, :u, :d, :r, 0, :now, :now)"
        ),
        {
            "id": user.id,
            "u": user.username,
            "d": user.display_name,
            "r": user.role.value,
            "now": now,
        },
    )


def production_kdf() -> KdfParams:
    """Argon2id parameters calibrated to ~0.5 s here, never weaker than RFC 9106's 64 MiB, t=3
    (a calibration on a busy machine would otherwise pick too few passes)."""
    tuned = calibrate()
    if tuned.iterations >= DEFAULT_KDF.iterations:
        return tuned
    return KdfParams(tuned.memory_kib, DEFAULT_KDF.iterations, tuned.lanes)


def load_vault(paths: WorkstationPaths) -> Vault:
    """The vault of an existing workstation."""
    if not paths.exists():
        raise NoWorkstation(
            f"no workstation in {paths.root}; run 'embassy-desk init' or 'embassy-desk demo' first"
        )
    return Vault.load(paths.vault)


def unwrap_key(paths: WorkstationPaths, username: str, passphrase: str) -> UnlockResult:
    """Unwrap the data key with a passphrase, finishing or rolling back an interrupted rekey first.

    Raises an :class:`UnlockError` subclass for a wrong passphrase, back-off or lock-out.
    """
    vault = load_vault(paths)
    name = username.strip().casefold()
    counter = _keyring_counter_name(vault, name)
    kept = vault.has_user(name) and _restore_rolled_back_counter(vault, name, counter)
    try:
        result = vault.unlock(name, passphrase)
    except UnlockError:
        if vault.has_user(name):
            status = vault.slot_status(name)
            os_keyring.store(counter, json.dumps([status.failures, status.last_failure_at]))
        raise
    if kept:
        os_keyring.forget(counter)
    key = settle_interrupted_rekey(paths, vault, result.data_key)
    return UnlockResult(
        data_key=key, failures_since_login=result.failures_since_login, anchor_key=result.anchor_key
    )


def _keyring_counter_name(vault: Vault, username: str) -> str:
    return f"failures/{vault.vault_id}/{username}"


def _restore_rolled_back_counter(vault: Vault, username: str, counter: str) -> bool:
    """Where a secure OS keyring exists, it keeps a second copy of the failure counter: a counter
    rolled back in ``vault.json`` (by whoever can edit the file) is raised again from it. Returns
    whether the keyring held a copy (to be removed once the passphrase is right)."""
    stored = os_keyring.load(counter)
    if stored is None:
        return False
    try:
        failures, last = json.loads(stored)
        failures, last = int(failures), None if last is None else float(last)
    except (ValueError, TypeError):
        return True
    if vault.restore_failures(username, failures, last):
        log.warning("the failure counter of a key slot had been rolled back; restored from the keyring")
    return True


def unlock(paths: WorkstationPaths, username: str, passphrase: str) -> Session:
    """Sign in: unwrap the data key with the passphrase and open the database.

    Raises an :class:`UnlockError` subclass for a wrong passphrase, back-off or lock-out.
    """
    name = username.strip().casefold()
    result = unwrap_key(paths, name, passphrase)
    session = open_session(paths, result.data_key, name, failed_before=result.failures_since_login)
    session.anchor_key = result.anchor_key
    # An administrator's sign-in anchors the audit head in the vault; a full disk or a read-only
    # vault must not keep them out during a crisis (the anchor is renewed at the next sign-in).
    with contextlib.suppress(OSError, VaultError):
        renew_audit_anchor(session)
    return session


def open_session(
    paths: WorkstationPaths, data_key: bytes, username: str, *, failed_before: int = 0
) -> Session:
    """Open the database with an unwrapped key, migrating it first if it is older than the app.

    A database whose pages fail their check raises :class:`IntegrityFailure`.
    """
    # What a killed backup, export or print left in the scratch area goes before anything else runs.
    clean_scratch(paths.root)
    # So does the half-written copy a killed export left beside the file it was writing.
    clean_interrupted_exports(paths.root)
    # Permissions loosened since (a copy with another tool, a restore from a stick, a chmod by
    # hand) are made private again before the data is opened; the session says which.
    tightened = tighten(paths.root)
    with translate_errors():
        session = _open_session(paths, data_key, username, failed_before=failed_before)
    session.tightened = [str(p.relative_to(paths.root)) if p != paths.root else "." for p in tightened]
    return session


def _open_session(paths: WorkstationPaths, data_key: bytes, username: str, *, failed_before: int) -> Session:
    engine = make_engine(paths.database, data_key)
    try:
        _migrate_if_needed(paths, engine, data_key)
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT id, username, display_name, role, disabled FROM staff_users WHERE username = :u"
                ),
                {"u": username},
            ).first()
            post = PostInfo.from_dict(meta.get(conn, "post", {"name": ""}))
            device_id = str(meta.get(conn, "device_id", ""))
        if row is None:
            raise UnlockError(Msg("unlock.unknown"))
        user = StaffUser(row[0], row[1], row[2], Role(row[3]), bool(row[4]))
        if user.disabled:
            raise AccountDisabled(Msg("unlock.disabled", name=username))
        session = Session(
            paths=paths, engine=engine, data_key=data_key, user=user, post=post, device_id=device_id
        )
        with session.engine.connect() as raw, raw.execution_options(write=True).begin():
            if failed_before:
                audit.append(
                    raw,
                    actor=username,
                    action="login.failed",
                    details={"attempts": failed_before},
                )
            audit.append(raw, actor=username, action="login")
        return session
    except BaseException:
        engine.dispose()
        raise


def _migrate_if_needed(paths: WorkstationPaths, engine: Engine, data_key: bytes) -> None:
    """Upgrade an older database: verified backup, migration, audit entry (docs/upgrades.md).

    An up-to-date database is left alone; a newer one, or one whose backup cannot be written and
    verified, is not touched (:class:`migrate.UpgradeRefused`).
    """
    with engine.connect() as conn:
        current = migrate.current_revision(conn)
    if not migrate.needs_upgrade(current):
        return
    head = migrate.head_revision()
    # Never migrate without a verified way back (ARCHITECTURE: "update path that migrates safely").
    target = paths.backups / migrate.backup_name(current, head, utc_now())
    try:
        ensure_private_dir(paths.backups)
        made = write_backup(paths, engine, data_key, target)
        if made.schema_revision != current:
            raise BackupError(Msg("text", text=f"the backup holds schema {made.schema_revision}"))
    except (OSError, EmbassyDeskError) as exc:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        # A domain error's own message (rendered in the reader's language), or the system's words.
        reason: Msg | str = exc.msg if isinstance(exc, EmbassyDeskError) else (exc.strerror or str(exc))
        raise migrate.UpgradeRefused(
            Msg(
                "upgrade.backup_failed",
                current=str(current),
                head=head,
                folder=str(paths.backups),
                reason=reason,
            )
        ) from exc
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        # The exception's class only: a database error's text may quote the statement's values.
        log.error("upgrading the database from %s to %s failed: %s", current, head, type(exc).__name__)
        raise migrate.UpgradeFailed(
            Msg(
                "upgrade.migration_failed",
                current=str(current),
                head=head,
                backup=target.name,
                reason=type(exc).__name__,
            )
        ) from exc
    with engine.connect() as raw, raw.execution_options(write=True).begin():
        audit.append(
            raw,
            actor="system",
            action="schema.migrate",
            details={"from": current, "to": head, "backup": target.name},
        )
    log.info("database upgraded from schema %s to %s after backup %s", current, head, target.name)
