"""What the registry screen shows (search, filters, order, selected person), kept across a lock.

A lock destroys the views with the session; the person who comes back finds the registry as they
left it. The state stays in this process's memory only (a search text can be a name: it never
goes to the settings file), and only for the same person: whoever else signs in next starts from
a plain registry, and the kept state is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from embassy_desk.gui.registry.view import RegistryView


@dataclass(frozen=True)
class RegistryState:
    """The registry's search text, filters (name -> stored value), sort column and direction, and
    the selected citizen's id."""

    search: str = ""
    filters: tuple[tuple[str, str | None], ...] = ()
    sort: str | None = None  # a column key of gui/registry/columns.py; None: registration order
    descending: bool = False
    citizen_id: str | None = None


def _registry_view(workspace: QWidget | None) -> RegistryView | None:
    from embassy_desk.gui.registry.view import RegistryView

    views = getattr(workspace, "views", None)
    view = views.get("registry") if isinstance(views, dict) else None
    return view if isinstance(view, RegistryView) else None


class RegistryMemory:
    """Keeps one person's registry state from the lock to their next sign-in."""

    def __init__(self) -> None:
        self._kept: tuple[str, RegistryState] | None = None

    def remember(self, user_id: str, workspace: QWidget | None) -> None:
        """Keep the state of ``workspace``'s registry (called just before the lock destroys it)."""
        view = _registry_view(workspace)
        self._kept = (user_id, view.view_state()) if view is not None else None

    def restore(self, user_id: str, workspace: QWidget | None) -> bool:
        """Give the kept state to the new registry if ``user_id`` is who locked; forget it either way."""
        kept, self._kept = self._kept, None
        view = _registry_view(workspace)
        if kept is None or view is None or kept[0] != user_id:
            return False
        view.restore_state(kept[1])
        return True
