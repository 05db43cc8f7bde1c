"""The live preview's rendering, debounced and off the GUI thread.

Composing a notice takes 20 to 400 ms (more than a frame), so each request waits for typing to pause,
then renders on a one-thread pool; answers to requests that were overtaken are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.notices.pdf_pages import render_pages
from embassy_desk.logs import safe_traceback

log = logging.getLogger("embassy_desk.gui")

DEBOUNCE_MS = 250
PREVIEW_DPI = 110


@dataclass(frozen=True)
class PreviewResult:
    pdf: bytes
    pages: list[QImage]


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Render(QRunnable):
    def __init__(self, generation: int, make: Callable[[], bytes], signals: _Signals, dpi: float) -> None:
        super().__init__()
        self._generation = generation
        self._make = make
        self._signals = signals
        self._dpi = dpi

    def run(self) -> None:
        try:
            pdf = self._make()
            result = PreviewResult(pdf, render_pages(pdf, self._dpi))
        except EmbassyDeskError as exc:
            self._signals.failed.emit(self._generation, error_text(exc))
        except Exception as exc:
            log.error("preview failed\n%s", safe_traceback(type(exc), exc, exc.__traceback__))
            self._signals.failed.emit(
                self._generation,
                QCoreApplication.translate("NoticePreview", "The preview could not be made; see the log."),
            )
        else:
            self._signals.done.emit(self._generation, result)


class PreviewRenderer(QObject):
    """``request(make)`` renders ``make()``'s PDF after a pause; ``ready`` or ``failed`` answers the
    latest request only."""

    ready = Signal(object)  # PreviewResult
    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, dpi: float = PREVIEW_DPI) -> None:
        super().__init__(parent)
        self.dpi = dpi
        self._generation = 0
        self._make: Callable[[], bytes] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # A child made after the pool: it goes only once the pool's destructor has waited for the
        # render, and on this thread. Owned by Python alone, the render's own reference could be its
        # last, and a QObject deleted on a worker thread crashes.
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self.running = False

    def request(self, make: Callable[[], bytes]) -> None:
        """Render ``make()`` once typing pauses (replacing any request not started yet)."""
        self._generation += 1
        self._make = make
        self._timer.start()
        self.busy.emit(True)

    def cancel(self) -> None:
        """Forget the pending request; a render already running is ignored when it ends."""
        self._generation += 1
        self._make = None
        self._timer.stop()
        self.busy.emit(False)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the pending preview is ready (tests; before locking)."""
        if self._timer.isActive():
            self._timer.stop()
            self._start()
        done = self._pool.waitForDone(timeout_ms)
        # Not the static QCoreApplication.processEvents(): in PySide6 6.12 on Python 3.11 every static
        # void call drops a reference to None, and enough of them crash the interpreter.
        QEventLoop().processEvents()
        return bool(done)

    def _start(self) -> None:
        make, self._make = self._make, None
        if make is not None:
            self._pool.start(_Render(self._generation, make, self._signals, self.dpi))

    def _done(self, generation: int, result: object) -> None:
        if generation == self._generation:
            self.busy.emit(False)
            self.ready.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.busy.emit(False)
            self.failed.emit(message)
