"""Where a workstation's files live and how they are laid out."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DB_NAME = "registry.db"
VAULT_NAME = "vault.json"
DATA_DIR_ENV = "EMBASSY_DESK_DATA_DIR"


@dataclass(frozen=True)
class WorkstationPaths:
    """The files of one workstation inside its data directory."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def vault(self) -> Path:
        return self.root / VAULT_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def rekey_scratch(self) -> Path:
        """Where a rekey writes the re-encrypted copy before swapping it in."""
        return self.root / (DB_NAME + ".rekey")

    def exists(self) -> bool:
        """True when a workstation has been set up here."""
        return self.vault.exists() and self.database.exists()

    def sidecars(self) -> list[Path]:
        """The database and the files SQLite keeps beside it."""
        db = self.database
        return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def resolve_data_dir(explicit: str | Path | None) -> Path:
    """``--data-dir``, else ``EMBASSY_DESK_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("EmbassyDesk", appauthor=False))
