"""Export from the registry screen: what the table shows, or what is selected (officers only);
the notices' recipient picker chooses by vulnerability and "not reached since"."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QItemSelectionModel
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.gui.notices.recipient import RecipientMode, RecipientPicker
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.file_actions import FileActions
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.services import audit_log, contacts, registry
from embassy_desk.services.browse import Scope
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher

PEOPLE = [("Абаева", "KR-11", "elderly"), ("Бекова", "KR-11", ""), ("Ғаниева", "KR-26", "elderly")]


def _register(session: Session) -> dict[str, str]:
    ids = {}
    for surname, region, vulnerabilities in PEOPLE:
        data = aigerim(surname=surname, region=region, national_id=None, passport_number=None)
        if vulnerabilities:
            data["vulnerabilities"] = vulnerabilities
        ids[surname] = registry.register_citizen(session, data, allow_duplicate=True).id
    return ids


def _view(qtbot: QtBot, session: Session) -> RegistryView:
    view = RegistryView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() > 0)
    return view


def _export(qtbot: QtBot, session: Session, scope: Scope, target: Path) -> list[str]:
    holder = FileActions(view_window := RegistryView(session), TaskRunner(view_window))
    qtbot.addWidget(view_window)
    task = holder.export_file(session, target, scope)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    with target.open(encoding="utf-8-sig", newline="") as f:
        return sorted(row["surname"] for row in csv.DictReader(f))


def test_export_the_filtered_rows_or_the_selected_ones(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    ids = _register(admin)
    view = _view(qtbot, admin)
    assert view.export_button.isVisibleTo(view)
    view.filters.set_value("region", "KR-11")
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() == 2)
    view.export_menu.aboutToShow.emit()
    assert view.export_shown.isEnabled() and "2" in view.export_shown.text()
    with qtbot.waitSignal(view.export_requested) as shown:
        view.export_shown.trigger()
    (scope,) = shown.args
    assert isinstance(scope, Scope) and scope.query is not None and scope.query.region == "KR-11"
    assert _export(qtbot, admin, scope, tmp_path / "seoul.csv") == ["Абаева", "Бекова"]

    # selectRow() extends or toggles when the application believes Ctrl or Shift is held (a modifier
    # state other tests can leave behind); a person's plain click replaces the selection.
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.table.selectionModel().setCurrentIndex(view.model.index(1, 0), flags)
    chosen = view.current_citizen_id()
    with qtbot.waitSignal(view.export_requested) as selected:
        view.export_selected.trigger()
    (scope,) = selected.args
    assert scope == Scope(citizen_ids=(chosen,))
    assert len(_export(qtbot, admin, scope, tmp_path / "one.csv")) == 1
    entry = next(e for e in audit_log.recent_entries(admin) if e.action == "registry.export")
    assert "selection" in entry.details and str(chosen) in entry.details
    assert ids  # registered


def test_only_officers_see_the_export_button(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    _register(admin)
    for role, visible in ((Role.OFFICER, True), (Role.CLERK, False), (Role.VIEWER, False)):
        view = _view(qtbot, session_for(role))
        assert view.export_button.isVisibleTo(view) is visible, role


def test_recipients_by_vulnerability_and_not_reached_since(qtbot: QtBot, admin: Session) -> None:
    ids = _register(admin)
    contacts.log_contact(admin, ids["Абаева"], channel="phone", outcome="reached", welfare="safe")
    window = RegistryView(admin)
    qtbot.addWidget(window)
    picker = RecipientPicker(admin, TaskRunner(window))
    qtbot.addWidget(picker)
    picker.set_mode(RecipientMode.SELECTION)
    picker.vulnerability.setCurrentIndex(picker.vulnerability.findData("elderly"))
    qtbot.waitUntil(lambda: picker.selection_count is not None and picker.selection_count.total == 2)
    picker.not_reached.setChecked(True)
    picker.not_reached_since.setDate(QDate(date.today() - timedelta(days=1)))
    qtbot.waitUntil(lambda: picker.selection_count is not None and picker.selection_count.total == 1)
    selection = picker.selection()
    assert selection.vulnerability == "elderly" and selection.not_reached_since == date.today() - timedelta(
        days=1
    )
    assert picker.selection_count is not None and picker.selection_count.first_id == ids["Ғаниева"]
    assert "Elderly" in picker.describe_selection() and "not reached since" in picker.describe_selection()
