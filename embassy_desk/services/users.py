"""Staff accounts: add, change passphrase, disable, list, reopen after lock-out."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.passphrase import check_passphrase
from embassy_desk.services.permissions import Action
from embassy_desk.services.rekey import settle_interrupted_rekey
from embassy_desk.services.session import Session, StaffUser
from embassy_desk.services.workstation import insert_user, load_vault, normalize_username, open_session
from embassy_desk.storage.vault import Vault
from embassy_desk.storage.workstation import WorkstationPaths


def list_users(session: Session) -> list[StaffUser]:
    """Every staff account (administrators only)."""
    session.require(Action.USER_MANAGE)
    with session.read() as conn:
        rows = conn.execute(
            text("SELECT id, username, display_name, role, disabled FROM staff_users ORDER BY username")
        ).all()
    return [StaffUser(r[0], r[1], r[2], Role(r[3]), bool(r[4])) for r in rows]


def _get(session: Session, username: str) -> StaffUser:
    session.require(Action.USER_MANAGE)
    return _get_any(session, username)


def add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: Role,
    passphrase: str,
) -> StaffUser:
    """Create an account with its own key slot, wrapping the key of the open session."""
    session.require(Action.USER_MANAGE)
    name = normalize_username(username)
    check_passphrase(passphrase, username=name)
    vault = load_vault(session.paths)
    with session.read() as conn:
        exists = conn.execute(text("SELECT 1 FROM staff_users WHERE username = :u"), {"u": name}).first()
    if exists or vault.has_user(name):
        raise ValidationError("username", Msg("username.taken", name=name))
    user = StaffUser(uuid7(), name, display_name or name, role)
    with session.write(Action.USER_MANAGE) as uow:
        insert_user(uow.conn, user, uow.now)
        uow.audit("user.add", entity="staff_user", entity_id=user.id, details={"role": role.value})
        # The slot is written last, inside the transaction: if it fails nothing is committed.
        vault.add_user_slot(name, passphrase, session.data_key)
    return user


def change_passphrase(session: Session, *, username: str, new_passphrase: str) -> None:
    """Rewrap one slot under a new passphrase (own account, or any account for administrators)."""
    target = _get_any(session, username)
    if target.username != session.user.username:
        session.require(Action.USER_MANAGE)
    check_passphrase(new_passphrase, username=target.username)
    vault = load_vault(session.paths)
    with session.write(Action.OWN_ACCOUNT) as uow:
        uow.audit("user.passwd", entity="staff_user", entity_id=target.id)
        vault.add_user_slot(target.username, new_passphrase, session.data_key)
        vault.reset_failures(target.username)


def _get_any(session: Session, username: str) -> StaffUser:
    name = username.strip().casefold()
    with session.read() as conn:
        row = conn.execute(
            text("SELECT id, username, display_name, role, disabled FROM staff_users WHERE username = :u"),
            {"u": name},
        ).first()
    if row is None:
        raise NotFoundError(Msg("staff.not_found", name=username))
    return StaffUser(row[0], row[1], row[2], Role(row[3]), bool(row[4]))


def disable_user(session: Session, *, username: str) -> None:
    """Disable an account and destroy its key slot, so its passphrase opens nothing any more."""
    session.require(Action.USER_MANAGE)
    target = _get(session, username)
    if target.username == session.user.username:
        raise PermissionDeniedError(Msg("permission.own_account"))
    vault = load_vault(session.paths)
    with session.write(Action.USER_MANAGE) as uow:
        uow.conn.execute(
            text("UPDATE staff_users SET disabled = 1, updated_at = :now WHERE id = :id"),
            {"now": uow.now, "id": target.id},
        )
        uow.audit("user.disable", entity="staff_user", entity_id=target.id)
        if vault.has_user(target.username):
            vault.remove_user_slot(target.username)


def reopen_account(session: Session, *, username: str) -> None:
    """Clear the failed-unlock counter of a locked-out account (administrators)."""
    session.require(Action.USER_MANAGE)
    target = _get(session, username)
    vault = load_vault(session.paths)
    with session.write(Action.USER_MANAGE) as uow:
        uow.audit("user.reopen", entity="staff_user", entity_id=target.id)
        vault.reset_failures(target.username)


def reset_with_recovery(data_dir: Path, *, username: str, recovery_code: str, new_passphrase: str) -> None:
    """Set a new passphrase for an account using the workstation's recovery code."""
    paths = WorkstationPaths(data_dir)
    vault: Vault = load_vault(paths)
    name = username.strip().casefold()
    check_passphrase(new_passphrase, username=name)
    data_key = settle_interrupted_rekey(paths, vault, vault.unlock_with_recovery(recovery_code))
    session = open_session(paths, data_key, name)
    try:
        with session.write(Action.OWN_ACCOUNT) as uow:
            uow.audit("user.recover", entity="staff_user", entity_id=session.user.id)
            vault.add_user_slot(name, new_passphrase, data_key)
            vault.reset_failures(name)
    finally:
        session.lock()
