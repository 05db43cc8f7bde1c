"""The kinds of notice: how each is laid out, whom it is for, and what the officer supplies."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg


class Layout(StrEnum):
    LETTER = "letter"  # A4 or Letter pages with header, reference, date, signature, page numbers
    CARD = "card"  # 85.6 × 54 mm fold-over cards, several to a sheet, with crop marks


class Recipient(StrEnum):
    REQUIRED = "required"  # one citizen per notice
    OPTIONAL = "optional"  # personalised for a citizen, or general ("Dear compatriots")
    NONE = "none"  # not about a citizen (the recovery sheet)


class Qr(StrEnum):
    NONE = "none"
    VCARD = "vcard"  # the embassy as a contact
    TEL = "tel"  # a tel: link to the hotline


@dataclass(frozen=True)
class KindSpec:
    id: str
    layout: Layout
    recipient: Recipient
    prefix: str  # of reference numbers
    qr: Qr
    params: tuple[str, ...] = ()  # fields the officer supplies (templates may give defaults)
    signature: bool = True
    retain_fields: bool = True  # False: the merged fields are secret and not kept for re-printing
    # Params that are sentences in a language (not names, codes or times): the officer writes one
    # text per language of the notice, and a page is never printed with another language's text.
    translated: tuple[str, ...] = ()
    # Prints the citizen's personal check-in link (URL and QR) when check-in is enabled (issue 14):
    # its templates may hold a ``checkin`` block and merge the link's expiry, ``{checkin_until}``.
    checkin: bool = False


# Fields a template may merge in, besides the kind's own params.
CITIZEN_FIELDS = (
    "full_name",
    "salutation_name",
    "full_name_latin",
    "surname",
    "given_names",
    "patronymic",
    "birth_date",
    "passport_number",
    "national_id",
    "address",
    "region",
    "phone",
)
POST_FIELDS = ("post_name", "post_address", "post_phone", "post_hotline", "post_email", "state_name")
NOTICE_FIELDS = ("reference", "date")
CHECKIN_FIELDS = ("checkin_until",)  # the URL itself is drawn per page, never merged into wording

KINDS: dict[str, KindSpec] = {
    spec.id: spec
    for spec in (
        KindSpec(
            "advisory",
            Layout.LETTER,
            Recipient.OPTIONAL,
            "ADV",
            Qr.VCARD,
            ("situation",),
            signature=False,
            translated=("situation",),
            checkin=True,
        ),
        KindSpec("letter-welfare", Layout.LETTER, Recipient.REQUIRED, "LTW", Qr.TEL),
        KindSpec(
            "letter-appointment",
            Layout.LETTER,
            Recipient.REQUIRED,
            "LTA",
            Qr.NONE,
            ("appointment_date", "appointment_time", "appointment_place", "appointment_purpose"),
            translated=("appointment_place", "appointment_purpose"),
        ),
        KindSpec(
            "letter-document-ready",
            Layout.LETTER,
            Recipient.REQUIRED,
            "LTD",
            Qr.NONE,
            ("document",),
            translated=("document",),
        ),
        KindSpec("emergency-card", Layout.CARD, Recipient.REQUIRED, "EMC", Qr.TEL, signature=False),
        KindSpec("registration-certificate", Layout.LETTER, Recipient.REQUIRED, "REG", Qr.NONE),
        KindSpec(
            "evacuation-boarding",
            Layout.LETTER,
            Recipient.REQUIRED,
            "EVB",
            Qr.TEL,
            ("flight", "flight_date", "departure_airport", "assembly_point", "assembly_time", "seat"),
            signature=False,
            translated=("assembly_point",),
        ),
        # The figures of the dashboard at a moment, for the ministry (services/sitrep.py). Its file
        # holds the wording; the service appends the figures to the body as data before rendering.
        KindSpec(
            "situation-report",
            Layout.LETTER,
            Recipient.NONE,
            "SIT",
            Qr.NONE,
            ("as_of", "officer"),
            signature=True,
        ),
        KindSpec(
            "recovery-sheet",
            Layout.LETTER,
            Recipient.NONE,
            "REC",
            Qr.NONE,
            ("recovery_code",),
            signature=False,
            retain_fields=False,
        ),
    )
}


def kind_spec(kind: str) -> KindSpec:
    """The spec of ``kind``, or a ValidationError listing the kinds."""
    try:
        return KINDS[kind]
    except KeyError:
        raise ValidationError("kind", Msg("notice.unknown_kind", kind=kind, kinds=", ".join(KINDS))) from None


def allowed_fields(spec: KindSpec) -> frozenset[str]:
    """Every field a template of this kind may merge in."""
    citizen = CITIZEN_FIELDS if spec.recipient is not Recipient.NONE else ()
    checkin = CHECKIN_FIELDS if spec.checkin else ()
    return frozenset((*citizen, *POST_FIELDS, *NOTICE_FIELDS, *checkin, *spec.params))
