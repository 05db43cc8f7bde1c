"""The Check-in screen: an administrator sets headquarters' public address (a bad one is refused in a
dialog), a campaign's links go to a private CSV off the GUI thread, the phone numbers citizens reported
show up when sync brings them and are applied or dismissed there; a clerk reviews numbers but makes no
links; the screen follows a language switch. Real encrypted workstation, real services."""

from __future__ import annotations

import csv
import json
import stat
import subprocess
import sys
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import Role
from embassy_desk.domain.ids import uuid7
from embassy_desk.gui.checkin.links import CAMPAIGN, EVERYONE, REGION, LinksWritten, Selection
from embassy_desk.gui.checkin.view import CheckinView
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.services import audit_log, campaigns, checkin, registry
from embassy_desk.services.session import Session
from embassy_desk.sync import apply
from embassy_desk.sync.wire import PulledEntry
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(sys.executable).parent
ADDRESS = "https://checkin.example.org"
_SEQ = count(1)


def _people(admin: Session) -> dict[str, str]:
    def row(surname: str, passport: str, phone: str) -> dict[str, object]:
        return aigerim(surname=surname, national_id="", passport_number=passport, phone=phone)

    rows = {
        "Адамова": row("Адамова", "N40000001", "010-5555-1001"),
        "Бекова": row("Бекова", "N40000002", "010-5555-1002"),
        # A landline only: no SMS can carry the link, the file still lists her (empty phone).
        "Ғалымова": row("Ғалымова", "N40000003", "02-123-4567"),
    }
    return {
        name: registry.register_citizen(admin, row, allow_duplicate=True).id for name, row in rows.items()
    }


def _view(qtbot: QtBot, session: Session) -> CheckinView:
    view = CheckinView(session)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def from_hq(session: Session, entity: str, fields: dict[str, Any]) -> str:
    """A record as HQ's drainer writes it into the post's log, applied exactly as a sync applies it."""
    record_id = uuid7()
    seq = next(_SEQ)
    entry = PulledEntry(
        id=uuid7(),
        entity=entity,
        record_id=record_id,
        op="create",
        fields=fields,
        hlc=f"17900000{seq:05d}-00000-hq",
        staff="hq",
        schema_version=2,
        seq=seq,
        device="hq",
    )
    report = apply.apply_batch(session, [entry], cursor=seq)
    assert report.applied == 1 and not report.malformed
    return record_id


def _reported(session: Session, citizen_id: str, phone: str, at: str, source: str = "web") -> str:
    fields = {
        "citizen_id": citizen_id,
        "phone": phone,
        "reported_at": at,
        "source": source,
        "status": "pending",
    }
    return from_hq(session, "phone_change", fields)


def hq_check_in(session: Session, citizen_id: str, welfare: str | None) -> str:
    """The contact HQ's drainer writes for an answer (hq/checkin_drain.py), applied as sync applies it."""
    fields: dict[str, Any] = {
        "citizen_id": citizen_id,
        "at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "channel": "check-in",
        "direction": "incoming",
        "staff": "check-in",
        "outcome": "reached",
        "welfare_status": welfare,
        "note": None,
        "follow_up_due": None,
        "campaign_id": None,
    }
    return from_hq(session, "contact", fields)


def _phones(session: Session, citizen_id: str) -> list[str]:
    stored = registry.get_citizen(session, citizen_id).fields.get("phones")
    return [p["number"] for p in json.loads(str(stored or "[]"))]


