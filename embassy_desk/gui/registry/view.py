"""The registry screen: search box, filters, the table of every citizen, and its status line.

Ctrl+F focuses the search, Enter or a double-click opens the record, Ctrl+N registers a citizen and
Ctrl+L logs a contact with the selected one. Searching, filtering and sorting all happen in SQL
(services.browse); the table holds only row ids (see model.py and loader.py).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.data_events import DataChange, Kind, data_events
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.notices.print_dialog import PrintNoticeDialog
from embassy_desk.gui.open_dialogs import CITIZEN, show_record
from embassy_desk.gui.registry.column_chooser import ColumnChooser, restore_header
from embassy_desk.gui.registry.columns import COLUMNS
from embassy_desk.gui.registry.filters import FilterBar
from embassy_desk.gui.registry.loader import IdListLoader
from embassy_desk.gui.registry.model import CitizenTableModel
from embassy_desk.gui.registry.state import RegistryState
from embassy_desk.services import browse
from embassy_desk.services.browse import SEARCH_CAP, BrowseQuery, BrowseRow, Scope
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

SEARCH_DEBOUNCE_MS = 150


class _SearchBox(QLineEdit):
    """The search line; Down or Enter hands the keyboard to the results."""

    to_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_results.emit()
            return
        super().keyPressEvent(event)


class RegistryView(QWidget):
    """Every citizen of the post in one table. Public: :meth:`focus_search`."""

    # Emitted when a load's ids are in the table (the first page, then the complete list).
    rows_shown = Signal()
    # A browse.Scope to export (the window asks where and runs the export off the GUI thread).
    export_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._total = -1
        self._shown_complete = False
        self._first_shown = False
        # The citizen to select once a restored view's list is in (see restore_state).
        self._restore_id: str | None = None

        self.search = _SearchBox(self)
        self.search.setObjectName("registry_search")
        self.search.setClearButtonEnabled(True)
        self.filters = FilterBar(session, self)
        self.new_button = QPushButton(self)
        self.log_button = QPushButton(self)
        self.print_button = QPushButton(self)
        # Export what the table shows or what is selected (officers; the File menu exports everyone).
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("registry_export")
        self.export_menu = QMenu(self.export_button)
        self.export_shown = self.export_menu.addAction("")
        self.export_selected = self.export_menu.addAction("")
        self.export_all = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        self.export_menu.aboutToShow.connect(self._update_export_menu)
        self.export_shown.triggered.connect(self.export_shown_rows)
        self.export_selected.triggered.connect(self.export_selected_rows)
        self.export_all.triggered.connect(lambda: self.export_requested.emit(Scope()))
        self.export_button.setVisible(is_allowed(session.role, Action.EXPORT))
        self.table = QTableView(self)
        self.table.setObjectName("registry_table")
        self.status = QLabel(self)
        self.status.setObjectName("registry_status")

        self.model = CitizenTableModel(session, self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift/Ctrl+click) for printing a notice to each of them.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        # Fixed row heights: the view never measures a million rows' contents.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setDefaultSectionSize(115)
        header.setStretchLastSection(True)
        restore_header(header)
        self.columns = ColumnChooser(header)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.log_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.find_action = self._action(QKeySequence.StandardKey.Find, self.focus_search)
        self.new_action = self._action(QKeySequence("Ctrl+N"), self.new_citizen)
        self.log_action = self._action(QKeySequence("Ctrl+L"), self.log_contact)
        self.print_action = self._action(QKeySequence("Ctrl+P"), self.print_notice)
        self.print_action.setEnabled(is_allowed(session.role, Action.NOTICE_ISSUE))
        self.print_button.clicked.connect(self.print_action.trigger)
        self.print_button.setEnabled(self.print_action.isEnabled())
        self.new_action.setEnabled(is_allowed(session.role, Action.CITIZEN_CREATE))
        self.log_action.setEnabled(is_allowed(session.role, Action.CONTACT_LOG))
        self.new_button.clicked.connect(self.new_action.trigger)
        self.log_button.clicked.connect(self.log_action.trigger)
        self.new_button.setEnabled(self.new_action.isEnabled())
        self.log_button.setEnabled(self.log_action.isEnabled())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.setTimerType(Qt.TimerType.PreciseTimer)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.to_results.connect(self._focus_results)
        self.filters.changed.connect(self.reload)
        header.sortIndicatorChanged.connect(lambda *_: self.reload())
        self.table.activated.connect(self._open_index)

        self.loader = IdListLoader(session, self)
        self.loader.first_page.connect(self._on_first_page)
        self.loader.finished.connect(self._on_finished)
        self.loader.failed.connect(self._on_failed)
        # The shell destroys the view when the workstation locks: stop the worker with it.
        cancel = _CancelOnDestroy(self.loader)
        self.destroyed.connect(cancel)

        # Changes made elsewhere (a record opened from a case, an import) reach the table too.
        data_events().changed.connect(self._data_changed)

        self.retranslate()
        self.reload(with_total=True)

    def _action(self, keys: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- public ------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def is_loading(self) -> bool:
        """Whether a search or filter change is still on its way to the table."""
        return self._debounce.isActive() or not self._shown_complete

    def query(self) -> BrowseQuery:
        """The search, filters and order the table shows."""
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        sort = COLUMNS[section].key if 0 <= section < len(COLUMNS) else "registered"
        return BrowseQuery(
            search=self.search.text().strip(),
            region=self.filters.value("region"),
            status=self.filters.value("status"),
            welfare_status=self.filters.value("welfare_status"),
            purpose_of_stay=self.filters.value("purpose_of_stay"),
            vulnerability=self.filters.value("vulnerability"),
            sort=sort,
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder and section >= 0,
        )

    def view_state(self) -> RegistryState:
        """The search, filters, order and selected citizen, to give back after a lock."""
        header = self.table.horizontalHeader()
        section = header.sortIndicatorSection()
        sort = COLUMNS[section].key if 0 <= section < len(COLUMNS) else None
        return RegistryState(
            search=self.search.text(),
            filters=tuple((name, self.filters.value(name)) for name in self.filters.combos),
            sort=sort,
            descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            citizen_id=self._restore_id or self.current_citizen_id(),
        )

    def restore_state(self, state: RegistryState) -> None:
        """Show the registry as ``state`` had it, with one load (the selection follows the list)."""
        header = self.table.horizontalHeader()
        for widget in (self.search, self.filters, header):
            widget.blockSignals(True)
        try:
            self.search.setText(state.search)
            for name, value in state.filters:
                if name in self.filters.combos:
                    self.filters.set_value(name, value)
            section = next((i for i, c in enumerate(COLUMNS) if c.key == state.sort), -1)
            order = Qt.SortOrder.DescendingOrder if state.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(section, order)
        finally:
            for widget in (self.search, self.filters, header):
                widget.blockSignals(False)
        header.viewport().update()
        self._restore_id = state.citizen_id
        self.reload(with_total=True)

    def reload(self, *, with_total: bool = False) -> None:
        """Read the id list again for the current search, filters and order."""
        self._debounce.stop()
        self._shown_complete = False
        self._first_shown = False
        self.loader.load(self.query(), with_total=with_total or self._total < 0)
        self._update_status()

    def new_citizen(self) -> None:
        """Open an empty record (Ctrl+N)."""
        if not self.new_action.isEnabled():
            return
        dialog = CitizenRecordDialog(self._session, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_created)
        dialog.open()

    def open_citizen(self, citizen_id: str) -> None:
        """Open a citizen's record (its open window if there is one); a save refreshes the rows."""

        def make() -> CitizenRecordDialog:
            dialog = CitizenRecordDialog(self._session, citizen_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(self._on_changed)
            return dialog

        show_record(CITIZEN, citizen_id, CitizenRecordDialog, make, opener=self)

    def log_contact(self) -> None:
        """Open the quick contact log for the selected citizen (Ctrl+L)."""
        if not self.log_action.isEnabled():
            return
        citizen_id = self.current_citizen_id()
        if citizen_id is None:
            return
        dialog = QuickLogDialog(self._session, citizen_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged.connect(self._on_logged)
        dialog.open()

    def print_notice(self) -> None:
        """Print a notice for every selected citizen (Ctrl+P)."""
        if not self.print_action.isEnabled():
            return
        citizen_ids = self.selected_citizen_ids()
        if not citizen_ids:
            return
        dialog = PrintNoticeDialog(self._session, citizen_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_shown_rows(self) -> None:
        """Ask to export the citizens the search and filters select (all of them, not a page)."""
        self.export_requested.emit(Scope(query=self.query()))

    def export_selected_rows(self) -> None:
        """Ask to export the selected citizens."""
        citizen_ids = self.selected_citizen_ids()
        if citizen_ids:
            self.export_requested.emit(Scope(citizen_ids=tuple(citizen_ids)))

    def _update_export_menu(self) -> None:
        shown = self.model.rowCount()
        selected = len(self.table.selectionModel().selectedRows())
        self.export_shown.setText(
            self.tr("Export the %1 citizens shown…").replace("%1", format_number(shown))
        )
        self.export_shown.setEnabled(self.query().filtered and shown > 0)
        self.export_selected.setText(
            self.tr("Export the %1 selected citizens…").replace("%1", format_number(selected))
        )
        self.export_selected.setEnabled(selected > 0)
        self.export_all.setText(self.tr("Export all citizens…"))

    def selected_citizen_ids(self) -> list[str]:
        """Ids of the selected rows, in table order (the current row when nothing is selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        ids = (self.model.citizen_id(row) for row in rows)
        return [citizen_id for citizen_id in ids if citizen_id is not None]

    # Bound methods, not lambdas, as slots of dialogs deleted on close: PySide crashed on a lambda.
    def _on_created(self, _citizen_id: str) -> None:
        self.reload(with_total=True)

    def _on_changed(self, citizen_id: str) -> None:
        self.refresh_citizens([citizen_id])

    def _on_logged(self, citizen_id: str) -> None:
        # The call list workflow: the logged person leaves a list they no longer match (say
        # "Welfare: unknown" after a "reached, safe"), and the next person is selected.
        self.refresh_citizens([citizen_id], advance_from=citizen_id)

    def _data_changed(self, change: object) -> None:
        if not isinstance(change, DataChange) or self._session.locked:
            return
        origin = change.origin
        if isinstance(origin, QObject) and origin.parent() is self:
            return  # a dialog of this view: its own signal already refreshed the table
        if not change.kinds & {Kind.CITIZENS, Kind.CONTACTS}:
            return
        if change.bulk or change.count_changed:
            self.reload(with_total=True)
        else:
            self.refresh_citizens(change.citizen_ids)

    def refresh_citizens(self, citizen_ids: Sequence[str], *, advance_from: str | None = None) -> None:
        """Read these citizens' rows again after a change: rows the search and filters no longer
        select leave the table (the shown count follows), the others are repainted. With
        ``advance_from``, the selection moves to the person after that citizen."""
        if not self._shown_complete:
            self.reload()  # the list on its way was read before the change
            return
        query = self.query()
        try:
            found = browse.rows_by_id(self._session, citizen_ids)
            rids = [row.rid for row in found.values()]
            still = browse.matching_rids(self._session, query, rids) if query.filtered else set(rids)
        except EmbassyDeskError:
            return  # locked meanwhile: the table goes with the session
        positions = {cid: self.model.row_of_rid(row.rid) for cid, row in found.items()}
        current = self.table.currentIndex().row()
        origin_row = positions.get(advance_from) if advance_from else None
        if advance_from and origin_row is None and current >= 0:
            origin_row = current
        gone = [row for cid, row in positions.items() if row is not None and found[cid].rid not in still]
        self.model.remove_rows(gone)
        self.model.forget_rows()
        if origin_row is not None:
            next_row = origin_row if origin_row in gone else origin_row + 1
            next_row -= sum(1 for row in gone if row < origin_row)
            self._select_row(min(next_row, self.model.rowCount() - 1))
        self._update_status()

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, self._first_visible_column())
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def current_citizen_id(self) -> str | None:
        """The id of the selected citizen, if any."""
        index = self.table.currentIndex()
        return self.model.citizen_id(index.row()) if index.isValid() else None

    # -- loading -----------------------------------------------------------------------------------

    def _on_first_page(self, generation: int, ids: array[int], rows: list[BrowseRow | None]) -> None:
        if generation != self.loader.generation:
            return
        self._first_shown = True
        self.model.set_ids(ids, rows)
        self._select_first()
        self._update_status()
        self.rows_shown.emit()

    def _on_finished(self, generation: int, ids: array[int], total: int) -> None:
        if generation != self.loader.generation:
            return
        if total >= 0:
            self._total = total
        if self._first_shown:
            self.model.extend_ids(ids)
        else:
            self.model.set_ids(ids)
        self._shown_complete = True
        self._select_restored()
        self._select_first()
        self._update_status()
        self.rows_shown.emit()

    def _select_restored(self) -> None:
        citizen_id, self._restore_id = self._restore_id, None
        if citizen_id is None:
            return
        try:
            found = browse.rows_by_id(self._session, [citizen_id]).get(citizen_id)
        except EmbassyDeskError:
            return
        row = self.model.row_of_rid(found.rid) if found is not None else None
        if row is not None:
            self._select_row(row)
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self.loader.generation:
            self.status.setText(self.tr("The registry could not be read: %1").replace("%1", message))

    def _select_first(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, self._first_visible_column()))

    def _first_visible_column(self) -> int:
        header = self.table.horizontalHeader()
        return header.logicalIndex(0) if header.count() else 0

    def _focus_results(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._select_first()

    def _open_index(self, index: QModelIndex) -> None:
        citizen_id = self.model.citizen_id(index.row())
        if citizen_id is not None:
            self.open_citizen(citizen_id)

    # -- texts -------------------------------------------------------------------------------------

    def _update_status(self) -> None:
        if self._total < 0:
            self.status.setText(self.tr("Reading the registry…"))
            return
        # "Citizens: N" rather than "N citizens": no plural forms to get wrong in Russian or Kazakh.
        text = self.tr("Citizens: %1").replace("%1", format_number(self._total))
        query = self.query()
        if not self._shown_complete:
            text += " · " + self.tr("loading…")
        elif query.filtered:
            shown = self.model.rowCount()
            text += " · " + self.tr("shown: %1").replace("%1", format_number(shown))
            if query.search and shown >= SEARCH_CAP:
                text += " " + self.tr("(the first %1 matches: type more to narrow the search)").replace(
                    "%1", format_number(SEARCH_CAP)
                )
        self.status.setText(text)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search: name in any script, passport, IIN or the last digits of a phone (Ctrl+F)")
        )
        self.new_button.setText(self.tr("&New citizen"))
        self.new_button.setToolTip(self.tr("Register a citizen (Ctrl+N)"))
        self.log_button.setText(self.tr("&Log contact"))
        self.log_button.setToolTip(self.tr("Log a contact with the selected citizen (Ctrl+L, then a number)"))
        self.print_button.setText(self.tr("&Print notice…"))
        self.print_button.setToolTip(self.tr("Print a notice for the selected citizens (Ctrl+P)"))
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setToolTip(self.tr("Export the citizens shown or selected to a CSV or Excel file"))
        self._update_export_menu()
        self.print_action.setText(self.tr("Print notice"))
        self.find_action.setText(self.tr("Find"))
        self.new_action.setText(self.tr("New citizen"))
        self.log_action.setText(self.tr("Log contact"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.retranslate()
        super().changeEvent(event)


class _CancelOnDestroy:
    """Cancels the loader's worker when the view goes; holds no reference to Qt objects."""

    def __init__(self, loader: IdListLoader) -> None:
        self._closed: threading.Event = loader.closed
        self._emit_lock: threading.Lock = loader.emit_lock

    def __call__(self, _obj: QObject | None = None) -> None:
        # Waits for a worker that is posting a signal right now (microseconds), so none posts
        # through the loader while Qt deletes it.
        with self._emit_lock:
            self._closed.set()
