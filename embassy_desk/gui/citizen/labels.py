"""Translatable names of the record's fields and of the MRZ parts (vocabularies: gui/vocab_labels.py).

Built on every call, so a combo box filled after a language switch shows the new language; the
literal strings stay inside ``translate`` calls so that pyside6-lupdate finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
