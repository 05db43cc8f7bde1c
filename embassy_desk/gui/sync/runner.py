"""Sync in the background: every few minutes while HQ answers, shortly after local writes, and on demand.

One :class:`SyncRunner` per signed-in session (the Sync screen owns it; the status bar listens). All
service calls (status, probe, run_sync) run on the long-work pool, never on the GUI thread; their
outcomes come back as a new :class:`~embassy_desk.gui.sync.state.SyncState` on ``changed``.

Timing:

* a first attempt ``first_ms`` after sign-in, then one every ``interval_ms``; a background attempt
  probes HQ first (``GET /health``, a few seconds at most) and syncs only if it answers, so an
  offline post costs one short probe per interval and no error dialogs;
* ``after_write_ms`` after a local write (any :func:`embassy_desk.gui.data_events.notify`), so a
  change reaches the other workstations soon; the timer is not restarted by further writes, so a
  busy desk still syncs every ``after_write_ms``. Before enrollment a write costs nothing here;
* :meth:`SyncRunner.sync_now` at once, without a probe, so a failure says why in plain words.

Attempts never overlap: one asked for while another runs follows when it ends. A failure is kept
as a :class:`~embassy_desk.gui.sync.state.SyncProblem` (shown, never raised as a dialog) and the
next success clears it. What a sync pulled is announced through data_events, so every view reads
its records again; the runner ignores its own announcements.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.data_events import DataChange, Kind, data_events, notify
from embassy_desk.gui.sync.state import Failure, SyncProblem, SyncState, problem_of
from embassy_desk.gui.tasks import Progress, Task, TaskRunner
from embassy_desk.logs import safe_traceback
from embassy_desk.services import sync as service
from embassy_desk.services.session import LockedError, Session

log = logging.getLogger("embassy_desk.gui")

INTERVAL_MS = 3 * 60_000  # "every few minutes"
AFTER_WRITE_MS = 30_000
FIRST_MS = 5_000  # soon after sign-in, once the registry has drawn
STATUS_DEBOUNCE_MS = 500  # a burst of writes costs one count of the entries waiting


class _StageBox:
    """The stage a sync reports, handed from the worker to the GUI thread (a plain locked value:
    the worker must not own or emit through a QObject of its own, see gui/tasks.py)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stage = ""

    def set(self, stage: str) -> None:
        with self._lock:
            self._stage = stage

    def get(self) -> str:
        with self._lock:
            return self._stage


@dataclass(frozen=True)
class _Outcome:
    """What one background job learnt: the status after it, and the sync's report if one ran."""

    status: service.SyncStatus
    report: service.SyncReport | None = None
    reachable: bool | None = None
    thread: int = 0


def _sync_job(
    session: Session, *, probe_first: bool, report: Callable[[str, int], None]
) -> Callable[[Progress], _Outcome]:
    """The work of one attempt: status, then (if enrolled) probe and sync, then status again."""

    def work(progress: Progress) -> _Outcome:
        thread = threading.get_ident()
        status = service.status(session)
        if not status.enrolled:
            return _Outcome(status, thread=thread)
        if probe_first:
            report("probe", 0)
            progress(0)  # a cancel before the network is touched stops here
            if not service.probe(session):
                return _Outcome(service.status(session), reachable=False, thread=thread)

        def stage(name: str, done: int) -> None:
            report(name, done)
            progress(done)  # raises Cancelled once the runner was stopped: the service rolls back

        result = service.run_sync(session, progress=stage)
        return _Outcome(service.status(session), report=result, reachable=True, thread=thread)

    return work


def _status_job(session: Session) -> Callable[[Progress], _Outcome]:
    def work(_progress: Progress) -> _Outcome:
        return _Outcome(service.status(session), thread=threading.get_ident())

    return work


