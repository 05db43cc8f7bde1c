"""Locking a signed-in session on demand or after idling, with an audit entry (SECURITY.md 12, 15)."""

from __future__ import annotations

import logging

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.lock")


def lock_session(session: Session, *, reason: str) -> None:
    """Audit the lock (``reason``: "manual" or "idle"), then close every connection and drop the key.

    The lock itself always happens: a failure to write the audit entry is logged, never a reason to
    leave the data open.
    """
    if session.locked:
        return
    try:
        with session.write(Action.OWN_ACCOUNT) as uow:
            uow.audit("lock", details={"reason": reason})
    except EmbassyDeskError as exc:
        log.warning("lock not audited: %s", type(exc).__name__)
    finally:
        session.lock()
