"""Translatable names of notice kinds, notice languages and the fields an officer fills in.

Built on every call so that a screen refilled after a language switch shows the new language; the
literal strings stay inside ``translate`` calls so that pyside6-lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from embassy_desk.services.notices import AUTO

_CONTEXT = "NoticeLabels"

# A notice language is named in itself, so whoever reads it finds it whatever the interface language.
NOTICE_LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English", "ko": "한국어"}

# Fields that hold a paragraph rather than a line.
LONG_FIELDS = frozenset({"situation"})


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_labels() -> dict[str, str]:
    return {
        "advisory": _t("Advisory notice"),
        "letter-welfare": _t("Welfare letter"),
        "letter-appointment": _t("Appointment letter"),
        "letter-document-ready": _t("Document ready letter"),
        "emergency-card": _t("Emergency contact card"),
        "registration-certificate": _t("Registration certificate"),
        "evacuation-boarding": _t("Evacuation boarding notice"),
        "recovery-sheet": _t("Recovery sheet"),
    }


def kind_label(kind: str) -> str:
    return kind_labels().get(kind, kind)


def language_label(code: str) -> str:
    if code == AUTO:
        return _t("Each citizen's own language")
    name = NOTICE_LANGUAGES.get(code, code)
    return f"{name} ({code})"


def field_labels() -> dict[str, str]:
    return {
        "situation": _t("Situation"),
        "appointment_date": _t("Appointment date"),
        "appointment_time": _t("Appointment time"),
        "appointment_place": _t("Place"),
        "appointment_purpose": _t("Purpose"),
        "document": _t("Document"),
        "flight": _t("Flight"),
        "flight_date": _t("Flight date"),
        "departure_airport": _t("Departure airport"),
        "assembly_point": _t("Assembly point"),
        "assembly_time": _t("Assembly time"),
        "seat": _t("Seat"),
        "recovery_code": _t("Recovery code"),
    }


def field_label(name: str) -> str:
    return field_labels().get(name, name.replace("_", " "))
