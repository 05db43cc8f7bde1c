"""The Check-in screen as a duty officer sees it, grabbed offscreen in the whole window (1280×800):
check-in on, a campaign's links exported, answers counted, three reported numbers waiting. The test
checks what the picture must show; with ``EMBASSY_DESK_WRITE_SCREENSHOTS=1`` it also writes
docs/screenshots/checkin-desk.png (look at it before committing it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.gui.checkin.links import CAMPAIGN, Selection
from embassy_desk.gui.checkin.view import CheckinView
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.services import campaigns, checkin, registry
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.test_checkin_view import _reported, hq_check_in
from tests.gui.test_unlock_lock import sign_in

ROOT = Path(__file__).resolve().parents[2]
# Invented people (surname, given name, Latin, phone).
PEOPLE = (
    ("Нурланова", "Айгерим", "NURLANOVA AIGERIM", "010-5555-3101"),
    ("Сейтқали", "Дана", "SEITKALI DANA", "010-5555-3102"),
    ("Омаров", "Ерлан", "OMAROV YERLAN", "010-5555-3103"),
    ("Жақсыбекова", "Гүлнар", "ZHAKSYBEKOVA GULNAR", "010-5555-3104"),
    ("Ахметов", "Марат", "AKHMETOV MARAT", "010-5555-3105"),
    ("Бекова", "Әсел", "BEKOVA ASSEL", "010-5555-3106"),
    ("Тоқтаров", "Нұрлан", "TOKTAROV NURLAN", "02-123-4567"),
    ("Қасымова", "Аружан", "KASSYMOVA ARUZHAN", "010-5555-3108"),
)


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.mark.parametrize("language", ["en", "kk"])
def test_the_check_in_screen_in_the_window(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, tmp_path: Path, language: str
) -> None:
    translations.set_language(language, remember=False)
    window = MainWindow(paths, translations=translations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    session, workspace = window.session, window.workspace
    assert session is not None and workspace is not None
    ids = []
    for n, (surname, given, latin, phone) in enumerate(PEOPLE):
        sur_latin, given_latin = latin.split(" ")
        row = aigerim(
            surname=surname,
            given_names=given,
            surname_latin=sur_latin,
            given_names_latin=given_latin,
            patronymic="",
            national_id="",
            passport_number=f"N6000000{n}",
            phone=phone,
        )
        ids.append(registry.register_citizen(session, row, allow_duplicate=True).id)
    camp = campaigns.create_campaign(session, "Seoul: flood warning", CampaignCriteria(regions=("KR-11",)))
    checkin.set_public_address(session, "https://checkin.mfa.example.kz")
    # As the registry and the Campaigns screen tell the window after their writes.
    notify(DataChange(frozenset({Kind.CITIZENS, Kind.CAMPAIGNS}), count_changed=True))
    view = workspace.show_section("checkin")
    assert isinstance(view, CheckinView)
    qtbot.waitUntil(lambda: view.links.campaign.currentData() == camp.id)
    assert view.links.by_campaign.isChecked(), "a campaign is offered first once there is one"
    documents = tmp_path / "Documents"
    documents.mkdir()
    with qtbot.waitSignal(view.links.written, timeout=30_000):
        view.links.export_to(documents / "checkin-links-seoul.csv", Selection(CAMPAIGN, camp.id))
    # Answers as sync brings them (check-in contacts), and three reported numbers.
    for citizen_id, welfare in zip(ids[:4], ("safe", "safe", "needs_assistance", "safe"), strict=True):
        hq_check_in(session, citizen_id, welfare)
    _reported(session, ids[4], "+821077770145", "2026-12-07T01:12:00.000+00:00")
    _reported(session, ids[5], "+821033338890", "2026-12-07T02:40:00.000+00:00", "sms")
    _reported(session, ids[6], "+821055551207", "2026-12-07T03:05:00.000+00:00")
    view.refresh()
    assert view.phones.table.rowCount() == 3

    qtbot.wait(300)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    for widget in (view.address, view.links, view.phones, view.phones.apply_button, view.links.export_button):
        assert widget.isVisible() and not widget.visibleRegion().isEmpty(), widget.objectName()
    # The queue's buttons are on screen, not scrolled away below the fold.
    apply_at = view.phones.apply_button.mapTo(window, view.phones.apply_button.rect().bottomLeft())
    assert apply_at.y() < 800
    assert image.pixelColor(640, 400) != QColor(0, 0, 0)
    figures = {"en": "Links made: 8 (8 still valid)", "kk": "Жасалған сілтемелер: 8 (әлі жарамды: 8)"}
    assert figures[language] in view.figures.text()
    path = tmp_path / "checkin-desk.png"
    assert image.save(str(path)) and path.stat().st_size > 10_000
    if os.environ.get("EMBASSY_DESK_WRITE_SCREENSHOTS") == "1":
        # The English one is the documentation's; the others are for looking at (the folder given).
        folder = ROOT / "docs" / "screenshots" if language == "en" else Path(os.environ["SHOTS_DIR"])
        image.save(str(folder / ("checkin-desk.png" if language == "en" else f"checkin-desk-{language}.png")))
    window.lock()
