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
    CHECK_IN = "check-in"  # the citizen answered a personal check-in link or an SMS (issue 14)


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


class CampaignStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class TargetState(StrEnum):
    """Where a person stands in a campaign's call list."""

    PENDING = "pending"  # still to call (a no-answer or a message left keeps them here)
    DONE = "done"  # reached: safe or needs help
    FOLLOW_UP = "follow_up"  # third no-answer or wrong number: off the call list, onto the follow-up list


class CallOutcome(StrEnum):
    """The five keys of the call bank (CLI spells them with hyphens: needs-help, no-answer...)."""

    SAFE = "safe"
    NEEDS_HELP = "needs_help"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    MESSAGE_LEFT = "message_left"


class TransportKind(StrEnum):
    FLIGHT = "flight"
    BUS = "bus"


class FlightStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"  # manifest final, boarding
    DEPARTED = "departed"
    CANCELLED = "cancelled"


class ManifestList(StrEnum):
    PASSENGER = "passenger"
    WAITING = "waiting"
    REMOVED = "removed"  # taken off by a person, or no longer a candidate (rows are never deleted)


class PassengerStatus(StrEnum):
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    BOARDED = "boarded"
    NO_SHOW = "no_show"


class EvacPriority(StrEnum):
    """The manifest's stated order, first to last."""

    MEDICAL = "medical"
    PREGNANT = "pregnant"
    CHILD_FAMILY = "child_family"  # children with their families
    ELDERLY = "elderly"
    OTHER = "other"


class PassportFlag(StrEnum):
    EXPIRED = "expired"  # expires before (or on) the travel date
    MISSING = "missing"  # no passport number or no expiry date on record


class CheckinAnswer(StrEnum):
    """What a citizen answered on their check-in page or by SMS (issue 14)."""

    SAFE = "safe"
    NEEDS_HELP = "needs_help"
    PHONE_CHANGED = "phone_changed"


class PhoneChangeStatus(StrEnum):
    """A phone number a citizen reported by check-in waits for staff; never applied silently."""

    PENDING = "pending"
    APPLIED = "applied"
    DISMISSED = "dismissed"
