"""Follow-ups: what is due today or overdue shows, and goes once the call is logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role, Sex
from embassy_desk.domain.iin import make_iin
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.followups.view import FollowUpsView
from embassy_desk.services import contacts, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def _view(qtbot: QtBot, session: Session) -> FollowUpsView:
    view = FollowUpsView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def _people(admin: Session) -> tuple[str, str, str]:
    due = registry.register_citizen(admin, aigerim()).id
    late = registry.register_citizen(
        admin,
        aigerim(
            surname="Ахметов",
            given_names="Ерлан",
            patronymic="",
            sex="M",
            birth_date="1990-01-02",
            national_id=make_iin(date(1990, 1, 2), Sex.MALE, 17),
            passport_number="N22223333",
            phone="010-2222-3333",
        ),
    ).id
    later = registry.register_citizen(
        admin,
        aigerim(
            surname="Садыкова",
            given_names="Дана",
            birth_date="1995-05-05",
            national_id=make_iin(date(1995, 5, 5), Sex.FEMALE, 12),
            passport_number="N44445555",
            phone="010-4444-5555",
        ),
    ).id
    today = date.today()
    contacts.log_contact(admin, due, channel="phone", outcome="no_answer", follow_up_due=today)
    contacts.log_contact(
        admin, late, channel="phone", outcome="busy", follow_up_due=today - timedelta(days=3)
    )
    contacts.log_contact(
        admin, later, channel="phone", outcome="busy", follow_up_due=today + timedelta(days=1)
    )
    return due, late, later


def test_due_today_and_overdue_are_listed_oldest_first(qtbot: QtBot, admin: Session) -> None:
    due, late, later = _people(admin)
    view = _view(qtbot, admin)
    assert view.citizen_ids() == [late, due]
    assert view.model.item(0, 1).text().startswith("Ахметов")
    assert view.model.item(0, 0).toolTip() == "Overdue"
    assert view.model.item(1, 3).text() == "No answer"
    assert later not in view.citizen_ids()


def test_ctrl_l_logs_the_call_and_the_line_goes(qtbot: QtBot, admin: Session) -> None:
    due, late, _later = _people(admin)
    view = _view(qtbot, admin)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    assert view.current_citizen_id() == due
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QuickLogDialog)))
    dialog = next(d for d in view.findChildren(QuickLogDialog) if d.isVisible())
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: view.citizen_ids() == [late])
    assert contacts.contact_history(admin, due)[0].outcome == "reached"


def test_enter_opens_the_record(qtbot: QtBot, admin: Session) -> None:
    _people(admin)
    view = _view(qtbot, admin)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(CitizenRecordDialog)))


def test_a_viewer_sees_the_list_but_cannot_log(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    due, late, _later = _people(admin)
    view = _view(qtbot, session_for(Role.VIEWER))
    assert view.citizen_ids() == [late, due]
    assert not view.log_action.isEnabled() and not view.log_button.isEnabled()
    view.log_contact()
    assert not view.findChildren(QuickLogDialog)
