"""Translated labels of the campaign vocabularies (outcomes, target states, campaign status) and the
names of the languages a call is made in. Built per call so a language switch applies at once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from embassy_desk.domain.enums import CallOutcome, CampaignStatus, TargetState

# The call bank's keys, in the order of the issue: 1 safe, 2 needs help, 3 no answer, 4 wrong
# number, 5 message left.
OUTCOME_KEYS: tuple[tuple[CallOutcome, Qt.Key], ...] = (
    (CallOutcome.SAFE, Qt.Key.Key_1),
    (CallOutcome.NEEDS_HELP, Qt.Key.Key_2),
    (CallOutcome.NO_ANSWER, Qt.Key.Key_3),
    (CallOutcome.WRONG_NUMBER, Qt.Key.Key_4),
    (CallOutcome.MESSAGE_LEFT, Qt.Key.Key_5),
)

# Outcomes that may be recorded for the rest of a household too (the service refuses the others).
HOUSEHOLD_OUTCOMES = frozenset({CallOutcome.SAFE, CallOutcome.NEEDS_HELP})

# The languages a call is made in; their names are written in their own language so the person
# calling finds theirs whatever the window speaks.
CALL_LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English", "ko": "한국어"}


def outcome_labels() -> dict[str, str]:
    """Call outcome value -> label."""
    return {
        CallOutcome.SAFE: QCoreApplication.translate("CampaignLabels", "Safe"),
        CallOutcome.NEEDS_HELP: QCoreApplication.translate("CampaignLabels", "Needs help"),
        CallOutcome.NO_ANSWER: QCoreApplication.translate("CampaignLabels", "No answer"),
        CallOutcome.WRONG_NUMBER: QCoreApplication.translate("CampaignLabels", "Wrong number"),
        CallOutcome.MESSAGE_LEFT: QCoreApplication.translate("CampaignLabels", "Message left"),
    }


def state_labels() -> dict[str, str]:
    """Target state value -> label."""
    return {
        TargetState.PENDING: QCoreApplication.translate("CampaignLabels", "To call"),
        TargetState.DONE: QCoreApplication.translate("CampaignLabels", "Done"),
        TargetState.FOLLOW_UP: QCoreApplication.translate("CampaignLabels", "Follow-up"),
    }


def status_labels() -> dict[str, str]:
    """Campaign status value -> label."""
    return {
        CampaignStatus.OPEN: QCoreApplication.translate("CampaignLabels", "Open"),
        CampaignStatus.CLOSED: QCoreApplication.translate("CampaignLabels", "Closed"),
    }
