"""Words for a conflict: the field group's name, each field's name, a stored value as a person reads
it, and the moment a stamp was made. Built on every call, so a language switch shows at once; the
literal strings sit inside ``translate`` calls so that pyside6-lupdate finds them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from embassy_desk.gui import vocab_labels
from embassy_desk.gui.citizen.labels import field_labels
from embassy_desk.gui.formatting import display_date, format_moment

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def group_labels() -> dict[str, str]:
    """The names of a citizen's field groups (sync/merge.py), as the queue shows them."""
    return {
        "names": QCoreApplication.translate("SyncConflictLabels", "Names"),
        "identity": QCoreApplication.translate("SyncConflictLabels", "Identity"),
        "passport": QCoreApplication.translate("SyncConflictLabels", "Passport"),
        "stay": QCoreApplication.translate("SyncConflictLabels", "Stay"),
        "address": QCoreApplication.translate("SyncConflictLabels", "Address"),
        "phones": QCoreApplication.translate("SyncConflictLabels", "Phones"),
        "email": QCoreApplication.translate("SyncConflictLabels", "E-mail"),
        "messengers": QCoreApplication.translate("SyncConflictLabels", "Messengers"),
        "emergency_contact": QCoreApplication.translate("SyncConflictLabels", "Emergency contact"),
        "household": QCoreApplication.translate("SyncConflictLabels", "Household"),
        "languages": QCoreApplication.translate("SyncConflictLabels", "Languages"),
        "vulnerabilities": QCoreApplication.translate("SyncConflictLabels", "Vulnerabilities"),
        "consent": QCoreApplication.translate("SyncConflictLabels", "Consent"),
        "status": QCoreApplication.translate("SyncConflictLabels", "Status"),
        "welfare": QCoreApplication.translate("SyncConflictLabels", "Welfare"),
        "notes": QCoreApplication.translate("SyncConflictLabels", "Notes"),
    }


def entity_labels() -> dict[str, str]:
    """What kind of record a conflict is about."""
    return {
        "citizen": QCoreApplication.translate("SyncConflictLabels", "Citizen"),
        "household": QCoreApplication.translate("SyncConflictLabels", "Household"),
        "contact": QCoreApplication.translate("SyncConflictLabels", "Contact"),
        "case": QCoreApplication.translate("SyncConflictLabels", "Case"),
        "case_event": QCoreApplication.translate("SyncConflictLabels", "Case event"),
        "notice": QCoreApplication.translate("SyncConflictLabels", "Notice"),
    }


def _extra_field_labels() -> dict[str, str]:
    # Stored column names the record's form calls otherwise (it splits or joins them).
    return {
        "phones": QCoreApplication.translate("SyncConflictLabels", "Phones"),
        "household_id": QCoreApplication.translate("SyncConflictLabels", "Household"),
        "emergency_contact": QCoreApplication.translate("SyncConflictLabels", "Emergency contact"),
        "welfare_checked_at": QCoreApplication.translate("SyncConflictLabels", "Welfare checked on"),
        "welfare_checked_by": QCoreApplication.translate("SyncConflictLabels", "Welfare checked by"),
        "title": QCoreApplication.translate("SyncConflictLabels", "Title"),
        "priority": QCoreApplication.translate("SyncConflictLabels", "Priority"),
        "assignee": QCoreApplication.translate("SyncConflictLabels", "Assigned to"),
    }


def field_label(name: str) -> str:
    """A stored field's name on screen (its own words where the record's form has none)."""
    known = {**field_labels(), **_extra_field_labels()}
    return known.get(name, name.replace("_", " ").capitalize())


def group_label(entity: str, group: str) -> str:
    """A field group's name; other entities' groups are single fields; "*" is the whole record."""
    if group in ("*", ""):
        return QCoreApplication.translate("SyncConflictLabels", "Whole record")
    if entity == "citizen":
        return group_labels().get(group, field_label(group))
    return field_label(group)


def _vocabulary(field: str) -> Callable[[], dict[str, str]] | None:
    return {
        "sex": vocab_labels.sex_labels,
        "status": vocab_labels.status_labels,
        "welfare_status": vocab_labels.welfare_labels,
        "purpose_of_stay": vocab_labels.purpose_labels,
        "vulnerabilities": vocab_labels.vulnerability_labels,
    }.get(field)


def _decoded(value: object) -> object:
    # List and object fields (phones, languages, the emergency contact) are stored as JSON text.
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def value_text(field: str, value: object) -> str:
    """A stored value as a person reads it: vocabulary words, day-first dates, lists on one line."""
    value = _decoded(value)
    if value is None or value == "" or value == [] or value == {}:
        return ""
    vocabulary = _vocabulary(field)
    if isinstance(value, list):
        return "; ".join(filter(None, (value_text(field, item) for item in value)))
    if isinstance(value, dict):
        parts = [value_text(str(key), item) for key, item in value.items()]
        return ", ".join(part for part in parts if part)
    text = str(value)
    if vocabulary is not None:
        return vocab_labels.label(vocabulary(), text)
    if _ISO_DATE.match(text):
        return display_date(text)
    if _ISO_MOMENT.match(text):
        try:
            return format_moment(datetime.fromisoformat(text))
        except ValueError:
            return text
    return text


def values_text(values: Mapping[str, object]) -> list[tuple[str, str]]:
    """(field name, value) pairs of one side of a conflict, in the order stored."""
    return [(field_label(name), value_text(name, value)) for name, value in values.items()]


def stamp_moment(stamp: str) -> str:
    """When a hybrid-clock stamp (``wall_ms-counter-device``) was made, in local time; "" if none."""
    head = stamp.split("-", 1)[0]
    if not head.isdigit() or not int(head):
        return ""
    moment = datetime.fromtimestamp(int(head) / 1000, tz=UTC)
    return format_moment(moment)
