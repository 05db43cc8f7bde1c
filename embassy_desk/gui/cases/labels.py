"""Translatable labels of the case vocabularies (built per call so a language switch applies)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from embassy_desk.domain.enums import CaseKind, CasePriority, CaseStatus


def kind_labels() -> dict[str, str]:
    return {
        CaseKind.EVACUATION: QCoreApplication.translate("CaseLabels", "Evacuation"),
        CaseKind.LOST_DOCUMENTS: QCoreApplication.translate("CaseLabels", "Lost documents"),
        CaseKind.MEDICAL: QCoreApplication.translate("CaseLabels", "Medical"),
        CaseKind.DETENTION: QCoreApplication.translate("CaseLabels", "Detention"),
        CaseKind.FINANCIAL: QCoreApplication.translate("CaseLabels", "Financial"),
        CaseKind.DEATH: QCoreApplication.translate("CaseLabels", "Death"),
        CaseKind.MISSING_PERSON: QCoreApplication.translate("CaseLabels", "Missing person"),
        CaseKind.OTHER: QCoreApplication.translate("CaseLabels", "Other"),
    }


def priority_labels() -> dict[str, str]:
    return {
        CasePriority.URGENT: QCoreApplication.translate("CaseLabels", "Urgent"),
        CasePriority.HIGH: QCoreApplication.translate("CaseLabels", "High"),
        CasePriority.NORMAL: QCoreApplication.translate("CaseLabels", "Normal"),
        CasePriority.LOW: QCoreApplication.translate("CaseLabels", "Low"),
    }


def status_labels() -> dict[str, str]:
    return {
        CaseStatus.OPEN: QCoreApplication.translate("CaseLabels", "Open"),
        CaseStatus.IN_PROGRESS: QCoreApplication.translate("CaseLabels", "In progress"),
        CaseStatus.WAITING: QCoreApplication.translate("CaseLabels", "Waiting"),
        CaseStatus.CLOSED: QCoreApplication.translate("CaseLabels", "Closed"),
    }


def event_labels() -> dict[str, str]:
    """Kinds of timeline events written by services/cases.py."""
    return {
        "opened": QCoreApplication.translate("CaseLabels", "Opened"),
        "status": QCoreApplication.translate("CaseLabels", "Status changed to"),
        "assigned": QCoreApplication.translate("CaseLabels", "Assigned to"),
        "priority": QCoreApplication.translate("CaseLabels", "Priority changed to"),
        "note": QCoreApplication.translate("CaseLabels", "Note"),
    }
