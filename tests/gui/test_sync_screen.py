"""The Sync screen: enrollment for administrators (a note for the others), the state with entries
waiting, "Sync now" whose failure is said in plain words in the window's language, the history, USB
bundles through the file dialogs, the conflict queue with both values side by side and Keep local /
Keep remote, the status bar and the navigation of the main window, and HQ's publications on the
Notices screen. Real encrypted workstations; conflicts come from real pulled entries."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.gui.sync.runner import SyncRunner
from embassy_desk.gui.sync.state import Failure, SyncProblem, SyncState, line, stage_text
from embassy_desk.gui.sync.view import SyncView
from embassy_desk.services import registry
from embassy_desk.services import sync as service
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.sync_fixtures import (
    POST_CODE,
    POST_NAME,
    closed_port_url,
    enroll_offline,
    hq_publishes,
    other_side_edits_notes,
    other_side_renames,
)
from tests.gui.test_unlock_lock import sign_in
from tests.sync_harness import FaultProxy, Hq, Workstation


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.fixture
def qt_dialogs(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Qt's own file dialog (a widget a test can answer) and a home folder with Documents in it."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    before = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield home
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)


def answer_next_file_dialog(path: Path) -> None:
    """When the next file dialog shows, choose ``path`` in it."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                widget.setDirectory(str(path.parent))
                widget.selectFile(str(path))
                widget.accept()
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def sync_view(qtbot: QtBot, session: Session, runner: SyncRunner | None = None) -> SyncView:
    view = SyncView(session, runner=runner)
    if runner is not None:
        runner.start()
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.runner.state.status is not None and not view.runner.busy)
    return view


@pytest.fixture
def stop_runners() -> Iterator[list[SyncView]]:
    views: list[SyncView] = []
    yield views
    for view in views:
        view.stop()


# -- enrollment --------------------------------------------------------------------------------


def test_an_administrator_sees_the_enrollment_form_others_a_note(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    view = sync_view(qtbot, admin)
    assert view.enroll_form.isVisible() and not view.enroll_note.isVisible()
    assert not view.tabs.isVisible(), "no conflicts, history or bundles before enrollment"
    assert "not connected to headquarters" in view.state_view.headline.text()
    assert not view.state_view.sync_button.isVisible()
    assert not view.enroll_form.button.isEnabled(), "address and code first"
    view.stop()

    clerk = sync_view(qtbot, session_for(Role.CLERK))
    assert not clerk.enroll_form.isVisible() and clerk.enroll_note.isVisible()
    clerk.stop()


def test_enrollment_that_cannot_reach_hq_says_why_in_the_window_language(
    qtbot: QtBot, admin: Session, translations: Translations
) -> None:
    translations.set_language("ru", remember=False)
    view = sync_view(qtbot, admin)
    url = closed_port_url()
    form = view.enroll_form
    qtbot.keyClicks(form.url, url)
    qtbot.keyClicks(form.code, "ABCD-EFGH")
    assert form.button.isEnabled()
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.banner.is_error, timeout=10_000)
    text = form.banner.text()
    assert url in text and "cannot be reached" not in text, text
    assert not service.status(admin).enrolled
    view.stop()


# -- the state, Sync now, the history -----------------------------------------------------------


def test_enrolled_screen_shows_the_post_and_waiting_and_sync_now_says_why_it_failed(
    qtbot: QtBot, admin: Session
) -> None:
    url = enroll_offline(admin)
    registry.register_citizen(admin, aigerim())
    view = sync_view(qtbot, admin)
    state = view.state_view
    assert not view.enroll_form.isVisible()
    assert POST_CODE in state.post.text() and state.hq_url.text() == url
    assert state.pending.text() == "1 change(s)" or state.pending.text().startswith("1 ")
    assert state.last_sync.text() == "never"
    assert view.bundles.export_button.isEnabled()

    qtbot.mouseClick(state.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state.banner.is_error, timeout=10_000)
    assert url in state.banner.text() and "tried again by itself" in state.banner.text()
    assert state.reachable.text() == "headquarters does not answer"
    qtbot.waitUntil(lambda: view.history.model.rowCount() == 1)
    assert view.history.model.item(0, 1).text() == "Network"
    assert view.history.model.item(0, 5).text() == "Headquarters could not be reached; nothing was lost"
    assert url in view.history.model.item(0, 5).toolTip(), "the recorded sentence is the tooltip"
    view.stop()


