"""Translated labels of the stored vocabularies (status, welfare, purpose, vulnerability, outcome…),
the one place every screen takes them from.

Each label is a literal inside ``QCoreApplication.translate`` so pyside6-lupdate finds it; the
functions are called at paint time, so a language switch shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from embassy_desk.domain.enums import (
    Channel,
    CitizenStatus,
    Direction,
    Outcome,
    PhoneKind,
    PurposeOfStay,
    Sex,
    Vulnerability,
    WelfareStatus,
)


def status_labels() -> dict[str, str]:
    """Citizen status value -> label."""
    return {
        CitizenStatus.PRESENT: QCoreApplication.translate("Vocabulary", "Present"),
        CitizenStatus.DEPARTED: QCoreApplication.translate("Vocabulary", "Departed"),
        CitizenStatus.TRANSFERRED: QCoreApplication.translate("Vocabulary", "Transferred"),
        CitizenStatus.DECEASED: QCoreApplication.translate("Vocabulary", "Deceased"),
    }


def welfare_labels() -> dict[str, str]:
    """Welfare status value -> label."""
    return {
        WelfareStatus.UNKNOWN: QCoreApplication.translate("Vocabulary", "Unknown"),
        WelfareStatus.SAFE: QCoreApplication.translate("Vocabulary", "Safe"),
        WelfareStatus.NEEDS_ASSISTANCE: QCoreApplication.translate("Vocabulary", "Needs assistance"),
        WelfareStatus.UNREACHABLE: QCoreApplication.translate("Vocabulary", "Unreachable"),
        WelfareStatus.EVACUATED: QCoreApplication.translate("Vocabulary", "Evacuated"),
    }


def purpose_labels() -> dict[str, str]:
    """Purpose of stay value -> label."""
    return {
        PurposeOfStay.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        PurposeOfStay.STUDY: QCoreApplication.translate("Vocabulary", "Study"),
        PurposeOfStay.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        PurposeOfStay.FAMILY: QCoreApplication.translate("Vocabulary", "Family"),
        PurposeOfStay.RESIDENCE: QCoreApplication.translate("Vocabulary", "Residence"),
        PurposeOfStay.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
    }


def vulnerability_labels() -> dict[str, str]:
    """Vulnerability value -> label."""
    return {
        Vulnerability.MINOR: QCoreApplication.translate("Vocabulary", "Minor"),
        Vulnerability.ELDERLY: QCoreApplication.translate("Vocabulary", "Elderly"),
        Vulnerability.MEDICAL: QCoreApplication.translate("Vocabulary", "Medical condition"),
        Vulnerability.MOBILITY: QCoreApplication.translate("Vocabulary", "Reduced mobility"),
        Vulnerability.PREGNANCY: QCoreApplication.translate("Vocabulary", "Pregnancy"),
    }


def sex_labels() -> dict[str, str]:
    """Sex value -> label."""
    return {
        Sex.FEMALE: QCoreApplication.translate("Vocabulary", "Female"),
        Sex.MALE: QCoreApplication.translate("Vocabulary", "Male"),
        Sex.UNSPECIFIED: QCoreApplication.translate("Vocabulary", "Unspecified"),
    }


def sex_short_labels() -> dict[str, str]:
    """Sex value -> short label (a table column)."""
    return {
        Sex.MALE: QCoreApplication.translate("Vocabulary", "M"),
        Sex.FEMALE: QCoreApplication.translate("Vocabulary", "F"),
        Sex.UNSPECIFIED: QCoreApplication.translate("Vocabulary", "X"),
    }


def outcome_labels() -> dict[str, str]:
    """Contact outcome value -> label, in the order the quick log numbers them."""
    return {
        Outcome.REACHED: QCoreApplication.translate("Vocabulary", "Reached"),
        Outcome.NO_ANSWER: QCoreApplication.translate("Vocabulary", "No answer"),
        Outcome.WRONG_NUMBER: QCoreApplication.translate("Vocabulary", "Wrong number"),
        Outcome.MESSAGE_LEFT: QCoreApplication.translate("Vocabulary", "Message left"),
        Outcome.BUSY: QCoreApplication.translate("Vocabulary", "Busy"),
        Outcome.DECLINED: QCoreApplication.translate("Vocabulary", "Declined"),
    }


def channel_labels() -> dict[str, str]:
    """Contact channel value -> label."""
    return {
        Channel.PHONE: QCoreApplication.translate("Vocabulary", "Phone call"),
        Channel.SMS: QCoreApplication.translate("Vocabulary", "SMS"),
        Channel.EMAIL: QCoreApplication.translate("Vocabulary", "E-mail"),
        Channel.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        Channel.MESSENGER: QCoreApplication.translate("Vocabulary", "Messenger"),
        Channel.LETTER: QCoreApplication.translate("Vocabulary", "Letter"),
        # Written by HQ for an answer the citizen gave on their check-in link or by SMS (issue 14).
        Channel.CHECK_IN: QCoreApplication.translate("Vocabulary", "Check-in by the citizen"),
    }


def direction_labels() -> dict[str, str]:
    """Contact direction value -> label."""
    return {
        Direction.OUTGOING: QCoreApplication.translate("Vocabulary", "Outgoing"),
        Direction.INCOMING: QCoreApplication.translate("Vocabulary", "Incoming"),
    }


def phone_kind_labels() -> dict[str, str]:
    """Phone kind value -> label."""
    return {
        PhoneKind.MOBILE: QCoreApplication.translate("Vocabulary", "Mobile"),
        PhoneKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        PhoneKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        PhoneKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
    }


def label(labels: dict[str, str], value: str) -> str:
    """The label of ``value``, or the value itself when the vocabulary does not know it."""
    return labels.get(value, value)
