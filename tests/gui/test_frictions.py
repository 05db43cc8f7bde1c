"""Small frictions a new user met (issue 9, item 18), each with the test that shows it is gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.services import notices, registry
from embassy_desk.services.session import Session
from embassy_desk.storage.kdf import TEST_KDF
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.conftest import DialogWatcher


def test_the_contact_log_tab_has_one_log_contact_button(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    record = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(record)
    record.show()
    qtbot.waitExposed(record)
    assert record.contacts_tab is not None
    record.tabs.setCurrentWidget(record.contacts_tab)
    visible = [b for b in record.findChildren(QPushButton) if b.isVisible() and "Ctrl+L" in b.text()]
    assert visible == [record.log_button]
    record.log_button.click()
    assert record.quick_log is not None and record.quick_log.isVisible()
    record.quick_log.reject()


def test_saving_the_recovery_sheet_says_where_it_went(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "post", kdf=TEST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.post_page.name.setText("Consulate")
    wizard.next()
    wizard.admin_page.username.setText("k.admin")
    wizard.next()
    wizard.passphrase_page.passphrase.setText(ADMIN_PASSPHRASE)
    wizard.passphrase_page.repeat.setText(ADMIN_PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    page = wizard.recovery_page
    assert page.done_note.isHidden(), "nothing to confirm yet"
    target = page.save_to(tmp_path / "sheet.pdf")
    assert target.exists()
    assert page.done_note.isVisible()
    assert page.done_note.text() == (
        f"The recovery sheet was saved to {target}. Print it, then delete the file."
    )
    assert wizard.take_passphrase() == ADMIN_PASSPHRASE
    assert wizard.passphrase_page.passphrase.text() == "" and wizard.passphrase_page.repeat.text() == ""
    page.kept.setChecked(True)  # closing the wizard at the end of the test asks nothing


def test_issuing_a_notice_says_so_once_without_a_message_box(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = NoticesView(admin)
    qtbot.addWidget(view)
    view.show()
    view.form.set_kind("emergency-card")
    view.form.set_languages("kk", "ko")
    view.choose_citizen(citizen.id)
    task = view.save_as(tmp_path / "card.pdf")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    [issued] = notices.list_issued(admin, citizen_id=citizen.id)
    assert issued.reference in view.summary.text()
    qtbot.wait(200)
    assert dialogs.seen == [], "no modal repeats what the summary line says"
