"""First run: the set-up wizard creates a real encrypted workstation and shows the recovery code once."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.setup.recovery_sheet import print_sheet_to
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths
from tests.gui.conftest import DialogWatcher

PASSPHRASE = "amber river falcon 1987"


def _next_enabled(wizard: SetupWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_wizard_creates_workstation_and_shows_recovery_code_once(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    wizard = SetupWizard(data_dir, kdf=TEST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()

    post = wizard.post_page
    assert not _next_enabled(wizard), "a post needs a name"
    qtbot.keyClicks(post.name, "Embassy of Kazakhstan in Seoul")
    qtbot.keyClicks(post.city, "Seoul")
    qtbot.keyClicks(post.hotline, "+82 10 0000 0000")
    assert post.home_country.text() == "KZ" and post.host_country.text() == "KR"
    wizard.next()

    admin = wizard.admin_page
    qtbot.keyClicks(admin.username, "a.nurlanova")
    admin.display_name.setText("Айгерим Нурланова")  # QTest types ASCII only
    wizard.next()

    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.passphrase, "password1234")
    assert "weak" in page.hint.text() and "common" in page.hint.text()
    assert not _next_enabled(wizard)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    assert not _next_enabled(wizard), "the passphrase must be typed twice"
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    assert "strong" in page.hint.text()
    assert _next_enabled(wizard)
    wizard.next()

    # The workstation is created on a worker thread; the wizard moves on by itself when it is ready.
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    code = wizard.recovery_page.code.text()
    assert re.fullmatch(r"[A-Z0-9]{4,}(-[A-Z0-9]{4,})+", code), code
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled(), "finishing needs the code kept"
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.recovery_page.kept.setChecked(True)
    assert finish.isEnabled()

    sheet = wizard.recovery_page.save_to(tmp_path / "recovery.pdf")
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    assert "Embassy of Kazakhstan in Seoul" in text
    assert code in "".join(text.split()), "the code is on the sheet (laid out one character per box)"
    assert sheet.stat().st_mode & 0o077 == 0, "the sheet is private to this OS user"

    # Printing sends the same sheet to the printer (here a PDF printer, as no real one is attached).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)
    assert print_sheet_to(printer, wizard.recovery_page.sheet()) == 1
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(printed) == 1
    pixels = printed[0].render(scale=0.5).to_pil().convert("L")
    assert pixels.getextrema()[0] < 100, "the printed page is not blank"

    result = wizard.result_info
    assert result is not None and result.recovery_code == code
    assert WorkstationPaths(data_dir).exists()
    session = unlock(WorkstationPaths(data_dir), "a.nurlanova", PASSPHRASE)
    try:
        assert session.role is Role.ADMINISTRATOR
        assert session.user.display_name == "Айгерим Нурланова"
        assert session.post.name == "Embassy of Kazakhstan in Seoul"
        assert session.post.hotline == "+82 10 0000 0000"
    finally:
        session.lock()


def test_wizard_refuses_a_bad_user_name(qtbot: QtBot, tmp_path: Path, dialogs: object) -> None:
    wizard = SetupWizard(tmp_path / "post", kdf=TEST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.post_page.name, "Consulate")
    wizard.next()
    qtbot.keyClicks(wizard.admin_page.username, "no spaces allowed")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert not (tmp_path / "post").exists()


def test_closing_before_keeping_the_code_asks_first(
    qtbot: QtBot, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    wizard = SetupWizard(tmp_path / "post", kdf=TEST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.post_page.name.setText("Consulate")
    wizard.next()
    wizard.admin_page.username.setText("k.admin")
    wizard.next()
    wizard.passphrase_page.passphrase.setText(PASSPHRASE)
    wizard.passphrase_page.repeat.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    wizard.reject()  # the dialog watcher answers with the default button (No)
    assert dialogs.texts() == ["The recovery code will not be shown again. Close without keeping it?"]
    assert wizard.isVisible()


def test_wizard_buttons_follow_a_language_switch_on_the_first_page(qtbot: QtBot, tmp_path: Path) -> None:
    translations = Translations()
    wizard = SetupWizard(tmp_path / "post", kdf=TEST_KDF, translations=translations)
    qtbot.addWidget(wizard)
    wizard.show()
    buttons = (
        QWizard.WizardButton.BackButton,
        QWizard.WizardButton.NextButton,
        QWizard.WizardButton.CancelButton,
    )

    def texts() -> list[str]:
        return [wizard.button(b).text().replace("&", "") for b in buttons]

    try:
        assert texts() == ["< Back", "Next >", "Cancel"]
        wizard.language_box.setCurrentIndex(wizard.language_box.findData("ru"))
        qtbot.waitUntil(lambda: wizard.post_page.title() == "Ваше загранучреждение")
        assert texts() == ["< Назад", "Далее >", "Отмена"]
        wizard.language_box.setCurrentIndex(wizard.language_box.findData("kk"))
        qtbot.waitUntil(lambda: texts() == ["< Артқа", "Келесі >", "Бас тарту"])
        wizard.post_page.name.setText("Consulate")
        wizard.next()
        assert wizard.currentPage() is wizard.admin_page
        assert texts() == ["< Артқа", "Келесі >", "Бас тарту"], "the next page keeps the language"
        wizard.language_box.setCurrentIndex(wizard.language_box.findData("en"))
        qtbot.waitUntil(lambda: texts() == ["< Back", "Next >", "Cancel"])
    finally:
        translations.set_language("en", remember=False)
