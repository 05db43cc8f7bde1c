"""Long work runs off the GUI thread, shows progress after ~600 ms, and Cancel leaves nothing behind."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.errors import Cancelled
from embassy_desk.gui.shell.file_actions import FileActions
from embassy_desk.gui.shell.import_report import ImportReportDialog
from embassy_desk.gui.tasks import Progress, TaskRunner, long_work_pool
from embassy_desk.services import audit_log, registry
from embassy_desk.services.importer import ImportReport
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.conftest import DialogWatcher
from tests.gui.test_unlock_lock import open_window, sign_in


def write_csv(path: Path, rows: list[dict[str, object]]) -> Path:
    columns = sorted({key for row in rows for key in row})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_work_runs_off_the_gui_thread_and_returns_its_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    threads: list[threading.Thread] = []

    def work(progress: Progress) -> int:
        threads.append(threading.current_thread())
        progress(1)
        return 42

    task = runner.start(work, title="Adding up")
    with qtbot.waitSignal(task.finished, timeout=5_000) as result:
        pass
    assert result.args == [42]
    assert threads[0] is not threading.main_thread()
    assert not task.running and runner.running == []
    assert progress_dialogs() == [], "quick work never flashes a dialog"


def test_progress_dialog_appears_after_600_ms_and_cancel_stops_the_work(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    runner = TaskRunner(window)
    steps: list[int] = []

    def slow(progress: Progress) -> None:
        for step in range(400):
            progress(step)
            steps.append(step)
            time.sleep(0.01)

    started = time.monotonic()
    task = runner.start(slow, title="Slow work", total=400)
    qtbot.waitUntil(lambda: bool(progress_dialogs()), timeout=3_000)
    assert time.monotonic() - started >= 0.55
    dialog = progress_dialogs()[0]
    assert dialog.labelText() == "Slow work"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(steps) < 400, "the work stopped at its next progress report"
    qtbot.waitUntil(lambda: not progress_dialogs())


def test_cancelled_import_leaves_nothing_behind(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    rows = list(synthetic_rows(DemoSettings(9_000, 7)))
    source = write_csv(tmp_path / "citizens.csv", rows)
    window = QWidget()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    files = FileActions(window, runner)
    task = files.import_file(admin, source)
    task.cancel()  # as if Cancel was pressed at once; the service stops at its first progress report
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        pass
    assert registry.count_citizens(admin) == 0
    assert "registry.import" not in [e.action for e in audit_log.recent_entries(admin)]


def test_import_reports_rejected_rows(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "two.csv",
        [aigerim(), aigerim(national_id="123", passport_number="N87654321", surname="Серікова")],
    )
    window = QWidget()
    qtbot.addWidget(window)
    files = FileActions(window, TaskRunner(window))
    reports: list[tuple[str, list[tuple[str, str]]]] = []

    def read_report() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ImportReportDialog) and widget.isVisible():
                table = widget.table
                rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
                reports.append((widget.summary.text(), rows))
                widget.accept()
                return
        QTimer.singleShot(30, read_report)

    task = files.import_file(admin, source)
    changed: list[bool] = []
    files.registry_changed.connect(lambda: changed.append(True))
    finished: list[ImportReport] = []
    task.finished.connect(finished.append)
    QTimer.singleShot(30, read_report)
    qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
    summary, rejected = reports[0]
    assert summary.startswith("Imported: 1. Rejected rows: 1.")
    assert rejected[0][0] == "3", "the header is row 1"
    assert "national_id" in rejected[0][1]
    assert registry.count_citizens(admin) == 1
    assert changed, "the status bar is told to count again"


def test_failed_work_reaches_the_failed_signal(qtbot: QtBot) -> None:
    runner = TaskRunner()

    def refuse(_progress: Progress) -> None:
        raise Cancelled("stopped")

    task = runner.start(refuse, title="Nothing")
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        pass
    assert not task.running


def test_import_from_the_file_menu_updates_the_window(
    qtbot: QtBot, paths: WorkstationPaths, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    qtbot.waitUntil(lambda: window.status.records.text() == "Citizens: 0")
    source = write_csv(tmp_path / "one.csv", [aigerim()])
    assert window.session is not None

    def close_report() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ImportReportDialog) and widget.isVisible():
                widget.accept()
                return
        QTimer.singleShot(30, close_report)

    QTimer.singleShot(30, close_report)
    window.files.import_file(window.session, source)
    qtbot.waitUntil(lambda: window.status.records.text() == "Citizens: 1", timeout=20_000)


def test_export_writes_the_file_and_says_so(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    files = FileActions(window, TaskRunner(window))
    target = tmp_path / "out.csv"
    task = files.export_file(admin, target)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: bool(dialogs.seen))
    assert dialogs.texts() == ["0 citizens written to out.csv."]
    assert target.read_text(encoding="utf-8-sig").startswith("id,")
    assert target.stat().st_mode & 0o077 == 0
    assert audit_log.recent_entries(admin)[0].action == "registry.export"


# --- threads and lifetimes: a Qt object is deleted on the GUI thread, never on a worker --------------


class _Cycle:
    """An ordinary reference cycle holding a Qt object; only the cycle collector can free it."""

    def __init__(self, qobject: QObject) -> None:
        self.qobject = qobject
        self.me = self


def _allocate_cycles(_progress: Progress) -> None:
    # Far past every collection threshold: with the interpreter's own collector this collects here.
    for _ in range(100_000):
        garbage: list[object] = []
        garbage.append(garbage)


def _record_destruction(qobject: QObject, where: list[threading.Thread]) -> None:
    qobject.destroyed.connect(
        lambda: where.append(threading.current_thread()), Qt.ConnectionType.DirectConnection
    )


def test_cycles_holding_qt_objects_are_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    where: list[threading.Thread] = []
    orphan = QObject()  # no parent: Python owns it, so freeing the cycle deletes it
    _record_destruction(orphan, where)
    _Cycle(orphan)
    del orphan
    task = TaskRunner().start(_allocate_cycles, title="Allocating")
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: bool(where), timeout=5_000)
    assert where == [threading.main_thread()], "collected on a worker thread"


def test_what_the_work_captured_is_released_on_the_gui_thread(qtbot: QtBot) -> None:
    where: list[threading.Thread] = []
    captured = QObject()
    _record_destruction(captured, where)

    def make_work(held: QObject) -> Progress:
        return lambda _progress: held.objectName()

    window = QWidget()
    qtbot.addWidget(window)
    task = TaskRunner(window).start(make_work(captured), title="Holding")
    del captured
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: bool(where), timeout=5_000)
    assert where == [threading.main_thread()]


def test_closing_the_window_while_work_runs_drops_its_answer_quietly(qtbot: QtBot) -> None:
    window = QWidget()
    runner = TaskRunner(window)
    release = threading.Event()
    answers: list[object] = []
    task = runner.start(lambda _progress: release.wait(10), title="Outlived", show_progress=False)
    task.finished.connect(answers.append)
    window.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(task), timeout=5_000)
    release.set()
    assert long_work_pool().waitForDone(10_000)
    QApplication.processEvents()
    assert answers == []


APP_SCRIPT = """
import threading
from PySide6.QtCore import QEventLoop, QRunnable, QThreadPool, QTimer
from embassy_desk.gui.app import application

