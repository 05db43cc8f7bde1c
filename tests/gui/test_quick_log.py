"""The quick contact log: number keys log at once, the note takes digits, Ctrl+Enter commits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.gui.contacts.quick_log import QuickLogDialog, default_welfare
from embassy_desk.services import contacts, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


@pytest.fixture
def citizen_id(admin: Session) -> str:
    return registry.register_citizen(admin, aigerim()).id


def _dialog(qtbot: QtBot, session: Session, citizen_id: str | None) -> QuickLogDialog:
    dialog = QuickLogDialog(session, citizen_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClicks(widget, text)


def test_shows_whose_record_it_is(qtbot: QtBot, admin: Session, citizen_id: str) -> None:
    dialog = _dialog(qtbot, admin, citizen_id)
    assert "Нурланова Айгерим" in dialog.who.text() and "NURLANOVA" in dialog.who.text()
    assert dialog.phones.text() == "+821012345678"
    assert dialog.outcomes.item(0).text().startswith("1") and "Reached" in dialog.outcomes.item(0).text()


def test_a_number_key_logs_that_outcome_at_once(qtbot: QtBot, admin: Session, citizen_id: str) -> None:
    dialog = _dialog(qtbot, admin, citizen_id)
    with qtbot.waitSignal(dialog.logged, timeout=3000) as blocker:
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_3)
    assert blocker.args == [citizen_id]
    (entry,) = contacts.contact_history(admin, citizen_id)
    # Only a call that reached the person reports welfare.
    assert entry.outcome == "wrong_number" and entry.welfare_status is None
    assert entry.channel == "phone" and entry.follow_up_due is None
    assert not dialog.isVisible()
    assert registry.get_citizen(admin, citizen_id).fields["welfare_status"] == "unknown"


def test_typing_in_the_note_does_not_log_and_ctrl_enter_commits(
    qtbot: QtBot, admin: Session, citizen_id: str
) -> None:
    dialog = _dialog(qtbot, admin, citizen_id)
    dialog.welfare.setCurrentIndex(dialog.welfare.findData("needs_assistance"))
    dialog.follow_up.setChecked(True)
    dialog.follow_up_date.setDate(QDate(date.today() + timedelta(days=2)))
    dialog.note.setFocus()
    _type(qtbot, dialog.note, "call back at 18 2")
    assert contacts.contact_history(admin, citizen_id) == []
    assert dialog.note.toPlainText() == "call back at 18 2"
    with qtbot.waitSignal(dialog.logged, timeout=3000):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (entry,) = contacts.contact_history(admin, citizen_id)
    assert entry.outcome == "reached" and entry.welfare_status == "needs_assistance"
    assert entry.note == "call back at 18 2"
    assert entry.follow_up_due == f"{(date.today() + timedelta(days=2)).isoformat()}T10:00"
    assert registry.get_citizen(admin, citizen_id).fields["welfare_status"] == "needs_assistance"


def test_welfare_starts_from_the_citizens_own(qtbot: QtBot, admin: Session, citizen_id: str) -> None:
    assert default_welfare("unknown") == "safe"
    assert default_welfare("unreachable") == "safe"
    assert default_welfare("needs_assistance") == "needs_assistance"
    contacts.log_contact(admin, citizen_id, channel="phone", outcome="reached", welfare="evacuated")
    dialog = _dialog(qtbot, admin, citizen_id)
    assert dialog.welfare.currentData() == "evacuated"
    assert "Evacuated" in dialog.current.text()


def test_without_a_citizen_nothing_can_be_logged(qtbot: QtBot, admin: Session) -> None:
    dialog = _dialog(qtbot, admin, None)
    assert not dialog.outcomes.isEnabled() and not dialog.log_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_1)
    assert dialog.isVisible()
