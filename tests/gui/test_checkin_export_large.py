"""30,000 links from the Check-in screen: made and written off the GUI thread (the window keeps
answering: a timer on the GUI thread never waits long), in seconds, one row per person."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from embassy_desk.gui.checkin.links import EVERYONE, Selection
from embassy_desk.gui.checkin.view import CheckinView
from embassy_desk.services import checkin
from embassy_desk.services.importer import import_rows
from embassy_desk.services.session import Session

PEOPLE = 30_000


def test_thirty_thousand_links_leave_the_window_responsive(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    rows = (
        (
            n + 2,
            {
                "surname": "Тестова",
                "given_names": "Айгерим",
                "sex": "F",
                "birth_date": "1990-01-01",
                "region": "Seoul",
                "phone": f"010-{4000 + n // 10000:04d}-{n % 10000:04d}",
                "languages": ("kk", "ru", "ko", "en")[n % 4],
            },
        )
        for n in range(PEOPLE)
    )
    assert not import_rows(admin, rows, allow_duplicates=True).rejected
    checkin.set_public_address(admin, "https://checkin.example.org")
    view = CheckinView(admin)
    qtbot.addWidget(view)
    view.show()
    view.links.everyone.setChecked(True)

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    target = tmp_path / "everyone.csv"
    started = time.perf_counter()
    with qtbot.waitSignal(view.links.written, timeout=120_000) as done:
        view.links.export_to(target, Selection(EVERYONE))
    took = time.perf_counter() - started
    timer.stop()

    assert done.args[0].links == PEOPLE and done.args[0].without_phone == 0
    with target.open(encoding="utf-8") as handle:
        assert sum(1 for _ in handle) == PEOPLE + 1
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    longest = max(gaps) if gaps else took
    where = ticks[gaps.index(longest)] - started if gaps else 0.0
    print(f"\n{PEOPLE:,} links from the screen in {took:.2f} s; longest GUI-thread pause")
    print(f"{longest * 1000:.0f} ms at {where:.2f} s; {len(ticks)} ticks")
    assert took < 60
    # Done on the GUI thread, the export would freeze it for the whole run (about 6 s here). A short
    # pause remains possible on this shared 2-core machine (the OS, the worker's turn at the GIL);
    # measured 0.1-0.5 s, so the bound leaves room for a busy CI machine without hiding a freeze.
    assert longest < min(1.5, took / 3), f"the GUI thread stalled {longest:.2f} s"
    # The screen's own refresh (figures, queue) stays on the GUI thread: it must stay short.
    started = time.perf_counter()
    view.refresh()
    refresh = time.perf_counter() - started
    print(f"refresh with {PEOPLE:,} links: {refresh * 1000:.0f} ms")
    assert view.figures.text().startswith("Links made: 30,000 (30,000 still valid)")
    assert refresh < 0.5
    view.stop()
