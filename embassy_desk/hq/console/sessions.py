"""Console sessions: a random token in an HttpOnly, Secure, SameSite=Strict cookie; only its SHA-256
is stored, beside the session's CSRF token.

GROUNDWORK: create / lookup / end work with idle and absolute expiry; the auth engineer owns this
module from here on (cookie helpers, sign-out everywhere, purge of expired rows).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, select, update

from embassy_desk.hq.clock import iso
from embassy_desk.hq.console.model import Operator, OperatorRole, Session
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.tables import console_sessions, operators


def cookie_name(settings: ConsoleSettings) -> str:
    """``__Host-`` names need Secure and Path=/: browsers then refuse the cookie from any subdomain."""
    return "__Host-hq-console" if settings.secure_cookies else "hq-console"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def create_session(
    engine: Engine, operator: str, settings: ConsoleSettings, now: datetime
) -> tuple[str, str]:
    """A new session for ``operator``: returns (cookie token, CSRF token)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            console_sessions.insert().values(
                token_hash=token_hash(token),
                operator=operator,
                csrf=csrf,
                created_at=iso(now),
                last_seen_at=iso(now),
                expires_at=iso(now + timedelta(hours=settings.absolute_hours)),
            )
        )
    return token, csrf


def lookup_session(engine: Engine, token: str, settings: ConsoleSettings, now: datetime) -> Session | None:
    """The live session of this cookie token (touching its idle clock), or None if there is none or it
    has expired (an expired one is deleted)."""
    key = token_hash(token)
    with engine.begin() as conn:
        row = conn.execute(
            select(
                console_sessions.c.csrf,
                console_sessions.c.last_seen_at,
                console_sessions.c.expires_at,
                operators.c.name,
                operators.c.role,
                operators.c.language,
            )
            .join(operators, operators.c.name == console_sessions.c.operator)
            .where(
                console_sessions.c.token_hash == key,
                operators.c.disabled_at.is_(None),
                operators.c.locked_at.is_(None),
            )
        ).first()
        if row is None:
            return None
        idle_limit = iso(now - timedelta(minutes=settings.idle_minutes))
        if row.last_seen_at < idle_limit or row.expires_at <= iso(now):
            conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == key))
            return None
        conn.execute(
            update(console_sessions).where(console_sessions.c.token_hash == key).values(last_seen_at=iso(now))
        )
    return Session(Operator(row.name, OperatorRole(row.role), row.language), row.csrf)


def end_session(engine: Engine, token: str) -> None:
    """Sign out: the session's row is deleted."""
    with engine.begin() as conn:
        conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == token_hash(token)))
