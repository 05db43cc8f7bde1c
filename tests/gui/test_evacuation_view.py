"""The evacuation screen: add a flight, build a manifest that keeps a family together, see a flagged
passport, move people, board from the keyboard, print the manifest and export the carrier's CSV; a clerk
boards but cannot build."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import ManifestList, PassengerStatus, Role
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.evacuation.flight_dialog import FlightDialog
from embassy_desk.gui.evacuation.notices_dialog import BoardingNoticesDialog
from embassy_desk.gui.evacuation.tables import ManifestTableModel
from embassy_desk.gui.evacuation.view import EvacuationView
from embassy_desk.gui.notices.printing import prepare_printer
from embassy_desk.gui.tasks import Task
from embassy_desk.services import cases, evacuation, registry
from embassy_desk.services.evacuation import Flight
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher
from tests.notice_pdf import page_texts, squash

DEPARTS = datetime.now().astimezone().replace(second=0, microsecond=0) + timedelta(days=3)


@dataclass(frozen=True)
class Post:
    flight: Flight
    mother: str
    child: str
    father: str
    single: str
    other: str


def make_post(session: Session, *, seats: int = 4) -> Post:
    """A family of three (the father's passport runs out before the flight) and two single people,
    every one of them asking to leave; four seats."""

    def person(**fields: object) -> str:
        data = aigerim(passport_expiry_date="2031-06-30")
        data.update(fields)
        return registry.register_citizen(session, data).id

    family = "Nurlanov family"
    mother = person(household=family)
    child = person(
        given_names="Алия",
        birth_date="2018-05-02",
        national_id="",
        passport_number="N22222222",
        household=family,
    )
    father = person(
        surname="Нурланов",
        given_names="Ерлан",
        sex="M",
        birth_date="1990-01-20",
        national_id="",
        passport_number="N33333333",
        passport_expiry_date=(date.today() + timedelta(days=1)).isoformat(),
        household=family,
    )
    single = person(
        surname="Ахметов", given_names="Данияр", sex="M", national_id="", passport_number="N44444444"
    )
    other = person(surname="Садыкова", given_names="Дана", national_id="", passport_number="N55555555")
    for citizen_id in (mother, single, other):
        cases.open_case(session, citizen_id, kind="evacuation", summary="asks to leave")
    flight = evacuation.add_flight(
        session,
        carrier="Air Astana",
        number="KC 910",
        origin="Incheon ICN",
        destination="Almaty ALA",
        departs_at=DEPARTS.isoformat(timespec="minutes"),
        seats=seats,
        assembly_point="Embassy yard, 06:00",
    )
    return Post(flight, mother, child, father, single, other)


def make_view(qtbot: QtBot, session: Session) -> EvacuationView:
    view = EvacuationView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def finish(qtbot: QtBot, task: Task | None, timeout: int = 60_000) -> None:
    assert task is not None
    with qtbot.waitSignal(task.ended, timeout=timeout):
        pass


def column(model: ManifestTableModel, col: int) -> list[str]:
    return [str(model.data(model.index(r, col))) for r in range(model.rowCount())]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, paper="a4", title="test")
    return printer


# ------------------------------------------------------------------------------------------------


def test_add_a_flight_through_the_dialog(qtbot: QtBot, admin: Session) -> None:
    view = make_view(qtbot, admin)
    assert not view.no_flights.isHidden()
    dialog = view.add_flight()
    dialog.carrier_edit.setText("Air Astana")
    dialog.number_edit.setText("KC 910")
    dialog.origin_edit.setText("Incheon ICN")
    dialog.destination_edit.setText("Almaty ALA")
    when = DEPARTS.replace(tzinfo=None)
    dialog.departs_edit.setDateTime(
        QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
    )
    dialog.assembly_edit.setText("Embassy yard, 06:00")
    for bad in ("", "0", "many", "-3", "20000"):
        dialog.seats_edit.setText(bad)
        assert not dialog.save()
        assert dialog.banner.is_error
        assert dialog.banner.text().startswith("Seats:"), dialog.banner.text()
    assert evacuation.list_flights(admin) == []
    dialog.seats_edit.setText("180")
    dialog.destination_edit.setText("incheon icn")
    assert not dialog.save()
    assert dialog.banner.text().startswith("To:")
    dialog.destination_edit.setText("Almaty ALA")
    assert dialog.save()

    [flight] = evacuation.list_flights(admin)
    assert (flight.carrier, flight.number, flight.seats) == ("Air Astana", "KC 910", 180)
    assert datetime.fromisoformat(flight.departs_at) == DEPARTS
    assert view.no_flights.isHidden()
    model = view.flight_model
    assert [model.data(model.index(0, c)) for c in (1, 2, 3, 5)] == [
        "Air Astana",
        "KC 910",
        "Incheon ICN → Almaty ALA",
        "180",
    ]
    assert view.selected_flight_id() == flight.id
    assert "Saved: Air Astana KC 910" in view.banner.text()

    # Editing: the service's own check names the field too (fewer seats than needed is refused there).
    edit = view.edit_flight()
    assert edit is not None
    assert edit.seats_edit.text() == "180"
    edit.seats_edit.setText("150")
    assert edit.save()
    assert evacuation.get_flight(admin, flight.id).seats == 150


def test_build_a_manifest_that_keeps_the_family_together(qtbot: QtBot, admin: Session) -> None:
    post = make_post(admin)
    view = make_view(qtbot, admin)
    assert view.selected_flight_id() == post.flight.id
    assert view.panel.passengers_model.rowCount() == 0
    assert not view.print_button.isEnabled(), "nothing to print before the manifest is built"

    finish(qtbot, view.build_manifest())
    panel = view.panel
    passengers = {r.citizen_id for r in panel.passengers_model.rows}
    assert {post.mother, post.child, post.father} <= passengers, "the family sits together"
    assert len(passengers) == 4
    assert len(panel.waiting_model.rows) == 1
    text = view.banner.text()
    assert "4 passenger(s) for 4 seat(s), 1 on the waiting list" in text
    assert "1 passport(s) flagged" in text
    # The flagged passport is in words, not only in colour, and the household is named with its size.
    row = panel.passengers_model.row_of(post.father)
    model = panel.passengers_model
    assert model.data(model.index(row, ManifestTableModel.PASSPORT)) == "Expired by departure"
    assert (
        model.data(model.index(row, ManifestTableModel.PASSPORT), Qt.ItemDataRole.BackgroundRole) is not None
    )
    assert model.data(model.index(row, ManifestTableModel.HOUSEHOLD)) == "Nurlanov family (3)"
    mother_row = model.row_of(post.mother)
    assert model.data(model.index(mother_row, ManifestTableModel.PASSPORT)) == "Valid"
    assert model.data(model.index(mother_row, ManifestTableModel.NAME)) == "NURLANOVA AIGERIM"
    assert model.data(model.index(mother_row, ManifestTableModel.PRIORITY)) == "Child with family"
    # The flights list follows: four seated, one waiting.
    assert view.flight_model.data(view.flight_model.index(0, 6)) == "4 / 1"
    assert "1 passport(s) flagged" in panel.counts.text()


def test_move_people_and_keep_one_apart(qtbot: QtBot, admin: Session, dialogs: DialogWatcher) -> None:
    post = make_post(admin)
    view = make_view(qtbot, admin)
    finish(qtbot, view.build_manifest())
    panel = view.panel
    seated_single = next(
        r.citizen_id for r in panel.passengers_model.rows if r.citizen_id in (post.single, post.other)
    )
    assert panel.select(seated_single)
    assert panel.to_waiting_button.isEnabled()
    panel.to_waiting_button.click()
    manifest = evacuation.manifest(admin, post.flight.id)
    assert seated_single in {r.citizen_id for r in manifest.waiting}
    assert panel.tabs.currentIndex() == 1, "the moved person stays selected on their new list"
    assert panel.waiting_model.row_of(seated_single) >= 0
    assert view.flight_model.data(view.flight_model.index(0, 6)) == "3 / 2"

    # Moving a family member moves the whole family; keeping one apart asks first.
    assert panel.select(post.father)
    asked: list[str] = []

    def refuse(_title: str, question: str) -> bool:
        asked.append(question)
        return False

    panel.confirm = refuse
    assert not panel.keep_apart_selected()
    assert "NURLANOV ERLAN" in asked[0]
    assert post.father in {r.citizen_id for r in evacuation.manifest(admin, post.flight.id).passengers}
    panel.confirm = lambda _title, _question: True
    assert panel.keep_apart_selected()
    manifest = evacuation.manifest(admin, post.flight.id)
    assert post.father in {r.citizen_id for r in manifest.waiting}
    assert {post.mother, post.child} <= {r.citizen_id for r in manifest.passengers}
    row = panel.waiting_model.row_of(post.father)
    assert "(kept apart)" in str(
        panel.waiting_model.data(panel.waiting_model.index(row, ManifestTableModel.HOUSEHOLD))
    )

    # Taken off, and back.
    assert panel.select(seated_single)
    panel.remove_button.click()
    assert panel.tabs.tabText(2) == "Removed (1)"
    assert panel.select(seated_single)
    panel.to_passengers_button.click()
    assert seated_single in {r.citizen_id for r in evacuation.manifest(admin, post.flight.id).passengers}


def test_board_from_the_keyboard_and_a_clerk_cannot_build(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    post = make_post(admin, seats=5)
    evacuation.build_manifest(admin, post.flight.id)
    clerk = session_for(Role.CLERK)
    view = make_view(qtbot, clerk)
    assert not view.build_button.isEnabled()
    assert not view.add_button.isEnabled()
    assert not view.export_button.isEnabled()
    panel = view.panel
    assert panel.boarding_button.isEnabled()
    panel.boarding_button.click()
    assert panel.boarding and not panel.search.isHidden()

    qtbot.keyClicks(panel.search, "nurlanov erl")
    assert panel.selected_row() is not None
    assert panel.selected_row().citizen_id == post.father  # type: ignore[union-attr]
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    start = panel.passengers_model.row_of(post.father)
    order = [r.citizen_id for r in panel.passengers_model.rows]
    qtbot.keyClick(panel.passengers, Qt.Key.Key_C)
    qtbot.keyClick(panel.passengers, Qt.Key.Key_B)
    statuses = {r.citizen_id: r.status for r in evacuation.manifest(admin, post.flight.id).passengers}
    assert statuses[post.father] is PassengerStatus.CHECKED_IN
    if start + 1 < len(order):
        assert statuses[order[start + 1]] is PassengerStatus.BOARDED, "the key went to the next passenger"
    panel.find_passenger("")
    assert panel.select(order[0])
    panel.passengers.setFocus()
    qtbot.keyClick(panel.passengers, Qt.Key.Key_N)
    manifest = evacuation.manifest(admin, post.flight.id)
    assert {r.citizen_id: r.status for r in manifest.passengers}[order[0]] is PassengerStatus.NO_SHOW
    model = panel.passengers_model
    assert model.data(model.index(0, ManifestTableModel.STATUS)) == "No-show"
    assert panel.selected_row().citizen_id == order[1]  # type: ignore[union-attr]

    # The same key on a Russian or Kazakh layout types С: still "checked in".
    # (QTest cannot type a letter outside Latin-1, so the event is made here as a keyboard would.)
    press = QKeyEvent(QEvent.Type.KeyPress, 0x0421, Qt.KeyboardModifier.NoModifier, "\u0421")
    QApplication.sendEvent(panel.passengers, press)
    manifest = evacuation.manifest(admin, post.flight.id)
    assert {r.citizen_id: r.status for r in manifest.passengers}[order[1]] is PassengerStatus.CHECKED_IN

    # Outside boarding mode the keys do nothing; and the clerk cannot move people.
    panel.boarding_button.click()
    assert not panel.boarding
    before = {r.citizen_id: r.status for r in evacuation.manifest(admin, post.flight.id).passengers}
    assert panel.select(order[1])
    panel.passengers.setFocus()
    qtbot.keyClick(panel.passengers, Qt.Key.Key_N)
    after = {r.citizen_id: r.status for r in evacuation.manifest(admin, post.flight.id).passengers}
    assert after == before
    assert not panel.to_waiting_button.isEnabled()
    assert not panel.move_person(order[1], ManifestList.WAITING)
    assert panel.banner.is_error

    # The service's own checks are named by field in the dialog too: fewer seats than people checked in.
    evacuation.board(admin, post.flight.id, order[2], PassengerStatus.BOARDED)  # two now hold a seat
    dialog = FlightDialog(admin, evacuation.get_flight(admin, post.flight.id))
    qtbot.addWidget(dialog)
    dialog.seats_edit.setText("1")
    assert not dialog.save()
    assert dialog.banner.is_error
    assert "seats" in dialog.banner.text().casefold()
    assert evacuation.get_flight(admin, post.flight.id).seats == 5


def test_print_the_manifest_and_export_for_the_carrier(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    post = make_post(admin)
    evacuation.build_manifest(admin, post.flight.id)
    view = make_view(qtbot, admin)
    assert view.print_button.isEnabled()

    pdf = tmp_path / "manifest.pdf"
    finish(qtbot, view.save_manifest_pdf(pdf))
    text = squash(" ".join(page_texts(pdf.read_bytes())))
    assert "KC910" in text
    assert "NURLANOVA" in text and "N33333333" in text
    assert "Manifestsaved" in squash(view.banner.text())

    printed = tmp_path / "printed.pdf"
    finish(qtbot, view.print_manifest_to(pdf_printer(printed)))
    assert printed.stat().st_size > 0
    assert "page(s) of the manifest" in view.banner.text()

    target = tmp_path / "carrier.csv"
    finish(qtbot, view.export_csv(target))
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    body = "\n".join(",".join(r) for r in rows[1:])
    assert len(rows) - 1 == 4
    assert "N12345678" in body and "NURLANOVA" in body
    assert "Exported 4 passenger(s)" in view.banner.text()


def test_boarding_notices_in_the_languages_chosen(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    post = make_post(admin)
    evacuation.build_manifest(admin, post.flight.id)
    view = make_view(qtbot, admin)
    dialog = BoardingNoticesDialog(4, view)
    qtbot.addWidget(dialog)
    assert dialog.languages() == ["auto", "ko"]
    dialog.set_languages("kk", "kk")
    assert dialog.languages() == ["kk"], "a second language that repeats the first is left out"
    dialog.set_languages("ru", "")
    assert dialog.languages() == ["ru"]
    assert "4 passenger(s)" in dialog.intro.text()

    target = tmp_path / "boarding.pdf"
    finish(qtbot, view.boarding_notices(target, ["ru", "ko"]))
    assert "Boarding notices issued for 4 passenger(s)" in view.banner.text(), view.banner.text()
    text = squash(" ".join(page_texts(target.read_bytes())))
    assert "KC910" in text
    assert "НУРЛАНОВА" in text.upper()


def test_the_screen_follows_changes_made_elsewhere_and_a_viewer_only_looks(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    post = make_post(admin)
    viewer = session_for(Role.VIEWER)
    view = make_view(qtbot, viewer)
    assert view.panel.passengers_model.rowCount() == 0
    # Built on another screen (or by the command line in this window's session): the event brings it here.
    evacuation.build_manifest(admin, post.flight.id)
    notify(DataChange(frozenset({Kind.EVACUATION})))
    assert view.panel.passengers_model.rowCount() == 4
    assert view.flight_model.data(view.flight_model.index(0, 6)) == "4 / 1"
    for button in (view.add_button, view.build_button, view.print_button, view.panel.boarding_button):
        assert not button.isEnabled()
    view.panel.set_boarding_mode(True)
    assert not view.panel.boarding
