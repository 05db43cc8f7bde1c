"""The set-up wizard shown on the first run, when the data folder holds no workstation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget, QWizard

from embassy_desk.gui.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translations
from embassy_desk.gui.setup.pages import AdminPage, CreatePage, PassphrasePage, PostPage, RecoveryPage
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services.workstation import InitResult
from embassy_desk.storage.kdf import KdfParams


class SetupWizard(QWizard):
    """Post details → first administrator → passphrase → creation (off the GUI thread) → recovery code.

    ``kdf`` lets tests pass fast key-derivation parameters; ``None`` calibrates to this computer.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        kdf: KdfParams | None = None,
        language: str = DEFAULT_LANGUAGE,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.language = translations.language if translations else language
        self._translations = translations
        self.runner = TaskRunner(self)
        self.post_page = PostPage()
        self.admin_page = AdminPage()
        self.passphrase_page = PassphrasePage(self.admin_page)
        self.create_page = CreatePage(
            data_dir,
            self.post_page,
            self.admin_page,
            self.passphrase_page,
            kdf=kdf,
            runner=self.runner,
        )
        self.recovery_page = RecoveryPage(self.create_page, self.post_page)
        for page in (
            self.post_page,
            self.admin_page,
            self.passphrase_page,
            self.create_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.create_page.created.connect(lambda _result: self.next())
        self.language_box = named(QComboBox(), "wizardLanguage")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language)))
        self.language_box.currentIndexChanged.connect(self._language_chosen)
        self._language_label = QLabel()
        self._language_label.setBuddy(self.language_box)
        self.post_page.form.insertRow(0, self._language_label, self.language_box)
        self.language_box.setEnabled(translations is not None)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(640, 520)
        self.retranslate()

    @property
    def result_info(self) -> InitResult | None:
        """What set-up created, once it has."""
        return self.create_page.result

    def take_passphrase(self) -> str:
        """The new administrator's passphrase, handed over once so the window signs them in without
        asking again; the wizard's fields are emptied. Empty if nothing was created."""
        page = self.passphrase_page
        secret = page.passphrase.text() if self.result_info is not None else ""
        page.passphrase.clear()
        page.repeat.clear()
        return secret

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Embassy Desk: set up this workstation"))
        self._language_label.setText(self.tr("&Language:"))
        # QWizard words its buttons once, from Qt's own catalogue (which has no Kazakh), and never
        # again on a language change: name them ourselves so they follow the language chosen here.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.CommitButton, self.tr("&Create")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)

    def _language_chosen(self, _index: int) -> None:
        code = str(self.language_box.currentData())
        self.language = code
        if self._translations is not None:
            self._translations.set_language(code)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reject(self) -> None:
        # Closing while the vault is being written would leave the worker racing the exit.
        if self.create_page.busy:
            return
        if self.result_info is not None and not self.recovery_page.kept.isChecked():
            answer = QMessageBox.question(
                self,
                self.tr("Recovery code"),
                self.tr("The recovery code will not be shown again. Close without keeping it?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
