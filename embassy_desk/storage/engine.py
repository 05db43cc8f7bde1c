"""SQLCipher connections: keyed with the raw data key, settings asserted on every connection.

SQLCipher silently creates a *plaintext* database when it is handed a file without a key, and a wrong
key only shows on the first read. Every connection therefore goes through :func:`connect`, which sets
the key before any other statement, proves the key by reading the schema, and refuses to continue
unless the cipher settings are the ones SECURITY.md promises (promise 3).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure
from embassy_desk.domain.messages import Msg

CACHE_KIB = 65_536
IMPORT_CACHE_KIB = 524_288
SQLITE_PLAINTEXT_MAGIC = b"SQLite format 3\x00"
DbApiConnection = Any  # sqlcipher3 has no type information


class DatabaseRefused(EmbassyDeskError):
    """The file is not an Embassy Desk encrypted database, or the key does not open it."""

    exit_code = 4


class CipherSettingsError(EmbassyDeskError):
    """The SQLCipher library did not give the settings we require."""

    exit_code = 4


DAMAGED_MESSAGE = Msg("storage.damaged")
# What SQLite and SQLCipher say when a page fails its HMAC or the b-tree under it is broken.
_DAMAGE_WORDS = ("not a database", "malformed", "corrupt", "hmac check failed")


@functools.cache
def _quiet_sqlcipher() -> None:
    """Silence SQLCipher's own log (a process-wide setting) once per process.

    By default it prints "ERROR CORE sqlcipher_page_cipher: hmac check failed for pgno=…" to stderr
    for a damaged page, beside the one plain sentence the person gets; the same finding reaches them
    (and the log file, by kind) as :class:`IntegrityFailure`. Done on a throw-away in-memory
    connection so that on every real connection the key stays the very first statement.
    """
    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
    finally:
        probe.close()


def is_damage(exc: BaseException) -> bool:
    """True if a database error says the file's pages are altered or damaged (promise 5)."""
    cause = getattr(exc, "orig", None) or exc
    if not isinstance(cause, sqlcipher3.dbapi2.DatabaseError):
        return False
    text = str(cause).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def _check_file_header(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(16)
    if head == SQLITE_PLAINTEXT_MAGIC:
        raise DatabaseRefused(Msg("storage.plaintext", name=path.name))


def _assert_cipher_settings(conn: DbApiConnection) -> None:
    def one(pragma: str) -> str:
        row = conn.execute(f"PRAGMA {pragma}").fetchone()
        return "" if row is None else str(row[0])

    version = one("cipher_version")
    if not version.startswith("4."):
        raise CipherSettingsError(f"SQLCipher 4 is required (found {version or 'none'})")
    checks = {
        "cipher_use_hmac": "1",
        "secure_delete": "1",
        "temp_store": "2",
    }
    for pragma, wanted in checks.items():
        got = one(pragma)
        if got != wanted:
            raise CipherSettingsError(f"database setting {pragma} is {got!r}, expected {wanted!r}")


def connect(path: Path, key: bytes, *, create: bool = False, wal: bool = True) -> DbApiConnection:
    """Open ``path`` with the 256-bit ``key`` and return a DB-API connection in autocommit mode.

    Raises :class:`DatabaseRefused` for a missing, plaintext or wrongly keyed file, and
    :class:`IntegrityFailure` when the file's pages fail their HMAC (altered or damaged).
    """
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    created = False
    if path.exists():
        _check_file_header(path)
    elif not create:
        raise DatabaseRefused(Msg("storage.no_database", path=str(path)))
    else:
        created = True
        # Create the file private before SQLite does (it would follow the umask); SQLite gives
        # the -wal and -shm files the same mode as the database (SECURITY.md promise 9).
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    _quiet_sqlcipher()
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # The key must be the very first statement on the connection (promise 1).
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise DatabaseRefused(
                f"{path.name} cannot be opened with this key: it was altered or damaged, "
                "or it belongs to another workstation"
            ) from exc
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
        if wal:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 10000")
        # 64 MiB of decrypted pages per connection: a million-citizen registry's hot index pages
        # stay in memory instead of being decrypted again on every lookup.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        _assert_cipher_settings(conn)
    except BaseException:
        conn.close()
        if created:
            # A refused new file is not left behind for the next start to trip over.
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    return conn


def make_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An SQLAlchemy engine whose every pooled connection comes from :func:`connect`."""

    def creator() -> DbApiConnection:
        return connect(path, key, create=create)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3.dbapi2,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
    )

    # pysqlite-style drivers manage transactions badly; take control so BEGIN is explicit.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: DbApiConnection, _record: object) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        # Every statement through the engine answers a damaged page as IntegrityFailure (exit 4),
        # whatever service ran it, instead of SQLAlchemy's DatabaseError (exit 1).
        if is_damage(context.original_exception):
            raise IntegrityFailure(DAMAGED_MESSAGE) from context.original_exception

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front so two writers never deadlock on upgrade;
        # readers use a deferred transaction and never block the writer under WAL.
        if conn.get_execution_options().get("write", False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn SQLCipher's corruption errors into :class:`IntegrityFailure`.

    Covers both the driver's ``sqlcipher3.dbapi2.DatabaseError`` (raw DB-API calls such as the
    backup's ``sqlcipher_export``) and SQLAlchemy's ``sqlalchemy.exc.DatabaseError`` that wraps it
    (the two are unrelated classes); other errors pass through unchanged.
    """
    try:
        yield
    except (sqlcipher3.dbapi2.DatabaseError, sa_exc.DatabaseError) as exc:
        if is_damage(exc):
            raise IntegrityFailure(DAMAGED_MESSAGE) from exc
        raise


@contextmanager
def large_cache(conn: Connection) -> Iterator[None]:
    """A big page cache for one large write (an import, a campaign's list): random-key index inserts
    into a large registry otherwise evict, re-read and re-decrypt the same pages again and again."""
    conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