def test_an_administrator_turns_check_in_on_and_exports_a_campaigns_links(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    ids = _people(admin)
    camp = campaigns.create_campaign(admin, "Seoul check", CampaignCriteria(regions=("KR-11",)))
    view = _view(qtbot, admin)
    links, address = view.links, view.address
    assert "Check-in is off" in address.state.text()
    assert not links.export_button.isEnabled()
    assert links.note.text() == "Set headquarters' public address first: links lead there."
    assert links.campaign.currentData() == camp.id and links.by_campaign.isChecked()

    # Plain http to a real host is refused, said in a dialog; nothing is stored.
    qtbot.keyClicks(address.field, "http://checkin.example.org")
    qtbot.mouseClick(address.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.seen))
    assert "https://" in dialogs.seen[-1].text
    assert checkin.public_address(admin) is None and not links.export_button.isEnabled()

    address.field.setText(ADDRESS + "/")
    qtbot.mouseClick(address.save_button, Qt.MouseButton.LeftButton)
    assert checkin.public_address(admin) == ADDRESS
    assert address.field.text() == ADDRESS
    assert address.state.text().startswith(f"Check-in is on: links lead to {ADDRESS}/c/")
    assert links.export_button.isEnabled()
    assert "takes the person off the call list" in links.note.text()

    target = tmp_path / "links.csv"
    with qtbot.waitSignal(links.written, timeout=30_000) as done:
        links.export_to(target, Selection(CAMPAIGN, camp.id))
        assert not links.export_button.isEnabled(), "one export at a time"
    result = done.args[0]
    assert isinstance(result, LinksWritten) and result.links == 3 and result.without_phone == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["citizen_id"] for r in rows) == sorted(ids.values())
    by_id = {r["citizen_id"]: r for r in rows}
    assert by_id[ids["Адамова"]]["phone"] == "+821055551001"
    assert by_id[ids["Ғалымова"]]["phone"] == ""
    assert all(r["url"].startswith(ADDRESS + "/c/") and len(r["url"]) == len(ADDRESS) + 3 + 22 for r in rows)
    assert links.result.text().startswith("3 links written to links.csv (1 without a mobile number")
    assert links.result.toolTip() == str(target)
    qtbot.waitUntil(lambda: view.figures.text().startswith("Links made: 3 (3 still valid)"))
    assert links.export_button.isEnabled()
    # Nobody can read a link again: the post keeps hashes only.
    with admin.read() as conn:
        stored = conn.exec_driver_sql("SELECT token_hash FROM checkin_links").scalars().all()
    assert len(stored) == 3 and not any(r["url"].rsplit("/", 1)[1] in stored for r in rows)
    actions = [e.action for e in audit_log.recent_entries(admin, limit=10)]
    assert "checkin.links" in actions and "checkin.address" in actions
    view.stop()


def test_a_region_and_no_open_campaign(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    _people(admin)
    checkin.set_public_address(admin, ADDRESS)
    view = _view(qtbot, admin)
    links = view.links
    assert links.campaign.count() == 0 and links.everyone.isChecked()
    links.by_campaign.setChecked(True)
    assert not links.export_button.isEnabled()
    assert "No open campaign" in links.note.text()
    links.by_region.setChecked(True)
    links.region.setCurrentIndex(links.region.findData("KR-11"))
    assert links.region.currentText() == "Seoul"
    assert links.export_button.isEnabled()
    with qtbot.waitSignal(links.written, timeout=30_000) as done:
        links.export_to(tmp_path / "seoul.csv", Selection(REGION, "KR-11"))
    assert done.args[0].links == 3
    view.stop()


def test_reported_numbers_arrive_with_sync_and_are_applied_or_dismissed(
    qtbot: QtBot, admin: Session, dialogs: DialogWatcher
) -> None:
    ids = _people(admin)
    view = _view(qtbot, admin)
    queue = view.phones
    assert queue.empty.isVisible() and not queue.table.isVisible()
    assert queue.empty.text() == "No reported phone number waits for review."
    assert not queue.apply_button.isEnabled()

    # Sync brings two reports (HQ's drainer wrote them); the runner tells every view, as after a sync.
    first = _reported(admin, ids["Адамова"], "+821099998888", "2026-12-07T01:00:00.000+00:00")
    second = _reported(admin, ids["Бекова"], "+821011112222", "2026-12-07T02:00:00.000+00:00", "sms")
    notify(DataChange(frozenset(Kind), count_changed=True))
    qtbot.waitUntil(lambda: queue.table.rowCount() == 2, timeout=5_000)
    assert queue.table.isVisible() and not queue.empty.isVisible()
    row = [queue.table.item(0, c).text() for c in range(queue.table.columnCount())]
    assert row[0].startswith("Адамова Айгерим")
    assert row[1] == "+821055551001" and row[2] == "+821099998888"
    assert row[3].startswith("07.12.2026") and row[4] == "check-in page"
    assert queue.table.item(1, 4).text() == "SMS"
    assert "phone numbers to review: 2" in view.figures.text()

    queue.table.selectRow(0)
    with qtbot.waitSignal(queue.resolved) as applied:
        qtbot.mouseClick(queue.apply_button, Qt.MouseButton.LeftButton)
    assert applied.args == [first]
    assert _phones(admin, ids["Адамова"]) == ["+821099998888", "+821055551001"], "new first, old kept"
    assert queue.table.rowCount() == 1 and queue.selected() is not None and queue.selected().id == second

    before = _phones(admin, ids["Бекова"])
    qtbot.mouseClick(queue.dismiss_button, Qt.MouseButton.LeftButton)
    assert _phones(admin, ids["Бекова"]) == before
    assert queue.empty.isVisible() and queue.table.rowCount() == 0
    qtbot.waitUntil(lambda: "phone numbers to review: 0" in view.figures.text())
    assert dialogs.seen == []

    # Another workstation decided a report meanwhile: the screen says so and drops it.
    third = _reported(admin, ids["Ғалымова"], "+821033334444", "2026-12-07T03:00:00.000+00:00")
    view.refresh()
    assert queue.table.rowCount() == 1
    checkin.dismiss_phone_change(admin, third)
    qtbot.mouseClick(queue.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.seen))
    assert queue.table.rowCount() == 0
    assert _phones(admin, ids["Ғалымова"]) == ["+8221234567"]
    view.stop()