# -- USB bundles -------------------------------------------------------------------------------


def test_a_bundle_is_written_where_the_file_dialog_says_and_a_device_bundle_is_refused(
    qtbot: QtBot, admin: Session, qt_dialogs: Path
) -> None:
    enroll_offline(admin)
    registry.register_citizen(admin, aigerim())
    view = sync_view(qtbot, admin)
    target = qt_dialogs / "Documents" / "to-hq.edsync"
    answer_next_file_dialog(target)
    bundles = view.bundles
    qtbot.mouseClick(bundles.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bundles.banner.isHidden(), timeout=10_000)
    assert not bundles.banner.is_error, bundles.banner.text()
    assert target.exists() and "Bundle 1 written" in bundles.banner.text()
    qtbot.waitUntil(lambda: view.history.model.rowCount() == 1)
    assert view.history.model.item(0, 1).text() == "Bundle written"

    # The bundle this workstation wrote is for HQ, not for it: reading it back is refused, unchanged.
    answer_next_file_dialog(target)
    qtbot.mouseClick(bundles.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bundles.banner.is_error, timeout=10_000)
    assert "Traceback" not in bundles.banner.text()
    assert service.status(admin).pending >= 1
    view.stop()


# -- the main window ---------------------------------------------------------------------------


def test_the_window_lists_sync_and_its_status_bar_follows_the_state(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations
) -> None:
    window = MainWindow(paths, translations=translations)
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    workspace = window.workspace
    assert workspace is not None and window.session is not None
    titles = [workspace.navigation.item(i).text() for i in range(workspace.navigation.count())]
    assert titles[8:10] == ["Sync", "Administration"]  # Check-in (issue 14) comes after them
    runner = workspace.sync_runner
    assert runner is not None
    qtbot.waitUntil(lambda: runner.state.status is not None)
    assert window.status.sync.text() == "Sync: not set up"

    enroll_offline(window.session)
    registry.register_citizen(window.session, aigerim())
    runner.refresh()
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sync: 1 waiting", timeout=5_000)
    runner.sync_now()
    qtbot.waitUntil(lambda: window.status.sync.text().startswith("Sync: offline"), timeout=10_000)
    translations.set_language("ru", remember=False)
    qtbot.waitUntil(lambda: window.status.sync.text().startswith("Синхронизация"))
    assert "1" in window.status.sync.text()

    # The sync words in the status bar lead to the Sync screen.
    workspace.show_section("registry")
    qtbot.mouseClick(window.status.sync, Qt.MouseButton.LeftButton)
    assert workspace.current_key() == "sync"

    window.lock()
    assert not runner.periodic.isActive() and not runner.after_write.isActive()
    assert window.status.sync.text() == ""


# -- the conflict queue ------------------------------------------------------------------------


def _conflicted(admin: Session, *, later: bool = True) -> str:
    """A citizen renamed here and, at the same time, on another workstation: a conflict of names."""
    enroll_offline(admin)
    citizen = registry.register_citizen(admin, aigerim()).id
    registry.edit_citizen(admin, citizen, {"surname": "Нурланова-Local"})
    report = other_side_renames(admin, citizen, {"surname": "Нурланова-Remote"}, later=later)
    assert report.conflicts == 1, report
    return citizen


