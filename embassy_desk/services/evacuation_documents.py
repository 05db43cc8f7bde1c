"""What leaves the workstation about a flight: the carrier's CSV, the printed manifest, the boarding notices.

The CSV has what carriers ask for, one passenger a row in manifest order: ``seq, surname, given_names``
(Latin, as in the passport), ``sex, birth_date, nationality, document_type`` (P), ``document_number,
document_expiry, household`` (a family number: people with the same number travel together),
``priority, status, passport_flag``. It is written atomically and private to the OS user (0600), like
the registry export, with formula-like cells neutralised. Each document is audited with ids and counts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from embassy_desk.domain.enums import ManifestList, TransportKind
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, format_datetime
from embassy_desk.domain.translit import passport_latin
from embassy_desk.notices.manifest_pdf import LANGUAGES, SheetFlight, SheetRow, render_manifest
from embassy_desk.notices.text import LANGUAGES as NOTICE_LANGUAGES
from embassy_desk.services import evacuation, notices
from embassy_desk.services.evacuation_records import Manifest, ManifestRow
from embassy_desk.services.exporter import FORMULA_TRIGGERS, neutralise
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage.files import atomic_writer

CSV_COLUMNS = (
    "seq",
    "surname",
    "given_names",
    "sex",
    "birth_date",
    "nationality",
    "document_type",
    "document_number",
    "document_expiry",
    "household",
    "priority",
    "status",
    "passport_flag",
)
# Nationality for a record that names none: the post's home country as the passport writes it.
_ALPHA3 = {"KZ": "KAZ"}
# How long before departure people gather, when the notice is not told (flights; buses).
ASSEMBLY_BEFORE = {TransportKind.FLIGHT: timedelta(hours=3), TransportKind.BUS: timedelta(hours=1)}


def family_numbers(rows: Sequence[ManifestRow]) -> dict[str, int]:
    """Household id -> 1, 2, ... in order of first appearance, for households listed with two or more
    members travelling together (someone kept apart from their household by a person is not one)."""
    together = [r for r in rows if r.household_id and not r.split_override]
    counts: dict[str, int] = {}
    for r in together:
        counts[str(r.household_id)] = counts.get(str(r.household_id), 0) + 1
    numbers: dict[str, int] = {}
    for r in together:
        key = str(r.household_id)
        if counts[key] > 1 and key not in numbers:
            numbers[key] = len(numbers) + 1
    return numbers


def family_of(row: ManifestRow, numbers: dict[str, int]) -> str:
    """The family number a row is printed with ("" for someone travelling on their own)."""
    if row.split_override or not row.household_id:
        return ""
    number = numbers.get(row.household_id)
    return str(number) if number else ""


def _latin(row: ManifestRow) -> tuple[str, str]:
    if row.surname_latin or row.given_names_latin:
        return row.surname_latin, row.given_names_latin
    # No Latin name on record: the passport romanisation of the name as written at home.
    parts = row.full_name.split()
    surname = passport_latin(parts[0]) if parts else ""
    return surname, passport_latin(" ".join(parts[1:2]))


def _nationality(session: Session, row: ManifestRow) -> str:
    home = session.post.home_country.upper()
    return row.nationality or _ALPHA3.get(home, home)


def _cell(value: str) -> str:
    return neutralise(value) if value[:1] in FORMULA_TRIGGERS else value


def export_manifest_csv(session: Session, flight_id: str, path: Path) -> int:
    """Write the passenger list as the carriers' CSV; returns the passengers written."""
    session.require(Action.EVAC_MANAGE)
    m = evacuation.manifest(session, flight_id)
    numbers = family_numbers([*m.passengers, *m.waiting])
    with atomic_writer(path) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for seq, r in enumerate(m.passengers, start=1):
            surname, given = _latin(r)
            writer.writerow(
                [
                    _cell(v)
                    for v in (
                        str(seq),
                        surname,
                        given,
                        r.sex,
                        r.birth_date,
                        _nationality(session, r),
                        "P" if r.passport_number else "",
                        r.passport_number,
                        r.passport_expiry_date,
                        family_of(r, numbers),
                        r.priority.value,
                        r.status.value,
                        r.passport_flag.value if r.passport_flag else "",
                    )
                ]
            )
        out.flush()
        out.detach()
    with session.write(Action.EVAC_MANAGE) as uow:
        uow.audit("evac.export", entity="flight", entity_id=flight_id, details={"rows": len(m.passengers)})
    return len(m.passengers)


