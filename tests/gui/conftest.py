"""GUI tests drive real widgets with pytest-qt over a real encrypted workstation (see tests/conftest.py)."""

from __future__ import annotations

import os

# Qt reads the platform when the QApplication is made, which pytest-qt does lazily; set it first so the
# suite runs the same on a headless CI machine and on a desktop.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --- shell fixtures: private settings, and modal message boxes answered automatically -----------------
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest


@pytest.fixture(scope="package", autouse=True)
def _gui_thread_gc(qapp: object) -> Iterator[None]:
    """Cycles are collected on the GUI thread only, as in the application (see gui_thread_gc); the
    tests after the GUI package get the interpreter's own collector back."""
    from embassy_desk.gui import gui_thread_gc

    collector = gui_thread_gc.install()
    yield
    collector.uninstall()


@pytest.fixture(autouse=True)
def _no_work_outlives_the_test() -> Iterator[None]:
    """Work a test left running must not end inside the next test, against its widgets."""
    yield
    from PySide6.QtCore import QCoreApplication

    from embassy_desk.gui.tasks import long_work_pool

    assert long_work_pool().waitForDone(60_000), "background work still running a minute after the test"
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def _private_qt_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every GUI test writes window settings (QSettings) into its own folder, never the user's."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    monkeypatch.setenv("EMBASSY_DESK_SETTINGS_DIR", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, str(folder))


@dataclass
class SeenDialog:
    object_name: str
    title: str
    text: str


@dataclass
class DialogWatcher:
    """Closes every QMessageBox that opens (pressing its default button) and remembers what it said."""

    seen: list[SeenDialog] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [d.text for d in self.seen]


@pytest.fixture
def dialogs(qapp: object) -> Iterator[DialogWatcher]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    watcher = DialogWatcher()

    def sweep() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                watcher.seen.append(SeenDialog(widget.objectName(), widget.windowTitle(), widget.text()))
                button = widget.defaultButton() or widget.escapeButton()
                if button is not None:
                    button.click()
                else:
                    widget.done(0)

    # Owned by the application and deleted on this thread, never by a collection elsewhere.
    timer = QTimer(QApplication.instance())
    timer.setInterval(30)
    timer.timeout.connect(sweep)
    timer.start()
    yield watcher
    timer.stop()
    timer.deleteLater()


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    return tmp_path / "workstation"
