"""Console operator accounts: Argon2id password hashes (PHC strings, the ``cryptography`` package),
sign-in with back-off and lock-out, and the account changes of ``embassy-desk hq operator``.

Sign-in follows the workstation's rules (ConsoleSettings): after the ``backoff_after``-th failure in a
row, ``2**(failures - backoff_after)`` seconds (at most ``max_backoff_seconds``) must pass before the
next attempt is even checked; the ``lock_after``-th failure in a row locks the account until
``hq operator unlock``. The count lives in the operator's row, so a restart does not reset it. An
unknown user name costs one Argon2 verification (against a dummy hash) and gets the same answer as a
wrong password, so neither the time nor the text tells which names exist.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import Connection, Engine, delete, select, update

from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.hq import audit
from embassy_desk.hq.clock import iso, parse_moment, system_clock
from embassy_desk.hq.console.model import CONSOLE_LANGUAGES, Operator, OperatorRole
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.tables import console_sessions, operators

log = logging.getLogger("embassy_desk")

# RFC 9106's second recommended option (64 MiB, 3 passes), as the workstation's key slots use.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 3
ARGON2_LANES = 4

# The actor of audit entries about an attempt: whoever typed it is not known to be the operator.
ANONYMOUS = "console"
# Letters of any script, digits and . _ @ -: no spaces or controls, so a name prints on one line.
_NAME = re.compile(r"[\w.@-]{1,100}")


class OperatorExists(EmbassyDeskError):
    """``hq operator add`` of a name that is taken."""

    exit_code = 2


class OperatorNotFound(NotFoundError):
    """No operator of that name."""


def hash_password(password: str) -> str:
    """An Argon2id PHC string of ``password`` with a fresh 16-byte salt."""
    kdf = Argon2id(
        salt=os.urandom(16),
        length=32,
        iterations=ARGON2_ITERATIONS,
        lanes=ARGON2_LANES,
        memory_cost=ARGON2_MEMORY_KIB,
    )
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def password_matches(password: str, phc: str) -> bool:
    """True if ``password`` hashes to the stored PHC string."""
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), phc)
    except (InvalidKey, ValueError):
        return False
    return True


@functools.cache
def _dummy_hash() -> str:
    # Made once per process with the real parameters, so checking it costs what a real check costs.
    return hash_password(secrets.token_urlsafe(24))


def check_name(name: str) -> str:
    """``name`` if it can be an operator's name, else ValidationError."""
    if not _NAME.fullmatch(name):
        raise ValidationError("name", Msg("consoleauth.bad_name"))
    return name


def check_language(language: str) -> str:
    """``language`` if the console speaks it, else ValidationError."""
    if language not in CONSOLE_LANGUAGES:
        raise ValidationError(
            "language", Msg("consoleauth.bad_language", languages=", ".join(CONSOLE_LANGUAGES))
        )
    return language


def _audit(conn: Connection, now: datetime, actor: str, action: str, name: str, **details: str) -> None:
    audit.append(
        conn, at=iso(now), actor=actor, action=action, entity="operator", entity_id=name, details=details
    )


def add_operator(
    engine: Engine,
    name: str,
    role: OperatorRole,
    password: str,
    language: str = "en",
    *,
    actor: str | None = None,
    now: datetime | None = None,
) -> Operator:
    """Create an operator account (OperatorExists if the name is taken). With ``actor`` the change is
    audited (operator.add) in the same transaction. The password policy is the caller's (the CLI
    applies domain/passphrase.check_passphrase)."""
    check_name(name)
    check_language(language)
    moment = now or system_clock()
    digest = hash_password(password)  # outside the transaction: 0.2 s of CPU holds no lock
    with engine.begin() as conn:
        taken = conn.execute(select(operators.c.name).where(operators.c.name == name)).first()
        if taken is not None:
            raise OperatorExists(Msg("consoleauth.exists", name=name))
        conn.execute(
            operators.insert().values(
                name=name,
                role=role.value,
                language=language,
                password_hash=digest,
                created_at=iso(moment),
            )
        )
        if actor is not None:
            _audit(conn, moment, actor, "operator.add", name, role=role.value)
    return Operator(name, role, language)


def get_operator(engine: Engine, name: str) -> Operator | None:
    """The operator ``name`` if the account exists, is not disabled and not locked."""
    with engine.connect() as conn:
        row = conn.execute(
            select(operators.c.name, operators.c.role, operators.c.language).where(
                operators.c.name == name, operators.c.disabled_at.is_(None), operators.c.locked_at.is_(None)
            )
        ).first()
    return Operator(row[0], OperatorRole(row[1]), row[2]) if row else None


def check_password(engine: Engine, name: str, password: str) -> Operator | None:
    """The operator if ``password`` is theirs, else None (no back-off, no counting: sign-in uses
    :func:`sign_in`)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(operators.c.password_hash).where(
                operators.c.name == name, operators.c.disabled_at.is_(None)
            )
        ).first()
    if row is None:
        password_matches(password, _dummy_hash())
        return None
    if not password_matches(password, row[0]):
        return None
    return get_operator(engine, name)


@dataclass(frozen=True)
class OperatorInfo:
    """An account as ``hq operator list`` shows it (never the hash)."""

    name: str
    role: str
    language: str
    created_at: str
    failures: int
    locked_at: str | None


def list_operators(engine: Engine) -> list[OperatorInfo]:
    """Every operator account (not disabled), by name."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                operators.c.name,
                operators.c.role,
                operators.c.language,
                operators.c.created_at,
                operators.c.failures,
                operators.c.locked_at,
            )
            .where(operators.c.disabled_at.is_(None))
            .order_by(operators.c.name)
        ).all()
    return [OperatorInfo(r[0], r[1], r[2], r[3], int(r[4]), r[5]) for r in rows]