def _departs_text(departs_at: str, language: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(departs_at).replace(tzinfo=None), language)
    except ValueError:
        return departs_at


def _sheet_rows(session: Session, rows: Sequence[ManifestRow], numbers: dict[str, int]) -> list[SheetRow]:
    out = []
    for seq, r in enumerate(rows, start=1):
        surname, given = _latin(r)
        out.append(
            SheetRow(
                seq=seq,
                surname_latin=surname,
                given_names_latin=given,
                full_name=r.full_name,
                sex=r.sex,
                birth_date=r.birth_date,
                nationality=_nationality(session, r),
                document_number=r.passport_number,
                document_expiry=r.passport_expiry_date,
                family=family_of(r, numbers),
                priority=r.priority.value,
                status=r.status.value if r.list is ManifestList.PASSENGER else "confirmed",
                passport_flag=r.passport_flag.value if r.passport_flag else "",
            )
        )
    return out


def _sheet(
    session: Session, m: Manifest, language: str
) -> tuple[SheetFlight, list[SheetRow], list[SheetRow]]:
    f = m.flight
    flight = SheetFlight(
        bus=f.kind is TransportKind.BUS,
        carrier=f.carrier,
        number=f.number,
        origin=f.origin,
        destination=f.destination,
        departs=_departs_text(f.departs_at, language),
        seats=str(f.seats),
        assembly_point=f.assembly_point,
    )
    numbers = family_numbers([*m.passengers, *m.waiting])
    return flight, _sheet_rows(session, m.passengers, numbers), _sheet_rows(session, m.waiting, numbers)


def print_manifest(session: Session, flight_id: str, path: Path, *, language: str = "en") -> int:
    """Write the manifest PDF (passengers, then the waiting list) in ``language``; returns the pages."""
    session.require(Action.EVAC_MANAGE)
    lang = language.strip().casefold()
    if lang not in LANGUAGES:
        raise ValidationError("lang", Msg("evac.bad_language", value=language))
    m = evacuation.manifest(session, flight_id)
    flight, passengers, waiting = _sheet(session, m, lang)
    printed = format_datetime(datetime.fromisoformat(utc_now()), lang)
    with atomic_writer(path) as out:
        pages = render_manifest(out, flight, passengers, waiting, language=lang, printed_at=printed)
    with session.write(Action.EVAC_MANAGE) as uow:
        uow.audit(
            "evac.print",
            entity="flight",
            entity_id=flight_id,
            details={"pages": pages, "passengers": len(passengers), "waiting": len(waiting), "lang": lang},
        )
    return pages


def issue_boarding_notices(
    session: Session,
    flight_id: str,
    path: Path,
    *,
    languages: Sequence[str],
    assembly_time: str | None = None,
) -> int:
    """Issue one ``evacuation-boarding`` notice per passenger into one PDF at ``path`` (recorded and
    audited by the notices service); returns the notices. The flight, its date and time, the departure
    airport and the assembly point come from the flight; the assembly time, unless given, is three hours
    before a flight's departure (one before a bus's)."""
    session.require(Action.EVAC_MANAGE)
    m = evacuation.manifest(session, flight_id)
    if not m.passengers:
        raise ValidationError("flight", Msg("evac.no_passengers"))
    f = m.flight
    departs = datetime.fromisoformat(f.departs_at)
    gather = assembly_time or (departs - ASSEMBLY_BEFORE[f.kind]).strftime("%H:%M")
    result = notices.issue(
        session,
        kind="evacuation-boarding",
        languages=languages,
        target=path,
        selection=notices.Selection(citizen_ids=tuple(r.citizen_id for r in m.passengers)),
        params={
            "flight": f"{f.carrier} {f.number}",
            "flight_date": f"{departs:%d.%m.%Y %H:%M}",
            "departure_airport": f.origin,
            "assembly_point": dict.fromkeys(NOTICE_LANGUAGES, f.assembly_point),
            "assembly_time": gather,
        },
    )
    return result.notices
