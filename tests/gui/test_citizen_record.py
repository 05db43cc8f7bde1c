"""The citizen record dialog over a real encrypted workstation: MRZ input, saving, validation, history."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role, Sex
from embassy_desk.domain.mrz import build_td3
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.services import registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def td3(**overrides: object) -> tuple[str, str]:
    """A synthetic passport MRZ (invented person and numbers)."""
    fields: dict[str, object] = {
        "issuing_state": "KAZ",
        "surname": "ZHUMABEKOV",
        "given_names": "ARMAN",
        "document_number": "N09876543",
        "nationality": "KAZ",
        "birth_date": date(1991, 7, 2),
        "sex": Sex.MALE,
        "expiry_date": date(2031, 4, 30),
        "personal_number": "",
    }
    fields.update(overrides)
    return build_td3(**fields)  # type: ignore[arg-type]


def open_record(qtbot: QtBot, session: Session, citizen_id: str | None) -> CitizenRecordDialog:
    dialog = CitizenRecordDialog(session, citizen_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def line(dialog: CitizenRecordDialog, key: str) -> QLineEdit:
    widget = dialog.form.editor(key)
    assert isinstance(widget, QLineEdit)
    return widget


def test_pasting_an_mrz_fills_the_form_and_saving_stores_it(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    l1, l2 = td3()
    dialog.form.mrz.edit.setPlainText(f"{l1}\n{l2}")
    qtbot.waitUntil(lambda: line(dialog, "passport_number").text() == "N09876543", timeout=3000)
    assert line(dialog, "surname_latin").text() == "ZHUMABEKOV"
    assert line(dialog, "given_names_latin").text() == "ARMAN"
    assert dialog.form.values()["birth_date"] == "02.07.1991"
    assert dialog.form.values()["passport_expiry_date"] == "30.04.2031"
    assert dialog.form.values()["sex"] == "M"
    assert dialog.form.nationality.text() == "KAZ"

    dialog.form.set_text("phone", "010-2222-3333")
    dialog.form.set_text("region", "KR-11")
    assert dialog.save()
    assert dialog.citizen_id is not None
    stored = registry.get_citizen(admin, dialog.citizen_id)
    assert stored.fields["surname_latin"] == "ZHUMABEKOV"
    assert stored.fields["passport_number"] == "N09876543"
    assert stored.fields["birth_date"] == "1991-07-02"
    assert stored.fields["passport_expiry_date"] == "2031-04-30"
    assert stored.fields["sex"] == "M"
    assert "+821022223333" in stored.fields["phones"]
    assert stored.fields["region"] == "KR-11"
    # Once stored, the record grows its tabs.
    assert dialog.tabs.count() == 6


def test_the_nationality_an_mrz_gives_is_stored_and_shown_again(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    l1, l2 = td3(nationality="RUS")
    dialog.form.mrz.edit.setPlainText(f"{l1}\n{l2}")
    qtbot.waitUntil(lambda: dialog.form.nationality.text() == "RUS", timeout=3000)
    assert dialog.save()
    assert dialog.citizen_id is not None
    citizen_id = dialog.citizen_id
    assert registry.get_citizen(admin, citizen_id).fields["nationality"] == "RUS"
    dialog.close()

    reopened = open_record(qtbot, admin, citizen_id)
    assert reopened.form.nationality.text() == "RUS"
    assert reopened.form.changes() == {}
    # Typed by hand (a passport without a readable zone) and checked like every field.
    reopened.form.nationality.setText("kaz")
    assert reopened.save()
    assert registry.get_citizen(admin, citizen_id).fields["nationality"] == "KAZ"
    reopened.form.nationality.setText("K4Z")
    assert not reopened.save()
    assert "K4Z" in reopened.form.error_text("nationality")


def test_a_fast_keyboard_reader_fills_the_form_and_moves_to_the_next_empty_field(
    qtbot: QtBot, admin: Session
) -> None:
    dialog = open_record(qtbot, admin, None)
    edit = dialog.form.mrz.edit
    edit.setFocus()
    l1, l2 = td3(personal_number="910702312347")
    for text in (l1, l2):
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    # Read on the reader's final Enter: no pause needed, and that Enter is not typed anywhere else.
    assert line(dialog, "passport_number").text() == "N09876543"
    assert line(dialog, "national_id").text() == "910702312347"
    assert line(dialog, "surname_latin").text() == "ZHUMABEKOV"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.editor("surname"), timeout=3000)
    assert line(dialog, "surname").text() == ""
    assert "MRZ read" in dialog.form.mrz.status.text()

    assert dialog.save()
    assert dialog.citizen_id is not None
    stored = registry.get_citizen(admin, dialog.citizen_id)
    assert stored.fields["national_id"] == "910702312347"
    assert stored.fields["given_names_latin"] == "ARMAN"


def test_a_wrong_check_digit_names_the_field_and_keeps_the_text(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    l1, l2 = td3()
    wrong = str((int(l2[19]) + 1) % 10)
    typed = f"{l1}\n{l2[:19]}{wrong}{l2[20:]}"
    dialog.form.mrz.edit.setPlainText(typed)
    qtbot.waitUntil(lambda: "check digit" in dialog.form.mrz.status.text(), timeout=3000)
    assert "date of birth" in dialog.form.mrz.status.text()
    assert dialog.form.mrz.edit.toPlainText() == typed
    assert line(dialog, "passport_number").text() == ""

    # Correcting the digit reads the zone.
    dialog.form.mrz.edit.setPlainText(f"{l1}\n{l2}\n")
    assert line(dialog, "passport_number").text() == "N09876543"


def test_a_bad_phone_is_named_under_its_field_and_nothing_is_stored(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    dialog.form.set_text("surname", "Нурланова")
    dialog.form.set_text("given_names", "Айгерим")
    dialog.form.set_text("phone", "12345")
    dialog.form.set_text("email", "not-an-email")
    assert not dialog.save()
    assert "12345" in dialog.form.error_text("phone")
    assert dialog.form.error_text("email")
    assert dialog.form.error_text("surname") == ""
    assert dialog.banner.is_error
    assert registry.count_citizens(admin) == 0
    assert line(dialog, "surname").text() == "Нурланова"  # what was typed stays


def test_required_names_are_named(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    dialog.form.set_text("birth_date", "31.02.2001")
    assert not dialog.save()
    assert dialog.form.error_text("surname")
    assert dialog.form.error_text("given_names")
    assert "31.02.2001" in dialog.form.error_text("birth_date")


def test_editing_a_record_saves_the_change_and_the_history_shows_it(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    saved: list[str] = []
    dialog = open_record(qtbot, admin, citizen.id)
    dialog.saved.connect(saved.append)
    assert line(dialog, "surname").text() == "Нурланова"
    assert dialog.form.values()["birth_date"] == "14.03.1998"

    dialog.form.set_text("email", "aigerim.new@example.com")
    dialog.form.set_text("city", "Seoul")
    assert dialog.save()
    assert saved == [citizen.id]
    stored = registry.get_citizen(admin, citizen.id)
    assert stored.fields["email"] == "aigerim.new@example.com"
    assert stored.fields["city"] == "Seoul"
    assert stored.fields["phones"] == citizen.fields["phones"]  # untouched fields keep their form

    assert dialog.history_tab is not None
    dialog.tabs.setCurrentWidget(dialog.history_tab)
    what = dialog.history_tab.what_texts()
    assert what == ["Edited", "Registered"]
    details = dialog.history_tab.table.column_texts(3)
    assert "E-mail" in details[0] and "City" in details[0]


def test_an_edit_that_names_a_bad_field_is_not_saved(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    dialog = open_record(qtbot, admin, citizen.id)
    dialog.form.set_text("national_id", "980314400047")
    assert not dialog.save()
    assert dialog.form.error_text("national_id")
    assert registry.get_citizen(admin, citizen.id).fields["national_id"] == "980314400046"


def test_household_members_are_listed_and_open(qtbot: QtBot, admin: Session) -> None:
    mother = registry.register_citizen(admin, aigerim(household="Nurlanov family"))
    child = registry.register_citizen(
        admin,
        aigerim(
            given_names="Алия",
            birth_date="2019-05-05",
            national_id="",
            passport_number="N22222222",
            household="Nurlanov family",
        ),
        allow_duplicate=True,
    )
    dialog = open_record(qtbot, admin, mother.id)
    assert dialog.form.values()["household"] == "Nurlanov family"
    assert dialog.household_tab is not None
    dialog.tabs.setCurrentWidget(dialog.household_tab)
    names = dialog.household_tab.member_names()
    assert len(names) == 2
    assert any("Алия" in name for name in names)
    row = next(i for i, name in enumerate(names) if "Алия" in name)
    dialog.household_tab.table.selectRow(row)
    dialog.household_tab.open_button.click()
    assert [d.citizen_id for d in dialog.opened_records] == [child.id]


def test_the_contact_log_and_notices_tabs(qtbot: QtBot, admin: Session) -> None:
    from embassy_desk.services.contacts import log_contact

    citizen = registry.register_citizen(admin, aigerim())
    log_contact(admin, citizen.id, channel="phone", outcome="reached", welfare="safe", note="all well")
    dialog = open_record(qtbot, admin, citizen.id)
    # The last contact, its freshness and the welfare status it reported are visible on the record.
    assert "Last contact" in dialog.summary.text() and "(today)" in dialog.summary.text()
    assert "Welfare: Safe" in dialog.summary.text()
    assert dialog.contacts_tab is not None and dialog.notices_tab is not None
    dialog.tabs.setCurrentWidget(dialog.contacts_tab)
    assert dialog.contacts_tab.table.rowCount() == 1
    assert dialog.contacts_tab.table.column_texts(3) == ["Reached"]
    assert dialog.contacts_tab.table.column_texts(7) == ["all well"]
    dialog.tabs.setCurrentWidget(dialog.notices_tab)
    assert not dialog.notices_tab.empty.isHidden()
    assert dialog.notices_tab.empty.text()

    # Ctrl+L opens the quick contact log for this citizen.
    dialog.contacts_tab.table.setFocus()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    qtbot.keyClick(dialog.contacts_tab.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert dialog.quick_log is not None


def test_a_viewer_sees_the_record_but_cannot_save(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    viewer = session_for(Role.VIEWER)
    dialog = open_record(qtbot, viewer, citizen.id)
    assert line(dialog, "surname").text() == "Нурланова"
    assert line(dialog, "surname").isReadOnly()
    assert not dialog.save_button.isEnabled()
    assert not dialog.log_button.isEnabled()
    assert not dialog.save()
    assert dialog.banner.is_error

    new = open_record(qtbot, viewer, None)
    assert not new.save_button.isEnabled()
    assert not new.save()
    assert registry.count_citizens(admin) == 1


def test_closing_with_unsaved_typing_asks_once(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    dialog.form.set_text("surname", "Нурланова")
    dialog.close_button.click()
    assert dialog.isVisible()
    assert dialog.banner.is_error
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_an_id_card_mrz_of_three_lines_fills_the_iin_but_not_the_passport(
    qtbot: QtBot, admin: Session
) -> None:
    from embassy_desk.domain.mrz import build_td1

    dialog = open_record(qtbot, admin, None)
    lines = build_td1(
        issuing_state="KAZ",
        surname="NURLANOVA",
        given_names="AIGERIM",
        document_number="041234567",
        nationality="KAZ",
        birth_date=date(1998, 3, 14),
        sex=Sex.FEMALE,
        expiry_date=date(2032, 1, 15),
        optional_data="980314400046",
    )
    edit = dialog.form.mrz.edit
    edit.setFocus()
    for text in lines:
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert line(dialog, "national_id").text() == "980314400046"
    assert line(dialog, "surname_latin").text() == "NURLANOVA"
    assert line(dialog, "passport_number").text() == ""


def test_a_language_switch_retranslates_and_keeps_what_was_typed(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = tmp_path / "ru.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru">'
        "<context><name>CitizenRecordDialog</name>"
        "<message><source>Details</source><translation>Сведения</translation></message></context>"
        "<context><name>Vocabulary</name>"
        "<message><source>Work</source><translation>Работа</translation></message></context>"
        "</TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "ru.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)

    citizen = registry.register_citizen(admin, aigerim(purpose_of_stay="work", welfare_status="safe"))
    dialog = open_record(qtbot, admin, citizen.id)
    dialog.form.set_text("city", "Incheon")
    before = dialog.form.values()
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.tabs.tabText(0) == "Сведения", timeout=3000)
        purpose = dialog.form.editor("purpose_of_stay")
        assert isinstance(purpose, QComboBox)
        assert purpose.currentText() == "Работа"
        assert dialog.form.values() == before
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.tabs.tabText(0) == "Details", timeout=3000)


def test_a_new_household_member_starts_with_the_household_and_address(qtbot: QtBot, admin: Session) -> None:
    mother = registry.register_citizen(
        admin, aigerim(household="Nurlanov family", address="12 Hangang-ro", city="Seoul")
    )
    dialog = open_record(qtbot, admin, mother.id)
    assert dialog.household_tab is not None
    dialog.tabs.setCurrentWidget(dialog.household_tab)
    dialog.household_tab.new_member_button.click()
    (child,) = dialog.opened_records
    assert child.citizen_id is None
    assert child.form.values()["household"] == "Nurlanov family"
    assert child.form.values()["address"] == "12 Hangang-ro"
    child.form.set_text("surname", "Нурланов")
    child.form.set_text("given_names", "Тимур")
    child.form.set_text("birth_date", "05.09.2018")
    assert child.save()
    dialog.tabs.setCurrentWidget(dialog.history_tab)
    dialog.tabs.setCurrentWidget(dialog.household_tab)
    assert any("Тимур" in name for name in dialog.household_tab.member_names())


def test_a_mistake_shows_when_leaving_the_field(qtbot: QtBot, admin: Session) -> None:
    dialog = open_record(qtbot, admin, None)
    phone = dialog.form.editor("phone")
    phone.setFocus()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=3000)
    target = QApplication.focusWidget()
    assert isinstance(target, QLineEdit)
    qtbot.keyClicks(target, "999")
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: "999" in dialog.form.error_text("phone"), timeout=3000)
    # Passing through an empty field says nothing.
    assert dialog.form.error_text("phone2") == ""
    assert dialog.form.error_text("surname") == ""


def test_a_record_changed_elsewhere_since_it_was_opened_is_not_overwritten(
    qtbot: QtBot, admin: Session
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    dialog = open_record(qtbot, admin, citizen.id)
    registry.edit_citizen(admin, citizen.id, {"city": "Busan"})  # a colleague, meanwhile
    dialog.form.set_text("city", "Seoul")
    assert not dialog.save()
    assert dialog.banner.is_error
    assert "changed by someone else" in dialog.banner.text()
    assert registry.get_citizen(admin, citizen.id).fields["city"] == "Busan"
