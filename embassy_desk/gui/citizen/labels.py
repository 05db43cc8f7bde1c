"""Translatable labels of the citizen vocabularies (domain/enums.py) and of the record's fields.

Built on every call, so a combo box filled after a language switch shows the new language; the
literal strings stay inside ``translate`` calls so that pyside6-lupdate finds them.
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


def sex_labels() -> dict[str, str]:
    return {
        Sex.FEMALE: QCoreApplication.translate("CitizenLabels", "Female"),
        Sex.MALE: QCoreApplication.translate("CitizenLabels", "Male"),
        Sex.UNSPECIFIED: QCoreApplication.translate("CitizenLabels", "Unspecified"),
    }


def purpose_labels() -> dict[str, str]:
    return {
        PurposeOfStay.VISIT: QCoreApplication.translate("CitizenLabels", "Visit"),
        PurposeOfStay.STUDY: QCoreApplication.translate("CitizenLabels", "Study"),
        PurposeOfStay.WORK: QCoreApplication.translate("CitizenLabels", "Work"),
        PurposeOfStay.FAMILY: QCoreApplication.translate("CitizenLabels", "Family"),
        PurposeOfStay.RESIDENCE: QCoreApplication.translate("CitizenLabels", "Residence"),
        PurposeOfStay.OTHER: QCoreApplication.translate("CitizenLabels", "Other"),
    }


def status_labels() -> dict[str, str]:
    return {
        CitizenStatus.PRESENT: QCoreApplication.translate("CitizenLabels", "Present"),
        CitizenStatus.DEPARTED: QCoreApplication.translate("CitizenLabels", "Departed"),
        CitizenStatus.TRANSFERRED: QCoreApplication.translate("CitizenLabels", "Transferred"),
        CitizenStatus.DECEASED: QCoreApplication.translate("CitizenLabels", "Deceased"),
    }


def welfare_labels() -> dict[str, str]:
    return {
        WelfareStatus.UNKNOWN: QCoreApplication.translate("CitizenLabels", "Unknown"),
        WelfareStatus.SAFE: QCoreApplication.translate("CitizenLabels", "Safe"),
        WelfareStatus.NEEDS_ASSISTANCE: QCoreApplication.translate("CitizenLabels", "Needs assistance"),
        WelfareStatus.UNREACHABLE: QCoreApplication.translate("CitizenLabels", "Unreachable"),
        WelfareStatus.EVACUATED: QCoreApplication.translate("CitizenLabels", "Evacuated"),
    }


def vulnerability_labels() -> dict[str, str]:
    return {
        Vulnerability.MINOR: QCoreApplication.translate("CitizenLabels", "Minor"),
        Vulnerability.ELDERLY: QCoreApplication.translate("CitizenLabels", "Elderly"),
        Vulnerability.MEDICAL: QCoreApplication.translate("CitizenLabels", "Medical condition"),
        Vulnerability.MOBILITY: QCoreApplication.translate("CitizenLabels", "Reduced mobility"),
        Vulnerability.PREGNANCY: QCoreApplication.translate("CitizenLabels", "Pregnancy"),
    }


def phone_kind_labels() -> dict[str, str]:
    return {
        PhoneKind.MOBILE: QCoreApplication.translate("CitizenLabels", "Mobile"),
        PhoneKind.HOME: QCoreApplication.translate("CitizenLabels", "Home"),
        PhoneKind.WORK: QCoreApplication.translate("CitizenLabels", "Work"),
        PhoneKind.OTHER: QCoreApplication.translate("CitizenLabels", "Other"),
    }


def channel_labels() -> dict[str, str]:
    return {
        Channel.PHONE: QCoreApplication.translate("CitizenLabels", "Phone call"),
        Channel.SMS: QCoreApplication.translate("CitizenLabels", "SMS"),
        Channel.EMAIL: QCoreApplication.translate("CitizenLabels", "E-mail"),
        Channel.VISIT: QCoreApplication.translate("CitizenLabels", "Visit"),
        Channel.MESSENGER: QCoreApplication.translate("CitizenLabels", "Messenger"),
        Channel.LETTER: QCoreApplication.translate("CitizenLabels", "Letter"),
    }


def direction_labels() -> dict[str, str]:
    return {
        Direction.OUTGOING: QCoreApplication.translate("CitizenLabels", "Outgoing"),
        Direction.INCOMING: QCoreApplication.translate("CitizenLabels", "Incoming"),
    }


def outcome_labels() -> dict[str, str]:
    return {
        Outcome.REACHED: QCoreApplication.translate("CitizenLabels", "Reached"),
        Outcome.NO_ANSWER: QCoreApplication.translate("CitizenLabels", "No answer"),
        Outcome.WRONG_NUMBER: QCoreApplication.translate("CitizenLabels", "Wrong number"),
        Outcome.MESSAGE_LEFT: QCoreApplication.translate("CitizenLabels", "Message left"),
        Outcome.BUSY: QCoreApplication.translate("CitizenLabels", "Busy"),
        Outcome.DECLINED: QCoreApplication.translate("CitizenLabels", "Declined"),
    }


def field_labels() -> dict[str, str]:
    """What each citizen field is called on screen (also used to name a field in messages)."""
    return {
        "surname": QCoreApplication.translate("CitizenLabels", "Surname"),
        "given_names": QCoreApplication.translate("CitizenLabels", "Given names"),
        "patronymic": QCoreApplication.translate("CitizenLabels", "Patronymic"),
        "surname_latin": QCoreApplication.translate("CitizenLabels", "Surname (Latin, as in passport)"),
        "given_names_latin": QCoreApplication.translate(
            "CitizenLabels", "Given names (Latin, as in passport)"
        ),
        "sex": QCoreApplication.translate("CitizenLabels", "Sex"),
        "birth_date": QCoreApplication.translate("CitizenLabels", "Date of birth"),
        "birth_place": QCoreApplication.translate("CitizenLabels", "Place of birth"),
        "national_id": QCoreApplication.translate("CitizenLabels", "National id (IIN)"),
        "passport_number": QCoreApplication.translate("CitizenLabels", "Passport number"),
        "passport_issue_date": QCoreApplication.translate("CitizenLabels", "Passport issued"),
        "passport_expiry_date": QCoreApplication.translate("CitizenLabels", "Passport expires"),
        "nationality": QCoreApplication.translate("CitizenLabels", "Nationality (from MRZ)"),
        "purpose_of_stay": QCoreApplication.translate("CitizenLabels", "Purpose of stay"),
        "arrival_date": QCoreApplication.translate("CitizenLabels", "Arrival"),
        "planned_departure_date": QCoreApplication.translate("CitizenLabels", "Planned departure"),
        "address": QCoreApplication.translate("CitizenLabels", "Address"),
        "city": QCoreApplication.translate("CitizenLabels", "City"),
        "region": QCoreApplication.translate("CitizenLabels", "Region"),
        "phone": QCoreApplication.translate("CitizenLabels", "Phone"),
        "phone2": QCoreApplication.translate("CitizenLabels", "Second phone"),
        "email": QCoreApplication.translate("CitizenLabels", "E-mail"),
        "messengers": QCoreApplication.translate("CitizenLabels", "Messengers"),
        "languages": QCoreApplication.translate("CitizenLabels", "Languages"),
        "emergency_contact_name": QCoreApplication.translate("CitizenLabels", "Name"),
        "emergency_contact_relation": QCoreApplication.translate("CitizenLabels", "Relation"),
        "emergency_contact_phone": QCoreApplication.translate("CitizenLabels", "Phone"),
        "household": QCoreApplication.translate("CitizenLabels", "Household"),
        "vulnerabilities": QCoreApplication.translate("CitizenLabels", "Vulnerability"),
        "consent_date": QCoreApplication.translate("CitizenLabels", "Consent given on"),
        "consent_method": QCoreApplication.translate("CitizenLabels", "Consent given how"),
        "status": QCoreApplication.translate("CitizenLabels", "Status"),
        "welfare_status": QCoreApplication.translate("CitizenLabels", "Welfare"),
        "notes": QCoreApplication.translate("CitizenLabels", "Notes"),
    }


def mrz_field_labels() -> dict[str, str]:
    """Names of the MRZ parts whose check digits can fail (domain/mrz.py MrzError.field)."""
    return {
        "document_number": QCoreApplication.translate("CitizenLabels", "document number"),
        "birth_date": QCoreApplication.translate("CitizenLabels", "date of birth"),
        "expiry_date": QCoreApplication.translate("CitizenLabels", "expiry date"),
        "personal_number": QCoreApplication.translate("CitizenLabels", "personal number"),
        "mrz": QCoreApplication.translate("CitizenLabels", "whole zone (composite check digit)"),
        "surname": QCoreApplication.translate("CitizenLabels", "name"),
        "sex": QCoreApplication.translate("CitizenLabels", "sex"),
        "nationality": QCoreApplication.translate("CitizenLabels", "nationality"),
        "issuing_state": QCoreApplication.translate("CitizenLabels", "issuing state"),
        "document_type": QCoreApplication.translate("CitizenLabels", "document type"),
    }
