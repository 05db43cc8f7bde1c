"""Application logging that holds no personal data (SECURITY.md promise 16).

Log records name events, ids and exception types. Two guards make a mistake harmless: exception
messages are never written (they may quote a rejected value) and a scrubbing filter masks
anything that looks like a name in a non-Latin script, a long number or an e-mail address.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import traceback
from pathlib import Path
from types import TracebackType

from embassy_desk.storage.files import ensure_private_dir

LOG_NAME = "embassy-desk.log"
_PERSONAL = re.compile(
    r"[\u0400-\u04FF\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]+"  # Cyrillic and Hangul words
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
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
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_ScrubFilter())
    logger.addHandler(handler)
    if path.exists():
        path.chmod(0o600)
    return path
