"""The notice's own settings: kind, languages, paper, and the fields its kind needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.notices.labels import LONG_FIELDS, field_label, field_labels, kind_label, language_label
from embassy_desk.gui.notices.request import (
    NoticeRequest,
    field_defaults,
    key_label,
    missing_fields,
    printable_kinds,
)
from embassy_desk.gui.widgets import named
from embassy_desk.notices.kinds import Layout
from embassy_desk.notices.text import LANGUAGES
from embassy_desk.services.notices import AUTO, ParamValue

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
        # One editor per field; a field written per language has one per language ("situation.ko").
        self.fields: dict[str, _FieldEditor] = {}
        self._typed: dict[str, str] = {}  # what was typed, kept while editors are rebuilt
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

    def notice_languages(self) -> tuple[str, ...]:
        """The languages pages of the notice may be in: the main one (every one for "auto") and the
        translation."""
        main = str(self.main_language.currentData())
        second = str(self.second_language.currentData() or "")
        first = LANGUAGES if main == AUTO else (main,)
        return tuple(dict.fromkeys((*first, *((second,) if second else ()))))

    def set_field(self, name: str, text: str, language: str | None = None) -> None:
        """Type ``text`` into a field; one written per language takes ``language`` (default: the
        notice's first)."""
        key = name
        if f"{name}.{language or self.notice_languages()[0]}" in self.fields:
            key = f"{name}.{language or self.notice_languages()[0]}"
        editor = self.fields[key]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def request(self) -> NoticeRequest:
        """The notice the form describes now."""
        main = str(self.main_language.currentData())
        second = str(self.second_language.currentData() or "")
        languages = (main,) if not second or second == main else (main, second)
        params: dict[str, ParamValue] = {}
        per_language: dict[str, dict[str, str]] = {}
        shown = set(self.notice_languages())
        for key, editor in self.fields.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            name, _, language = key.partition(".")
            if not text.strip():
                continue
            if not language:
                params[name] = text.strip()
            elif language in shown:
                per_language.setdefault(name, {})[language] = text.strip()
        params.update(per_language)
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
        names = ", ".join(key_label(key) for key in missing)
        return self.tr("Fill in {fields} first.").format(fields=names)

    def _combo_changed(self) -> None:
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        if self.sender() is self.kind or (spec.translated and self.sender() is not self.paper):
            self._build_fields()  # a field written per language gets an editor per language
        else:
            self._label_fields()
        self.changed.emit()

    def _keys(self) -> list[str]:
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        keys: list[str] = []
        for name in spec.params:
            if name in spec.translated:
                keys += [f"{name}.{lang}" for lang in self.notice_languages()]
            else:
                keys.append(name)
        return keys

    def _build_fields(self) -> None:
        for key, old in self.fields.items():
            self._typed[key] = old.toPlainText() if isinstance(old, QPlainTextEdit) else old.text()
        while self._fields_layout.rowCount():
            self._fields_layout.removeRow(0)
        self.fields.clear()
        self._field_labels.clear()
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        for key in self._keys():
            name = key.partition(".")[0]
            editor: _FieldEditor
            if name in LONG_FIELDS:
                editor = QPlainTextEdit(self)
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(90)
            else:
                editor = QLineEdit(self)
            editor.setObjectName(f"noticeField_{key}")
            typed = self._typed.get(key, "")
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(typed)
            else:
                editor.setText(typed)
            editor.textChanged.connect(self.changed)
            label = QLabel(self)
            label.setBuddy(editor)
            self.fields[key] = editor
            self._field_labels[key] = label
            self._fields_layout.addRow(label, editor)
        self.fields_hint.setVisible(bool(spec.params) or spec.layout is Layout.CARD)
        self._label_fields()

    def _label_fields(self) -> None:
        spec = next(s for s in printable_kinds() if s.id == self.kind.currentData())
        language = str(self.main_language.currentData())
        # "Each citizen's own language": show the default texts in the language of the window.
        language = language if language != AUTO else current_language()
        labels = field_labels()
        for key, editor in self.fields.items():
            name, _, own = key.partition(".")
            label = labels.get(name, field_label(name))
            self._field_labels[key].setText(f"{key_label(key)}:" if own else f"{label}:")
            default = field_defaults(spec.id, own or language).get(name, "")
            hint = self.tr("If left empty: {text}").format(text=default) if default else self.tr("Required")
            editor.setPlaceholderText(hint)
            editor.setToolTip(default)
        if spec.layout is Layout.CARD:
            self.fields_hint.setText(
                self.tr("Cards print the language on the front and the translation on the back.")
            )
        elif spec.translated:
            self.fields_hint.setText(
                self.tr(
                    "Write a text in each language of the notice: every page prints only its own"
                    " language's text. Other fields are printed the same in every language."
                )
            )
        else:
            self.fields_hint.setText(
                self.tr("Fields below are printed the same in every language of the notice.")
            )
