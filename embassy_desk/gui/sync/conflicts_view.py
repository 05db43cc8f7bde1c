"""The conflict queue: what two workstations changed at the same time, both values side by side, and
a choice of which one stays.

The list names the record and the field group; the two panels show this workstation's value and the
other side's (who changed it and when), and which one is on the record now. "Keep local" or "Keep
remote" settles it through ``services.sync_conflicts.resolve`` on the pool; the resolution is itself
a change that syncs, so the runner sends it shortly after.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.sync.conflict_labels import entity_labels, group_label, stamp_moment, values_text
from embassy_desk.gui.sync.state import problem_of
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.logs import safe_traceback
from embassy_desk.services import staff_directory, sync_conflicts
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.services.sync_conflicts import ConflictView

log = logging.getLogger("embassy_desk.gui")

LOCAL, REMOTE = "local", "remote"


@dataclass(frozen=True)
class _Loaded:
    conflicts: list[ConflictView]
    staff: dict[str, str]


def _values(conflict: ConflictView, side: str) -> Mapping[str, object]:
    return conflict.local_value if side == LOCAL else conflict.remote_value


class SidePanel(QGroupBox):
    """One side of a conflict: its values, who changed them and when, and the button that keeps it."""

    keep = Signal(str)  # LOCAL or REMOTE

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"syncConflict_{side}")
        self.values = QFormLayout()
        self.values.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.who = named(QLabel(self), f"syncConflictWho_{side}")
        self.who.setWordWrap(True)
        self.now = named(QLabel(self), f"syncConflictNow_{side}")
        self.now.setStyleSheet("QLabel { color: #1e5631; font-weight: bold; }")
        self.button = named(QPushButton(self), f"syncKeep_{side}")
        self.button.clicked.connect(lambda: self.keep.emit(self.side))
        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addLayout(self.values)
        layout.addStretch(1)
        layout.addWidget(self.who)
        layout.addWidget(self.button)

    def show_values(self, pairs: list[tuple[str, str]], empty: str, differs: set[str] | None = None) -> None:
        """Show (field, value) pairs; the fields named in ``differs`` (those the sides disagree on)
        in bold, so the eye finds the difference at once."""
        while self.values.rowCount():
            self.values.removeRow(0)
        if not pairs or not any(value for _name, value in pairs):
            note = QLabel(empty, self)
            note.setObjectName("syncConflictEmptySide")
            note.setWordWrap(True)
            self.values.addRow(note)
            return
        for name, value in pairs:
            shown = QLabel(value or "—", self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if differs is not None and name in differs:
                font = shown.font()
                font.setBold(True)
                shown.setFont(font)
                shown.setObjectName("syncConflictDiffers")
            self.values.addRow(QLabel(f"{name}:", self), shown)

    def value_texts(self) -> list[str]:
        """The values shown, top to bottom (tests read them)."""
        texts: list[str] = []
        for row in range(self.values.rowCount()):
            item = self.values.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts


class ConflictDetail(QWidget):
    """Both sides of the selected conflict, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictDetail")
        self.title = named(QLabel(self), "syncConflictTitle")
        self.title.setStyleSheet("QLabel { font-weight: bold; }")
        self.explain = named(QLabel(self), "syncConflictExplain")
        self.explain.setWordWrap(True)
        self.local = SidePanel(LOCAL, self)
        self.remote = SidePanel(REMOTE, self)
        sides = QHBoxLayout()
        sides.addWidget(self.local, 1)
        sides.addWidget(self.remote, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.explain)
        layout.addLayout(sides, 1)


