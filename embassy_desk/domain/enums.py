"""Closed vocabularies of the registry. Values are stable: they are stored and synced."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    OFFICER = "officer"
    CLERK = "clerk"
    VIEWER = "viewer"


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNSPECIFIED = "X"


class PurposeOfStay(StrEnum):
    VISIT = "visit"
    STUDY = "study"
    WORK = "work"
    FAMILY = "family"
    RESIDENCE = "residence"
    OTHER = "other"


class CitizenStatus(StrEnum):
    PRESENT = "present"
    DEPARTED = "departed"
    TRANSFERRED = "transferred"
    DECEASED = "deceased"


class WelfareStatus(StrEnum):
    UNKNOWN = "unknown"
    SAFE = "safe"
    NEEDS_ASSISTANCE = "needs_assistance"
    UNREACHABLE = "unreachable"
    EVACUATED = "evacuated"


class Vulnerability(StrEnum):
    MINOR = "minor"
    ELDERLY = "elderly"
    MEDICAL = "medical"
    MOBILITY = "mobility"
    PREGNANCY = "pregnancy"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    OTHER = "other"


class Channel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    VISIT = "visit"
    MESSENGER = "messenger"
    LETTER = "letter"


class Direction(StrEnum):
    OUTGOING = "outgoing"
    INCOMING = "incoming"


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    MESSAGE_LEFT = "message_left"
    BUSY = "busy"
    DECLINED = "declined"


class CaseKind(StrEnum):
    EVACUATION = "evacuation"
    LOST_DOCUMENTS = "lost_documents"
    MEDICAL = "medical"
    DETENTION = "detention"
    FINANCIAL = "financial"
    DEATH = "death"
    MISSING_PERSON = "missing_person"
    OTHER = "other"


class CasePriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class CaseStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"
    CLOSED = "closed"
