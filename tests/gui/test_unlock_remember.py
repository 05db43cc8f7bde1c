"""'Remember me on this workstation' on the unlock screen (SECURITY.md promise 13), with a real
in-memory keyring backend standing in for the OS store."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.services import remember, settings
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE
from tests.integration.test_os_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def allow_keyring(paths: WorkstationPaths, allowed: bool) -> None:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        settings.update_settings(session, keyring_allowed=allowed)
    finally:
        session.lock()


def open_window(qtbot: QtBot, paths: WorkstationPaths) -> MainWindow:
    window = MainWindow(paths, translations=Translations())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def sign_in(qtbot: QtBot, window: MainWindow, passphrase: str, *, remember_me: bool | None = None) -> None:
    screen = window.unlock_screen
    screen.username.setText("admin")
    screen.username.editingFinished.emit()
    screen.passphrase.setText(passphrase)
    if remember_me is not None:
        screen.remember.setChecked(remember_me)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None or bool(screen.message.text()), timeout=10_000)


def test_the_box_is_offered_only_once_an_administrator_allows_it(
    qtbot: QtBot, paths: WorkstationPaths, memory_keyring: MemoryKeyring
) -> None:
    window = open_window(qtbot, paths)
    assert window.unlock_screen.remember.isHidden(), "not allowed by default"
    allow_keyring(paths, True)
    sign_in(qtbot, window, ADMIN_PASSPHRASE)
    window.lock()
    assert not window.unlock_screen.remember.isHidden(), "the last session here saw it allowed"
    assert not open_window(qtbot, paths).unlock_screen.remember.isHidden(), "and the next start too"


def test_remembered_person_signs_in_with_an_empty_passphrase_until_the_entry_is_gone(
    qtbot: QtBot, paths: WorkstationPaths, memory_keyring: MemoryKeyring
) -> None:
    allow_keyring(paths, True)
    window = open_window(qtbot, paths)
    window.unlock_screen.set_remember_offered(True)
    sign_in(qtbot, window, ADMIN_PASSPHRASE, remember_me=True)
    assert window.session is not None
    assert "will remember you" in window.status.currentMessage()
    assert remember.is_remembered(paths, "admin")
    window.lock()

    screen = window.unlock_screen
    sign_in(qtbot, window, "")
    assert window.session is not None, "no passphrase needed while remembered"
    window.lock()
    assert screen.remember.isChecked()
    assert "leave empty" in screen.passphrase.placeholderText()

    memory_keyring.store.clear()  # the OS keyring lost the entry
    sign_in(qtbot, window, "")
    assert window.session is None
    assert "no longer remembers you" in screen.message.text()
    sign_in(qtbot, window, ADMIN_PASSPHRASE)
    assert window.session is not None, "the passphrase still opens the data"


def test_unticking_the_box_forgets_and_a_refusal_never_blocks_the_sign_in(
    qtbot: QtBot, paths: WorkstationPaths, memory_keyring: MemoryKeyring
) -> None:
    allow_keyring(paths, True)
    window = open_window(qtbot, paths)
    window.unlock_screen.set_remember_offered(True)
    sign_in(qtbot, window, ADMIN_PASSPHRASE, remember_me=True)
    window.lock()
    sign_in(qtbot, window, ADMIN_PASSPHRASE, remember_me=False)
    assert window.session is not None
    assert "no longer remembers you" in window.status.currentMessage()
    assert not remember.is_remembered(paths, "admin")
    window.lock()

    keyring.set_keyring(keyring.backends.fail.Keyring())
    window.unlock_screen.set_remember_offered(True)
    sign_in(qtbot, window, ADMIN_PASSPHRASE, remember_me=True)
    assert window.session is not None
    assert "no secure keyring" in window.status.currentMessage()
    assert not remember.is_remembered(paths, "admin")
    window.lock()

    keyring.set_keyring(memory_keyring)
    allow_keyring(paths, False)
    window.unlock_screen.set_remember_offered(True)  # a stale hint from an earlier session
    sign_in(qtbot, window, ADMIN_PASSPHRASE, remember_me=True)
    assert window.session is not None
    assert "has not allowed" in window.status.currentMessage()
    assert window.unlock_screen.remember.isHidden(), "the screen now knows it is not allowed"
