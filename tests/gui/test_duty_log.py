"""The duty log screen and the shift handover, driven like the people on duty would: write from the
keyboard, sign in after someone else's shift and see what they wrote."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.gui.duty.handover import HandoverDialog
from embassy_desk.gui.duty.view import DutyLogView
from embassy_desk.services import duty_log
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE
from tests.gui.test_registry_view import type_text
from tests.gui.test_unlock_lock import open_window, sign_in


def _view(qtbot: QtBot, session: Session) -> DutyLogView:
    view = DutyLogView(session)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def _handovers() -> list[HandoverDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, HandoverDialog) and w.isVisible()]


def test_a_note_is_written_from_the_keyboard_and_listed_first(qtbot: QtBot, admin: Session) -> None:
    duty_log.write_note(admin, "Night shift: 40 of 120 reached in Seoul.")
    view = _view(qtbot, admin)
    assert view.notes.count() == 1
    view.editor.setFocus()
    type_text(view.editor, "Сеул: осталось 80 звонков; Busan not started")
    assert view.length.text() == "44 of 4,000 characters"
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.toPlainText() == "", "the box is emptied for the next note"
    assert view.notes.count() == 2
    first = view.notes.item(0).text()
    heading, body = first.split("\n", 1)
    assert body == "Сеул: осталось 80 звонков; Busan not started"
    assert heading.endswith("· Admin (admin)")
    assert view.banner.text() == "Added to the duty log."
    assert duty_log.recent_notes(admin)[0].text == body
    # Ctrl+Enter on an empty box says what is wrong and writes nothing.
    qtbot.keyClick(view.editor, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert view.banner.is_error and "empty" in view.banner.text()
    assert view.notes.count() == 2
    assert "Notes in the log: 2" in view.count.text()


def test_viewers_read_the_log_but_have_no_box_to_write_in(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    duty_log.write_note(admin, "Embassy hotline forwarded to the duty phone.")
    view = _view(qtbot, session_for(Role.VIEWER))
    assert view.notes.count() == 1
    assert not view.editor.isVisible() and not view.add_button.isVisible()
    assert view.read_only_note.isVisible()


def test_the_handover_shows_the_latest_notes_after_unlocking_and_not_again(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.OFFICER).lock()  # officer1 signed in once before (their previous sign-in)
    written = [duty_log.write_note(admin, f"Shift note {i}: call list Seoul-{i} done") for i in range(7)]
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "officer1", STAFF_PASSPHRASE)
    assert window.session is not None
    qtbot.waitUntil(lambda: len(_handovers()) == 1)
    dialog = _handovers()[0]
    assert not dialog.isModal(), "the registry behind it works at once"
    shown = [dialog.notes.item(r).text().split("\n", 1)[1] for r in range(dialog.notes.count())]
    assert shown == [n.text for n in reversed(written)][:5], "the latest five, newest first"
    assert "New in the duty log since" in dialog.heading.text() and dialog.heading.text().endswith(": 7")
    assert dialog.more.text() == "2 more in the duty log."
    assert "Admin (admin)" in dialog.notes.item(0).text()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _handovers())
    logs = [v for v in window.findChildren(DutyLogView) if v.isVisible()]
    assert len(logs) == 1 and logs[0].notes.count() == 7

    workspace = window.workspace
    assert workspace is not None
    with qtbot.waitSignal(workspace.destroyed, timeout=5_000):
        window.lock(reason="manual")
    assert not [v for v in window.findChildren(DutyLogView)], "the log goes with the lock"

    sign_in(qtbot, window, "officer1", STAFF_PASSPHRASE)
    assert window.session is not None
    qtbot.wait(50)
    assert not _handovers(), "nothing new since the previous sign-in"


def test_no_handover_when_nothing_new_and_none_for_ones_own_notes(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session
) -> None:
    duty_log.write_note(admin, "My own note: nothing for me to catch up on.")
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is not None
    qtbot.wait(50)
    assert not _handovers()


def test_the_handover_closes_with_the_lock(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.CLERK).lock()
    duty_log.write_note(admin, "Synthetic: Нурланова А. needs a call back about her passport.")
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "clerk1", STAFF_PASSPHRASE)
    qtbot.waitUntil(lambda: len(_handovers()) == 1)
    window.lock(reason="manual")
    qtbot.waitUntil(lambda: not _handovers(), timeout=3_000)
