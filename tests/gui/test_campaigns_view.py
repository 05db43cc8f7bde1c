"""The campaigns screen: create a campaign through its dialog, live progress, reassign, close, roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import CallOutcome, Role, Sex
from embassy_desk.domain.iin import make_iin
from embassy_desk.gui.campaigns.call_bank import CallBank
from embassy_desk.gui.campaigns.new_campaign_dialog import VALUE_ROLE, set_checked
from embassy_desk.gui.campaigns.view import CampaignsView
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.services import campaigns, registry
from embassy_desk.services.campaigns import CampaignCriteria
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher


def _people(admin: Session) -> list[str]:
    """Five people in Seoul and one in Busan (left out of a Seoul campaign)."""
    ids = []
    for n, (surname, given, region) in enumerate(
        (
            ("Ахметов", "Ерлан", "Seoul"),
            ("Садыкова", "Дана", "Seoul"),
            ("Омаров", "Нурлан", "Seoul"),
            ("Жанова", "Асель", "Seoul"),
            ("Касымов", "Тимур", "Seoul"),
            ("Бекова", "Алия", "Busan"),
        ),
        start=21,
    ):
        born = date(1980 + n % 10, 1 + n % 12, 1 + n % 27)
        sex = Sex.MALE if surname.endswith("ов") else Sex.FEMALE
        data = aigerim(
            surname=surname,
            given_names=given,
            patronymic="",
            sex=sex.value,
            birth_date=born.isoformat(),
            national_id=make_iin(born, sex, n),
            passport_number=f"N{n:08d}",
            phone=f"010-{n:04d}-{n:04d}",
            region=region,
        )
        ids.append(registry.register_citizen(admin, data).id)
    return ids


def _view(qtbot: QtBot, session: Session) -> CampaignsView:
    view = CampaignsView(session)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _tick(box: object, value: str) -> None:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(box, QListWidget)
    values = [str(box.item(r).data(VALUE_ROLE)) for r in range(box.count())]
    assert value in values, (value, values)
    box.item(values.index(value)).setCheckState(Qt.CheckState.Checked)


def test_create_a_campaign_through_the_dialog_and_watch_it_move(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    people = _people(admin)
    officer = session_for(Role.OFFICER)
    view = _view(qtbot, officer)
    assert view.campaigns == [] and view.empty.isVisible()
    assert "New campaign" in view.empty.text()

    dialog = view.new_campaign()
    assert dialog is not None and dialog.isVisible()
    # The signed-in officer is ticked as on duty; a second caller is ticked by hand.
    assert dialog.assignees() == ["officer1"]
    dialog.create_button.click()  # no name yet: the dialog says so and stays
    assert dialog.isVisible() and dialog.name_error.isVisible()
    dialog.name_edit.setText("Seoul, martial law")
    _tick(dialog.regions, "KR-11")
    assert "Seoul" in dialog.regions.item(0).text()
    _tick(dialog.staff, "admin")
    assert dialog.criteria() == CampaignCriteria(regions=("KR-11",))
    with qtbot.waitSignal(view.created, timeout=10_000) as made:
        dialog.create_button.click()
    campaign = made.args[0]
    assert campaign.total == 5
    assert [c.id for c in view.campaigns] == [campaign.id]
    assert "5 people to call" in view.banner.text()
    progress = view.progress_panel.progress
    assert progress is not None and (progress.total, progress.done, progress.remaining) == (5, 0, 5)
    staff = {name: assigned for name, assigned, _d, _l in view.progress_panel.staff_rows()}
    assert sum(staff.values()) == 5 and set(staff) == {"Admin", "officer1"}
    assert "0 of 5 done" in view.progress_panel.summary.text()

    # An outcome recorded elsewhere (the call bank of another workstation, arriving by sync) is
    # announced; the screen refreshes its figures by itself.
    card = campaigns.next_call(admin, campaign.id)
    assert card is not None
    campaigns.record_outcome(admin, campaign.id, card.citizen_id, "safe")
    notify(DataChange(frozenset({Kind.CAMPAIGNS, Kind.CONTACTS}), (card.citizen_id,)))
    qtbot.waitUntil(lambda: "1 of 5 done" in view.progress_panel.summary.text(), timeout=3000)
    assert view.progress_panel.outcome_counts()["Safe"] == 1
    assert view.model.item(0, 3).text() == "1"

    # Work my list: the call bank on the officer's own list; a wrong number lands on the follow-up tab.
    bank = view.work_my_list()
    assert isinstance(bank, CallBank) and bank.current is not None
    first = bank.current.citizen_id
    assert first in people
    bank.choose(CallOutcome.WRONG_NUMBER)
    qtbot.waitUntil(lambda: len(view.follow_up) == 1, timeout=3000)
    assert view.follow_up[0].citizen_id == first
    assert view.follow_title.text() == "Follow-up list: 1"
    # Why they are there, in words: the latest outcome column.
    why = view.follow_model.item(0, 4)
    assert view.follow_model.horizontalHeaderItem(4).text() == "Last outcome"
    assert why is not None and why.text() == "Wrong number"
    assert view.progress_panel.progress is not None and view.progress_panel.progress.follow_up == 1
    bank.close()


def test_reassign_a_whole_list_and_one_person(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    _people(admin)
    session_for(Role.OFFICER)
    campaign = campaigns.create_campaign(
        admin, "Seoul", CampaignCriteria(regions=("KR-11",)), assignees=["admin", "officer1"]
    )
    view = _view(qtbot, admin)
    before = {name: assigned for name, assigned, _d, _l in view.progress_panel.staff_rows()}
    assert before["Admin"] + before["officer1"] == 5

    dialog = view.reassign()
    assert dialog is not None
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData("admin"))
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("officer1"))
    assert dialog.people.count() == before["Admin"]  # the people admin still has to call
    dialog.move_button.click()
    moved = before["Admin"]
    qtbot.waitUntil(lambda: f"Calls moved to officer1: {moved}." in view.banner.text(), timeout=3000)
    after = {name: assigned for name, assigned, _d, _l in view.progress_panel.staff_rows()}
    assert after.get("officer1") == 5 and after.get("Admin", 0) == 0

    # One person back to admin.
    dialog = view.reassign()
    assert dialog is not None
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData("officer1"))
    dialog.to_combo.setCurrentIndex(dialog.to_combo.findData("admin"))
    one = str(dialog.people.item(2).data(Qt.ItemDataRole.UserRole + 1))
    dialog.set_people([one])
    assert dialog.citizen_ids() == [one]
    dialog.move_button.click()
    qtbot.waitUntil(lambda: view.banner.text().endswith(": 1."), timeout=3000)
    card = campaigns.next_call(admin, campaign.id)
    assert card is not None and card.citizen_id == one
    after = {name: assigned for name, assigned, _d, _l in view.progress_panel.staff_rows()}
    assert after == {"Admin": 1, "officer1": 4}


def test_close_a_campaign(qtbot: QtBot, admin: Session, dialogs: DialogWatcher) -> None:
    _people(admin)
    campaigns.create_campaign(admin, "Seoul", CampaignCriteria(regions=("KR-11",)), assignees=["admin"])
    view = _view(qtbot, admin)
    assert view.close_button.isEnabled() and view.work_button.isEnabled()
    assert view.close_selected()
    assert [d.object_name for d in dialogs.seen] == ["closeCampaignQuestion"]
    # Closed campaigns are hidden until asked for; shown, it is marked closed and cannot be worked.
    assert view.campaigns == []
    view.show_closed.setChecked(True)
    assert len(view.campaigns) == 1
    assert view.model.item(0, 1).text() == "Closed"
    assert not view.work_button.isEnabled() and not view.close_button.isEnabled()
    assert view.work_my_list() is None


def test_a_clerk_works_lists_but_sees_no_create_button(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    _people(admin)
    clerk = session_for(Role.CLERK)
    campaigns.create_campaign(admin, "Seoul", CampaignCriteria(regions=("KR-11",)), assignees=["clerk1"])
    view = _view(qtbot, clerk)
    assert view.new_button.isHidden() and view.reassign_button.isHidden() and view.close_button.isHidden()
    assert view.new_campaign() is None and view.reassign() is None
    assert view.work_button.isVisible() and view.work_button.isEnabled()
    bank = view.work_my_list()
    assert bank is not None and bank.current is not None
    bank.close()


def test_set_checked_ticks_exactly_the_values(qtbot: QtBot, admin: Session) -> None:
    view = _view(qtbot, admin)
    dialog = view.new_campaign()
    assert dialog is not None
    set_checked(dialog.welfare, ["unknown", "unreachable"])
    dialog.vulnerable_only.setChecked(True)
    dialog.not_reached.setChecked(True)
    criteria = dialog.criteria()
    assert [w.value for w in criteria.welfare] == ["unknown", "unreachable"]
    assert criteria.vulnerable_only and criteria.not_reached_since is not None
    dialog.reject()


def test_the_screens_speak_russian_and_kazakh(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    from embassy_desk.gui.i18n import Translations

    _people(admin)
    campaigns.create_campaign(admin, "Сеул", CampaignCriteria(regions=("KR-11",)), assignees=["admin"])
    translations = Translations()
    try:
        for language, title, safe, done in (
            ("ru", "Обзвоны граждан", "1  В безопасности", "Готово"),
            ("kk", "Азаматтарға қоңырау шалу науқандары", "1  Қауіпсіз", "Дайын"),
        ):
            assert translations.set_language(language, remember=False)
            view = _view(qtbot, admin)
            assert view.title.text() == title
            assert view.model.horizontalHeaderItem(3).text() == done
            bank = view.work_my_list()
            assert bank is not None
            assert bank.outcome_buttons[CallOutcome.SAFE].text() == safe
            assert "Ctrl+1" in bank.hint.text() and "Press" not in bank.hint.text()
            bank.close()
    finally:
        translations.set_language("en", remember=False)
    viewer = session_for(Role.VIEWER)
    view = _view(qtbot, viewer)
    assert view.campaigns == [] and "dashboard" in view.banner.text()
    assert view.new_button.isHidden() and view.work_button.isHidden()