class SyncRunner(QObject):
    """Runs sync for one session off the GUI thread and publishes its :class:`SyncState`."""

    changed = Signal(object)  # SyncState
    synced = Signal(object)  # service.SyncReport, after each sync that finished

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
        after_write_ms: int = AFTER_WRITE_MS,
        first_ms: int = FIRST_MS,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._state = SyncState()
        # Quiet tasks: no progress dialog (the screen and the status bar show the stage) and no
        # error dialogs (a background failure is shown in place, and retried).
        self._tasks = TaskRunner(parent)
        self._sync_task: Task | None = None
        self._status_task: Task | None = None
        self._again = False  # an attempt was asked for while one ran
        self._again_probe = True
        self._status_again = False
        self._stopped = True
        self._stage = _StageBox()
        # The thread the last job ran on (tests check it is never the GUI thread).
        self.last_job_thread = 0

        self.periodic = QTimer(self)
        self.periodic.setInterval(interval_ms)
        self.periodic.timeout.connect(self._background_attempt)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(first_ms)
        self.first.timeout.connect(self._background_attempt)
        self.after_write = QTimer(self)
        self.after_write.setSingleShot(True)
        self.after_write.setInterval(after_write_ms)
        self.after_write.timeout.connect(self._background_attempt)
        self._status_debounce = QTimer(self)
        self._status_debounce.setSingleShot(True)
        self._status_debounce.setInterval(STATUS_DEBOUNCE_MS)
        self._status_debounce.timeout.connect(self.refresh)
        data_events().changed.connect(self._data_changed)

    # -- public ---------------------------------------------------------------------------------
    @property
    def state(self) -> SyncState:
        return self._state

    @property
    def running(self) -> bool:
        """Whether a sync attempt (probe or sync) is in flight."""
        return self._sync_task is not None and self._sync_task.running

    @property
    def busy(self) -> bool:
        """Whether any job of this runner (a sync or a status read) is in flight."""
        return self.running or (self._status_task is not None and self._status_task.running)

    @property
    def active_jobs(self) -> int:
        """How many of this runner's jobs are in flight (0, 1 or 2: a sync and a status read)."""
        return sum(1 for task in (self._sync_task, self._status_task) if task is not None and task.running)

    def start(self) -> None:
        """Read the status now and begin the timers (after sign-in)."""
        self._stopped = False
        self.refresh()
        self.periodic.start()
        self.first.start()

    def stop(self) -> None:
        """Stop the timers and ask a sync in flight to stop (before a lock); it rolls back."""
        self._stopped = True
        for timer in (self.periodic, self.first, self.after_write, self._status_debounce):
            timer.stop()
        self._again = self._status_again = False
        for task in (self._sync_task, self._status_task):
            if task is not None and task.running:
                task.cancel()

    def sync_now(self) -> Task | None:
        """Sync at once (the Sync screen's button); if one is running, another follows it."""
        return self._attempt(probe_first=False)

    def refresh(self) -> Task | None:
        """Read the status again (entries waiting, conflicts) off the GUI thread."""
        if self._stopped:
            return None
        if self._status_task is not None and self._status_task.running:
            self._status_again = True
            return None
        task = self._tasks.start(_status_job(self._session), title="sync status", show_progress=False)
        task.show_errors = False
        task.finished.connect(self._status_read)
        task.failed.connect(self._status_failed)
        task.ended.connect(self._status_ended)
        self._status_task = task
        return task

    # -- attempts -------------------------------------------------------------------------------
    def _background_attempt(self) -> None:
        if self._state.status is not None and not self._state.enrolled:
            return  # nothing to do until an administrator enrolls this workstation
        self._attempt(probe_first=True)

    def _attempt(self, *, probe_first: bool) -> Task | None:
        if self._stopped:
            return None
        if self.running:
            # One at a time; an on-demand request keeps its "no probe" through the wait.
            self._again = True
            self._again_probe = self._again_probe and probe_first
            return None
        self.after_write.stop()
        box = self._stage
        box.set("")
        task = self._tasks.start(
            _sync_job(self._session, probe_first=probe_first, report=lambda stage, _done: box.set(stage)),
            title="sync",
            show_progress=False,
        )
        task.show_errors = False
        task.progress.connect(self._progress)
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.ended.connect(self._ended)
        self._sync_task = task
        self._set(replace(self._state, running=True, stage="", done=0))
        return task

    def _progress(self, done: int) -> None:
        self._set(replace(self._state, stage=self._stage.get(), done=done))

    def _finished(self, outcome: object) -> None:
        assert isinstance(outcome, _Outcome)
        self.last_job_thread = outcome.thread
        report = outcome.report
        state = replace(self._state, status=outcome.status, running=False, stage="", done=0)
        if outcome.reachable is not None:
            state = replace(state, reachable=outcome.reachable)
        if report is not None:
            state = replace(state, problem=None)
        self._set(state)
        if report is not None:
            self.synced.emit(report)
            if report.pulled or report.conflicts:
                # Views read their records again; the status bar says what came.
                notify(
                    DataChange(
                        frozenset(Kind),
                        count_changed=True,
                        message=self.tr("%n change(s) received from headquarters", "", report.pulled),
                        origin=self,
                    )
                )

    def _failed(self, error: object) -> None:
        problem = problem_of(error) if isinstance(error, BaseException) else SyncProblem(Failure.UNEXPECTED)
        if problem.kind is Failure.UNEXPECTED and isinstance(error, BaseException):
            # Where it happened, never what it carried (promise 16): the screen says it was logged.
            log.error("sync failed\n%s", safe_traceback(type(error), error, error.__traceback__))
        if isinstance(error, LockedError):
            # Locked meanwhile: nothing to show, the session is gone.
            self._set(replace(self._state, running=False, stage="", done=0))
            return
        reachable = False if problem.kind is Failure.UNREACHABLE else self._state.reachable
        if problem.kind is Failure.REFUSED:
            reachable = True  # HQ answered, it said no
        self._set(replace(self._state, running=False, stage="", done=0, problem=problem, reachable=reachable))
        self.refresh()  # entries waiting and conflicts as they are now (a pull may have half-applied)

    def _cancelled(self) -> None:
        self._set(replace(self._state, running=False, stage="", done=0))

    def _ended(self) -> None:
        # A task says "ended" before "finished" or "failed": follow up once those were handled, so
        # the state of the attempt that ended never lands on the one that follows.
        QTimer.singleShot(0, self, self._follow_up)

    def _follow_up(self) -> None:
        if self._again and not self._stopped and not self.running:
            probe = self._again_probe
            self._again, self._again_probe = False, True
            self._attempt(probe_first=probe)

    # -- status ---------------------------------------------------------------------------------
    def _status_read(self, outcome: object) -> None:
        assert isinstance(outcome, _Outcome)
        self.last_job_thread = outcome.thread
        self._set(replace(self._state, status=outcome.status))

    def _status_failed(self, error: object) -> None:
        if isinstance(error, EmbassyDeskError):
            return  # locked meanwhile, say; the next read tells
        if isinstance(error, BaseException):
            log.error("sync status failed\n%s", safe_traceback(type(error), error, error.__traceback__))

    def _status_ended(self) -> None:
        if self._status_again and not self._stopped:
            self._status_again = False
            self.refresh()

    def _data_changed(self, change: object) -> None:
        if self._stopped or not isinstance(change, DataChange) or change.origin is self:
            return
        if self._state.status is not None and not self._state.enrolled:
            # Nothing shows the count before enrollment, and on a big register never synced it is
            # a long count: read it when the Sync screen asks (enrollment, a bundle), not per write.
            return
        self._status_debounce.start()
        if not self.after_write.isActive():
            self.after_write.start()

    def _set(self, state: SyncState) -> None:
        self._state = state
        self.changed.emit(state)