def test_a_conflict_shows_both_values_side_by_side_and_keep_local_settles_it(
    qtbot: QtBot, admin: Session
) -> None:
    citizen = _conflicted(admin, later=True)
    view = sync_view(qtbot, admin)
    queue = view.conflicts
    qtbot.waitUntil(lambda: queue.list.count() == 1)
    assert view.tabs.tabText(0) == "&Conflicts (1)"
    detail = queue.detail
    assert detail.title.text() == "Нурланова-Remote Айгерим — Names", "the later change stands"
    assert "Нурланова-Local" in detail.local.value_texts()
    assert "Нурланова-Remote" in detail.remote.value_texts()
    assert detail.remote.now.isVisible() and not detail.local.now.isVisible()
    bold = [label.text() for label in detail.local.findChildren(QLabel, "syncConflictDiffers")]
    assert "Нурланова-Local" in bold and "Айгерим" not in bold, "what differs stands out"
    assert "a colleague on another workstation" in detail.remote.who.text()
    assert detail.local.who.text().startswith("Changed by Admin, ")
    assert view.state_view.conflicts.text() == "1"

    pending = service.status(admin).pending
    qtbot.waitUntil(lambda: detail.local.button.width() > 0)  # laid out
    qtbot.mouseClick(detail.local.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.list.count() == 0, timeout=10_000)
    assert queue.summary.text() == "No conflicts to settle."
    assert registry.get_citizen(admin, citizen).fields["surname"] == "Нурланова-Local"
    assert service.status(admin).pending > pending, "the resolution is a change that syncs"
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "&Conflicts")
    view.stop()


def test_keep_remote_restores_a_record_deleted_here_with_the_other_sides_edit(
    qtbot: QtBot, admin: Session
) -> None:
    citizen = registry.register_citizen(admin, aigerim()).id
    registry.delete_citizen(admin, citizen)
    report = other_side_edits_notes(admin, citizen, "Called from Busan, safe")
    assert report.conflicts == 1, report
    view = sync_view(qtbot, admin)
    queue = view.conflicts
    qtbot.waitUntil(lambda: queue.list.count() == 1)
    assert "deleted on one side" in queue.list.item(0).text()
    assert "deleted on one side while it was being edited" in queue.detail.explain.text()
    assert "Called from Busan, safe" in queue.detail.remote.value_texts()
    assert queue.detail.title.text() == f"Citizen …{citizen[-8:]} — Whole record"
    keep_remote = queue.detail.remote.button
    qtbot.waitUntil(lambda: keep_remote.isVisible() and keep_remote.width() > 0)  # laid out
    qtbot.mouseClick(keep_remote, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.list.count() == 0 or queue.banner.is_error, timeout=10_000)
    assert not queue.banner.is_error, queue.banner.text()
    assert registry.get_citizen(admin, citizen).fields["notes"] == "Called from Busan, safe"
    view.stop()


def test_the_queue_speaks_russian_and_a_viewer_may_not_settle(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session], translations: Translations
) -> None:
    _conflicted(admin)
    translations.set_language("ru", remember=False)
    view = sync_view(qtbot, session_for(Role.VIEWER))
    queue = view.conflicts
    qtbot.waitUntil(lambda: queue.list.count() == 1)
    assert queue.detail.title.text().endswith("— Имена")
    assert queue.detail.local.title() == "Это рабочее место"
    assert queue.detail.local.button.text() == "Оставить &это"
    assert not queue.detail.local.button.isEnabled() and not queue.detail.remote.button.isEnabled()
    assert queue.keep("local") is None
    view.stop()


# -- publications on the Notices screen ----------------------------------------------------------


