"""The unlock screen names the post before sign-in on a real workstation (issue 9, item 13).

Only the post's name is kept in the clear (post.json beside the vault); it is public, printed on
every notice. Nothing about people is readable before sign-in.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.storage.workstation import WorkstationPaths, read_post_label, write_post_label
from tests.conftest import ADMIN_PASSPHRASE, POST
from tests.gui.test_unlock_lock import sign_in


def window(qtbot: QtBot, paths: WorkstationPaths) -> MainWindow:
    made = MainWindow(paths, translations=Translations())
    qtbot.addWidget(made)
    made.show()
    return made


def test_a_new_workstation_shows_its_post_before_anyone_signed_in(
    qtbot: QtBot, paths: WorkstationPaths
) -> None:
    # Fresh settings (no earlier sign-in on this computer): the name comes from the data folder.
    assert window(qtbot, paths).unlock_screen.post.text() == POST.name
    assert json.loads(paths.post_label.read_text(encoding="utf-8")) == {"post_name": POST.name}
    assert paths.post_label.stat().st_mode & 0o077 == 0, "private like every file of the workstation"


def test_a_workstation_made_before_the_label_gets_it_at_the_next_sign_in(
    qtbot: QtBot, paths: WorkstationPaths
) -> None:
    paths.post_label.unlink()
    first = window(qtbot, paths)
    assert first.unlock_screen.post.text() == ""
    sign_in(qtbot, first, "admin", ADMIN_PASSPHRASE)
    assert first.session is not None
    first.lock()
    assert read_post_label(paths) == POST.name
    assert window(qtbot, paths).unlock_screen.post.text() == POST.name


def test_a_damaged_label_shows_no_name_and_does_not_stop_the_unlock_screen(
    qtbot: QtBot, paths: WorkstationPaths
) -> None:
    for content in (b"\xff\xfe not json", b"[1, 2]", b'{"post_name": 42}', b"{" + b" " * 10_000 + b"}"):
        paths.post_label.write_bytes(content)
        assert read_post_label(paths) == ""
    paths.post_label.write_bytes(b'{"post_name": "Embassy\\n<b>in</b>\\u0007 Seoul"}')
    shown = window(qtbot, paths).unlock_screen.post
    assert shown.text() == "Embassy <b>in</b> Seoul"
    assert shown.textFormat() == Qt.TextFormat.PlainText, "a name, never markup"


@given(st.text(max_size=300))
def test_the_label_reads_back_as_one_printable_line(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = WorkstationPaths(Path(folder))
        write_post_label(paths, name)
        shown = read_post_label(paths)
        assert shown == " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())[:200]
        assert shown.isprintable()
