"""The notice's own settings: kind, languages, paper, and the fields its kind needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.notices.labels import LONG_FIELDS, field_label, field_labels, kind_label, language_label
from embassy_desk.gui.notices.request import NoticeRequest, field_defaults, missing_fields, printable_kinds
from embassy_desk.gui.widgets import named
from embassy_desk.notices.kinds import Layout
from embassy_desk.services.notices import AUTO

MAIN_LANGUAGES = (AUTO, "kk", "ru", "en", "ko")
SECOND_LANGUAGES = ("", "ko", "kk", "ru", "en")  # "" = no translation
PAPERS = ("a4", "letter")
_FieldEditor = QLineEdit | QPlainTextEdit


class NoticeForm(QWidget):
    """Emits ``changed`` whenever what would be printed changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_auto: bool = True) -> None:
        super().__init__(parent)
        self.kind = named(QComboBox(self), "noticeKind")
        for spec in printable_kinds():
            self.kind.addItem("", spec.id)
        self.main_language = named(QComboBox(self), "noticeMainLanguage")
        for code in MAIN_LANGUAGES if allow_auto else MAIN_LANGUAGES[1:]:
            self.main_language.addItem("", code)
        self.second_language = named(QComboBox(self), "noticeSecondLanguage")
        for code in SECOND_LANGUAGES:
            self.second_language.addItem("", code)
        self.paper = named(QComboBox(self), "noticePaper")
        for paper in PAPERS:
            self.paper.addItem("", paper)
        self.fields: dict[str, _FieldEditor] = {}
        self._field_labels: dict[str, QLabel] = {}
        self._kind_label, self._main_label = QLabel(self), QLabel(self)
        self._second_label, self._paper_label = QLabel(self), QLabel(self)
        self.fields_hint = named(QLabel(self), "noticeFieldsHint")
        self.fields_hint.setWordWrap(True)

        top = QFormLayout()
        top.addRow(self._kind_label, self.kind)
        top.addRow(self._main_label, self.main_language)
        top.addRow(self._second_label, self.second_language)
        top.addRow(self._paper_label, self.paper)
        self._fields_layout = QFormLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.fields_hint)
        layout.addLayout(self._fields_layout)

        for combo in (self.kind, self.main_language, self.second_language, self.paper):
            combo.currentIndexChanged.connect(self._combo_changed)
        self._build_fields()
        self.retranslate()

    # ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._kind_label.setText(self.tr("&Kind:"))
        self._kind_label.setBuddy(self.kind)
        self._main_label.setText(self.tr("&Language:"))
        self._main_label.setBuddy(self.main_language)
        self._second_label.setText(self.tr("&Translation:"))
        self._second_label.setBuddy(self.second_language)
        self._paper_label.setText(self.tr("&Paper:"))
        self._paper_label.setBuddy(self.paper)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_label(str(self.kind.itemData(index))))
        for index in range(self.main_language.count()):
            self.main_language.setItemText(index, language_label(str(self.main_language.itemData(index))))
        for index in range(self.second_language.count()):
            code = str(self.second_language.itemData(index))
            self.second_language.setItemText(index, language_label(code) if code else self.tr("None"))
        self.paper.setItemText(0, self.tr("A4"))
        self.paper.setItemText(1, self.tr("US Letter"))
        self.main_language.setToolTip(
            self.tr("The main language of the notice; the translation follows it (cards: on the back)")
        )
        self._label_fields()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------

    def set_kind(self, kind: str) -> None:
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)

    def set_languages(self, main: str, second: str = "") -> None:
        for combo, code in ((self.main_language, main), (self.second_language, second)):
            index = combo.findData(code)
            if index >= 0:
                combo.setCurrentIndex(index)

    def set_paper(self, paper: str) -> None:
        index = self.paper.findData(paper)
        if index >= 0:
            self.paper.setCurrentIndex(index)

    def set_field(self, name: str, text: str) -> None:
        editor = self.fields[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def request(self) -> NoticeRequest:
        """The notice the form describes now."""
        main = str(self.main_language.currentData())
        second = str(self.second_language.currentData() or "")
        languages = (main,) if not second or second == main else (main, second)
        params = {}
        for name, editor in self.fields.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            if text.strip():
                params[name] = text.strip()
        return NoticeRequest(
            kind=str(self.kind.currentData()),
            languages=languages,
            paper=str(self.paper.currentData()),
            params=params,
        )

    # ----------------------------------------------------------------------------------------

    def missing_message(self, request: NoticeRequest) -> str | None:
        """What the officer must still fill in for ``request`` (focusing the first such field), or None."""
        missing = missing_fields(request)
        if not missing:
            return None
        editor = self.fields.get(missing[0])
        if editor is not None:
            editor.setFocus()
        names = ", ".join(field_label(name) for name in missing)
        return self.tr("Fill in {fields} first.").format(fields=names)

    def _combo_changed(self) -> None:
        if self.sender() is self.kind:
            self._build_fields()
        else:
            self._label_fields()
        self.changed.emit()

    def _build_fields(self) -> None:
        while self._fields_layout.rowCount():
            self._fields_layout.removeRow(0)
        self.fields.clear()
        self._field_labels.clear()
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        for name in spec.params:
            editor: _FieldEditor
            if name in LONG_FIELDS:
                editor = QPlainTextEdit(self)
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(90)
            else:
                editor = QLineEdit(self)
            editor.setObjectName(f"noticeField_{name}")
            editor.textChanged.connect(self.changed)
            label = QLabel(self)
            label.setBuddy(editor)
            self.fields[name] = editor
            self._field_labels[name] = label
            self._fields_layout.addRow(label, editor)
        self.fields_hint.setVisible(bool(spec.params) or spec.layout is Layout.CARD)
        self._label_fields()

    def _label_fields(self) -> None:
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        language = str(self.main_language.currentData())
        # "Each citizen's own language": show the default texts in the language of the window.
        language = language if language != AUTO else current_language()
        defaults = field_defaults(spec.id, language)
        labels = field_labels()
        for name, editor in self.fields.items():
            self._field_labels[name].setText(f"{labels.get(name, field_label(name))}:")
            default = defaults.get(name, "")
            hint = self.tr("If left empty: {text}").format(text=default) if default else self.tr("Required")
            editor.setPlaceholderText(hint)
            editor.setToolTip(default)
        if spec.layout is Layout.CARD:
            self.fields_hint.setText(
                self.tr("Cards print the language on the front and the translation on the back.")
            )
        else:
            self.fields_hint.setText(
                self.tr("Fields below are printed the same in every language of the notice.")
            )
