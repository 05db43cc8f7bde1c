"""Console sessions: a random token in an HttpOnly, Secure, SameSite=Strict cookie; only its SHA-256
is stored, beside the session's CSRF token.

A session ends at sign-out (its row is deleted), after ``idle_minutes`` without a request, at its
absolute expiry (``absolute_hours`` after sign-in), or at once when its operator is locked or removed
(the lookup joins the operator's row). Every sign-in makes a new token (no session fixation); expired
rows are purged whenever someone signs in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, or_, select, update
from starlette.responses import Response

from embassy_desk.hq.clock import iso
from embassy_desk.hq.console.model import Operator, OperatorRole, Session
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.tables import console_sessions, operators


def cookie_name(settings: ConsoleSettings) -> str:
    """``__Host-`` names need Secure and Path=/: browsers then refuse the cookie from any subdomain."""
    return "__Host-hq-console" if settings.secure_cookies else "hq-console"


def token_hash(token: str) -> str:
    """What the database keeps of a cookie token: its SHA-256 (a stolen table signs nobody in)."""
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def set_session_cookie(response: Response, token: str, settings: ConsoleSettings) -> None:
    """The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
    it), Secure and ``__Host-`` unless the settings say plain-HTTP tests. No Max-Age: it dies with the
    browser, and the server's expiry decides anyway."""
    response.set_cookie(
        cookie_name(settings),
        token,
        httponly=True,
        secure=settings.secure_cookies,
        samesite="strict",
        path="/",
    )


def clear_session_cookie(response: Response, settings: ConsoleSettings) -> None:
    """Tell the browser to forget the session cookie."""
    response.delete_cookie(
        cookie_name(settings), path="/", secure=settings.secure_cookies, httponly=True, samesite="strict"
    )


def purge_expired(engine: Engine, settings: ConsoleSettings, now: datetime) -> int:
    """Delete every session past its idle or absolute expiry; returns how many."""
    idle_limit = iso(now - timedelta(minutes=settings.idle_minutes))
    with engine.begin() as conn:
        result = conn.execute(
            delete(console_sessions).where(
                or_(console_sessions.c.last_seen_at < idle_limit, console_sessions.c.expires_at <= iso(now))
            )
        )
    return int(result.rowcount or 0)


def create_session(
    engine: Engine, operator: str, settings: ConsoleSettings, now: datetime
) -> tuple[str, str]:
    """A new session for ``operator``: returns (cookie token, CSRF token). Expired sessions of anyone
    are purged on the way."""
    purge_expired(engine, settings, now)
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
    """The live session of this cookie token (touching its idle clock), or None if there is none, it
    has expired (an expired one is deleted) or its operator is locked or gone."""
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


def end_session(engine: Engine, token: str) -> str | None:
    """Sign out: the session's row is deleted. Returns its operator's name (None: no such session)."""
    key = token_hash(token)
    with engine.begin() as conn:
        row = conn.execute(
            select(console_sessions.c.operator).where(console_sessions.c.token_hash == key)
        ).first()
        conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == key))
    return str(row[0]) if row else None
