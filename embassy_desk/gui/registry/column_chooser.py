"""Which registry columns show and in what order: a header context menu, remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu

from embassy_desk.gui.qsettings import app_settings
from embassy_desk.gui.registry.columns import COLUMNS

# Bump the version when the column set changes, so an old saved state is not applied to new columns.
SETTINGS_KEY = "registry/header_state_v1"
# Full names are long; other columns take the header's default width.
WIDE = {"name": 280, "name_latin": 220}


def restore_header(header: QHeaderView) -> None:
    """Apply the saved column order, widths and hidden columns; defaults the first time."""
    saved = app_settings().value(SETTINGS_KEY)
    if isinstance(saved, QByteArray | bytes) and header.restoreState(QByteArray(saved)):
        # The order is not carried over: sorting a million citizens by a column without an index
        # takes seconds, and the registry must open at once. It opens in registration order.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        return
    for i, column in enumerate(COLUMNS):
        header.setSectionHidden(i, not column.shown_by_default)
        if column.key in WIDE:
            header.resizeSection(i, WIDE[column.key])


def save_header(header: QHeaderView) -> None:
    """Remember the header as it is now."""
    # Written to disk when the settings object goes, right here: no sync() (10 ms) needed.
    app_settings().setValue(SETTINGS_KEY, header.saveState())


class ColumnChooser:
    """Attaches the "choose columns" menu to a header and saves every change at once.

    Saving on each change (not on close) keeps the layout when the app is locked, which destroys
    the view without a close event.
    """

    def __init__(self, header: QHeaderView) -> None:
        self._header = header
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        header.sectionMoved.connect(self._save)
        # Widths change pixel by pixel while dragging: save once the drag settles.
        self._resized = QTimer(header)
        self._resized.setSingleShot(True)
        self._resized.setInterval(300)
        self._resized.timeout.connect(self._save)
        header.sectionResized.connect(lambda *_: self._resized.start())
        header.sortIndicatorChanged.connect(self._save)

    def _save(self, *_args: object) -> None:
        save_header(self._header)

    def menu(self) -> QMenu:
        """The menu of columns, each checkable; the last visible column cannot be hidden."""
        menu = QMenu(self._header)
        visible = [i for i in range(len(COLUMNS)) if not self._header.isSectionHidden(i)]
        # Listed in the order they are shown, then the hidden ones.
        order = sorted(range(len(COLUMNS)), key=self._header.visualIndex)
        for logical in order:
            action = menu.addAction(COLUMNS[logical].header())
            action.setCheckable(True)
            action.setChecked(not self._header.isSectionHidden(logical))
            action.setEnabled(visible != [logical])
            action.toggled.connect(lambda on, i=logical: self.set_shown(i, on))
        return menu

    def set_shown(self, logical: int, shown: bool) -> None:
        """Show or hide column ``logical`` and remember it."""
        self._header.setSectionHidden(logical, not shown)
        self._save()

    def _menu(self, pos: QPoint) -> None:
        self.menu().popup(self._header.mapToGlobal(pos))
