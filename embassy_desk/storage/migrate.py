"""Schema migrations (Alembic) run on an already keyed SQLCipher connection.

Opening a workstation whose database is older than the app upgrades it (services/workstation.py):
a verified encrypted backup first, named by :func:`backup_name`, then :func:`upgrade`, then an audit
entry. :func:`needs_upgrade` decides whether anything is to be done and refuses a database written by
a newer release (docs/upgrades.md).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The pre-upgrade backups' names start with this (in the workstation's backups folder).
BACKUP_PREFIX = "before-migration-"


class UpgradeRefused(EmbassyDeskError):
    """The database was not upgraded: it is newer than the app, or its backup could not be made.

    Nothing was changed: the database is still at the revision it had.
    """

    exit_code = 4


class UpgradeFailed(EmbassyDeskError):
    """A migration step failed after the verified backup was written (the message names it)."""

    exit_code = 4


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def revisions() -> list[str]:
    """Every schema revision this version of the app knows, oldest first (the last is the head)."""
    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(conn: Connection) -> str | None:
    """The schema revision stored in the database (None for an empty database)."""
    return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(current: str | None) -> bool:
    """Whether a database at ``current`` must be migrated before this app uses it.

    Raises :class:`UpgradeRefused` for a revision this app does not know: a database written by a
    newer release is never touched by an older one (restore the pre-upgrade backup instead).
    """
    if current == head_revision():
        return False
    if current is not None and current not in revisions():
        raise UpgradeRefused(Msg("upgrade.newer_database", revision=current, head=head_revision()))
    return True


def backup_name(current: str | None, head: str, now: str) -> str:
    """The file name of the backup written before upgrading from ``current`` to ``head`` at ``now``
    (an ISO time): ``before-migration-0003-to-0009-2026-12-07T041500.edbk``."""
    stamp = now[:19].replace(":", "")
    return f"{BACKUP_PREFIX}{current or 'none'}-to-{head}-{stamp}.edbk"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` in one transaction (a failed step leaves it unchanged)."""
    config = _config()
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.commit()
