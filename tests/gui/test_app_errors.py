"""Errors reach people as dialogs: their own message if they can act on it, else a short note and a log
line without personal data. Never a traceback, never silence."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.gui.errors import install_excepthook
from embassy_desk.logs import LOG_NAME, configure_logging
from embassy_desk.services import users
from embassy_desk.services.session import Session
from tests.gui.conftest import DialogWatcher

MARKER_NAME = "Нурланова Айгерим"
MARKER_PASSPORT = "N12345678"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    configure_logging(folder)
    previous = sys.excepthook
    install_excepthook()
    yield folder
    sys.excepthook = previous
    configure_logging(None)
    logging.getLogger("embassy_desk").handlers.clear()


def _boom() -> None:
    raise RuntimeError(f"cannot format {MARKER_NAME} passport {MARKER_PASSPORT}")


def test_unexpected_error_shows_short_dialog_and_logs_no_personal_data(
    qtbot: QtBot, log_dir: Path, dialogs: DialogWatcher
) -> None:
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=5_000)
    seen = dialogs.seen[0]
    assert seen.object_name == "unexpectedErrorDialog"
    assert seen.text.startswith("Something went wrong; the details were written to the log.")
    assert "Traceback" not in seen.text and MARKER_NAME not in seen.text
    log = (log_dir / LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError (message withheld)" in log
    assert "test_app_errors.py" in log and "_boom" in log, "the log says where it happened"
    assert MARKER_NAME not in log and MARKER_PASSPORT not in log
    assert "Нурланова" not in log


def test_error_a_person_can_act_on_shows_its_message(
    qtbot: QtBot, log_dir: Path, dialogs: DialogWatcher, session_for: object
) -> None:
    viewer: Session = session_for(Role.VIEWER)  # type: ignore[operator]

    def refused() -> None:
        users.list_users(viewer)

    QTimer.singleShot(0, refused)
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=5_000)
    seen = dialogs.seen[0]
    assert seen.object_name == "errorDialog"
    assert seen.title == "Not allowed"
    assert seen.text == str(PermissionDeniedError("the viewer role may not do this (user.manage)"))
