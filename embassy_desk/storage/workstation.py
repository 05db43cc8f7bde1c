"""Where a workstation's files live and how they are laid out."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from embassy_desk.storage.files import atomic_write_bytes

DB_NAME = "registry.db"
VAULT_NAME = "vault.json"
# The post's name in the clear, for the unlock screen (nothing else: the name is on every notice).
POST_LABEL_NAME = "post.json"
_POST_LABEL_MAX_BYTES = 4096
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
    def post_label(self) -> Path:
        """The post's name, readable before sign-in; never anything about people."""
        return self.root / POST_LABEL_NAME

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


def write_post_label(paths: WorkstationPaths, post_name: str) -> None:
    """Keep the post's name beside the vault so the unlock screen can show it before sign-in.

    Only the name is written, privately and atomically; nothing is written if it is unchanged.
    """
    if read_post_label(paths) == post_name:
        return
    data = json.dumps({"post_name": post_name}, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(paths.post_label, data)


def read_post_label(paths: WorkstationPaths) -> str:
    """The post's name kept by :func:`write_post_label`, or "" if there is none or it is unreadable.

    The file is not trusted: an oversized, damaged or oddly shaped one shows no name rather than
    failing the unlock screen.
    """
    try:
        with paths.post_label.open("rb") as handle:
            raw = handle.read(_POST_LABEL_MAX_BYTES + 1)
        if len(raw) > _POST_LABEL_MAX_BYTES:
            return ""
        doc = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return ""
    name = doc.get("post_name") if isinstance(doc, dict) else None
    if not isinstance(name, str):
        return ""
    # One line, printable: a name, never markup or control characters on the screen.
    return " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())[:200]


def resolve_data_dir(explicit: str | Path | None) -> Path:
    """``--data-dir``, else ``EMBASSY_DESK_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("EmbassyDesk", appauthor=False))
