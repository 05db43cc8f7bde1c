"""The preview pane: one page of the notice at a time, fitted to the width, with page navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from embassy_desk.gui.widgets import named


class PreviewPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QImage] = []
        self._current = 0
        self._busy = False
        self.page = named(QLabel(self), "noticePreviewPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.page)
        self.scroll_area.setMinimumWidth(360)
        # The page is always fitted to the width, so only a vertical scroll bar is ever needed.
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.message = named(QLabel(self), "noticePreviewMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.previous_button = named(QPushButton(self), "noticePreviousPage")
        self.next_button = named(QPushButton(self), "noticeNextPage")
        self.position = named(QLabel(self), "noticePagePosition")
        self.previous_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage), self, self.previous_page)
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToNextPage), self, self.next_page)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(nav)
        self.retranslate()

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀ Previous page"))
        self.next_button.setText(self.tr("Next page ▶"))
        self.previous_button.setToolTip(self.tr("Page Up"))
        self.next_button.setToolTip(self.tr("Page Down"))
        self._show_position()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def current_page(self) -> int:
        """The page shown, counted from 0."""
        return self._current

    def show_pages(self, pages: list[QImage]) -> None:
        """Show a new rendering, staying on the same page number when it still exists."""
        self._pages = pages
        self._current = min(self._current, max(len(pages) - 1, 0))
        self.message.hide()
        self._show_page()

    def show_message(self, text: str) -> None:
        """Say why there is no preview (nothing picked yet, a field missing…); the last page stays dimmed."""
        self.message.setText(text)
        self.message.show()
        self.page.setEnabled(False)

    def clear(self, text: str) -> None:
        self._pages = []
        self._current = 0
        self.page.clear()
        self.show_message(text)
        self._show_position()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._show_position()

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            self._current = index
            self._show_page()

    def next_page(self) -> None:
        self.go_to(self._current + 1)

    def previous_page(self) -> None:
        self.go_to(self._current - 1)

    # ----------------------------------------------------------------------------------------

    def _show_page(self) -> None:
        self.page.setEnabled(True)
        if not self._pages:
            self.page.clear()
        else:
            width = max(self.scroll_area.viewport().width() - 4, 200)
            image = self._pages[self._current]
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            self.page.setPixmap(QPixmap.fromImage(image))
        self._show_position()

    def _show_position(self) -> None:
        count = len(self._pages)
        if count:
            text = self.tr("Page {page} of {pages}").format(page=self._current + 1, pages=count)
        else:
            text = self.tr("No preview")
        if self._busy:
            text = self.tr("{position} · updating…").format(position=text)
        self.position.setText(text)
        self.previous_button.setEnabled(self._current > 0)
        self.next_button.setEnabled(self._current < count - 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pages:
            self._show_page()
