"""Promise 5 in the window: a damaged database file is named as such at unlock (issue 10, defect 1)."""

from __future__ import annotations

import os
import stat

import pytest
from pytestqt.qtbot import QtBot

from embassy_desk.services import registry
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.test_unlock_lock import open_window, sign_in


def test_unlock_of_a_damaged_file_says_altered_or_damaged(qtbot: QtBot, paths: WorkstationPaths) -> None:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    registry.register_citizen(session, aigerim())
    session.lock()
    data = bytearray(paths.database.read_bytes())
    data[5000] ^= 0x01
    paths.database.write_bytes(bytes(data))

    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is None
    text = window.unlock_screen.message.text()
    assert "altered or damaged" in text
    assert "DatabaseError" not in text and "unexpected" not in text.lower()


def test_unlock_says_it_made_loosened_files_private_again(qtbot: QtBot, paths: WorkstationPaths) -> None:
    """Promise 9 kept over time, in the window: the person hears which files others could read."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    os.chmod(paths.vault, 0o644)  # loosened by hand, as the attack did
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is not None
    qtbot.waitUntil(lambda: "made private again" in window.status.currentMessage(), timeout=5_000)
    assert "vault.json" in window.status.currentMessage()
    assert stat.S_IMODE(paths.vault.stat().st_mode) == 0o600
