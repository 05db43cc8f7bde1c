"""Application logging that holds no personal data (SECURITY.md promise 16).

Log records name events, ids and exception types. Two guards make a mistake harmless: exception
messages are never written (they may quote a rejected value) and a scrubbing filter masks
anything that looks like a name in a non-Latin script, a long number or an e-mail address.

Where (:func:`log_dir_for`): the workstation's own ``logs/`` folder inside its data folder when that
folder exists (the window and every command on that workstation write there), else the platform's
log folder (``platformdirs.user_log_dir("EmbassyDesk")``: Linux ``~/.local/state/EmbassyDesk/log``,
Windows ``%LOCALAPPDATA%\\EmbassyDesk\\Logs``, macOS ``~/Library/Logs/EmbassyDesk``), used by commands
run before a workstation exists, such as ``self-test``. The file ``embassy-desk.log`` rotates at 1 MB
and keeps 5 old files (``.1`` to ``.5``); the folder is 0700 and every file 0600.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import platform
import re
import traceback
from collections import deque
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

import platformdirs

from embassy_desk.storage.files import ensure_private_dir

LOG_NAME = "embassy-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
APP_DIR_NAME = "EmbassyDesk"
_PERSONAL = re.compile(
    r"[\u0400-\u04FF\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]+"  # Cyrillic and Hangul words
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses (from a word start: linear time)
    r"|(?<![0-9a-f-])\+?\d[\d ()-]{4,}\d"  # phone, passport and national id numbers
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def scrub(text: str) -> str:
    """Mask what could identify a person, keeping record ids (UUIDs) readable."""
    kept: list[str] = []

    def hold(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    masked = _PERSONAL.sub("***", _UUID.sub(hold, text))
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], masked)


class _ScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            record.msg += "\n" + safe_traceback(*record.exc_info)
            record.exc_info = None
            record.exc_text = None
        return True


def safe_traceback(
    exc_type: type[BaseException] | None, _exc: BaseException | None, tb: TracebackType | None
) -> str:
    """Where an error happened (files, lines, functions) without its message or any values."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return f"{exc_type.__name__ if exc_type else 'Error'} (message withheld)\n" + "\n".join(lines)


def platform_log_dir() -> Path:
    """The OS's log folder for this user (see the module docstring)."""
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def log_dir_for(data_dir: Path) -> Path:
    """Where the log goes for the workstation in ``data_dir``: its ``logs/`` folder if the data folder
    exists (it is never created as a side effect), else the platform's log folder."""
    return data_dir / "logs" if data_dir.is_dir() else platform_log_dir()


def active_log_dir() -> Path | None:
    """The folder the log is written to now (None when logging goes nowhere)."""
    # Read from the handler itself, so that whoever swaps the handlers (a test harness) is followed.
    for handler in logging.getLogger("embassy_desk").handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename).parent
    return None


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file whose every generation is readable by this OS user only (0600), whatever the
    umask of the process that rotates it."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        # A file system without permissions (FAT on a stick) has nothing to tighten.
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return stream


def recent_lines(count: int = 200) -> list[str]:
    """The last ``count`` lines of the current log file (scrubbed again: an old file written before a
    filter change must not leak through a report)."""
    folder = active_log_dir()
    if folder is None:
        return []
    path = folder / LOG_NAME
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            tail = deque(handle, maxlen=count)
    except OSError:
        return []
    return [_scrub_line(line.rstrip("\n")) for line in tail]


# The formatter's own prefix (time, level, logger) is not personal and the scrubber would mask the date.
_PREFIX = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: )(.*)")


def _scrub_line(line: str) -> str:
    match = _PREFIX.fullmatch(line)
    return match.group(1) + scrub(match.group(2)) if match else scrub(line)


def configure_logging(log_dir: Path | None, *, level: int = logging.INFO) -> Path | None:
    """Send the app's log to a private rotating file in ``log_dir`` (or nowhere if None)."""
    logger = logging.getLogger("embassy_desk")
    logger.setLevel(level)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = False
    if log_dir is None:
        logger.addHandler(logging.NullHandler())
        return None
    ensure_private_dir(log_dir)
    path = log_dir / LOG_NAME
    handler = PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_ScrubFilter())
    logger.addHandler(handler)
    from embassy_desk import __version__

    # Which build wrote what follows: the help desk reads this first (no computer or user names).
    logger.info(
        "Embassy Desk %s, Python %s, %s %s",
        __version__,
        platform.python_version(),
        platform.system(),
        platform.release(),
    )
    return path
