"""Start-up: the wizard on a first run, the unlock screen otherwise; fonts; remembered geometry; the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.cli.main import main
from embassy_desk.gui.app import application, create_window
from embassy_desk.gui.fonts import HANGUL_FAMILY, PRIMARY_FAMILY
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE
from tests.gui.test_unlock_lock import sign_in

KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"


def test_shipped_fonts_are_the_application_font_and_cover_kazakh_and_hangul(qapp: QApplication) -> None:
    application()
    families = QApplication.font().families()
    assert families[:2] == [PRIMARY_FAMILY, HANGUL_FAMILY]
    assert QFontInfo(QApplication.font()).family() == PRIMARY_FAMILY
    assert PRIMARY_FAMILY in QFontDatabase.families() and HANGUL_FAMILY in QFontDatabase.families()
    # Code points, not one-character strings: PySide6 passes those as UTF-16 units to a QChar overload.
    noto = QRawFont.fromFont(QApplication.font())
    assert all(noto.supportsCharacter(ord(ch)) for ch in KAZAKH_LETTERS)
    nanum = QRawFont.fromFont(QFont(HANGUL_FAMILY))
    assert all(nanum.supportsCharacter(ord(ch)) for ch in "대한민국 서울")
    assert QFontMetrics(QApplication.font()).inFontUcs4(ord("한")), "Hangul falls back to Nanum Gothic"


def test_first_run_shows_the_wizard_then_the_unlock_screen(qtbot: QtBot, tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    steps: list[str] = []

    def drive() -> None:
        wizard = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, SetupWizard) and w.isVisible()), None
        )
        if wizard is None:
            QTimer.singleShot(30, drive)
            return
        page = wizard.currentPage()
        if page is wizard.post_page:
            wizard.post_page.name.setText("Consulate General in Busan")
            wizard.next()
        elif page is wizard.admin_page:
            wizard.admin_page.username.setText("b.admin")
            wizard.next()
        elif page is wizard.passphrase_page:
            wizard.passphrase_page.passphrase.setText(ADMIN_PASSPHRASE)
            wizard.passphrase_page.repeat.setText(ADMIN_PASSPHRASE)
            wizard.next()
        elif page is wizard.recovery_page:
            steps.append(wizard.recovery_page.code.text())
            wizard.recovery_page.kept.setChecked(True)
            wizard.accept()
            return
        QTimer.singleShot(30, drive)

    QTimer.singleShot(0, drive)
    window = create_window(data_dir, Translations(), kdf=TEST_KDF)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert steps and steps[0], "the recovery code was shown"
    assert WorkstationPaths(data_dir).exists()
    assert window.unlock_screen.username.text() == "b.admin"
    window.show()
    # Signed in with the passphrase typed in the wizard: nobody types it a third time.
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    assert window.session is not None and window.session.post.name == "Consulate General in Busan"
    assert window.session.user.username == "b.admin"
    assert window.unlock_screen.passphrase.text() == "", "the passphrase does not stay in a field"
    assert isinstance(window.workspace.stack.currentWidget(), RegistryView)  # type: ignore[union-attr]

    # The whole first day in one go: lock, a wrong passphrase, then the right one.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.locked
    sign_in(qtbot, window, "b.admin", "this is not it at all")
    assert window.locked and window.unlock_screen.message.text() == "Wrong user name or passphrase."
    sign_in(qtbot, window, "b.admin", ADMIN_PASSPHRASE)
    assert not window.locked


def test_closing_the_wizard_opens_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, SetupWizard) and widget.isVisible():
                widget.reject()
                return
        QTimer.singleShot(30, close)

    QTimer.singleShot(0, close)
    assert create_window(tmp_path / "never", Translations(), kdf=TEST_KDF) is None
    assert not (tmp_path / "never").exists()


def test_window_geometry_splitter_and_post_name_are_remembered(qtbot: QtBot, paths: WorkstationPaths) -> None:
    def window() -> MainWindow:
        made = MainWindow(paths, translations=Translations())
        qtbot.addWidget(made)
        made.show()
        return made

    first = window()
    first.resize(700, 520)  # within the offscreen screen (800 x 600)
    first.close()
    second = window()
    assert (second.width(), second.height()) == (700, 520)

    sign_in(qtbot, second, "admin", ADMIN_PASSPHRASE)
    assert second.workspace is not None
    second.workspace.splitter.setSizes([240, 460])
    second.workspace.show_section("cases")
    sizes = second.workspace.splitter.sizes()
    second.close()
    assert second.locked, "closing the window locks the session"

    third = window()
    assert third.unlock_screen.post.text() == "Embassy of Kazakhstan in Seoul (test)"
    sign_in(qtbot, third, "admin", ADMIN_PASSPHRASE)
    assert third.workspace is not None
    assert third.workspace.splitter.sizes()[0] == sizes[0]
    assert third.workspace.current_key() == "cases"


def test_cli_without_a_screen_prints_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "usage: embassy-desk" in out and "No screen here" in out


STRESS_SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Probe(QObject):
    ping = Signal(int)

app = QApplication([])
probe = Probe()
received = []
probe.ping.connect(received.append)
label = QLabel()
before = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
for i in range(100_000):
    probe.ping.emit(i)
for i in range(100_000):
    label.setText("x")
    label.clear()
after = {name: sys.getrefcount(obj) for name, obj in (("True", True), ("False", False), ("None", None))}
assert len(received) == 100_000, len(received)
for name, count in before.items():
    # A release that drops one reference per call loses 100,000 or more; allow a little noise.
    assert after[name] >= count - 100, (name, count, after[name])
print("ok")
"""


def test_pyside_emits_and_void_calls_keep_true_false_and_none_alive() -> None:
    """PySide6 6.12.0 on CPython 3.11 lost a reference on each emit() and void call until the
    interpreter aborted; the pinned release must not. A fresh process, so an abort fails one test."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", STRESS_SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_demo_open_builds_the_post_and_opens_the_window(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "embassy_desk", "--data-dir", str(data_dir), "demo"]
    process = subprocess.Popen(
        [*command, "--citizens", "200", "--kdf-target-ms", "50", "--open"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + 120
        opened = False
        while time.monotonic() < deadline and process.poll() is None and not opened:
            time.sleep(0.2)
            logs = data_dir / "logs"
            opened = logs.is_dir() and any("window opened" in f.read_text() for f in logs.glob("*.log"))
        assert opened, "the window did not open"
        assert process.poll() is None, "the window stays open until it is closed"
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=30)
    assert "200 citizens" in out
