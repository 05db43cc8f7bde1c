"""The Check-in screen against a real HQ (``hq serve`` on PostgreSQL) in the whole window: the
administrator enables check-in and exports a campaign's links on the screen, the window's own sync
takes them to HQ; two citizens answer at HQ ("I am safe", "my phone number has changed"); the next sync
of the window brings the drained records, and without anyone pressing refresh the screen's queue shows
the reported number, its figures count the answers, the dashboard's tile and the campaign move. The
number applied in the window goes back to HQ with the following sync."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.gui.checkin.links import CAMPAIGN, Selection
from embassy_desk.gui.checkin.view import CheckinView
from embassy_desk.gui.dashboard.view import DashboardView
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.gui.sync.runner import SyncRunner
from embassy_desk.hq import checkin as hq_checkin
from embassy_desk.hq.clock import iso
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.tables import records
from embassy_desk.services import campaigns, registry
from embassy_desk.services import sync as service
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.sync_fixtures import POST_CODE, POST_NAME
from tests.gui.test_unlock_lock import sign_in
from tests.sync_harness import Hq, postgres_url

ADDRESS = "https://checkin.example.org"
NEW_PHONE = "+821077776666"


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.fixture
def pg_hq(tmp_path: Path) -> Iterator[Hq]:
    """``hq serve`` on a fresh PostgreSQL database, with the post."""
    with postgres_url() as url:
        hq = Hq(tmp_path / "hq-root", url).init()
        hq.add_post(POST_CODE, POST_NAME)
        hq.start()
        try:
            yield hq
        finally:
            hq.stop()


def _sync(qtbot: QtBot, runner: SyncRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=30_000)
    with qtbot.waitSignal(runner.synced, timeout=60_000):
        assert runner.sync_now() is not None


def _answer(hq: Hq, url: str, token: str, answer: CheckinAnswer, phone: str | None = None) -> None:
    assert hq.db_url is not None
    engine = make_engine(hq.db_url)
    try:
        with engine.begin() as conn:
            now = iso(datetime.now(UTC))
            link = hq_checkin.find_link(conn, token_hash(token), now)
            assert link is not None, "the link reached HQ with the sync"
            hq_checkin.record_answer(conn, link, answer, now=now, language="ru", source="web", phone=phone)
    finally:
        engine.dispose()


def _hq_state(hq: Hq, entity: str, record_id: str) -> dict[str, object]:
    assert hq.db_url is not None
    engine = make_engine(hq.db_url)
    try:
        with engine.connect() as conn:
            state = conn.execute(
                select(records.c.state).where(records.c.entity == entity, records.c.record_id == record_id)
            ).scalar_one()
    finally:
        engine.dispose()
    values = json.loads(state).get("values", {})
    assert isinstance(values, dict)
    return values


def test_answers_reach_the_screen_with_the_windows_sync(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, pg_hq: Hq, tmp_path: Path
) -> None:
    window = MainWindow(paths, translations=translations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    session, workspace = window.session, window.workspace
    assert session is not None and workspace is not None
    runner = workspace.sync_runner
    assert runner is not None
    runner.first.stop()  # only the syncs this test starts
    runner.periodic.stop()
    runner.after_write.stop()
    service.enroll(session, pg_hq.url, pg_hq.enroll_code(POST_CODE))

    safe = registry.register_citizen(
        session, aigerim(national_id="", passport_number="N50000001", phone="010-5555-2001")
    ).id
    moved = registry.register_citizen(
        session,
        aigerim(given_names="Дана", national_id="", passport_number="N50000002", phone="010-5555-2002"),
        allow_duplicate=True,
    ).id
    camp = campaigns.create_campaign(session, "Seoul check", CampaignCriteria(regions=("KR-11",)))
    assert campaigns.campaign_progress(session, camp.id).remaining == 2

    view = workspace.show_section("checkin")
    assert isinstance(view, CheckinView)
    view.address.field.setText(ADDRESS)
    qtbot.mouseClick(view.address.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.links.export_button.isEnabled())
    target = tmp_path / "links.csv"
    with qtbot.waitSignal(view.links.written, timeout=30_000):
        view.links.export_to(target, Selection(CAMPAIGN, camp.id))
    with target.open(encoding="utf-8", newline="") as handle:
        tokens = {row["citizen_id"]: row["url"].rsplit("/", 1)[1] for row in csv.DictReader(handle)}
    runner.after_write.stop()
    _sync(qtbot, runner)  # the links go to HQ

    _answer(pg_hq, ADDRESS, tokens[safe], CheckinAnswer.SAFE)
    _answer(pg_hq, ADDRESS, tokens[moved], CheckinAnswer.PHONE_CHANGED, phone=NEW_PHONE)
    dashboard = workspace.view("dashboard")
    assert isinstance(dashboard, DashboardView)
    workspace.show_section("checkin")
    _sync(qtbot, runner)  # HQ drains before the pull: the answers come back as records

    queue = view.phones
    qtbot.waitUntil(lambda: queue.table.rowCount() == 1, timeout=10_000)
    assert queue.table.item(0, 2).text() == NEW_PHONE
    assert queue.table.item(0, 1).text() == "+821055552002"
    assert queue.table.item(0, 4).text() == "check-in page"
    assert "answers received: 2 (1 safe, 0 need help)" in view.figures.text()
    assert "phone numbers to review: 1" in view.figures.text()
    assert registry.get_citizen(session, safe).fields.get("welfare_status") == "safe"
    progress = campaigns.campaign_progress(session, camp.id)
    assert (progress.done, progress.remaining) == (1, 1), "safe is done; a new number is no answer yet"

    workspace.show_section("dashboard")
    qtbot.waitUntil(lambda: dashboard.tiles["checkins"].value.text() == "2", timeout=10_000)
    assert dashboard.tiles["checkins"].share.text() == "2 in the last 24 h\n1 safe · 0 need help"

    workspace.show_section("checkin")
    queue.table.selectRow(0)
    qtbot.mouseClick(queue.apply_button, Qt.MouseButton.LeftButton)
    assert queue.table.rowCount() == 0
    phones = json.loads(str(registry.get_citizen(session, moved).fields.get("phones")))
    assert phones[0]["number"] == NEW_PHONE
    runner.after_write.stop()
    _sync(qtbot, runner)  # the applied number and the decision go to HQ
    at_hq = _hq_state(pg_hq, "citizen", moved)
    assert NEW_PHONE in json.dumps(at_hq.get("phones"))
    window.lock()
