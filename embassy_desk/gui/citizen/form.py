"""The citizen form: every field of the record in sections, each with its message line beneath.

The form knows nothing of the database. It turns what is typed into the input mapping that
``services.registry`` validates, shows the problems validation names under the fields they
concern, and fills itself from a machine-readable zone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.citizen import InvalidRecord, ValidationContext, validate_citizen
from embassy_desk.domain.enums import PhoneKind, Vulnerability
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, as_msg, field_name
from embassy_desk.domain.mrz import MrzData
from embassy_desk.domain.phones import normalize_phone
from embassy_desk.domain.regions import REGIONS_BY_COUNTRY, region_for_city, region_name
from embassy_desk.gui import vocab_labels
from embassy_desk.gui.citizen import labels
from embassy_desk.gui.citizen.date_field import DateField
from embassy_desk.gui.citizen.mrz_input import MrzInput
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.i18n import current_language

_ERROR_STYLE = "color: #b3261e; font-size: 90%;"
_NOTE_STYLE = "color: #1b5e20; font-size: 90%;"

# Which form field shows a problem validation reports under another name.
_PROBLEM_ALIASES = {
    "phones": "phone",
    "emergency_contact": "emergency_contact_name",
    "household_id": "household",
}

# Where the cursor goes after an MRZ fills the form: the first of these still empty.
_FOCUS_ORDER = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "sex",
    "birth_date",
    "national_id",
    "passport_number",
    "passport_issue_date",
    "passport_expiry_date",
    "purpose_of_stay",
    "region",
    "address",
    "phone",
    "email",
)

_DATE_KEYS = (
    "birth_date",
    "passport_issue_date",
    "passport_expiry_date",
    "arrival_date",
    "planned_departure_date",
    "consent_date",
)
_TEXT_KEYS = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "birth_place",
    "national_id",
    "passport_number",
    "nationality",
    "address",
    "city",
    "email",
    "messengers",
    "languages",
    "emergency_contact_name",
    "emergency_contact_relation",
    "emergency_contact_phone",
    "household",
    "consent_method",
)
_COMBO_KEYS = ("sex", "purpose_of_stay", "region", "status", "welfare_status")


def _loads(raw: object) -> Any:
    if not raw:
        return None
    try:
        return json.loads(str(raw))
    except ValueError:
        return None


class _PhoneEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLineEdit(self)
        self.kind = QComboBox(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.kind)
        self.setFocusProxy(self.number)


class CitizenForm(QWidget):
    """All citizen fields; ``values()`` is the input for register/edit, ``changes()`` what differs
    from what was loaded."""

    edited = Signal()

    def __init__(self, *, home_country: str, host_country: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home_country = home_country
        self._host_country = host_country
        self._editors: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._extra_phones: list[dict[str, str]] = []
        self._baseline: dict[str, object] = {}
        self._read_only = False
        self._touched: set[str] = set()
        self._context = ValidationContext(home_country=home_country, host_country=host_country)

        self.mrz = MrzInput(self)
        self.mrz.parsed.connect(self._mrz_parsed)
        # Filled from the MRZ, typed when the passport has none readable; the service checks the code.
        self.nationality = QLineEdit(self)
        self.nationality.setObjectName("nationality")
        self.nationality.setMaxLength(3)
        self.nationality.setPlaceholderText("KAZ")
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        grid = QGridLayout(self)
        grid.addWidget(self.general_error, 0, 0, 1, 2)
        mrz_box = self._group("mrz")
        QVBoxLayout(mrz_box).addWidget(self.mrz)
        grid.addWidget(mrz_box, 1, 0, 1, 2)
        left, right = QVBoxLayout(), QVBoxLayout()
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        left.addWidget(
            self._section(
                "identity",
                [
                    "surname",
                    "given_names",
                    "patronymic",
                    "surname_latin",
                    "given_names_latin",
                    "sex",
                    "birth_date",
                    "birth_place",
                    "national_id",
                ],
            )
        )
        left.addWidget(
            self._section(
                "documents", ["passport_number", "passport_issue_date", "passport_expiry_date", "nationality"]
            )
        )
        left.addWidget(
            self._section(
                "stay",
                ["purpose_of_stay", "arrival_date", "planned_departure_date", "address", "city", "region"],
            )
        )
        left.addStretch(1)
        right.addWidget(self._section("contacts", ["phone", "phone2", "email", "messengers", "languages"]))
        right.addWidget(
            self._section(
                "emergency",
                ["emergency_contact_name", "emergency_contact_relation", "emergency_contact_phone"],
            )
        )
        right.addWidget(self._section("household", ["household"]))
        right.addWidget(self._section("flags", ["vulnerabilities", "consent_date", "consent_method"]))
        right.addWidget(self._section("status", ["status", "welfare_status", "notes"]))
        right.addStretch(1)
        # A known city of the host country fills an empty region (issue 12); it stays editable.
        self.region_note = QLabel(self)
        self.region_note.setObjectName("note_region")
        self.region_note.setStyleSheet(_NOTE_STYLE)
        self.region_note.setWordWrap(True)
        self.region_note.hide()
        region_cell = self._errors["region"].parentWidget()
        region_column = region_cell.layout() if region_cell is not None else None
        assert region_column is not None
        region_column.addWidget(self.region_note)
        self._line("city").editingFinished.connect(self._region_from_city)
        self.retranslate()
        self._baseline = self.values()

    # ----------------------------------------------------------------------------------------
    # Building

    def _group(self, key: str) -> QGroupBox:
        box = QGroupBox(self)
        box.setObjectName(f"section_{key}")
        self._groups[key] = box
        return box

    def _section(self, key: str, fields: Iterable[str]) -> QGroupBox:
        box = self._group(key)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in fields:
            editor = self._make_editor(name)
            editor.setObjectName(f"field_{name}")
            self._editors[name] = editor
            error = QLabel(box)
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self._errors[name] = error
            cell = QWidget(box)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            label = QLabel(box)
            label.setBuddy(editor)
            self._row_labels[name] = label
            form.addRow(label, cell)
        return box

    def _make_editor(self, name: str) -> QWidget:
        if name == "nationality":
            self.nationality.textEdited.connect(lambda _t, n=name: self._field_edited(n))
            self.nationality.editingFinished.connect(lambda n=name: self._left(n))
            return self.nationality
        if name in _DATE_KEYS:
            date_field = DateField(self)
            date_field.edited.connect(lambda n=name: self._field_edited(n))
            date_field.line.editingFinished.connect(lambda n=name: self._left(n))
            return date_field
        if name in _COMBO_KEYS:
            combo = QComboBox(self)
            combo.activated.connect(lambda _i, n=name: self._field_edited(n))
            return combo
        if name in ("phone", "phone2"):
            phone = _PhoneEditor(self)
            phone.number.textEdited.connect(lambda _t, n=name: self._field_edited(n))
            phone.number.editingFinished.connect(lambda n=name: self._left(n))
            return phone
        if name == "vulnerabilities":
            box = QWidget(self)
            grid = QGridLayout(box)
            grid.setContentsMargins(0, 0, 0, 0)
            for position, value in enumerate(Vulnerability):
                check = QCheckBox(box)
                check.setObjectName(f"vulnerability_{value.value}")
                check.setProperty("value", value.value)
                check.toggled.connect(lambda _c, n=name: self._field_edited(n))
                grid.addWidget(check, position // 3, position % 3)
            return box
        if name == "notes":
            notes = QPlainTextEdit(self)
            notes.setTabChangesFocus(True)
            notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
            notes.textChanged.connect(lambda n=name: self._field_edited(n))
            return notes
        line = QLineEdit(self)
        line.textEdited.connect(lambda _t, n=name: self._field_edited(n))
        line.editingFinished.connect(lambda n=name: self._left(n))
        return line

    def retranslate(self) -> None:
        titles = {
            "mrz": self.tr("Passport MRZ"),
            "identity": self.tr("Identity"),
            "documents": self.tr("Documents"),
            "stay": self.tr("Stay and address"),
            "contacts": self.tr("Contacts"),
            "emergency": self.tr("Emergency contact at home"),
            "household": self.tr("Household"),
            "flags": self.tr("Flags and consent"),
            "status": self.tr("Status"),
        }
        for key, box in self._groups.items():
            box.setTitle(titles[key])
        names = labels.field_labels()
        for key, label in self._row_labels.items():
            label.setText(names.get(key, key))
        self._fill_combo("sex", vocab_labels.sex_labels(), blank=True)
        self._fill_combo("purpose_of_stay", vocab_labels.purpose_labels(), blank=True)
        self._fill_combo("status", vocab_labels.status_labels(), blank=False)
        self._fill_combo("welfare_status", vocab_labels.welfare_labels(), blank=False)
        regions = REGIONS_BY_COUNTRY.get(self._host_country, {})
        language = current_language()
        self._fill_combo(
            "region",
            {
                code: f"{region_name(code, host_country=self._host_country, language=language)} ({code})"
                for code in regions
            },
            blank=True,
        )
        kinds = vocab_labels.phone_kind_labels()
        for key in ("phone", "phone2"):
            phone = self._phone(key)
            current = phone.kind.currentData() or PhoneKind.MOBILE.value
            phone.kind.clear()
            for value, text in kinds.items():
                phone.kind.addItem(text, str(value))
            phone.kind.setCurrentIndex(max(0, phone.kind.findData(current)))
            phone.number.setPlaceholderText(self.tr("+82 10 1234 5678 or 010-1234-5678"))
        vulnerability_names = vocab_labels.vulnerability_labels()
        for check in self._editors["vulnerabilities"].findChildren(QCheckBox):
            check.setText(vulnerability_names[Vulnerability(str(check.property("value")))])
        self._line("messengers").setPlaceholderText(self.tr("service:handle; e.g. telegram:@name, kakao:id"))
        self._line("languages").setPlaceholderText(self.tr("kk, ru, en, ko"))
        self._line("household").setPlaceholderText(
            self.tr("A name for the family; members with the same name form one household")
        )
        self._line("emergency_contact_phone").setPlaceholderText(self.tr("+7 701 123 4567"))

    def _fill_combo(self, key: str, items: Mapping[str, str], *, blank: bool) -> None:
        combo = self._combo(key)
        current = combo.currentData()
        combo.clear()
        if blank:
            combo.addItem("—", "")
        for value, text in items.items():
            combo.addItem(text, str(value))
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(0, index))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # Typed access to editors

    def editor(self, key: str) -> QWidget:
        """The widget that edits ``key`` (tests and focus handling)."""
        return self._editors[key]

    def error_text(self, key: str) -> str:
        """The message shown under ``key``, or "" when there is none."""
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    def _line(self, key: str) -> QLineEdit:
        widget = self._editors[key]
        assert isinstance(widget, QLineEdit)
        return widget

    def _date(self, key: str) -> DateField:
        widget = self._editors[key]
        assert isinstance(widget, DateField)
        return widget

    def _combo(self, key: str) -> QComboBox:
        widget = self._editors[key]
        assert isinstance(widget, QComboBox)
        return widget

    def _phone(self, key: str) -> _PhoneEditor:
        widget = self._editors[key]
        assert isinstance(widget, _PhoneEditor)
        return widget

    def _notes(self) -> QPlainTextEdit:
        widget = self._editors["notes"]
        assert isinstance(widget, QPlainTextEdit)
        return widget

    def _set_combo(self, key: str, value: object) -> None:
        combo = self._combo(key)
        text = "" if value is None else str(value)
        index = combo.findData(text)
        if index < 0 and text:
            combo.addItem(text, text)  # a value this post's lists do not know: keep it visible
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))

    def set_text(self, key: str, value: str) -> None:
        """Put ``value`` in a text, date or phone field as if typed."""
        if key in _DATE_KEYS:
            self._date(key).line.setText(value)
        elif key in ("phone", "phone2"):
            self._phone(key).number.setText(value)
        elif key in _COMBO_KEYS:
            self._set_combo(key, value)
        elif key == "notes":
            self._notes().setPlainText(value)
        else:
            self._line(key).setText(value)

    # ----------------------------------------------------------------------------------------
    # Values

    def values(self) -> dict[str, object]:
        """The input mapping for ``register_citizen``/``edit_citizen`` (the service validates it)."""
        data: dict[str, object] = {}
        for key in _TEXT_KEYS:
            if not key.startswith("emergency_contact"):
                data[key] = self._line(key).text().strip()
        for key in _DATE_KEYS:
            data[key] = self._date(key).text()
        for key in _COMBO_KEYS:
            data[key] = self._combo(key).currentData() or ""
        phones = []
        for key in ("phone", "phone2"):
            phone = self._phone(key)
            number = phone.number.text().strip()
            if number:
                phones.append({"number": number, "kind": phone.kind.currentData() or "mobile"})
        data["phones"] = phones + self._extra_phones
        emergency = {
            "name": self._line("emergency_contact_name").text().strip(),
            "relation": self._line("emergency_contact_relation").text().strip(),
            "phone": self._line("emergency_contact_phone").text().strip(),
        }
        data["emergency_contact"] = emergency if any(emergency.values()) else ""
        data["vulnerabilities"] = [
            str(check.property("value"))
            for check in self._editors["vulnerabilities"].findChildren(QCheckBox)
            if check.isChecked()
        ]
        data["notes"] = self._notes().toPlainText().strip()
        return data

    def changes(self) -> dict[str, object]:
        """Only the fields that differ from what was loaded (so untouched fields keep their form)."""
        now = self.values()
        return {key: value for key, value in now.items() if self._baseline.get(key) != value}

    def load(self, fields: Mapping[str, Any], *, household_name: str | None = None) -> None:
        """Show a stored record (``Citizen.fields``) and remember it as the baseline of ``changes()``."""
        for key in _TEXT_KEYS:
            if key.startswith("emergency_contact") or key in ("messengers", "languages", "household"):
                continue
            self._line(key).setText(str(fields.get(key) or ""))
        for key in _DATE_KEYS:
            self._date(key).set_iso(fields.get(key))
        for key in _COMBO_KEYS:
            self._set_combo(key, fields.get(key))
        phones = _loads(fields.get("phones")) or []
        for key, entry in zip(("phone", "phone2"), [*phones, None, None], strict=False):
            phone = self._phone(key)
            phone.number.setText(str(entry["number"]) if entry else "")
            kind = str(entry.get("kind", "mobile")) if entry else "mobile"
            phone.kind.setCurrentIndex(max(0, phone.kind.findData(kind)))
        self._extra_phones = [dict(p) for p in phones[2:]]
        messengers = _loads(fields.get("messengers")) or []
        self._line("messengers").setText("; ".join(f"{m['service']}:{m['handle']}" for m in messengers))
        self._line("languages").setText(", ".join(_loads(fields.get("languages")) or []))
        emergency = _loads(fields.get("emergency_contact")) or {}
        for part in ("name", "relation", "phone"):
            self._line(f"emergency_contact_{part}").setText(str(emergency.get(part) or ""))
        self._line("household").setText(household_name or "")
        chosen = set(str(fields.get("vulnerabilities") or "").split(","))
        for check in self._editors["vulnerabilities"].findChildren(QCheckBox):
            check.setChecked(str(check.property("value")) in chosen)
        self._notes().setPlainText(str(fields.get("notes") or ""))
        self.clear_problems()
        self.region_note.hide()
        self._touched.clear()
        self._baseline = self.values()

    def local_problems(self) -> list[tuple[str, str]]:
        """Problems the service would report under a shared name ("phones"), named per field here."""
        problems: list[tuple[str, str]] = []
        for key in ("phone", "phone2"):
            number = self._phone(key).number.text().strip()
            if number:
                try:
                    normalize_phone(number, default_region=self._host_country, field=key)
                except ValidationError as exc:
                    problems.append((key, exc.message))
        return problems

    # ----------------------------------------------------------------------------------------
    # Problems and focus

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    def show_problems(self, problems: Iterable[tuple[str, str]]) -> str | None:
        """Show each problem under its field; return the first field named (to put the cursor there)."""
        first: str | None = None
        general: list[str] = []
        shown: dict[str, list[str]] = {}
        for field, message in problems:
            key = _PROBLEM_ALIASES.get(field, field)
            if key in self._errors:
                shown.setdefault(key, []).append(error_text(message))
                first = first or key
            else:
                general.append(
                    error_text(Msg("frame.field", field=field_name(field), message=as_msg(message)))
                )
        for key, messages in shown.items():
            self._errors[key].setText("\n".join(dict.fromkeys(messages)))
            self._errors[key].show()
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        return first

    def focus_field(self, key: str) -> None:
        widget = self._editors[key]
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def is_empty(self, key: str) -> bool:
        if key in ("phone", "phone2"):
            return not self._phone(key).number.text().strip()
        if key in _DATE_KEYS:
            return not self._date(key).text()
        if key in _COMBO_KEYS:
            return not self._combo(key).currentData()
        return not self._line(key).text().strip()

    def focus_first_empty(self) -> str | None:
        """Put the cursor in the first empty field that staff usually fill; return its key."""
        for key in _FOCUS_ORDER:
            if self.is_empty(key):
                self.focus_field(key)
                return key
        return None

    def _region_from_city(self) -> None:
        """Fill an empty region from a known city of the host country, and say so."""
        if self._read_only or not self.is_empty("region"):
            return
        code = region_for_city(self._line("city").text(), self._host_country)
        if code is None:
            return
        self._set_combo("region", code)
        self.region_note.setText(self.tr("Filled in from the city; change it if it is wrong."))
        self.region_note.show()
        self._errors["region"].hide()
        self.edited.emit()

    def _field_edited(self, key: str) -> None:
        # A message stays until the field it names is touched, then it has served its purpose.
        if key == "region":
            self.region_note.hide()
        self._errors[key].hide()
        self._touched.add(key)
        self.edited.emit()

    def problems_now(self) -> list[tuple[str, str]]:
        """What validation would say about the form as it stands (nothing is stored)."""
        local = self.local_problems()
        try:
            validate_citizen(self.values(), self._context)
        except InvalidRecord as exc:
            problems = list(exc.problems)
        else:
            problems = []
        if local:
            problems = [p for p in problems if p[0] != "phones"] + local
        return problems

    def check_field(self, key: str) -> str:
        """Validate the form and show (or clear) the message for one field; return that message."""
        messages = [error_text(m) for f, m in self.problems_now() if _PROBLEM_ALIASES.get(f, f) == key]
        label = self._errors[key]
        text = "\n".join(dict.fromkeys(messages))
        label.setText(text)
        label.setVisible(bool(text))
        return text

    def _left(self, key: str) -> None:
        # Checked when the cursor leaves a field the user changed, so a mistake shows at once,
        # but an empty field merely passed through says nothing.
        if key in self._touched and not self._read_only:
            self._touched.discard(key)
            self.check_field(key)

    # ----------------------------------------------------------------------------------------
    # MRZ

    def apply_mrz(self, data: MrzData) -> None:
        """Fill names in Latin, document number, dates, sex and (on Kazakh passports) the IIN."""
        self._line("surname_latin").setText(data.surname)
        self._line("given_names_latin").setText(data.given_names)
        self._set_combo("sex", data.sex.value)
        self._date("birth_date").set_iso(data.birth_date.isoformat())
        if data.format == "TD3":
            self._line("passport_number").setText(data.document_number)
            self._date("passport_expiry_date").set_iso(data.expiry_date.isoformat())
        personal = data.personal_number or data.optional_data.split(" ")[0]
        if personal.isdigit() and len(personal) == 12 and not self._line("national_id").text().strip():
            self._line("national_id").setText(personal)
        self.nationality.setText(data.nationality)
        for key in (
            "surname_latin",
            "given_names_latin",
            "sex",
            "birth_date",
            "passport_number",
            "nationality",
        ):
            self._errors[key].hide()
        self.edited.emit()

    def _mrz_parsed(self, data: object) -> None:
        assert isinstance(data, MrzData)
        self.apply_mrz(data)
        self.focus_first_empty()

    # ----------------------------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """Viewers see the record but cannot change it (the services refuse anyway)."""
        self._read_only = read_only
        self._groups["mrz"].setVisible(not read_only)
        for key, widget in self._editors.items():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            elif isinstance(widget, DateField):
                widget.set_read_only(read_only)
            elif isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(read_only)
            elif isinstance(widget, _PhoneEditor):
                widget.number.setReadOnly(read_only)
                widget.kind.setEnabled(not read_only)
            elif key != "nationality":
                widget.setEnabled(not read_only)

    @property
    def read_only(self) -> bool:
        return self._read_only