def test_hq_publications_show_on_the_notices_screen_in_the_window_language(
    qtbot: QtBot, admin: Session, translations: Translations
) -> None:
    from embassy_desk.gui.notices.view import NoticesView

    notices = NoticesView(admin)
    qtbot.addWidget(notices)
    notices.show()
    qtbot.waitUntil(lambda: not notices.publications.runner.running)
    assert notices.publications.isHidden(), "nothing from HQ yet: nothing shown"
    hq_publishes(
        admin,
        title={"en": "Typhoon warning", "ru": "Штормовое предупреждение", "kk": "Дауыл туралы ескерту"},
        body={
            "en": "Stay indoors on Friday.",
            "ru": "В пятницу оставайтесь дома.",
            "kk": "Жұма күні үйде болыңыз.",
        },
    )
    notify(DataChange(frozenset(Kind), count_changed=True))  # what the runner announces after a pull
    publications = notices.publications
    qtbot.waitUntil(lambda: publications.isVisible())
    assert publications.title() == "From headquarters"
    assert publications.titles()[0].startswith("Typhoon warning\nAdvisory · ")
    assert publications.text.toPlainText() == "Stay indoors on Friday."
    translations.set_language("kk", remember=False)
    qtbot.waitUntil(lambda: publications.title() == "Орталықтан")
    assert publications.titles()[0].startswith("Дауыл туралы ескерту\nҰсыным · ")
    assert publications.text.toPlainText() == "Жұма күні үйде болыңыз."
    translations.set_language("en", remember=False)

    # A notice template version: what it is, then its file as HQ sent it.
    hq_publishes(
        admin,
        kind="template",
        title={"en": "advisory v3 (ru)"},
        body={
            "template": "advisory",
            "version": 3,
            "language": "ru",
            "file": "advisory.ru.toml",
            "source": "[notice]\ntitle = 'Уведомление'\n",
        },
    )
    notify(DataChange(frozenset(Kind), count_changed=True))
    qtbot.waitUntil(lambda: len(publications.titles()) == 2)
    template_row = next(i for i, t in enumerate(publications.titles()) if t.startswith("advisory v3 (ru)"))
    publications.list.setCurrentRow(template_row)
    shown = publications.text.toPlainText()
    assert shown.startswith("Notice template advisory, version 3, language ru\n\n[notice]"), shown


# -- against a real HQ -------------------------------------------------------------------------


@pytest.fixture
def real_hq(tmp_path: Path) -> Iterator[Hq]:
    """HQ as a ministry runs it (``hq serve`` under uvicorn, its default SQLite database), one post."""
    hq = Hq(tmp_path / "hq-root", None).init()
    hq.add_post(POST_CODE, POST_NAME)
    hq.start()
    yield hq
    hq.stop()


def _idle_after(view: SyncView, condition: Callable[[], bool]) -> Callable[[], bool]:
    return lambda: not view.runner.busy and condition()


def test_with_a_real_hq_enroll_sync_then_see_and_settle_a_conflict_in_the_window(
    qtbot: QtBot, admin: Session, real_hq: Hq, tmp_path: Path
) -> None:
    # Syncs soon after a local write (a fifth of a second here, about 30 s in the window).
    quiet = 3_600_000  # no timed attempt of its own during the test
    view = sync_view(
        qtbot, admin, SyncRunner(admin, None, after_write_ms=200, first_ms=quiet, interval_ms=quiet)
    )
    form = view.enroll_form
    qtbot.keyClicks(form.url, real_hq.url)
    qtbot.keyClicks(form.code, real_hq.enroll_code(POST_CODE))
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)
    # Enrolled, and the first sync ran by itself.
    qtbot.waitUntil(
        _idle_after(view, lambda: view.history.model.rowCount() == 1 and not form.isVisible()), timeout=30_000
    )
    assert view.state_view.post.text() == f"{POST_NAME} ({POST_CODE})"
    assert view.history.model.item(0, 5).text() == "Done"

    citizen = registry.register_citizen(admin, aigerim()).id
    notify(DataChange(frozenset({Kind.CITIZENS}), count_changed=True))  # as the record dialog does
    # Nobody presses anything: the write is sent by itself.
    qtbot.waitUntil(
        _idle_after(view, lambda: view.history.model.rowCount() == 2 and view.runner.state.pending == 0),
        timeout=30_000,
    )
    assert line(view.runner.state) == "Sync: up to date"
    assert view.runner.state.reachable is True and view.runner.state.problem is None

    # A colleague's workstation joins the post, receives her, and renames her; here she is renamed too.
    other = Workstation(tmp_path / "ws-b", "ws-b")
    real_hq.enroll(other, POST_CODE)
    other.sync()
    other.edit(citizen, surname="Нурланова-Б")
    other.sync()
    registry.edit_citizen(admin, citizen, {"surname": "Нурланова-А"})
    view.runner.sync_now()
    queue = view.conflicts
    qtbot.waitUntil(_idle_after(view, lambda: queue.list.count() == 1), timeout=30_000)
    assert "Нурланова-А" in queue.detail.local.value_texts()
    assert "Нурланова-Б" in queue.detail.remote.value_texts()

    qtbot.waitUntil(lambda: queue.detail.remote.button.width() > 0)  # laid out
    qtbot.mouseClick(queue.detail.remote.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.list.count() == 0, timeout=10_000)
    view.runner.sync_now()
    qtbot.waitUntil(_idle_after(view, lambda: view.runner.state.pending == 0), timeout=30_000)
    other.sync()
    assert registry.get_citizen(admin, citizen).fields["surname"] == "Нурланова-Б"
    shown = other.show(citizen)
    assert shown is not None and shown["surname"] == "Нурланова-Б"
    view.stop()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_sync_words_have_no_english_in_russian_and_kazakh(
    translations: Translations, language: str
) -> None:
    translations.set_language(language, remember=False)
    status = service.SyncStatus(
        enrolled=True, post=POST_CODE, post_name=POST_NAME, hq_url="", pending=3, last_sync=None, conflicts=2
    )
    states = [
        SyncState(status=status),
        SyncState(status=status, running=True),
        SyncState(status=status, reachable=False),
        SyncState(status=status, problem=SyncProblem(Failure.REFUSED)),
        SyncState(status=status, problem=SyncProblem(Failure.OTHER)),
        SyncState(status=replace(status, pending=0, conflicts=0)),
    ]
    words = [line(state) for state in states]
    words += [stage_text(stage, 5) for stage in ("push", "pull", "check", "probe", "other")]
    words.append(SyncProblem(Failure.UNEXPECTED).text())
    for text in words:
        assert not re.search("[A-Za-z]", text), text


