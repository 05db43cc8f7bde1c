"""What the window knows about sync at one moment, and how it says it in one line.

The runner (:mod:`embassy_desk.gui.sync.runner`) makes a new :class:`SyncState` whenever something
changes (a sync starts, reports a stage, ends or fails; the count of entries waiting moves) and the
status bar and the Sync screen show it. A failure is kept as its coded message, not as the exception:
the text is rendered in whatever language the window speaks when it is shown, and no traceback (with
its frames and the session they hold) outlives the failed work.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg, render
from embassy_desk.gui.i18n import current_language
from embassy_desk.services.sync import SyncRefused, SyncStatus, SyncUnreachable


class Failure(StrEnum):
    """Why the last sync did not finish, as far as a person needs to know."""

    UNREACHABLE = "unreachable"  # no network, HQ down: it is retried by itself
    REFUSED = "refused"  # HQ said no (revoked, clock, version): someone has to act
    OTHER = "other"  # an error with its own message (a bundle refused, a role)
    UNEXPECTED = "unexpected"  # a bug: written to the log, nothing half-done


@dataclass(frozen=True)
class SyncProblem:
    """The last failure: its kind and, when it has one, its coded message."""

    kind: Failure
    message: Msg | None = None

    def text(self) -> str:
        """The failure in plain words, in the window's language."""
        if self.message is not None:
            text = render(self.message, current_language())
            # Some messages are written to follow "error:" on a command line; alone, a sentence.
            return text[:1].upper() + text[1:]
        return QCoreApplication.translate(
            "SyncState", "Something went wrong; the details were written to the log. Nothing was half-saved."
        )


def problem_of(error: BaseException) -> SyncProblem:
    """Classify ``error`` (raised by a sync, a probe, an enrollment or a bundle)."""
    if isinstance(error, SyncUnreachable):
        return SyncProblem(Failure.UNREACHABLE, error.msg)
    if isinstance(error, SyncRefused):
        return SyncProblem(Failure.REFUSED, error.msg)
    if isinstance(error, EmbassyDeskError):
        return SyncProblem(Failure.OTHER, error.msg)
    return SyncProblem(Failure.UNEXPECTED)


@dataclass(frozen=True)
class SyncState:
    """Sync as the window shows it: the service's status plus what the runner is doing.

    ``status`` is None until it was first read. ``stage`` and ``done`` describe a sync in
    progress; ``problem`` the last failure (cleared by the next success); ``reachable`` what the
    last probe or sync learnt about HQ (None: not tried since sign-in).
    """

    status: SyncStatus | None = None
    running: bool = False
    stage: str = ""
    done: int = 0
    problem: SyncProblem | None = None
    reachable: bool | None = None

    @property
    def enrolled(self) -> bool:
        return self.status is not None and self.status.enrolled

    @property
    def pending(self) -> int:
        return 0 if self.status is None else self.status.pending

    @property
    def conflicts(self) -> int:
        return 0 if self.status is None else self.status.conflicts


class SyncWords(QObject):
    """The sentences about sync, from a QObject so that pyside6-lupdate sees their plurals."""

    def stage(self, stage: str, done: int) -> str:
        key = stage.lower()
        if key.startswith(("push", "send")):
            return self.tr("Sending changes to headquarters… (%n sent)", "", done)
        if key.startswith(("pull", "receiv", "apply")):
            return self.tr("Receiving changes from headquarters… (%n received)", "", done)
        if key.startswith(("verif", "summar", "check")):
            return self.tr("Checking the registry against headquarters…")
        if key.startswith(("probe", "connect")):
            return self.tr("Connecting to headquarters…")
        return self.tr("Syncing…")

    def line(self, state: SyncState) -> str:
        problem = state.problem
        if state.running:
            text = self.tr("Sync: syncing…")
        elif problem is not None and problem.kind is Failure.REFUSED:
            text = self.tr("Sync: refused by headquarters")
        elif state.reachable is False or (problem is not None and problem.kind is Failure.UNREACHABLE):
            text = (
                self.tr("Sync: offline, %n waiting", "", state.pending)
                if state.pending
                else self.tr("Sync: offline")
            )
        elif problem is not None:
            text = (
                self.tr("Sync: failed, %n waiting", "", state.pending)
                if state.pending
                else self.tr("Sync: failed")
            )
        elif state.pending:
            text = self.tr("Sync: %n waiting", "", state.pending)
        else:
            text = self.tr("Sync: up to date")
        if state.conflicts:
            conflicts = self.tr("%n conflict(s) to settle", "", state.conflicts)
            text = f"{text} · {conflicts}"
        return text


def stage_text(stage: str, done: int) -> str:
    """What a sync in progress is doing, from the stage the service reports."""
    return SyncWords().stage(stage, done)


def line(state: SyncState) -> str:
    """The status bar's words for an enrolled workstation: the state and entries waiting."""
    return SyncWords().line(state)
