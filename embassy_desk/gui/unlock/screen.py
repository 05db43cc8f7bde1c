"""The unlock screen shown at start and after every lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import handle_exception
from embassy_desk.gui.i18n import LANGUAGES
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.unlock.messages import backoff_message, refusal_message
from embassy_desk.gui.unlock.signin import RememberNote, SignedIn, is_remembered, sign_in, sign_in_remembered
from embassy_desk.gui.widgets import named
from embassy_desk.services.session import Session
from embassy_desk.storage.vault import BackoffActive
from embassy_desk.storage.workstation import WorkstationPaths

DemoAccounts = tuple[tuple[str, str], ...]  # (user name, role) pairs


class UnlockScreen(QWidget):
    """User name, passphrase and language. Emits ``unlocked`` with the new session.

    Where an administrator allows it and the OS has a secure keyring, a "remember me" box lets a
    person sign in here later with an empty passphrase; ``remember_note`` then says what happened.
    """

    unlocked = Signal(object)
    language_chosen = Signal(str)
    remember_note = Signal(str)

    def __init__(
        self,
        paths: WorkstationPaths,
        *,
        post_name: str = "",
        language: str = "en",
        demo: tuple[DemoAccounts, str] | None = None,
        remember_offered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self._paths = paths
        self._demo = demo
        self._busy = False
        self._backoff_left = 0
        self.runner = TaskRunner(self)

        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "unlockTitle")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.post = named(QLabel(post_name, alignment=Qt.AlignmentFlag.AlignCenter), "unlockPost")
        self.post.setWordWrap(True)
        self.post.setTextFormat(Qt.TextFormat.PlainText)  # read from a file before sign-in: never markup
        self.username = named(QLineEdit(), "unlockUser")
        self.passphrase = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "unlockPassphrase")
        self.language = named(QComboBox(), "unlockLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.remember = named(QCheckBox(), "unlockRemember")
        self.remember.setVisible(remember_offered)
        self._remembered = False
        self.button = named(QPushButton(default=True), "unlockButton")
        self.message = named(QLabel(wordWrap=True), "unlockMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.demo_box = named(QLabel(wordWrap=True), "demoCredentials")
        self.demo_box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.demo_box.setMargin(8)
        self.demo_box.setStyleSheet("background: #fff8e1;")
        self.demo_box.setVisible(demo is not None)
        self._user_label, self._pass_label, self._lang_label = QLabel(), QLabel(), QLabel()
        self._user_label.setBuddy(self.username)
        self._pass_label.setBuddy(self.passphrase)
        self._lang_label.setBuddy(self.language)

        form = QFormLayout()
        form.addRow(self._user_label, self.username)
        form.addRow(self._pass_label, self.passphrase)
        form.addRow(self._lang_label, self.language)
        form.addRow("", self.remember)
        panel = named(QFrame(), "unlockPanel")
        panel.setFixedWidth(440)
        inner = QVBoxLayout(panel)
        inner.addWidget(self.title)
        inner.addWidget(self.post)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        inner.addWidget(self.demo_box)
        # Stretches rather than an alignment flag: an aligned widget gets its size hint, which ignores
        # how tall wrapped text (the demo box in Russian, say) needs to be.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.passphrase.setFocus)
        self.username.editingFinished.connect(self._user_changed)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(str(self.language.currentData()))
        )
        if demo is not None:
            self.username.setText("officer")
        self._user_changed()
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Embassy Desk"))
        self._user_label.setText(self.tr("&User name:"))
        self._pass_label.setText(self.tr("&Passphrase:"))
        self._lang_label.setText(self.tr("&Language:"))
        self.button.setText(self.tr("Unlocking…") if self._busy else self.tr("&Unlock"))
        self.remember.setText(self.tr("&Remember me on this workstation"))
        self.passphrase.setPlaceholderText(
            self.tr("Remembered here: leave empty and press Unlock") if self._remembered else ""
        )
        if self._demo is not None:
            accounts, secret = self._demo
            names = ", ".join(f"{user} ({self._role_name(role)})" for user, role in accounts)
            self.demo_box.setText(
                self.tr("Demo post (invented people only). Accounts: %1. Passphrase for all: %2")
                .replace("%1", names)
                .replace("%2", secret)
            )
        if self._backoff_left:
            self.message.setText(backoff_message(self._backoff_left))

    def _role_name(self, role: str) -> str:
        names = {
            "administrator": self.tr("administrator"),
            "officer": self.tr("consular officer"),
            "clerk": self.tr("clerk"),
            "viewer": self.tr("viewer"),
        }
        return names.get(role, role)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Show ``language`` as chosen without emitting ``language_chosen``."""
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)

    def set_post_name(self, name: str) -> None:
        self.post.setText(name)

    def set_remember_offered(self, offered: bool) -> None:
        """Show the "remember me" box (the administrator allows it and a secure keyring exists)."""
        self.remember.setVisible(offered)
        self._user_changed()

    def _user_changed(self) -> None:
        # Only the vault header is read: whether this name has a device slot here.
        self._remembered = is_remembered(self._paths, self.username.text())
        self.remember.setChecked(self._remembered)
        self.retranslate()

    def note_text(self, note: str) -> str:
        """What to tell the person after a sign-in about being remembered here."""
        texts: dict[str, str] = {
            RememberNote.REMEMBERED: self.tr(
                "This workstation will remember you: next time, leave the passphrase empty."
            ),
            RememberNote.NOT_ALLOWED: self.tr(
                "An administrator has not allowed this workstation to remember staff; "
                "your passphrase is still needed."
            ),
            RememberNote.NO_KEYRING: self.tr(
                "This computer has no secure keyring, so it cannot remember you; "
                "your passphrase is still needed."
            ),
            RememberNote.FORGOTTEN: self.tr("This workstation no longer remembers you."),
        }
        return texts.get(note, "")

    # -- unlocking --------------------------------------------------------------------------------
    def reset(self) -> None:
        """Clear the passphrase and message, ready for the next sign-in (after a lock)."""
        self.passphrase.clear()
        if not self._backoff_left:
            self.message.clear()
        self.focus_first_empty()

    def focus_first_empty(self) -> None:
        (self.passphrase if self.username.text() else self.username).setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.passphrase, self.language):
            widget.setEnabled(not busy)
        self.button.setEnabled(not busy and not self._backoff_left)
        self.retranslate()

    def sign_in_as(self, username: str, passphrase: str) -> None:
        """Sign in with credentials just given elsewhere (the set-up wizard), as if typed here."""
        self.username.setText(username)
        self._user_changed()
        self.passphrase.setText(passphrase)
        self.submit()

    def submit(self) -> None:
        """Try to unlock with what was typed; the key derivation runs on a worker thread."""
        if self._busy or self._backoff_left:
            return
        user, secret = self.username.text().strip(), self.passphrase.text()
        remembered = is_remembered(self._paths, user)
        if not user or not (secret or remembered):
            self.message.setText(self.tr("Type your user name and passphrase."))
            return
        self.message.clear()
        self._set_busy(True)
        paths = self._paths
        if not secret:
            task = self.runner.start(
                lambda _p: sign_in_remembered(paths, user), title=self.tr("Unlocking"), show_progress=False
            )
        else:
            wish = self.remember.isChecked() if not self.remember.isHidden() else None
            task = self.runner.start(
                lambda _p: sign_in(paths, user, secret, remember_me=wish),
                title=self.tr("Unlocking"),
                show_progress=False,
            )
        task.show_errors = False
        task.finished.connect(self._done)
        task.failed.connect(self._failed)

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.message.clear()
        if result is None:
            # The keyring entry is gone or stale, or remembering was turned off: ask for the passphrase.
            self._user_changed()
            self.message.setText(self.tr("This workstation no longer remembers you; type your passphrase."))
            self.passphrase.setFocus()
            return
        signed = result if isinstance(result, SignedIn) else None
        session = signed.session if signed else result
        assert isinstance(session, Session)
        self._user_changed()
        self.unlocked.emit(session)
        if signed is not None and signed.note:
            self.remember_note.emit(self.note_text(signed.note))
        if session.tightened:
            # Unlocking made loosened files private again (SECURITY promise 9); the person is told.
            self.remember_note.emit(
                self.tr("Other users of this computer could read %1; made private again.").replace(
                    "%1", ", ".join(session.tightened)
                )
            )

    def _failed(self, exc: object) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.passphrase.setFocus()
        if isinstance(exc, BackoffActive):
            self._backoff_left = exc.retry_after
            self.button.setEnabled(False)
            self._countdown.start()
        if isinstance(exc, EmbassyDeskError):
            self.message.setText(refusal_message(exc))
        elif isinstance(exc, BaseException):
            self.message.clear()
            handle_exception(exc, self)

    def _tick(self) -> None:
        self._backoff_left -= 1
        if self._backoff_left <= 0:
            self._backoff_left = 0
            self._countdown.stop()
            self.message.clear()
            self.button.setEnabled(True)
        else:
            self.message.setText(backoff_message(self._backoff_left))
