"""The dashboard changes when a contact is logged (service + notify), and its report button writes the
PDF and the CSV in the chosen language."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from embassy_desk.gui.dashboard.view import DashboardView
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.services import contacts, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def _view(qtbot: QtBot, admin: Session) -> DashboardView:
    view = DashboardView(admin)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=10_000)
    return view


def test_the_dashboard_moves_when_a_contact_is_logged(qtbot: QtBot, admin: Session) -> None:
    person = registry.register_citizen(admin, aigerim()).id
    view = _view(qtbot, admin)
    assert view.tiles["safe"].value.text() == "0"
    assert view.tiles["unknown"].value.text() == "1"
    assert "Safe: 0 (0.0 %)" in view.welfare_chart.texts()

    contacts.log_contact(admin, person, channel="phone", outcome="reached", welfare="safe")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        notify(DataChange(frozenset({Kind.CONTACTS}), citizen_ids=(person,)))

    assert view.tiles["safe"].value.text() == "1"
    assert view.tiles["safe"].share.text() == "100.0 %"
    assert view.tiles["unknown"].value.text() == "0"
    assert "Safe: 1 (100.0 %)" in view.welfare_chart.texts()
    assert view.contacts_chart.values[-1] == 1
    view.stop()


def test_changes_that_do_not_concern_it_do_not_refresh(qtbot: QtBot, admin: Session) -> None:
    view = _view(qtbot, admin)
    with qtbot.assertNotEmitted(view.refreshed, wait=700):
        notify(DataChange(frozenset({Kind.NOTICES})))
    view.stop()


def test_the_report_button_writes_the_pdf_and_the_csv(
    qtbot: QtBot, admin: Session, tmp_path: Path, monkeypatch: object, dialogs: object
) -> None:
    registry.register_citizen(admin, aigerim())
    view = _view(qtbot, admin)
    view.language.setCurrentIndex(view.language.findData("kk"))
    target = tmp_path / "report.pdf"
    view.report_paths = lambda: (target, target.with_suffix(".csv"))  # type: ignore[method-assign]
    with qtbot.waitSignal(view.report_written, timeout=30_000):
        view.report_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    csv_text = target.with_suffix(".csv").read_text(encoding="utf-8")
    assert csv_text.startswith("section,item,count,percent")
    assert "Қауіпсіз екені расталды" in csv_text
    view.stop()
