"""Who works at this post, as the screens need it: names for owners and for timeline entries.

Unlike :func:`embassy_desk.services.users.list_users` (administrators only), every role may read
this: it holds usernames and display names, nothing about key slots or lock-outs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from embassy_desk.domain.enums import Role
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class StaffMember:
    """A staff account as shown to colleagues."""

    id: str
    username: str
    display_name: str
    role: Role
    active: bool


def list_staff(session: Session, *, include_disabled: bool = False) -> list[StaffMember]:
    """Staff accounts ordered by display name; disabled accounts only when asked for."""
    session.require(Action.CASE_VIEW)
    where = "" if include_disabled else "WHERE disabled = 0"
    with session.read() as conn:
        rows = conn.execute(
            text(
                f"SELECT id, username, display_name, role, disabled FROM staff_users {where}"
                " ORDER BY display_name, username"
            )
        ).all()
    return [StaffMember(str(r[0]), str(r[1]), str(r[2]), Role(str(r[3])), not r[4]) for r in rows]


def staff_names(session: Session) -> dict[str, str]:
    """Display names by staff id *and* by username, since older records keep either."""
    names: dict[str, str] = {}
    for member in list_staff(session, include_disabled=True):
        names[member.id] = member.display_name
        names[member.username] = member.display_name
    return names