def _require(conn: Connection, name: str) -> None:
    found = conn.execute(
        select(operators.c.name).where(operators.c.name == name, operators.c.disabled_at.is_(None))
    ).first()
    if found is None:
        raise OperatorNotFound(Msg("consoleauth.not_found", name=name))


def end_sessions(conn: Connection, name: str) -> None:
    """Every session of operator ``name`` ends (lock, removal)."""
    conn.execute(delete(console_sessions).where(console_sessions.c.operator == name))


def unlock(engine: Engine, name: str, *, actor: str, now: datetime | None = None) -> None:
    """Reopen a locked account and forget its failures (audited: operator.unlock)."""
    moment = now or system_clock()
    with engine.begin() as conn:
        _require(conn, name)
        conn.execute(
            update(operators)
            .where(operators.c.name == name)
            .values(failures=0, last_failure_at=None, locked_at=None)
        )
        _audit(conn, moment, actor, "operator.unlock", name)


def remove(engine: Engine, name: str, *, actor: str, now: datetime | None = None) -> None:
    """Delete an account; its sessions end at once (audited: operator.remove). The audit log keeps
    what the operator did; the name may be given to a new account later."""
    moment = now or system_clock()
    with engine.begin() as conn:
        _require(conn, name)
        end_sessions(conn, name)
        conn.execute(delete(operators).where(operators.c.name == name))
        _audit(conn, moment, actor, "operator.remove", name)


def set_language(engine: Engine, name: str, language: str) -> None:
    """The console speaks ``language`` to operator ``name`` from their next page on."""
    check_language(language)
    with engine.begin() as conn:
        _require(conn, name)
        conn.execute(update(operators).where(operators.c.name == name).values(language=language))


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt came to: the operator, or the message to show (and, when the attempt
    was not even checked, how many seconds to wait)."""

    operator: Operator | None
    refusal: Msg | None = None
    retry_after: int = 0


def backoff_seconds(failures: int, settings: ConsoleSettings) -> int:
    """How long after the last failure the next attempt must wait (0: no wait)."""
    if failures < settings.backoff_after:
        return 0
    return min(1 << (failures - settings.backoff_after), settings.max_backoff_seconds)


def sign_in(engine: Engine, name: str, password: str, settings: ConsoleSettings, now: datetime) -> SignIn:
    """Check one sign-in attempt with back-off and lock-out, audited (console.sign_in,
    console.sign_in_failed, console.locked). The account's row is locked for the attempt (PostgreSQL),
    so parallel guesses on one account are checked one after the other and all counted."""
    wrong = Msg("consoleauth.wrong")
    at = iso(now)
    with engine.begin() as conn:
        row = conn.execute(
            select(
                operators.c.role,
                operators.c.language,
                operators.c.password_hash,
                operators.c.failures,
                operators.c.last_failure_at,
                operators.c.locked_at,
            )
            .where(operators.c.name == name, operators.c.disabled_at.is_(None))
            .with_for_update()
        ).first()
        if row is None:
            password_matches(password, _dummy_hash())
            audit.append(conn, at=at, actor=ANONYMOUS, action="console.sign_in_failed", entity="operator")
            log.info("console sign-in refused")
            return SignIn(None, wrong)
        if row.locked_at is not None:
            log.info("console sign-in refused: account locked")
            return SignIn(None, Msg("consoleauth.locked"))
        failures = int(row.failures)
        wait = backoff_seconds(failures, settings)
        last = parse_moment(row.last_failure_at) if row.last_failure_at else None
        if wait and last is not None and now < last + timedelta(seconds=wait):
            # Not checked at all: a guess made during the wait tells the guesser nothing.
            left = max(1, math.ceil((last + timedelta(seconds=wait) - now).total_seconds()))
            log.info("console sign-in refused: back-off")
            return SignIn(None, Msg("consoleauth.wait", seconds=left), retry_after=left)
        if password_matches(password, row.password_hash):
            conn.execute(
                update(operators).where(operators.c.name == name).values(failures=0, last_failure_at=None)
            )
            audit.append(conn, at=at, actor=name, action="console.sign_in", entity="operator", entity_id=name)
            log.info("console sign-in")
            return SignIn(Operator(name, OperatorRole(row.role), row.language))
        failures += 1
        locked = failures >= settings.lock_after
        conn.execute(
            update(operators)
            .where(operators.c.name == name)
            .values(failures=failures, last_failure_at=at, locked_at=at if locked else None)
        )
        audit.append(
            conn,
            at=at,
            actor=ANONYMOUS,
            action="console.sign_in_failed",
            entity="operator",
            entity_id=name,
            details={"failures": failures},
        )
        if locked:
            end_sessions(conn, name)
            audit.append(
                conn, at=at, actor=ANONYMOUS, action="console.locked", entity="operator", entity_id=name
            )
            log.info("console sign-in refused: account locked now")
            return SignIn(None, Msg("consoleauth.locked"))
    log.info("console sign-in refused")
    return SignIn(None, wrong)
