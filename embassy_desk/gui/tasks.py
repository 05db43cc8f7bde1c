"""Long work off the GUI thread, with a progress dialog after ~600 ms and a Cancel button.

A task is a function that takes a ``progress(done)`` callback and returns a result. It runs on a
``QThreadPool`` worker; the callback reports progress to the dialog and, once Cancel was pressed,
raises :class:`~embassy_desk.domain.errors.Cancelled`, so the service rolls its transaction back and
leaves nothing behind. Results, errors and cancellation come back on the GUI thread as signals.

    task = runner.start(lambda progress: import_file(session, path, progress=progress),
                        title=self.tr("Importing citizens"))
    task.finished.connect(show_report)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from embassy_desk.domain.errors import Cancelled
from embassy_desk.gui.errors import handle_exception

Progress = Callable[[int], None]
Work = Callable[[Progress], Any]
PROGRESS_DELAY_MS = 600


class _Signals(QObject):
    progress = Signal(int)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._stop = stop

    def _progress(self, done: int) -> None:
        if self._stop.is_set():
            raise Cancelled("cancelled")
        self._signals.progress.emit(int(done))

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)


class Task(QObject):
    """One piece of work in flight. Connect to ``finished``, ``failed`` and ``cancelled``.

    Errors are shown with :func:`embassy_desk.gui.errors.handle_exception` unless the caller sets
    ``show_errors = False`` and handles ``failed`` itself.
    """

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progress = Signal(int)
    ended = Signal()

    def __init__(self, title: str, *, total: int | None, cancellable: bool, parent: QObject | None) -> None:
        super().__init__(parent)
        self.title = title
        self.total = total
        self.cancellable = cancellable
        self._stop = threading.Event()
        self._running = True
        self.show_errors = True
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.cancelled.connect(self._on_cancelled)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (it then rolls back)."""
        self._stop.set()

    def _job(self, work: Work) -> _Job:
        return _Job(work, self._signals, self._stop)

    def _end(self) -> None:
        self._running = False
        self.ended.emit()

    def _on_done(self, result: object) -> None:
        self._end()
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._end()
        self.failed.emit(exc)
        if self.show_errors and isinstance(exc, BaseException):
            parent = self.parent()
            handle_exception(exc, parent if isinstance(parent, QWidget) else None)

    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()


class _ProgressDialog(QProgressDialog):
    def __init__(self, task: Task, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.setWindowTitle(task.title)
        self.setLabelText(task.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # The dialog is shown by the runner's own timer; QProgressDialog's timer would show it early.
        self.setMinimumDuration(2**31 - 1)
        self.setRange(0, task.total or 0)
        self.setValue(0)
        self._task = task
        if task.cancellable:
            self.setCancelButtonText(QCoreApplication.translate("tasks", "Cancel"))
            self.canceled.connect(self._cancel)
        else:
            self.setCancelButton(None)
        task.progress.connect(self._on_progress)

    def _cancel(self) -> None:
        if not self._task.running:
            return  # closing the dialog at the end also says "canceled"
        self._task.cancel()
        self.setLabelText(QCoreApplication.translate("tasks", "Cancelling…"))
        self.setCancelButtonText(QCoreApplication.translate("tasks", "Cancelling…"))

    def _on_progress(self, done: int) -> None:
        if self._task.total:
            self.setValue(min(done, self._task.total))
        elif not self._task.cancel_requested:
            self.setLabelText(f"{self._task.title}\n{done:,}")


_shared_pool: QThreadPool | None = None


def long_work_pool() -> QThreadPool:
    """The threads for long work, apart from Qt's global pool so an import never delays a search."""
    global _shared_pool
    if _shared_pool is None:
        _shared_pool = QThreadPool(QCoreApplication.instance())
        _shared_pool.setMaxThreadCount(2)
    return _shared_pool


class TaskRunner(QObject):
    """Starts tasks on a thread pool and shows their progress dialogs over ``window``."""

    def __init__(self, window: QWidget | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._pool = pool or long_work_pool()
        self._tasks: list[Task] = []
        self.progress_delay_ms = PROGRESS_DELAY_MS

    @property
    def running(self) -> list[Task]:
        return [t for t in self._tasks if t.running]

    def start(
        self,
        work: Work,
        *,
        title: str,
        total: int | None = None,
        cancellable: bool = True,
        show_progress: bool = True,
    ) -> Task:
        """Run ``work(progress)`` on a worker thread; returns its :class:`Task` handle."""
        task = Task(title, total=total, cancellable=cancellable, parent=self._window)
        self._tasks.append(task)
        task.ended.connect(lambda: self._forget(task))
        if show_progress:
            dialog = _ProgressDialog(task, self._window)
            timer = QTimer(task)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: dialog.show() if task.running else None)
            task.ended.connect(timer.stop)
            task.ended.connect(dialog.hide)
            task.ended.connect(dialog.deleteLater)
            timer.start(self.progress_delay_ms)
        self._pool.start(task._job(work))
        return task

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)

    def cancel_all(self) -> None:
        """Ask every running task to stop."""
        for task in self.running:
            task.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the pool is idle (used before locking); True if it finished in time."""
        done = self._pool.waitForDone(timeout_ms)
        # Deliver the results the workers queued, so every task has ended before the caller goes on.
        QCoreApplication.processEvents()
        return bool(done)
