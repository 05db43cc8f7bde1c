"""Long work off the GUI thread, with a progress dialog after ~600 ms and a Cancel button.

A task is a function that takes a ``progress(done)`` callback and returns a result. It runs on a
``QThreadPool`` worker; the callback reports progress to the dialog and, once Cancel was pressed,
raises :class:`~embassy_desk.domain.errors.Cancelled`, so the service rolls its transaction back and
leaves nothing behind. Results, errors and cancellation come back on the GUI thread as signals.

    task = runner.start(lambda progress: import_file(session, path, progress=progress),
                        title=self.tr("Importing citizens"))
    task.finished.connect(show_report)

Threads and lifetimes: a QObject must be deleted on its own thread, and a worker that drops the last
reference to a Python-owned QObject deletes it on the worker. So a worker holds no QObject of its
own: it reports through one relay per pool (a child of the pool, which waits for its workers before
its children go), and it hands its work function back with the outcome, so whatever that closure
captured is released on the GUI thread. Cycle collection is kept on the GUI thread as well
(:mod:`embassy_desk.gui.gui_thread_gc`).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from embassy_desk.domain.errors import Cancelled
from embassy_desk.gui.errors import handle_exception
from embassy_desk.gui.formatting import format_number

Progress = Callable[[int], None]
Work = Callable[[Progress], Any]
PROGRESS_DELAY_MS = 600

_DONE, _FAILED, _CANCELLED = "done", "failed", "cancelled"


class _Parcel:
    """What a job hands to the GUI thread when it ends: its outcome and its own work function."""

    __slots__ = ("outcome", "payload", "work")

    def __init__(self, outcome: str, payload: object, work: Work | None) -> None:
        self.outcome = outcome
        self.payload = payload
        self.work = work


class _Relay(QObject):
    """Carries the jobs of one pool to their tasks on the GUI thread."""

    progress = Signal(int, int)  # job id, done
    ended = Signal(int, object)  # job id, _Parcel

    def __init__(self, pool: QThreadPool) -> None:
        super().__init__(pool)
        self.setObjectName("taskRelay")
        self._tasks: dict[int, Task] = {}
        self.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def of(pool: QThreadPool) -> _Relay:
        found = pool.findChild(_Relay, "taskRelay")
        return found if isinstance(found, _Relay) else _Relay(pool)

    def register(self, job_id: int, task: Task) -> None:
        self._tasks[job_id] = task

    def _task(self, job_id: int) -> Task | None:
        task = self._tasks.get(job_id)
        # The task's window may have been closed (and the task deleted with it) while the job ran.
        return task if task is not None and shiboken6.isValid(task) else None

    def _on_progress(self, job_id: int, done: int) -> None:
        task = self._task(job_id)
        if task is not None:
            task.progress.emit(done)

    def _on_ended(self, job_id: int, parcel: object) -> None:
        assert isinstance(parcel, _Parcel)
        task = self._task(job_id)
        self._tasks.pop(job_id, None)
        outcome, payload = parcel.outcome, parcel.payload
        # Emptied here, so the work's captures and the result die on this thread whichever thread
        # lets go of the parcel itself last.
        parcel.payload = parcel.work = None
        if task is not None:
            task._deliver(outcome, payload)


_job_ids = itertools.count(1)


class _Job(QRunnable):
    def __init__(self, work: Work, relay: _Relay, job_id: int, stop: threading.Event) -> None:
        super().__init__()
        self._work: Work | None = work
        self._relay = relay
        self._id = job_id
        self._stop = stop

    def _progress(self, done: int) -> None:
        if self._stop.is_set():
            raise Cancelled("cancelled")
        self._relay.progress.emit(self._id, int(done))

    def run(self) -> None:
        work, self._work = self._work, None
        assert work is not None
        try:
            parcel = _Parcel(_DONE, work(self._progress), work)
        except Cancelled:
            parcel = _Parcel(_CANCELLED, None, work)
        except BaseException as exc:
            parcel = _Parcel(_FAILED, exc, work)
        del work
        self._relay.ended.emit(self._id, parcel)


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

    @property
    def running(self) -> bool:
        return self._running

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (it then rolls back)."""
        self._stop.set()

    def _job(self, work: Work, relay: _Relay) -> _Job:
        job_id = next(_job_ids)
        relay.register(job_id, self)
        return _Job(work, relay, job_id, self._stop)

    def _deliver(self, outcome: str, payload: object) -> None:
        self._running = False
        self.ended.emit()
        if outcome == _DONE:
            self.finished.emit(payload)
        elif outcome == _CANCELLED:
            self.cancelled.emit()
        else:
            self.failed.emit(payload)
            if self.show_errors and isinstance(payload, BaseException):
                parent = self.parent()
                handle_exception(payload, parent if isinstance(parent, QWidget) else None)


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
            self.setLabelText(f"{self._task.title}\n{format_number(done)}")


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
        self._pool.start(task._job(work, _Relay.of(self._pool)))
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