def test_locking_while_a_sync_runs_stops_it_and_the_history_says_so(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, real_hq: Hq
) -> None:
    proxy = FaultProxy(real_hq.port)
    try:
        window = MainWindow(paths, translations=translations)
        qtbot.addWidget(window)
        window.show()
        sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
        session, workspace = window.session, window.workspace
        assert session is not None and workspace is not None
        service.enroll(session, proxy.url, real_hq.enroll_code(POST_CODE))
        registry.register_citizen(session, aigerim())
        runner = workspace.sync_runner
        assert runner is not None
        runner.first.stop()  # only the sync started below runs
        runner.periodic.stop()
        qtbot.waitUntil(lambda: not runner.busy)
        proxy.delay = 1.0  # a slow line: every chunk waits a second
        assert runner.sync_now() is not None
        qtbot.waitUntil(lambda: runner.state.running)
        started = time.monotonic()
        window.lock()
        assert window.session is None and session.locked
        assert time.monotonic() - started < 20, "the lock waited for the sync to stop, not to finish"
    finally:
        proxy.close()
    reopened = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        runs = service.history(reopened)
        assert runs[0].kind == "network" and runs[0].error_text == "cancelled"
        assert runs[0].pulled == 0, "it stopped before pulling"
    finally:
        reopened.lock()


def test_an_idle_lock_does_not_wait_for_a_background_sync(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, real_hq: Hq
) -> None:
    proxy = FaultProxy(real_hq.port)
    try:
        window = MainWindow(paths, translations=translations)
        qtbot.addWidget(window)
        window.show()
        sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
        session, workspace = window.session, window.workspace
        assert session is not None and workspace is not None
        runner = workspace.sync_runner
        assert runner is not None
        runner.first.stop()
        runner.periodic.stop()
        service.enroll(session, proxy.url, real_hq.enroll_code(POST_CODE))
        registry.register_citizen(session, aigerim())
        qtbot.waitUntil(lambda: not runner.busy)
        proxy.delay = 1.0
        assert runner.sync_now() is not None
        qtbot.waitUntil(lambda: runner.state.running)
        started = time.monotonic()
        window.idle.start(200)  # the idle time runs out while the sync is on the line
        qtbot.waitUntil(lambda: window.locked, timeout=20_000)
        assert time.monotonic() - started < 20
        assert session.locked
    finally:
        proxy.close()
    reopened = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        assert service.history(reopened)[0].error_text == "cancelled", "stopped by the lock, not waited for"
    finally:
        reopened.lock()
