"""The registry table model: an array of row ids, display rows fetched a page at a time.

``data()`` never queries per cell: the first cell of a page fetches the whole page (one query by
row id) and formats every column's text once; a few pages stay cached, least recently used out.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.freshness import Freshness
from embassy_desk.gui.duty.reached_labels import colour, reached_state
from embassy_desk.gui.registry.columns import COLUMNS, REACHED_COLUMN, Formatting
from embassy_desk.services import browse
from embassy_desk.services.browse import BrowseRow
from embassy_desk.services.session import Session

# Rows in a sorted order lie scattered over the file: a page must read cold in well under a frame.
PAGE = 64
CACHED_PAGES = 32
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ID = int(ID_ROLE)

_Index = QModelIndex | QPersistentModelIndex


class _Page:
    __slots__ = ("reached", "rows", "texts")

    def __init__(
        self, rows: list[BrowseRow | None], texts: list[tuple[str, ...]], reached: list[Freshness | None]
    ) -> None:
        self.rows = rows
        self.texts = texts
        self.reached = reached  # each row's freshness: the colour of the "Last reached" cell


class CitizenTableModel(QAbstractTableModel):
    """Rows are citizens in the order of the id array the view hands in with :meth:`set_ids`."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._host = session.post.host_country
        self._rids: array[int] = array("q")
        self._pages: OrderedDict[int, _Page] = OrderedDict()
        # The page data() used last: painting asks for many cells of one page in a row.
        self._last: _Page | None = None
        self._last_number = -1
        self.page_fetches = 0  # for the benchmark and tests: how many queries data() caused

    # -- ids ---------------------------------------------------------------------------------------

    def set_ids(self, rids: array[int], first_rows: Sequence[BrowseRow | None] | None = None) -> None:
        """Show exactly these citizens, in this order; ``first_rows``, if given, are the first page's."""
        self.beginResetModel()
        self._rids = rids
        self._forget()
        if first_rows is not None and len(first_rows) == min(PAGE, len(rids)):
            self._store(0, list(first_rows))
        self.endResetModel()

    def extend_ids(self, rids: array[int]) -> None:
        """The complete list of the load whose first page is showing: append what is new.

        The first page is a prefix of the full list, so rows already painted keep their place
        (and the selection stays where it is).
        """
        shown = len(self._rids)
        if len(rids) < shown or rids[:shown] != self._rids:
            self.set_ids(rids)
            return
        if len(rids) == shown:
            return
        self.beginInsertRows(QModelIndex(), shown, len(rids) - 1)
        self._rids = rids
        self.endInsertRows()

    def row_of_rid(self, rid: int) -> int | None:
        """The row showing citizen row id ``rid``, or None (a linear scan: for single refreshes)."""
        try:
            return self._rids.index(rid)
        except ValueError:
            return None

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Take these rows out of the table (citizens the filters no longer select)."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rids):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rids[row]
                # Cached pages are numbered by position: every later row moved up by one.
                self._forget()
                self.endRemoveRows()

    def forget_rows(self) -> None:
        """Drop cached rows (after an edit or a logged contact) so painted rows are read again."""
        self._forget()
        if self._rids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rids) - 1, len(COLUMNS) - 1))

    def retranslate(self) -> None:
        """Texts of vocabularies are formatted per page: re-format them in the new language."""
        self._forget()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rids) - 1, len(COLUMNS) - 1))

    def citizen_id(self, row: int) -> str | None:
        """The id of the citizen on ``row``, or None."""
        if not 0 <= row < len(self._rids):
            return None
        page = self._page(row // PAGE)
        found = page.rows[row % PAGE] if page is not None else None
        return found.id if found is not None else None

    def citizen_row(self, row: int) -> BrowseRow | None:
        """The display row of ``row`` (name, phones…), or None."""
        if not 0 <= row < len(self._rids):
            return None
        page = self._page(row // PAGE)
        return page.rows[row % PAGE] if page is not None else None

    # -- Qt model ----------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every painted cell (seven per cell and paint): the roles this
        # model has nothing for leave first, before any other work.
        # The colour of the "Last reached" cell is the one other role answered.
        if (
            role != _DISPLAY
            and role != _ID
            and role != _TOOLTIP
            and (role != _FOREGROUND or index.column() != REACHED_COLUMN)
        ):
            return None
        row = index.row()
        number = row // PAGE
        page = self._last if number == self._last_number else self._page(number)
        if page is None:
            return None
        if role == _ID:
            found = page.rows[row % PAGE]
            return found.id if found is not None else None
        if role == _FOREGROUND:
            state = page.reached[row % PAGE]
            return colour(state) if state is not None else None
        return page.texts[row % PAGE][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section].header()
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    # -- pages -------------------------------------------------------------------------------------

    def _forget(self) -> None:
        self._pages.clear()
        self._last = None
        self._last_number = -1

    def _page(self, number: int) -> _Page | None:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            self._last, self._last_number = page, number
            return page
        rids = self._rids[number * PAGE : (number + 1) * PAGE]
        if not rids:
            return None
        try:
            rows = browse.rows_by_rid(self._session, list(rids))
        except EmbassyDeskError:
            # Locked between paint events, or the file went away: paint nothing rather than fail.
            return None
        self.page_fetches += 1
        return self._store(number, rows)

    def _store(self, number: int, rows: list[BrowseRow | None]) -> _Page:
        formatting = Formatting.current(self._host)
        texts = [
            tuple(column.text(row, formatting) for column in COLUMNS)
            if row is not None
            else ("",) * len(COLUMNS)
            for row in rows
        ]
        reached = [reached_state(row.last_reached_at, formatting.now) if row else None for row in rows]
        page = _Page(rows, texts, reached)
        self._pages[number] = page
        self._last, self._last_number = page, number
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page
