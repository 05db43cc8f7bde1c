"""The diagnostic report: what the help desk needs to know about this installation, and nothing about
anyone.

It holds versions, the operating system, the settings that are not personal (interface language, idle
lock, whether the workstation syncs, HQ's host name only, how many changes wait) and the last lines of
the log file, which is itself free of personal data (promise 16; the lines are scrubbed once more on
the way out). Folder paths are shown with the home folder as ``~``: the OS user's name stays out. The
report is in English whatever the interface language, so that any help desk can read it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import PySide6
from PySide6.QtCore import qVersion

from embassy_desk.logs import active_log_dir, log_dir_for, recent_lines
from embassy_desk.services.selftest import platform_summary, sqlcipher_version, version_line

log = logging.getLogger("embassy_desk.gui")

LOG_LINES = 200


def home_relative(path: Path) -> str:
    """``path`` with the home folder written ``~`` (a home folder's name is often the person's)."""
    try:
        return str(Path("~") / path.resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)


def version_rows() -> list[tuple[str, str]]:
    """(name, version) of the app and the components a problem most often depends on."""
    import platform

    return [
        ("Embassy Desk", version_line()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("SQLCipher", sqlcipher_version()),
        ("Operating system", platform_summary()),
    ]


def _settings_rows(session: object | None, language: str) -> list[tuple[str, str]]:
    rows = [("Interface language", language)]
    if session is None:
        rows.append(("Workstation", "locked (settings are read after sign-in)"))
        return rows
    from embassy_desk.services import settings, sync
    from embassy_desk.services.session import Session

    assert isinstance(session, Session)
    try:
        chosen = settings.get_settings(session)
        rows.append(("Idle lock", f"{chosen.idle_lock_minutes} min"))
        rows.append(("Remember me allowed", "yes" if chosen.keyring_allowed else "no"))
        state = sync.status(session)
    except Exception:  # a report must still come out of a damaged workstation
        log.warning("diagnostic report: settings unreadable", exc_info=True)
        rows.append(("Settings", "unreadable (see the log)"))
        return rows
    rows.append(("Role signed in", session.role.value))
    rows.append(("Sync", "enrolled" if state.enrolled else "not enrolled"))
    if state.enrolled:
        rows.append(("HQ host", urlsplit(state.hq_url).hostname or "-"))
        rows.append(("HQ post code", state.post or "-"))
        rows.append(("Changes waiting to sync", str(state.pending)))
        rows.append(("Last sync (UTC)", state.last_sync or "never"))
        rows.append(("Open conflicts", str(state.conflicts)))
    return rows


def diagnostic_report(data_dir: Path, *, session: object | None = None, language: str = "en") -> str:
    """The report as plain text (see the module docstring). ``session`` (a signed-in
    :class:`~embassy_desk.services.session.Session`, or None when locked) gives the workstation's
    settings."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    logs = active_log_dir() or log_dir_for(data_dir)
    sections: list[str] = [f"Embassy Desk diagnostic report ({now})", ""]
    sections.append("[Versions]")
    sections += [f"{name}: {value}" for name, value in version_rows()]
    sections += ["", "[Settings]"]
    sections += [f"{name}: {value}" for name, value in _settings_rows(session, language)]
    sections += ["", "[Folders]"]
    sections.append(f"Data folder: {home_relative(data_dir)}")
    sections.append(f"Log folder: {home_relative(logs)}")
    lines = recent_lines(LOG_LINES)
    sections += ["", f"[Last {len(lines)} log lines]", *lines]
    return "\n".join(sections) + "\n"