def test_a_clerk_reviews_numbers_but_makes_no_links(qtbot: QtBot, admin: Session, session_for: Any) -> None:
    _people(admin)
    checkin.set_public_address(admin, ADDRESS)
    clerk = session_for(Role.CLERK)
    view = _view(qtbot, clerk)
    assert view.address.field.isReadOnly() and not view.address.save_button.isVisible()
    assert view.address.field.text() == ADDRESS
    assert not view.links.export_button.isEnabled()
    assert view.links.note.text() == "Officers and administrators make check-in links."
    assert view.phones.may_review
    view.stop()


@pytest.fixture
def kazakh(tmp_path: Path, qapp: object) -> Any:
    qm = tmp_path / "checkin_kk.qm"
    subprocess.run(
        [
            str(TOOLS / "pyside6-lrelease"),
            "-silent",
            str(ROOT / "resources" / "translations" / "checkin_kk.ts"),
            "-qm",
            str(qm),
        ],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_screen_follows_a_language_switch(qtbot: QtBot, admin: Session, kazakh: QTranslator) -> None:
    view = _view(qtbot, admin)
    assert view.heading.text() == "Check-in: citizens answer themselves"
    QCoreApplication.installTranslator(kazakh)
    qtbot.waitUntil(lambda: view.heading.text() == "Белгі қою: азаматтар өздері жауап береді")
    assert view.address.title() == "Орталықтың жария мекенжайы"
    assert view.links.export_button.text() == "Сілтемелерді CSV-ге &шығару…"
    assert view.phones.table.horizontalHeaderItem(2).text() == "Хабарланған нөмір"
    assert view.figures.text().startswith("Жасалған сілтемелер: 0")
    QCoreApplication.removeTranslator(kazakh)
    qtbot.waitUntil(lambda: view.heading.text() == "Check-in: citizens answer themselves")
    view.stop()


def test_a_folder_that_cannot_be_written_makes_no_links(
    qtbot: QtBot, admin: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from embassy_desk.gui import tasks

    _people(admin)
    checkin.set_public_address(admin, ADDRESS)
    view = _view(qtbot, admin)
    failures: list[BaseException] = []
    monkeypatch.setattr(tasks, "handle_exception", lambda exc, parent=None: failures.append(exc))
    task = view.links.export_to(tmp_path / "missing-folder" / "links.csv", Selection(EVERYONE))
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    assert failures and isinstance(failures[0], OSError)
    assert checkin.checkin_status(admin).links == 0, "nothing made for a file that cannot be written"
    assert view.links.export_button.isEnabled()
    view.stop()
