"""The record's "notices issued" tab.

The notices service (``embassy_desk.services.notices``) is being written at the same time as this
screen; :func:`issued_notices` is the one place that knows how to ask it, and answers ``None``
while the module or its listing function does not exist yet, so the tab says so plainly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RowTable, empty_label
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import staff_names

# Names the notices service may give its "notices issued to a citizen" function, most likely first.
_LISTING_FUNCTIONS = (
    "list_issued",
    "issued_for_citizen",
    "list_issued_notices",
    "notices_for_citizen",
    "list_notices",
)


@dataclass(frozen=True)
class IssuedNoticeRow:
    """What the tab shows of one issued notice."""

    id: str
    reference: str
    kind: str
    language: str
    issued_at: str
    issued_by: str


def _attr(record: Any, *names: str) -> str:
    for name in names:
        value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
        if value is not None:
            if isinstance(value, list | tuple):
                return ", ".join(str(v) for v in value)
            return str(getattr(value, "value", value))
    return ""


def _listing_function() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("embassy_desk.services.notices")
    except ImportError:
        return None
    for name in _LISTING_FUNCTIONS:
        func = getattr(module, name, None)
        if callable(func):
            return func  # type: ignore[no-any-return]
    return None


def issued_notices(session: Session, citizen_id: str) -> list[IssuedNoticeRow] | None:
    """Notices issued to a citizen, newest first, or ``None`` if the notices service is not there yet.

    Looks for ``embassy_desk.services.notices`` and the first of :data:`_LISTING_FUNCTIONS` it
    defines, called as ``func(session, citizen_id=...)`` (or positionally); each record it returns
    is read by attribute or key: ``id``, ``reference``/``reference_number``, ``kind``,
    ``language``/``languages``, ``issued_at``, ``issued_by``.
    """
    func = _listing_function()
    if func is None:
        return None
    try:
        records = func(session, citizen_id=citizen_id)
    except TypeError:
        records = func(session, citizen_id)
    rows = [
        IssuedNoticeRow(
            id=_attr(r, "id"),
            reference=_attr(r, "reference", "reference_number", "ref"),
            kind=_attr(r, "kind", "template_id"),
            language=_attr(r, "language", "languages", "lang"),
            issued_at=_attr(r, "issued_at", "at"),
            issued_by=_attr(r, "issued_by", "staff"),
        )
        for r in records
    ]
    return sorted(rows, key=lambda row: row.issued_at, reverse=True)


class NoticesTab(QWidget):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._rows: list[IssuedNoticeRow] | None = []
        self._problem = ""
        self._staff: dict[str, str] = {}
        self.empty = empty_label(self)
        self.table = RowTable(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers(
            [self.tr("Issued"), self.tr("Reference"), self.tr("Kind"), self.tr("Language"), self.tr("By")]
        )
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self._problem = ""
        try:
            self._rows = issued_notices(self._session, self._citizen_id)
            self._staff = staff_names(self._session)
        except EmbassyDeskError as exc:
            self._rows, self._problem = [], str(exc)
        self._show()

    def _kind(self, kind: str) -> str:
        known = {
            "advisory": self.tr("Advisory notice"),
            "letter-welfare": self.tr("Welfare letter"),
            "letter-appointment": self.tr("Appointment letter"),
            "letter-document-ready": self.tr("Document ready letter"),
            "emergency-card": self.tr("Emergency contact card"),
            "registration-certificate": self.tr("Registration certificate"),
            "evacuation-boarding": self.tr("Evacuation boarding notice"),
        }
        return known.get(kind, kind)

    def _show(self) -> None:
        rows = self._rows or []
        self.table.set_rows(
            [
                (
                    r.id,
                    [
                        display_time(r.issued_at),
                        r.reference,
                        self._kind(r.kind),
                        r.language,
                        self._staff.get(r.issued_by, r.issued_by),
                    ],
                )
                for r in rows
            ]
        )
        if self._problem:
            self.empty.setText(self._problem)
        elif self._rows is None:
            self.empty.setText(
                self.tr("Printed notices are not recorded on this workstation yet, so none can be listed.")
            )
        else:
            self.empty.setText(self.tr("No notice has been issued to this person."))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
