"""Background sync: the runner reads the state and syncs off the GUI thread, probes before a
background attempt (an offline post gets no error), syncs soon after a local write, says why an
on-demand sync failed in the window's language, never runs two attempts at once, and stops before a
lock. Real encrypted workstations; HQ is a loopback port nobody listens on (the line is down)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.status import StatusBar
from embassy_desk.gui.sync.runner import SyncRunner
from embassy_desk.gui.sync.state import Failure, SyncState
from embassy_desk.services import registry
from embassy_desk.services import sync as service
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.sync_fixtures import enroll_offline


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.fixture
def make_runner(qapp: object) -> Iterator[Callable[..., SyncRunner]]:
    """Runners with timers long enough not to fire unless a test shortens them; stopped at the end."""
    made: list[SyncRunner] = []

    def make(session: Session, **timing: int) -> SyncRunner:
        runner = SyncRunner(
            session,
            None,
            interval_ms=timing.get("interval_ms", 3_600_000),
            after_write_ms=timing.get("after_write_ms", 3_600_000),
            first_ms=timing.get("first_ms", 3_600_000),
        )
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.stop()
        runner.deleteLater()


def _settled(runner: SyncRunner) -> bool:
    return runner.state.status is not None and not runner.busy


def test_not_enrolled_reads_the_state_off_the_gui_thread_and_never_syncs(
    qtbot: QtBot, admin: Session, make_runner: Callable[..., SyncRunner]
) -> None:
    runner = make_runner(admin, first_ms=50, after_write_ms=50)
    seen: list[SyncState] = []
    runner.changed.connect(seen.append)
    runner.start()
    qtbot.waitUntil(lambda: _settled(runner))
    assert runner.last_job_thread not in (0, threading.main_thread().ident)
    assert not runner.state.enrolled
    registry.register_citizen(admin, aigerim())
    notify(DataChange(frozenset({Kind.CITIZENS}), count_changed=True))
    qtbot.wait(200)  # long past the first and after-write delays (50 ms): still nothing ran
    assert not any(state.running for state in seen)
    assert not runner.after_write.isActive() and not runner.busy, "not even a count per write"
    assert service.history(admin) == []
    runner.refresh()  # asked for (the Sync screen after a bundle, say): the change waits in the outbox
    qtbot.waitUntil(lambda: runner.state.pending >= 1)


def test_a_background_attempt_with_hq_gone_is_offline_not_an_error(
    qtbot: QtBot, admin: Session, make_runner: Callable[..., SyncRunner]
) -> None:
    enroll_offline(admin)
    registry.register_citizen(admin, aigerim())
    runner = make_runner(admin, first_ms=10)
    runner.start()
    qtbot.waitUntil(lambda: runner.state.reachable is False, timeout=10_000)
    qtbot.waitUntil(lambda: not runner.busy)
    state = runner.state
    assert state.enrolled and state.problem is None
    assert state.pending >= 1
    assert runner.last_job_thread != threading.main_thread().ident
    assert service.history(admin) == [], "a probe that failed is no sync run"
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show_session(admin)
    bar.show_sync(state)
    assert bar.sync.text().startswith("Sync: offline, ")
    assert "waiting" in bar.sync.text()


def test_sync_now_with_hq_gone_says_why_in_plain_words(
    qtbot: QtBot, admin: Session, translations: Translations, make_runner: Callable[..., SyncRunner]
) -> None:
    url = enroll_offline(admin)
    runner = make_runner(admin)
    runner.start()
    qtbot.waitUntil(lambda: _settled(runner))
    assert runner.sync_now() is not None
    qtbot.waitUntil(lambda: runner.state.problem is not None, timeout=10_000)
    problem = runner.state.problem
    assert problem is not None and problem.kind is Failure.UNREACHABLE
    assert url in problem.text() and "Nothing was lost" in problem.text()
    assert runner.state.reachable is False and not runner.state.running
    translations.set_language("ru", remember=False)
    assert url in problem.text() and "Nothing was lost" not in problem.text()
    qtbot.waitUntil(lambda: len(service.history(admin)) == 1)
    row = service.history(admin)[0]
    assert row.kind == "network" and row.error_text


def test_a_local_write_syncs_soon_after(
    qtbot: QtBot, admin: Session, make_runner: Callable[..., SyncRunner]
) -> None:
    enroll_offline(admin)
    runner = make_runner(admin, after_write_ms=100)
    runner.start()
    qtbot.waitUntil(lambda: _settled(runner))
    assert runner.state.reachable is None, "nothing tried yet"
    registry.register_citizen(admin, aigerim())
    with qtbot.waitSignal(runner.changed, check_params_cb=lambda s: s.running, timeout=5_000):
        notify(DataChange(frozenset({Kind.CITIZENS}), count_changed=True))
    qtbot.waitUntil(lambda: runner.state.reachable is False and not runner.busy, timeout=10_000)
    assert runner.state.pending >= 1


def test_attempts_never_overlap_and_a_request_meanwhile_follows(
    qtbot: QtBot, admin: Session, make_runner: Callable[..., SyncRunner]
) -> None:
    enroll_offline(admin)
    runner = make_runner(admin)
    runner.start()
    qtbot.waitUntil(lambda: _settled(runner))
    starts: list[bool] = []
    runner.changed.connect(lambda s: starts.append(s.running))
    first = runner.sync_now()
    assert first is not None
    assert runner.sync_now() is None, "the second waits for the first"
    qtbot.waitUntil(lambda: len(service.history(admin)) == 2 and not runner.busy, timeout=15_000)
    # Each attempt starts once, and never while the other runs.
    rises = [i for i, running in enumerate(starts) if running and (i == 0 or not starts[i - 1])]
    assert len(rises) == 2


def test_stop_turns_the_timers_off_and_nothing_starts(
    qtbot: QtBot, admin: Session, make_runner: Callable[..., SyncRunner]
) -> None:
    enroll_offline(admin)
    runner = make_runner(admin, interval_ms=50, after_write_ms=50, first_ms=50)
    runner.start()
    runner.stop()
    assert not runner.periodic.isActive() and not runner.first.isActive()
    notify(DataChange(frozenset({Kind.CITIZENS})))
    assert not runner.after_write.isActive()
    assert runner.sync_now() is None
    qtbot.wait(200)
    assert service.history(admin) == []
