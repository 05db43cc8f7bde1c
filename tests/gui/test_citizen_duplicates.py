"""A second citizen with the same passport: the duplicate dialog and each of its choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role, Sex
from embassy_desk.domain.mrz import build_td3
from embassy_desk.gui.citizen.duplicates import DuplicateDialog
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.services import registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim

# Same passport as tests/conftest.aigerim(), with an expiry date the stored record lacks.
MRZ = build_td3(
    issuing_state="KAZ",
    surname="NURLANOVA",
    given_names="AIGERIM",
    document_number="N12345678",
    nationality="KAZ",
    birth_date=date(1998, 3, 14),
    sex=Sex.FEMALE,
    expiry_date=date(2030, 5, 1),
)


def typed_twin(qtbot: QtBot, session: Session) -> CitizenRecordDialog:
    dialog = CitizenRecordDialog(session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.form.mrz.edit.setPlainText("\n".join(MRZ) + "\n")
    dialog.form.set_text("city", "Busan")
    assert not dialog.save()
    assert isinstance(dialog.duplicate_dialog, DuplicateDialog)
    return dialog


def ask(dialog: CitizenRecordDialog) -> DuplicateDialog:
    asked = dialog.duplicate_dialog
    assert asked is not None
    return asked


def test_the_dialog_lists_the_candidate_and_why(qtbot: QtBot, admin: Session) -> None:
    existing = registry.register_citizen(admin, aigerim())
    dialog = typed_twin(qtbot, admin)
    asked = ask(dialog)
    assert asked.selected_id == existing.id
    assert "same passport number" in asked.candidates.item(0).text()
    assert "Нурланова Айгерим" in asked.candidates.item(0).text()
    assert "born 14.03.1998" in asked.candidates.item(0).text()
    assert "existing record of Нурланова Айгерим" in asked.merge_note.text()


def test_cancel_keeps_the_form_as_typed_and_stores_nothing(qtbot: QtBot, admin: Session) -> None:
    registry.register_citizen(admin, aigerim())
    dialog = typed_twin(qtbot, admin)
    ask(dialog).cancel_button.click()
    assert dialog.duplicate_dialog is None
    assert registry.count_citizens(admin) == 1
    assert dialog.citizen_id is None
    assert dialog.form.values()["city"] == "Busan"
    assert dialog.form.values()["passport_number"] == "N12345678"


def test_open_the_existing_record(qtbot: QtBot, admin: Session) -> None:
    existing = registry.register_citizen(admin, aigerim())
    dialog = typed_twin(qtbot, admin)
    ask(dialog).open_button.click()
    assert [d.citizen_id for d in dialog.opened_records] == [existing.id]
    assert dialog.opened_records[0].isVisible()
    assert registry.count_citizens(admin) == 1
    assert dialog.form.values()["city"] == "Busan"  # the typed form is still there


def test_merge_keeps_the_existing_record_and_completes_it(qtbot: QtBot, admin: Session) -> None:
    existing = registry.register_citizen(admin, aigerim())
    dialog = typed_twin(qtbot, admin)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    ask(dialog).merge_button.click()
    assert registry.count_citizens(admin) == 1
    assert dialog.citizen_id == existing.id
    assert saved == [existing.id]
    kept = registry.get_citizen(admin, existing.id)
    assert kept.fields["passport_expiry_date"] == "2030-05-01"  # filled from what was typed
    assert kept.fields["city"] == "Busan"
    assert kept.fields["surname"] == "Нурланова"  # what it had stays
    assert "is kept" in dialog.banner.text()
    assert dialog.form.values()["surname"] == "Нурланова"


def test_not_a_duplicate_saves_and_is_remembered(qtbot: QtBot, admin: Session) -> None:
    existing = registry.register_citizen(admin, aigerim())
    dialog = typed_twin(qtbot, admin)
    ask(dialog).not_duplicate_button.click()
    assert registry.count_citizens(admin) == 2
    assert dialog.citizen_id is not None and dialog.citizen_id != existing.id
    stored = registry.get_citizen(admin, dialog.citizen_id)
    assert stored.fields["city"] == "Busan"
    # The pair is not offered again.
    assert registry.find_duplicates(admin, stored.fields, exclude_id=stored.id) == []


def test_an_edit_that_makes_a_record_look_like_another_asks_too(qtbot: QtBot, admin: Session) -> None:
    first = registry.register_citizen(admin, aigerim())
    second = registry.register_citizen(
        admin, aigerim(surname="Ахметова", given_names="Дана", national_id="", passport_number="N55555555")
    )
    dialog = CitizenRecordDialog(admin, second.id)
    qtbot.addWidget(dialog)
    dialog.form.set_text("passport_number", "N12345678")
    assert not dialog.save()
    asked = ask(dialog)
    assert asked.selected_id == first.id
    asked.not_duplicate_button.click()
    assert registry.get_citizen(admin, second.id).fields["passport_number"] == "N12345678"
    assert registry.count_citizens(admin) == 2


def test_a_clerk_cannot_merge_but_may_declare_not_a_duplicate(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    registry.register_citizen(admin, aigerim())
    clerk = session_for(Role.CLERK)
    dialog = typed_twin(qtbot, clerk)
    asked = ask(dialog)
    assert not asked.merge_button.isEnabled()
    asked.not_duplicate_button.click()
    assert registry.count_citizens(admin) == 2
