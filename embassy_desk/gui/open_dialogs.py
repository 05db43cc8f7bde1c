"""One window per record: the dialogs showing a citizen or a case, keyed by (kind, id).

A record opened a second time (a double-click that also counts as an activation, the same case
from the board and from a citizen's cases tab) brings the window already open to the front instead
of opening a second copy, which would show stale data once the first is saved. If the open window
sits under the one asking (a window-modal chain: case → citizen record → its cases tab → the same
case), it cannot be raised above its own child; the asking window says so instead.

The lock also reads this list: a dialog with unsaved edits can say so (``has_unsaved_changes``),
and the shell asks before throwing them away (see :mod:`embassy_desk.gui.shell.main_window`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

CITIZEN = "citizen"
CASE = "case"

D = TypeVar("D", bound=QDialog)


@runtime_checkable
class UnsavedWork(Protocol):
    """A dialog that can hold typed edits not yet saved."""

    def has_unsaved_changes(self) -> bool:
        """True while something typed here is not stored."""

    def save_changes(self) -> bool:
        """Store what was typed, as the Save button does; False if it was not stored (and why is shown)."""

    def discard_changes(self) -> None:
        """Forget what was typed; the dialog may then close without asking."""

    def record_key(self) -> tuple[str, str]:
        """(kind, id) of the record for the audit log: ids only, never names ("new" before a save)."""


class _Registry:
    def __init__(self) -> None:
        self._open: dict[tuple[str, str], QDialog] = {}

    def _alive(self, key: tuple[str, str]) -> QDialog | None:
        dialog = self._open.get(key)
        if dialog is None:
            return None
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            # Closed (hidden after finished) or deleted: forget it.
            del self._open[key]
            return None
        return dialog

    def find(self, kind: str, record_id: str) -> QDialog | None:
        """The open dialog of this record, if any."""
        return self._alive((kind, record_id))

    def register(self, kind: str, record_id: str, dialog: QDialog) -> None:
        """Remember ``dialog`` as the window of this record (e.g. a new record once it is saved)."""
        key = (kind, record_id)
        self._open[key] = dialog
        dialog.finished.connect(self._prune)

    def _prune(self, _result: int = 0) -> None:
        for key in list(self._open):
            self._alive(key)

    def dialogs(self) -> list[QDialog]:
        """Every record dialog still open."""
        self._prune()
        return list(self._open.values())

    def show(
        self,
        kind: str,
        record_id: str,
        expected: type[D],
        make: Callable[[], D],
        *,
        opener: QWidget | None = None,
    ) -> D:
        """Bring the record's open dialog forward, or make one with ``make`` and open it.

        ``opener`` is the widget asking; if the open dialog lies under it, the opener's window says
        so in its banner (when it has one) and nothing else happens.
        """
        existing = self.find(kind, record_id)
        if isinstance(existing, expected):
            if opener is not None and existing in _windows_under(opener):
                _say(opener, already_open_beneath())
            else:
                existing.raise_()
                existing.activateWindow()
            return existing
        dialog = make()
        self.register(kind, record_id, dialog)
        dialog.open()
        return dialog


def _windows_under(widget: QWidget) -> Iterator[QWidget]:
    current: QWidget | None = widget
    while current is not None:
        yield current.window()
        current = current.window().parentWidget()


def _say(opener: QWidget, text: str) -> None:
    for window in _windows_under(opener):
        banner = getattr(window, "banner", None)
        show_info = getattr(banner, "show_info", None)
        if callable(show_info):
            show_info(text)
            return


def already_open_beneath() -> str:
    return QCoreApplication.translate(
        "open_dialogs", "This record is already open, under this window: close this window to go back to it."
    )


REGISTRY = _Registry()


def show_record(
    kind: str, record_id: str, expected: type[D], make: Callable[[], D], *, opener: QWidget | None = None
) -> D:
    """Open a record's dialog once: see :meth:`_Registry.show`."""
    return REGISTRY.show(kind, record_id, expected, make, opener=opener)


def unsaved_dialogs() -> list[QDialog]:
    """Visible dialogs (records or others) holding unsaved edits, topmost first."""
    found: list[QDialog] = []
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QDialog)
            and widget.isVisible()
            and isinstance(widget, UnsavedWork)
            and widget.has_unsaved_changes()
        ):
            found.append(widget)
    # Children after their parents in creation order; save or discard the top one first.
    found.reverse()
    return found
