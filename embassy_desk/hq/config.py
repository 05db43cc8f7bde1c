"""Where HQ lives: its folder (keys, default SQLite database) and its database URL.

``--hq-dir`` else ``$EMBASSY_DESK_HQ_DIR``; ``--db`` else ``$EMBASSY_DESK_HQ_DB`` else the SQLite file
``hq.sqlite3`` in the HQ folder. PostgreSQL URLs: ``postgresql+psycopg://user@host/dbname``
(``postgresql://`` is taken to mean psycopg 3 too).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.clock import Clock, system_clock
from embassy_desk.hq.database import normalise_url, sqlite_url
from embassy_desk.hq.errors import HQNotReady

if TYPE_CHECKING:
    from embassy_desk.hq.store import HQStore

DIR_ENV = "EMBASSY_DESK_HQ_DIR"
DB_ENV = "EMBASSY_DESK_HQ_DB"
SQLITE_FILE = "hq.sqlite3"


@dataclass(frozen=True)
class HQConfig:
    """HQ's folder and database URL (see the module docstring)."""

    hq_dir: Path
    db_url: str

    @classmethod
    def resolve(cls, hq_dir: str | Path | None = None, db: str | None = None) -> HQConfig:
        """From the command-line values, else the environment, else the defaults."""
        folder = hq_dir or os.environ.get(DIR_ENV)
        if not folder:
            raise HQNotReady(Msg("hq.no_dir", env=DIR_ENV))
        root = Path(folder).expanduser().resolve()
        url = db or os.environ.get(DB_ENV) or sqlite_url(root / SQLITE_FILE)
        return cls(root, normalise_url(url))

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    def safe_url(self) -> str:
        """The URL with any password hidden (for messages)."""
        from sqlalchemy.engine import make_url

        return make_url(self.db_url).render_as_string(hide_password=True)

    def open_store(self, *, clock: Clock = system_clock, check_schema: bool = True) -> HQStore:
        """HQ's store on this database with HQ's keys; HQNotReady if ``hq init`` / ``hq migrate``
        has not been run."""
        from embassy_desk.hq.database import current_revision, head_revision, make_engine
        from embassy_desk.hq.keys import load_keys
        from embassy_desk.hq.store import HQStore

        keys = load_keys(self.hq_dir)
        engine = make_engine(self.db_url)
        if check_schema:
            revision = current_revision(engine)
            if revision != head_revision():
                engine.dispose()
                raise HQNotReady(Msg("hq.schema_behind", revision=revision or "-", head=head_revision()))
        return HQStore(engine, keys, clock=clock)
