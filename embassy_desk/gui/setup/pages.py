"""The pages of the set-up wizard: post, first administrator, passphrase, creation, recovery code."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.domain.passphrase import check_passphrase, passphrase_hint
from embassy_desk.gui.errors import error_text, handle_exception
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.i18n import DEFAULT_LANGUAGE
from embassy_desk.gui.setup import recovery_sheet
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services.session import PostInfo
from embassy_desk.services.workstation import InitResult, init_workstation, normalize_username
from embassy_desk.storage.kdf import KdfParams


class _Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class PostPage(_Page):
    """The embassy or consulate this workstation belongs to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = named(QLineEdit(), "postName")
        self.home_country = named(QLineEdit("KZ", maxLength=2), "homeCountry")
        self.host_country = named(QLineEdit("KR", maxLength=2), "hostCountry")
        self.city = named(QLineEdit(), "city")
        self.address = named(QLineEdit(), "address")
        self.phone = named(QLineEdit(), "phone")
        self.hotline = named(QLineEdit(), "hotline")
        self.email = named(QLineEdit(), "email")
        self.form = QFormLayout(self)
        self._labels = [QLabel() for _ in range(8)]
        widgets = (
            self.name,
            self.home_country,
            self.host_country,
            self.city,
            self.address,
            self.phone,
            self.hotline,
            self.email,
        )
        for label, widget in zip(self._labels, widgets, strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.registerField("post_name*", self.name)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your post"))
        self.setSubTitle(
            self.tr(
                "The embassy or consulate this workstation belongs to; its details appear on printed notices."
            )
        )
        texts = (
            self.tr("&Name of the post:"),
            self.tr("&Home country (ISO code):"),
            self.tr("H&ost country (ISO code):"),
            self.tr("&City:"),
            self.tr("&Address:"),
            self.tr("&Phone:"),
            self.tr("Hot&line:"),
            self.tr("&E-mail:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("Embassy of the Republic of Kazakhstan in …"))

    def post(self) -> PostInfo:
        """What was typed, as the service takes it."""
        return PostInfo(
            name=self.name.text().strip(),
            home_country=self.home_country.text().strip().upper() or "KZ",
            host_country=self.host_country.text().strip().upper() or "KR",
            city=self.city.text().strip(),
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            hotline=self.hotline.text().strip(),
            email=self.email.text().strip(),
        )


class AdminPage(_Page):
    """The first administrator account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username = named(QLineEdit(), "adminUsername")
        self.display_name = named(QLineEdit(), "adminDisplayName")
        self._user_label, self._name_label, self._intro = QLabel(), QLabel(), QLabel(wordWrap=True)
        self._user_label.setBuddy(self.username)
        self._name_label.setBuddy(self.display_name)
        form = QFormLayout(self)
        form.addRow(self._intro)
        form.addRow(self._user_label, self.username)
        form.addRow(self._name_label, self.display_name)
        self.registerField("admin_username*", self.username)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This person adds the other staff accounts and keeps the recovery code."))
        self._intro.setText(
            self.tr("User names use letters, digits, '.', '_' or '-', for example a.nurlanova.")
        )
        self._user_label.setText(self.tr("&User name:"))
        self._name_label.setText(self.tr("&Full name:"))

    def validatePage(self) -> bool:
        try:
            normalize_username(self.username.text())
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("User name"), error_text(exc.message))
            return False
        return True


class PassphrasePage(_Page):
    """The administrator's passphrase, typed twice, with a live strength hint and the rules."""

    def __init__(self, admin: AdminPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._admin = admin
        self.passphrase = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "passphrase")
        self.repeat = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "passphraseRepeat")
        self.hint = named(QLabel(wordWrap=True), "strengthHint")
        self.rules = QLabel(wordWrap=True)
        self._pass_label, self._repeat_label = QLabel(), QLabel()
        self._pass_label.setBuddy(self.passphrase)
        self._repeat_label.setBuddy(self.repeat)
        form = QFormLayout(self)
        form.addRow(self.rules)
        form.addRow(self._pass_label, self.passphrase)
        form.addRow(self._repeat_label, self.repeat)
        form.addRow(self.hint)
        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Passphrase"))
        self.setSubTitle(
            self.tr("The passphrase unlocks the encrypted registry. Nobody can recover it for you.")
        )
        self.rules.setText(
            self.tr(
                "At least 12 characters; a few unrelated words make a good passphrase. Common passwords, "
                "one character repeated, sequences such as 1234 or qwerty, and your user name are refused."
            )
        )
        self._pass_label.setText(self.tr("&Passphrase:"))
        self._repeat_label.setText(self.tr("&Repeat it:"))
        self._update()

    def _problem(self) -> str | None:
        text = self.passphrase.text()
        try:
            check_passphrase(text, username=self._admin.username.text().strip().casefold() or None)
        except ValidationError as exc:
            return error_text(exc.message)
        if self.repeat.text() != text:
            return self.tr("The two passphrases are not the same.")
        return None

    def _update(self) -> None:
        text = self.passphrase.text()
        strength = passphrase_hint(text, username=self._admin.username.text().strip().casefold() or None)
        words = {"weak": self.tr("weak"), "fair": self.tr("fair"), "strong": self.tr("strong")}
        colours = {"weak": "#b00020", "fair": "#8a6d00", "strong": "#1b5e20"}
        line = self.tr("Strength: %1").replace("%1", words[strength])
        problem = self._problem() if text else None
        if problem:
            line += f" · {problem}"
        self.hint.setText(line if text else "")
        self.hint.setStyleSheet(f"color: {colours[strength]};")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.passphrase.text()) and self._problem() is None


class CreatePage(_Page):
    """Creates the workstation off the GUI thread (the key derivation is calibrated, ~0.5 s or more)."""

    created = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        post: PostPage,
        admin: AdminPage,
        passphrase: PassphrasePage,
        *,
        kdf: KdfParams | None,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._post, self._admin, self._passphrase = post, admin, passphrase
        self._kdf = kdf
        self._runner = runner
        self.result: InitResult | None = None
        self.created_at = datetime.now(UTC)
        self._busy = False
        self.status = named(QLabel(wordWrap=True), "createStatus")
        self.bar = named(QProgressBar(), "createProgress")
        self.bar.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Creating the workstation"))
        self.setSubTitle(
            self.tr("Encrypting the new registry and tuning the key derivation to this computer.")
        )
        if self.result is not None:
            self.status.setText(self.tr("The workstation is ready."))
        elif self._busy:
            self.status.setText(self.tr("Please wait; this takes a few seconds."))

    def initializePage(self) -> None:
        if self.result is not None or self._busy:
            return
        self._busy = True
        self.bar.show()
        self.retranslate()
        post = self._post.post()
        username = self._admin.username.text()
        display = self._admin.display_name.text().strip()
        secret = self._passphrase.passphrase.text()
        data_dir, kdf = self._data_dir, self._kdf

        def work(_progress: object) -> InitResult:
            return init_workstation(
                data_dir,
                post=post,
                admin_username=username,
                admin_display_name=display,
                passphrase=secret,
                kdf=kdf,
            )

        task = self._runner.start(work, title=self.tr("Creating the workstation"), show_progress=False)
        task.show_errors = False
        task.finished.connect(self._done)
        task.failed.connect(self._failed)

    def _done(self, result: object) -> None:
        assert isinstance(result, InitResult)
        self._busy = False
        self.result = result
        self.created_at = datetime.now(UTC)
        self.bar.hide()
        self.retranslate()
        self.completeChanged.emit()
        self.created.emit(result)

    def _failed(self, exc: object) -> None:
        self._busy = False
        self.bar.hide()
        if isinstance(exc, EmbassyDeskError):
            self.status.setText(error_text(exc))
        else:
            self.status.setText(self.tr("The workstation could not be created; go back and try again."))
        if isinstance(exc, BaseException):
            handle_exception(exc, self)

    def isComplete(self) -> bool:
        return self.result is not None

    @property
    def busy(self) -> bool:
        """True while the workstation is being written."""
        return self._busy


class RecoveryPage(_Page):
    """The recovery code, shown this once, with print and save buttons."""

    def __init__(self, create: CreatePage, post: PostPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create = create
        self._post = post
        self.code = named(QLabel(), "recoveryCode")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QLabel(wordWrap=True)
        self.print_button = named(QPushButton(), "printRecoverySheet")
        self.save_button = named(QPushButton(), "saveRecoverySheet")
        self.kept = named(QCheckBox(), "recoveryKept")
        # Says where the sheet went (or that it was printed), so nobody saves it twice to be sure.
        self.done_note = named(QLabel(wordWrap=True), "recoverySheetDone")
        self.done_note.setStyleSheet("color: #1b5e20;")
        self.done_note.hide()
        self._done_text = ""
        self._saved_to: Path | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.code)
        layout.addLayout(buttons)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        layout.addWidget(self.kept)
        self.registerField("recovery_kept*", self.kept)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(self.tr("Shown only now. Print it or write it down before you finish."))
        self.explain.setText(
            self.tr(
                "If every passphrase is forgotten, this code is the only way into the registry. "
                "Keep it on paper in the embassy safe, never on this computer."
            )
        )
        self.print_button.setText(self.tr("&Print recovery sheet…"))
        self.save_button.setText(self.tr("&Save recovery sheet as PDF…"))
        self.kept.setText(self.tr("I have printed or written down the recovery code"))
        self._show_done()

    def _show_done(self) -> None:
        if self._done_text == "saved" and self._saved_to is not None:
            text = self.tr("The recovery sheet was saved to {path}. Print it, then delete the file.")
            self.done_note.setText(text.format(path=self._saved_to))
        elif self._done_text == "printed":
            self.done_note.setText(self.tr("The recovery sheet was sent to the printer."))
        self.done_note.setVisible(bool(self._done_text))

    def initializePage(self) -> None:
        result = self._create.result
        self.code.setText(result.recovery_code if result else "")

    def sheet(self) -> bytes:
        """The recovery sheet PDF, in the language chosen for the wizard."""
        result = self._create.result
        lang = getattr(self.wizard(), "language", DEFAULT_LANGUAGE)
        code = result.recovery_code if result else ""
        return recovery_sheet.sheet_pdf(self._post.post().name, code, self._create.created_at, lang=lang)

    def _print(self) -> None:
        try:
            printed = recovery_sheet.print_sheet(self, self.sheet())
        except EmbassyDeskError as exc:
            handle_exception(exc, self)
            return
        if printed:
            self._done_text = "printed"
            self._show_done()

    def _save(self) -> None:
        answer = save_file(
            self,
            Purpose.RECOVERY_SHEET,
            self.tr("Save recovery sheet"),
            "recovery-sheet.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if answer is None:
            return
        try:
            self.save_to(answer[0])
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save recovery sheet"), exc.strerror or type(exc).__name__)
        except EmbassyDeskError as exc:
            handle_exception(exc, self)

    def save_to(self, target: Path) -> Path:
        """Write the recovery sheet PDF to ``target`` and say so (the Save button's work, after its
        file dialog)."""
        written = recovery_sheet.write_sheet_pdf(target, self.sheet())
        self._done_text, self._saved_to = "saved", written
        self._show_done()
        return written
