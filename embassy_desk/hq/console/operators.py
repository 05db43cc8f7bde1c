"""Console operator accounts: Argon2id password hashes (PHC strings, the ``cryptography`` package).

GROUNDWORK: add / get / check_password work; the back-off, lock-out, unlock, list, remove and language
change are the auth engineer's (see the docstring of ConsoleSettings for the rules).
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import Engine, select

from embassy_desk.hq.clock import iso, system_clock
from embassy_desk.hq.console.model import Operator, OperatorRole
from embassy_desk.hq.tables import operators

# RFC 9106's second recommended option (64 MiB, 3 passes), as the workstation's key slots use.
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_ITERATIONS = 3
ARGON2_LANES = 4


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


def add_operator(
    engine: Engine, name: str, role: OperatorRole, password: str, language: str = "en"
) -> Operator:
    """Create an operator account."""
    with engine.begin() as conn:
        conn.execute(
            operators.insert().values(
                name=name,
                role=role.value,
                language=language,
                password_hash=hash_password(password),
                created_at=iso(system_clock()),
            )
        )
    return Operator(name, role, language)


def get_operator(engine: Engine, name: str) -> Operator | None:
    """The operator ``name`` if the account exists and is not disabled."""
    with engine.connect() as conn:
        row = conn.execute(
            select(operators.c.name, operators.c.role, operators.c.language).where(
                operators.c.name == name, operators.c.disabled_at.is_(None)
            )
        ).first()
    return Operator(row[0], OperatorRole(row[1]), row[2]) if row else None


def check_password(engine: Engine, name: str, password: str) -> Operator | None:
    """The operator if ``password`` is theirs, else None."""
    with engine.connect() as conn:
        row = conn.execute(
            select(operators.c.password_hash).where(
                operators.c.name == name, operators.c.disabled_at.is_(None)
            )
        ).first()
    if row is None or not password_matches(password, row[0]):
        return None
    return get_operator(engine, name)