app, _ = application()

class Cycle:
    def __init__(self):
        self.me = self
        self.timer = QTimer()  # Python-owned and running: deleting it on a worker crashed the next tick
        self.timer.timeout.connect(lambda: None)
        self.timer.start(5)

for _ in range(50):
    Cycle()

class Allocate(QRunnable):
    def run(self):
        for _ in range(100_000):
            garbage = []
            garbage.append(garbage)

pool = QThreadPool()
pool.start(Allocate())
pool.waitForDone()
loop = QEventLoop()
QTimer.singleShot(1_500, loop.quit)
loop.exec()
print("ok")
"""


def test_the_application_collects_cycles_on_the_gui_thread(tmp_path: Path) -> None:
    """Before the fix a collection on a worker deleted running timers there: a segmentation fault."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EMBASSY_DESK_SETTINGS_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", APP_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"
    assert "Timers cannot be stopped from another thread" not in done.stderr


def test_a_preview_closed_mid_render_deletes_its_signals_on_the_gui_thread(qtbot: QtBot) -> None:
    from embassy_desk.gui.notices.preview_worker import PreviewRenderer

    owner = QWidget()
    renderer = PreviewRenderer(owner)
    started, release = threading.Event(), threading.Event()

    def make() -> bytes:
        started.set()
        release.wait(10)
        raise RuntimeError("no PDF needed")

    renderer.request(make)
    renderer._timer.stop()
    renderer._start()
    assert started.wait(10)
    where: list[threading.Thread] = []
    _record_destruction(renderer._signals, where)
    del renderer
    threading.Timer(0.3, release.set).start()
    shiboken6.delete(owner)  # the screen closes while its preview renders
    assert where == [threading.main_thread()]