class ConflictQueue(QWidget):
    """Open conflicts, the selected one in detail, and Keep local / Keep remote.

    ``resolved`` is emitted after a conflict was settled (the record and the counts changed).
    """

    resolved = Signal(str)  # conflict id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncConflictQueue")
        self._session = session
        self._conflicts: list[ConflictView] = []
        self._staff: dict[str, str] = {}
        self._may_resolve = is_allowed(session.role, Action.CITIZEN_EDIT)
        self.runner = TaskRunner(self)
        self.loader = TaskRunner(self)
        self.summary = named(QLabel(self), "syncConflictSummary")
        self.summary.setWordWrap(True)
        self.list = named(QListWidget(self), "syncConflictList")
        self.list.currentRowChanged.connect(self._show_current)
        self.detail = ConflictDetail(self)
        self.detail.local.keep.connect(self.keep)
        self.detail.remote.keep.connect(self.keep)
        self.banner = named(MessageBanner(self), "syncConflictBanner")
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addStretch(0)  # takes the room while there is nothing to show
        self.retranslate()

    # -- data -----------------------------------------------------------------------------------
    def refresh(self) -> Task:
        """Read the open conflicts again, off the GUI thread."""
        session = self._session

        def work(_progress: object) -> _Loaded:
            return _Loaded(list(sync_conflicts.list_open(session)), staff_directory.staff_names(session))

        task = self.loader.start(work, title="sync conflicts", show_progress=False)
        task.show_errors = False
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)
        return task

    def conflict_ids(self) -> list[str]:
        return [c.id for c in self._conflicts]

    def _loaded(self, loaded: object) -> None:
        assert isinstance(loaded, _Loaded)
        current = self.current_id()
        self._conflicts, self._staff = loaded.conflicts, loaded.staff
        self._fill_list(keep=current)

    def current_id(self) -> str | None:
        row = self.list.currentRow()
        return self._conflicts[row].id if 0 <= row < len(self._conflicts) else None

    def select(self, conflict_id: str) -> bool:
        """Show the conflict ``conflict_id``; False if it is not open."""
        ids = self.conflict_ids()
        if conflict_id not in ids:
            return False
        self.list.setCurrentRow(ids.index(conflict_id))
        return True

    # -- settling -------------------------------------------------------------------------------
    def keep(self, side: str) -> Task | None:
        """Settle the selected conflict by keeping ``side`` ("local" or "remote")."""
        conflict_id = self.current_id()
        if not self._may_resolve or conflict_id is None or side not in (LOCAL, REMOTE) or self.runner.running:
            return None  # the buttons are off then; the service would refuse the role anyway
        session = self._session
        self.banner.clear_message()
        task = self.runner.start(
            lambda _p: sync_conflicts.resolve(session, conflict_id, side),
            title=self.tr("Settling the conflict"),
            cancellable=False,
        )
        task.show_errors = False
        task.finished.connect(lambda _result: self._settled(conflict_id, side))
        task.failed.connect(self._failed)
        task.ended.connect(self._update_buttons)
        self._update_buttons()
        return task

    def _settled(self, conflict_id: str, side: str) -> None:
        text = self.tr("Settled: this workstation's value is kept.") if side == LOCAL else None
        self.banner.show_info(text or self.tr("Settled: the other side's value is kept."))
        self.resolved.emit(conflict_id)
        self.refresh()

    def _failed(self, error: object) -> None:
        if not isinstance(error, BaseException):
            return
        problem = problem_of(error)
        if problem.message is None:
            log.error("conflict queue failed\n%s", safe_traceback(type(error), error, error.__traceback__))
        self.banner.show_error(problem.text())

    # -- showing --------------------------------------------------------------------------------
    def _record_label(self, conflict: ConflictView) -> str:
        label, entity, record = conflict.label, conflict.entity, conflict.record_id
        if label and label != record:
            return label
        # No name to show (a deleted record): its kind and the end of its id, as the registry's
        # reference numbers are read out.
        return f"{entity_labels().get(entity, entity)} …{record[-8:]}"

    def _fill_list(self, *, keep: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self._conflicts:
            entity = conflict.entity
            text = f"{self._record_label(conflict)}\n{group_label(entity, conflict.group)}"
            if conflict.kind == "restore":
                deleted = self.tr("deleted on one side")
                text += f" · {deleted}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, conflict.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = len(self._conflicts)
        self.summary.setText(
            self.tr(
                "%n conflict(s) to settle. Both workstations changed the same thing before either"
                " synced; choose which value stays.",
                "",
                count,
            )
            if count
            else self.tr("No conflicts to settle.")
        )
        self.splitter.setVisible(bool(count))
        ids = self.conflict_ids()
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.list.setCurrentRow(row)
        self._show_current(row)

    def _who(self, conflict: ConflictView, side: str) -> str:
        staff_id = conflict.local_staff if side == LOCAL else conflict.remote_staff
        name = self._staff.get(staff_id, "")
        moment = stamp_moment(conflict.local_hlc if side == LOCAL else conflict.remote_hlc)
        if side == LOCAL:
            who = name or self.tr("someone on this workstation")
        else:
            who = name or self.tr("a colleague on another workstation")
        return self.tr("Changed by %1, %2").replace("%1", who).replace("%2", moment) if moment else who

    def _show_current(self, row: int) -> None:
        detail = self.detail
        conflict = self._conflicts[row] if 0 <= row < len(self._conflicts) else None
        detail.setVisible(conflict is not None)
        if conflict is None:
            return
        entity = conflict.entity
        kind = conflict.kind
        detail.title.setText(f"{self._record_label(conflict)} — {group_label(entity, conflict.group)}")
        if kind == "restore":
            detail.explain.setText(
                self.tr(
                    "This record was deleted on one side while it was being edited on the other. The"
                    " deletion was kept; keep the edit to restore the record with it."
                )
            )
        else:
            detail.explain.setText(
                self.tr(
                    "Both sides changed this at the same time. The later change is on the record now;"
                    " nothing is lost until you choose."
                )
            )
        empty = self.tr("(deleted)") if kind == "restore" else self.tr("(empty)")
        local_hlc, remote_hlc = conflict.local_hlc, conflict.remote_hlc
        local, remote = values_text(_values(conflict, LOCAL)), values_text(_values(conflict, REMOTE))
        differs = {name for name, value in local if value != dict(remote).get(name, "")}
        differs |= {name for name, value in remote if value != dict(local).get(name, "")}
        for panel, side in ((detail.local, LOCAL), (detail.remote, REMOTE)):
            panel.show_values(local if side == LOCAL else remote, empty, differs)
            panel.who.setText(self._who(conflict, side))
            later = local_hlc > remote_hlc if side == LOCAL else remote_hlc > local_hlc
            panel.now.setText(self.tr("On the record now") if kind != "restore" and later else "")
            panel.now.setVisible(bool(panel.now.text()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self.runner.running
        for panel in (self.detail.local, self.detail.remote):
            panel.button.setEnabled(idle and self._may_resolve and self.current_id() is not None)
            if not self._may_resolve:
                panel.button.setToolTip(self.tr("Conflicts are settled by staff who may edit records"))

    def retranslate(self) -> None:
        self.detail.local.setTitle(self.tr("This workstation"))
        self.detail.remote.setTitle(self.tr("Other workstation, through headquarters"))
        self.detail.local.button.setText(self.tr("Keep &local"))
        self.detail.remote.button.setText(self.tr("Keep &remote"))
        self._fill_list(keep=self.current_id())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
