"""Locking a signed-in session on demand or after idling, with an audit entry (SECURITY.md 12, 15)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.lock")


def lock_session(session: Session, *, reason: str, discarded: Sequence[tuple[str, str]] = ()) -> None:
    """Audit the lock (``reason``: "manual" or "idle"), then close every connection and drop the key.

    ``discarded`` names, as (kind, id), records whose unsaved edits the idle lock gave up after
    waiting a second idle period for someone to save them; the audit entry keeps that fact (ids
    only). The lock itself always happens: a failure to write the audit entry is logged, never a
    reason to leave the data open.
    """
    if session.locked:
        return
    try:
        with session.write(Action.OWN_ACCOUNT) as uow:
            details: dict[str, object] = {"reason": reason}
            if discarded:
                details["discarded_unsaved"] = [f"{kind}:{record_id}" for kind, record_id in discarded]
            uow.audit("lock", details=details)
    except EmbassyDeskError as exc:
        log.warning("lock not audited: %s", type(exc).__name__)
    finally:
        session.lock()
