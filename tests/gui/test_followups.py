"""Follow-ups: what is due in the chosen range shows with its time, goes once the call is logged,
and an empty list names the next one; no answer and busy suggest a retry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Outcome, Role, Sex
from embassy_desk.domain.iin import make_iin
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import OUTCOMES, QuickLogDialog
from embassy_desk.gui.followups.view import DueRange, FollowUpsView
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


# --- times, ranges, the empty list, retries ------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def test_a_follow_up_has_a_time_and_old_day_only_ones_still_show(qtbot: QtBot, admin: Session) -> None:
    due, late, later = _people(admin)
    today = date.today()
    # Later today, with a time: due today (a day-only comparison once left it out).
    timed = registry.register_citizen(
        admin, aigerim(surname="Омарова", national_id=None, passport_number=None)
    )
    contacts.log_contact(admin, timed.id, channel="phone", outcome="busy", follow_up_due=_at(today, 23, 59))
    stored = contacts.contact_history(admin, timed.id)[0].follow_up_due
    assert stored == f"{today.isoformat()}T23:59"
    view = _view(qtbot, admin)
    assert view.citizen_ids() == [late, due, timed.id]
    assert view.model.item(2, 0).text().endswith("23:59")
    assert view.model.item(2, 0).toolTip() == ""  # not overdue yet
    assert later not in view.citizen_ids()


def test_the_range_shows_tomorrow_this_week_or_chosen_days(qtbot: QtBot, admin: Session) -> None:
    due, late, later = _people(admin)
    today = date.today()
    view = _view(qtbot, admin)
    view.set_range(DueRange.TOMORROW)
    assert view.citizen_ids() == [later]
    # Refilled while shown, the columns still fit what they show.
    assert view.table.columnWidth(0) >= view.table.sizeHintForColumn(0) > 0
    assert "tomorrow" in view.title.text()
    view.set_range(DueRange.WEEK)
    expected = [late, due] + ([later] if today.weekday() < 6 else [])
    assert view.citizen_ids() == expected
    view.set_range(DueRange.CHOSEN, today - timedelta(days=3), today - timedelta(days=1))
    assert view.citizen_ids() == [late]
    assert view.first_day.isVisible() and view.last_day.isVisible()
    view.set_range(DueRange.CHOSEN, today + timedelta(days=5), today + timedelta(days=9))
    assert view.citizen_ids() == []
    assert view.empty.isVisible() and "Nothing is due from" in view.empty.text()
    view.set_range(DueRange.DUE)
    assert view.citizen_ids() == [late, due] and not view.first_day.isVisible()


def test_an_empty_list_says_when_the_next_follow_up_is(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    tomorrow = date.today() + timedelta(days=1)
    contacts.log_contact(
        admin, citizen.id, channel="phone", outcome="busy", follow_up_due=_at(tomorrow, 9, 30)
    )
    view = _view(qtbot, admin)
    assert view.citizen_ids() == []
    text = view.empty.text()
    assert view.empty.isVisible()
    assert "Nothing is due today and nothing is overdue." in text
    assert "09:30" in text and "Нурланова" in text
    # Once the call is answered there is nothing left, and the list says only that.
    contacts.log_contact(admin, citizen.id, channel="phone", outcome="reached", welfare="safe")
    view.refresh()
    assert view.empty.text() == "Nothing is due today and nothing is overdue."


def _quick_log(qtbot: QtBot, session: Session, citizen_id: str) -> QuickLogDialog:
    dialog = QuickLogDialog(session, citizen_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


@pytest.mark.parametrize(("outcome", "hours"), [(Outcome.NO_ANSWER, 2), (Outcome.BUSY, 5), (Outcome.BUSY, 0)])
def test_no_answer_and_busy_suggest_a_retry_the_officer_can_change(
    qtbot: QtBot, admin: Session, outcome: Outcome, hours: int
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    dialog = _quick_log(qtbot, admin, citizen.id)
    assert dialog.retry_hours.value() == 2
    dialog.retry_hours.setValue(hours)
    before = datetime.now().replace(second=0, microsecond=0)
    with qtbot.waitSignal(dialog.logged, timeout=3000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1 + OUTCOMES.index(outcome))
    (entry,) = contacts.contact_history(admin, citizen.id)
    assert entry.outcome == outcome
    if hours == 0:
        assert entry.follow_up_due is None
        return
    assert entry.follow_up_due is not None
    due = datetime.fromisoformat(entry.follow_up_due)
    assert before + timedelta(hours=hours) <= due <= datetime.now() + timedelta(hours=hours)


def test_a_reached_call_gets_no_retry_and_a_chosen_follow_up_wins(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    dialog = _quick_log(qtbot, admin, citizen.id)
    with qtbot.waitSignal(dialog.logged, timeout=3000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1)
    assert contacts.contact_history(admin, citizen.id)[0].follow_up_due is None

    dialog = _quick_log(qtbot, admin, citizen.id)
    chosen = _at(date.today() + timedelta(days=3), 16, 45)
    dialog.follow_up.setChecked(True)
    dialog.follow_up_date.setDateTime(QDateTime(QDate(chosen.year, chosen.month, chosen.day), QTime(16, 45)))
    with qtbot.waitSignal(dialog.logged, timeout=3000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1 + OUTCOMES.index(Outcome.NO_ANSWER))
    assert contacts.contact_history(admin, citizen.id)[0].follow_up_due == chosen.isoformat(
        timespec="minutes"
    )
