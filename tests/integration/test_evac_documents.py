"""What leaves the workstation about a flight: the carrier's CSV, the printed manifest (text read back from
the PDF), and the boarding notices issued through the notices service and recorded."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import text

from embassy_desk.domain.enums import ManifestList, Role
from embassy_desk.domain.errors import PermissionDeniedError, ValidationError
from embassy_desk.services import evacuation, notices
from embassy_desk.services.evacuation_documents import CSV_COLUMNS
from embassy_desk.services.session import Session
from tests.integration.test_evacuation import ask, flight, person
from tests.notice_pdf import embedded_fonts, page_texts, squash


@pytest.fixture
def filled(admin: Session) -> tuple[str, dict[str, str]]:
    """A flight of 3 seats: a mother and son (child priority; his passport expires), a medical case, and a
    man with no passport who waits."""
    mother = person(
        admin,
        surname="Жұмабаева",
        given_names="Әйгерім",
        surname_latin="ZHUMABAYEVA",
        given_names_latin="AIGERIM",
        sex="F",
        household="Zhumabayev family",
        nationality="KAZ",
    )
    son = person(
        admin,
        surname="Жұмабаев",
        given_names="Нұрлан",
        surname_latin="ZHUMABAYEV",
        given_names_latin="NURLAN",
        household="Zhumabayev family",
        birth_date="2016-04-04",
        passport_expiry_date="2026-12-01",
    )
    sick = person(admin, surname_latin="SEIT", vulnerabilities="medical")
    waits = person(admin, surname="Өмірзақов", surname_latin="OMIRZAKOV", passport_number=None)
    for cid in (mother, sick, waits):
        ask(admin, cid)
    fid = flight(admin, 3)
    m = evacuation.build_manifest(admin, fid)
    assert {r.citizen_id for r in m.passengers} == {mother, son, sick}
    return fid, {"mother": mother, "son": son, "sick": sick, "waits": waits}


def test_the_carriers_csv(admin: Session, filled: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    fid, _who = filled
    target = tmp_path / "kc910.csv"
    assert evacuation.export_manifest_csv(admin, fid, target) == 3
    assert target.stat().st_mode & 0o777 == 0o600
    with target.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert [r["seq"] for r in rows] == ["1", "2", "3"]
    by_surname = {r["surname"]: r for r in rows}
    mother = by_surname["ZHUMABAYEVA"]
    assert (mother["given_names"], mother["sex"], mother["nationality"]) == ("AIGERIM", "F", "KAZ")
    assert mother["document_type"] == "P" and mother["document_number"].startswith("N")
    assert mother["document_expiry"] == "2030-01-01" and mother["birth_date"] == "1990-01-01"
    son = by_surname["ZHUMABAYEV"]
    assert son["passport_flag"] == "expired" and son["priority"] == "child_family"
    assert son["household"] == mother["household"] == "1"
    # The medical case first.
    assert rows[0]["surname"] == "SEIT" and rows[0]["priority"] == "medical"
    assert rows[0]["status"] == "confirmed" and rows[0]["household"] == ""
    with admin.read() as conn:
        audit = conn.execute(text("SELECT details FROM audit_log WHERE action = 'evac.export'")).scalar_one()
    assert audit == '{"rows":3}' or '"rows": 3' in audit


@pytest.mark.parametrize(
    ("language", "title", "waiting"),
    [
        ("en", "Evacuation manifest", "Waiting list (1)"),
        ("ru", "Список эвакуируемых пассажиров", "Лист ожидания (1)"),
        ("kk", "Эвакуацияланатын жолаушылар тізімі", "Күту тізімі (1)"),
    ],
)
def test_the_printed_manifest(
    admin: Session,
    filled: tuple[str, dict[str, str]],
    tmp_path: Path,
    language: str,
    title: str,
    waiting: str,
) -> None:
    fid, _who = filled
    evacuation.board(admin, fid, _who["mother"], "checked_in")
    target = tmp_path / f"manifest-{language}.pdf"
    pages = evacuation.print_manifest(admin, fid, target, language=language)
    assert pages == 1
    assert target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    body = squash(" ".join(page_texts(data)))
    for expected in (title, waiting, "Air Astana", "KC910", "ICN", "ALA", "Embassyyard,1Example-ro"):
        assert squash(expected) in body
    # Passengers numbered with the passport name, the Cyrillic name with Kazakh letters, flags in words.
    for expected in (
        "ZHUMABAYEVAAIGERIM",
        "ЖұмабаеваӘйгерім",
        "ЖұмабаевНұрлан",
        "PN",
        "2016-04-04",
        "OMIRZAKOV",
    ):
        assert squash(expected) in body
    flags = {"en": ("EXPIRED", "MISSING"), "ru": ("ИСТЁК", "НЕТДАННЫХ"), "kk": ("МЕРЗІМІӨТКЕН", "ДЕРЕКЖОҚ")}
    for flag in flags[language]:
        assert squash(flag) in body
    status = {"en": "checkedin", "ru": "зарегистрирован", "kk": "тіркелді"}[language]
    assert status in body
    page = {"en": "Page1of1", "ru": "Страница1из1", "kk": "1беттің1-беті"}[language]
    assert page in body
    # The waiting list comes after the passengers.
    assert body.index(squash(waiting)) > body.index("ZHUMABAYEVAAIGERIM")
    assert body.index("OMIRZAKOV") > body.index(squash(waiting))
    assert all(embedded_fonts(data).values())


def test_a_long_manifest_has_numbered_pages(admin: Session, tmp_path: Path) -> None:
    people = [person(admin) for _ in range(45)]
    for cid in people:
        ask(admin, cid)
    fid = flight(admin, 40)
    evacuation.build_manifest(admin, fid)
    target = tmp_path / "long.pdf"
    pages = evacuation.print_manifest(admin, fid, target)
    texts = page_texts(target.read_bytes())
    assert pages == len(texts) >= 2
    assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1))
    assert all("KC 910" in t for t in texts)  # the running head names the flight on every page
    with pytest.raises(ValidationError) as caught:
        evacuation.print_manifest(admin, fid, target, language="de")
    assert caught.value.field == "lang"


def test_boarding_notices_one_per_passenger_recorded(
    admin: Session, filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    fid, who = filled
    target = tmp_path / "boarding.pdf"
    assert evacuation.issue_boarding_notices(admin, fid, target, languages=["kk", "en"]) == 3
    texts = page_texts(target.read_bytes())
    body = squash(" ".join(texts))
    assert body.count("KC910") >= 3
    assert squash("Embassy yard, 1 Example-ro") in body
    assert "03:30" in body  # three hours before a 06:30 departure
    assert "ZHUMABAYEVAAIGERIM" in body
    issued = notices.list_issued(admin)
    assert {n.citizen_id for n in issued if n.kind == "evacuation-boarding"} == {
        who["mother"],
        who["son"],
        who["sick"],
    }


def test_documents_need_the_manager_role(
    admin: Session, filled: tuple[str, dict[str, str]], session_for: object, tmp_path: Path
) -> None:
    fid, _who = filled
    clerk = session_for(Role.CLERK)  # type: ignore[operator]
    with pytest.raises(PermissionDeniedError):
        evacuation.export_manifest_csv(clerk, fid, tmp_path / "x.csv")
    with pytest.raises(PermissionDeniedError):
        evacuation.print_manifest(clerk, fid, tmp_path / "x.pdf")
    assert not (tmp_path / "x.csv").exists()


def test_someone_kept_apart_has_no_family_number_and_no_passport_no_document_type(
    admin: Session, filled: tuple[str, dict[str, str]], tmp_path: Path
) -> None:
    fid, who = filled
    # The mother is kept apart from her household and the man without a passport takes a seat.
    evacuation.move(admin, fid, who["mother"], ManifestList.WAITING, split_household=True)
    evacuation.move(admin, fid, who["waits"], ManifestList.PASSENGER)
    target = tmp_path / "kc910.csv"
    evacuation.export_manifest_csv(admin, fid, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = {r["surname"]: r for r in csv.DictReader(handle)}
    assert rows["ZHUMABAYEV"]["household"] == "", "the son travels without the mother kept apart"
    assert (rows["OMIRZAKOV"]["document_type"], rows["OMIRZAKOV"]["document_number"]) == ("", "")
    assert rows["OMIRZAKOV"]["passport_flag"] == "missing"
