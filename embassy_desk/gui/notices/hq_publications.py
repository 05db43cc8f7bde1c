"""What headquarters published to this post (advisories, notice template versions), on the Notices
screen under "From headquarters". They arrive with sync; the list is read off the GUI thread when the
screen is made and again whenever sync announces new data. Hidden while there is nothing."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.data_events import DataChange, data_events
from embassy_desk.gui.formatting import format_moment
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.logs import safe_traceback
from embassy_desk.services import sync as sync_service
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.gui")

# A preference order when the window's language has no text: the post's languages, then any.
_FALLBACK = ("en", "ru", "kk")


def in_language(texts: Mapping[str, Any], language: str) -> str:
    """The text of ``texts`` (language -> text) for ``language``, else the nearest one there is."""
    for code in (language, *_FALLBACK):
        value = texts.get(code)
        if isinstance(value, str) and value.strip():
            return value
    for code, value in texts.items():
        # Another language HQ wrote in (a two-letter code), never a field of another kind of body.
        if len(code) == 2 and isinstance(value, str) and value.strip():
            return value
    return ""


def _moment(iso: str) -> str:
    try:
        return format_moment(datetime.fromisoformat(iso))
    except ValueError:
        return iso


class HqPublications(QGroupBox):
    """The list of publications and the text of the one selected."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqPublications")
        self._session = session
        self._items: list[sync_service.Publication] = []
        self.runner = TaskRunner(self)
        self.list = named(QListWidget(self), "hqPublicationList")
        self.text = named(QPlainTextEdit(self), "hqPublicationText")
        self.text.setReadOnly(True)
        self.list.currentRowChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.text, 2)
        self.setMaximumHeight(150)
        self.hide()
        data_events().changed.connect(self._data_changed)
        self.retranslate()
        self.refresh()

    def refresh(self) -> Task:
        """Read the publications again, off the GUI thread."""
        session = self._session
        task = self.runner.start(
            lambda _p: sync_service.publications(session), title="publications", show_progress=False
        )
        task.show_errors = False
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)
        return task

    def _data_changed(self, change: object) -> None:
        # Publications come only with sync, which announces itself as a bulk change.
        if isinstance(change, DataChange) and change.bulk and not self._session.locked:
            self.refresh()

    def _loaded(self, items: object) -> None:
        assert isinstance(items, list)
        self._items = items
        self._fill()

    def _failed(self, error: object) -> None:
        if isinstance(error, BaseException) and not isinstance(error, EmbassyDeskError):
            log.error("publications failed\n%s", safe_traceback(type(error), error, error.__traceback__))

    def titles(self) -> list[str]:
        """The titles shown, top to bottom (tests read them)."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _kind(self, kind: str) -> str:
        if kind == "template":
            return self.tr("Notice template")
        return self.tr("Advisory")

    def _fill(self) -> None:
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        language = current_language()
        for item in self._items:
            title = in_language(item.title, language) or self._kind(item.kind)
            entry = QListWidgetItem(f"{title}\n{self._kind(item.kind)} · {_moment(item.published_at)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.setVisible(bool(self._items))
        if self._items:
            row = current if 0 <= current < len(self._items) else 0
            self.list.setCurrentRow(row)
            self._show(row)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            self.text.clear()
            return
        item = self._items[row]
        body = item.body
        if item.kind == "template":
            # A notice template version: what it is, then the template file as HQ sent it.
            about = (
                self.tr("Notice template %1, version %2, language %3")
                .replace("%1", str(body.get("template", "")))
                .replace("%2", str(body.get("version", "")))
                .replace("%3", str(body.get("language", "")))
            )
            source = body.get("source")
            self.text.setPlainText(f"{about}\n\n{source}" if isinstance(source, str) else about)
            return
        self.text.setPlainText(in_language(body, current_language()))

    def retranslate(self) -> None:
        self.setTitle(self.tr("From headquarters"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
