"""Whom the notice is for: one citizen found by search, a selection (region, welfare status,
vulnerability, not reached since a day, or everyone),
or no one in particular (a general notice, "Dear compatriots")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.date_field import display_date
from embassy_desk.gui.tasks import Progress, TaskRunner
from embassy_desk.gui.vocab_labels import vulnerability_labels, welfare_labels
from embassy_desk.gui.widgets import named
from embassy_desk.services import browse, registry
from embassy_desk.services.browse import BrowseQuery
from embassy_desk.services.notices import Selection
from embassy_desk.services.session import Session

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 30


class RecipientMode(StrEnum):
    CITIZEN = "citizen"
    SELECTION = "selection"
    GENERAL = "general"


@dataclass(frozen=True)
class SelectionCount:
    """How many citizens a selection names, and the first of them (shown in the preview)."""

    total: int
    first_id: str | None


def count_selection(session: Session, selection: Selection) -> SelectionCount:
    """Count a region / welfare status / everyone selection (safe off the GUI thread)."""
    if selection.everyone:
        first = next(browse.ordered_rids(session, BrowseQuery(), limit=1), [])
        rows = browse.rows_by_rid(session, first[:1])
        return SelectionCount(browse.total_citizens(session), rows[0].id if rows and rows[0] else None)
    since = selection.not_reached_since
    query = BrowseQuery(
        region=selection.region,
        welfare_status=selection.welfare_status,
        vulnerability=selection.vulnerability,
        not_reached_since=since.isoformat() if since else None,
    )
    rids = [rid for chunk in browse.ordered_rids(session, query) for rid in chunk]
    rows = browse.rows_by_rid(session, rids[:1])
    return SelectionCount(len(rids), rows[0].id if rows and rows[0] else None)


class RecipientPicker(QWidget):
    """Emits ``changed`` when whom the notice is for changes (and again when a count arrives)."""

    changed = Signal()

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._citizen_id: str | None = None
        self._citizen_name = ""
        self._count: SelectionCount | None = None
        self._count_generation = 0

        self.one_citizen = named(QRadioButton(self), "noticeForCitizen")
        self.selection_button = named(QRadioButton(self), "noticeForSelection")
        self.general = named(QRadioButton(self), "noticeForNoOne")
        self._modes = QButtonGroup(self)
        for button in (self.one_citizen, self.selection_button, self.general):
            self._modes.addButton(button)
        self.one_citizen.setChecked(True)
        self._modes.buttonToggled.connect(self._mode_toggled)

        # One citizen
        self.search_box = named(QLineEdit(self), "noticeCitizenSearch")
        self.search_box.setClearButtonEnabled(True)
        self.results = named(QListWidget(self), "noticeCitizenResults")
        self.results.setMaximumHeight(140)
        self.chosen = named(QLabel(self), "noticeChosenCitizen")
        self.chosen.setWordWrap(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.search(self.search_box.text()))
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        self.results.currentItemChanged.connect(self._result_chosen)
        citizen_page = QWidget(self)
        citizen_layout = QVBoxLayout(citizen_page)
        citizen_layout.setContentsMargins(0, 0, 0, 0)
        citizen_layout.addWidget(self.search_box)
        citizen_layout.addWidget(self.results)
        citizen_layout.addWidget(self.chosen)

        # A selection
        self.region = named(QComboBox(self), "noticeRegion")
        self.region.addItem("", None)
        try:
            regions = browse.region_options(session)
        except EmbassyDeskError:
            regions = []
        for code, name in regions:
            self.region.addItem(f"{name} ({code})", code)
        self.welfare = named(QComboBox(self), "noticeWelfare")
        self.welfare.addItem("", None)
        for status in welfare_labels():
            self.welfare.addItem("", str(status))
        self.vulnerability = named(QComboBox(self), "noticeVulnerability")
        self.vulnerability.addItem("", None)
        for value in vulnerability_labels():
            self.vulnerability.addItem("", str(value))
        # "Not reached since": those no one has spoken to since a day (a crisis began, say).
        self.not_reached = named(QCheckBox(self), "noticeNotReached")
        self.not_reached_since = named(QDateEdit(self), "noticeNotReachedSince")
        self.not_reached_since.setCalendarPopup(True)
        self.not_reached_since.setDisplayFormat("dd.MM.yyyy")
        self.not_reached_since.setDate(QDate.currentDate().addDays(-7))
        self.not_reached_since.setEnabled(False)
        self.not_reached.toggled.connect(self.not_reached_since.setEnabled)
        self.count_label = named(QLabel(self), "noticeSelectionCount")
        self._region_label, self._welfare_label = QLabel(self), QLabel(self)
        self._vulnerability_label = QLabel(self)
        self._region_label.setBuddy(self.region)
        self._welfare_label.setBuddy(self.welfare)
        self._vulnerability_label.setBuddy(self.vulnerability)
        self.region.currentIndexChanged.connect(self._selection_changed)
        self.welfare.currentIndexChanged.connect(self._selection_changed)
        self.vulnerability.currentIndexChanged.connect(self._selection_changed)
        self.not_reached.toggled.connect(self._selection_changed)
        self.not_reached_since.dateChanged.connect(self._selection_changed)
        selection_page = QWidget(self)
        selection_layout = QFormLayout(selection_page)
        selection_layout.setContentsMargins(0, 0, 0, 0)
        selection_layout.addRow(self._region_label, self.region)
        selection_layout.addRow(self._welfare_label, self.welfare)
        selection_layout.addRow(self._vulnerability_label, self.vulnerability)
        selection_layout.addRow(self.not_reached, self.not_reached_since)
        selection_layout.addRow(self.count_label)

        self.general_note = named(QLabel(self), "noticeGeneralNote")
        self.general_note.setWordWrap(True)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(citizen_page)
        self.pages.addWidget(selection_page)
        self.pages.addWidget(self.general_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.one_citizen)
        layout.addWidget(self.selection_button)
        layout.addWidget(self.general)
        layout.addWidget(self.pages)
        self.retranslate()

    # ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.one_citizen.setText(self.tr("One &citizen"))
        self.selection_button.setText(self.tr("A &selection of citizens"))
        self.general.setText(self.tr("&No one in particular (a general notice)"))
        self.search_box.setPlaceholderText(self.tr("Search by name, passport, IIN or phone"))
        self._region_label.setText(self.tr("&Region:"))
        self._welfare_label.setText(self.tr("&Welfare status:"))
        self.region.setItemText(0, self.tr("Any region"))
        labels = welfare_labels()
        self.welfare.setItemText(0, self.tr("Any status"))
        for index in range(1, self.welfare.count()):
            code = str(self.welfare.itemData(index))
            self.welfare.setItemText(index, labels.get(code, code))
        self._vulnerability_label.setText(self.tr("V&ulnerability:"))
        self.vulnerability.setItemText(0, self.tr("Any"))
        vulnerabilities = vulnerability_labels()
        for index in range(1, self.vulnerability.count()):
            code = str(self.vulnerability.itemData(index))
            self.vulnerability.setItemText(index, vulnerabilities.get(code, code))
        self.not_reached.setText(self.tr("Not &reached since"))
        self.general_note.setText(
            self.tr('One notice addressed to no one by name ("Dear compatriots"), to print and post.')
        )
        self._show_chosen()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # State

    @property
    def mode(self) -> RecipientMode:
        if self.selection_button.isChecked():
            return RecipientMode.SELECTION
        if self.general.isChecked():
            return RecipientMode.GENERAL
        return RecipientMode.CITIZEN

    def set_mode(self, mode: RecipientMode) -> None:
        {
            RecipientMode.CITIZEN: self.one_citizen,
            RecipientMode.SELECTION: self.selection_button,
            RecipientMode.GENERAL: self.general,
        }[mode].setChecked(True)

    def allow_general(self, allowed: bool) -> None:
        """Kinds addressed to a person cannot be general notices."""
        self.general.setEnabled(allowed)
        if not allowed and self.general.isChecked():
            self.one_citizen.setChecked(True)

    @property
    def citizen_id(self) -> str | None:
        return self._citizen_id if self.mode is RecipientMode.CITIZEN else None

    @property
    def citizen_name(self) -> str:
        return self._citizen_name

    def selection(self) -> Selection:
        """The selection as the notices service takes it (everyone when no filter is set)."""
        region = self.region.currentData()
        welfare = self.welfare.currentData()
        vulnerability = self.vulnerability.currentData()
        since: date | None = None
        if self.not_reached.isChecked():
            since = self.not_reached_since.date().toPython()  # type: ignore[assignment]
        if region is None and welfare is None and vulnerability is None and since is None:
            return Selection(everyone=True)
        return Selection(
            region=region, welfare_status=welfare, vulnerability=vulnerability, not_reached_since=since
        )

    @property
    def selection_count(self) -> SelectionCount | None:
        """The count of the current selection once known (None while counting)."""
        return self._count

    def describe_selection(self) -> str:
        selection = self.selection()
        if selection.everyone:
            return self.tr("every citizen on the register")
        parts = []
        if selection.region:
            parts.append(self.region.currentText())
        if selection.welfare_status:
            parts.append(self.welfare.currentText())
        if selection.vulnerability:
            parts.append(self.vulnerability.currentText())
        if selection.not_reached_since:
            parts.append(
                self.tr("not reached since %1").replace(
                    "%1", display_date(selection.not_reached_since.isoformat())
                )
            )
        return ", ".join(parts)

    # ----------------------------------------------------------------------------------------
    # One citizen

    def search(self, text: str) -> None:
        """Show the citizens matching ``text`` (the search is fast enough for the GUI thread)."""
        self._search_timer.stop()
        self.results.clear()
        if not text.strip():
            return
        try:
            found = registry.search(self._session, text, limit=SEARCH_LIMIT)
        except EmbassyDeskError:
            return  # typing half a query is not an error worth a dialog
        for citizen in found:
            fields = citizen.fields
            extra = [display_date(str(fields["birth_date"]))] if fields.get("birth_date") else []
            if fields.get("passport_number"):
                extra.append(str(fields["passport_number"]))
            label = citizen.display_name + (f"  ·  {', '.join(extra)}" if extra else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, citizen.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, citizen.display_name)
            self.results.addItem(item)

    def choose_citizen(self, citizen_id: str, name: str | None = None) -> None:
        """Make ``citizen_id`` the recipient (from a search result or another screen)."""
        if name is None:
            try:
                name = registry.get_citizen(self._session, citizen_id).display_name
            except EmbassyDeskError:
                name = ""
        self._citizen_id, self._citizen_name = citizen_id, name
        self.one_citizen.setChecked(True)
        self._show_chosen()
        self.changed.emit()

    def _result_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.choose_citizen(
                str(item.data(Qt.ItemDataRole.UserRole)), str(item.data(Qt.ItemDataRole.UserRole + 1))
            )

    def _show_chosen(self) -> None:
        if self._citizen_id:
            self.chosen.setText(self.tr("For: {name}").format(name=self._citizen_name))
        else:
            self.chosen.setText(self.tr("Search, then pick the citizen in the list."))

    # ----------------------------------------------------------------------------------------
    # A selection

    def _mode_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        self.pages.setCurrentIndex(
            {RecipientMode.CITIZEN: 0, RecipientMode.SELECTION: 1, RecipientMode.GENERAL: 2}[self.mode]
        )
        if self.mode is RecipientMode.SELECTION and self._count is None:
            self._selection_changed()
        else:
            self.changed.emit()

    def _selection_changed(self) -> None:
        self._count = None
        self._count_generation += 1
        generation = self._count_generation
        selection = self.selection()
        session = self._session

        def work(_progress: Progress) -> SelectionCount:
            return count_selection(session, selection)

        task = self._runner.start(work, title=self.tr("Counting citizens"), show_progress=False)
        task.show_errors = False
        task.finished.connect(lambda result: self._counted(generation, result))
        self._show_count()
        self.changed.emit()

    def _counted(self, generation: int, result: SelectionCount) -> None:
        if generation != self._count_generation:
            return
        self._count = result
        self._show_count()
        self.changed.emit()

    def _show_count(self) -> None:
        if self._count is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("%n citizen(s)", "", self._count.total))
