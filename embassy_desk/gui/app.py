"""Starting the desktop app: fonts, language, error handling, the set-up wizard or the unlock screen."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from embassy_desk.gui import gui_thread_gc
from embassy_desk.gui.errors import install_excepthook
from embassy_desk.gui.fonts import apply_application_font
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.qsettings import APPLICATION, ORGANISATION
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.gui.shell.main_window import DemoMode, MainWindow
from embassy_desk.logs import configure_logging
from embassy_desk.resources import resource_dir
from embassy_desk.storage.kdf import KdfParams
from embassy_desk.storage.workstation import WorkstationPaths

log = logging.getLogger("embassy_desk.gui")


def application(argv: Sequence[str] | None = None) -> tuple[QApplication, Translations]:
    """The QApplication with the shipped fonts and the remembered language."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Embassy Desk")
    app.setWindowIcon(application_icon())
    # Wayland desktops match the window to the installed menu entry (and its icon) by this name.
    app.setDesktopFileName("embassy-desk")
    apply_application_font(app)
    # Before any worker starts: a collection on a worker would delete Qt objects there.
    gui_thread_gc.install()
    translations = Translations()
    translations.set_language(translations.saved_language(), remember=False)
    return app, translations


def application_icon() -> QIcon:
    """The app's icon (resources/icons, drawn from embassy-desk.svg by installer/make_icons.py)."""
    icon = QIcon()
    for path in sorted((resource_dir() / "icons").glob("embassy-desk-*.png")):
        icon.addFile(str(path))
    return icon


def _start_logging(data_dir: Path) -> None:
    try:
        configure_logging(data_dir / "logs" if data_dir.is_dir() else None)
    except OSError:
        configure_logging(None)


def create_window(
    data_dir: Path,
    translations: Translations,
    *,
    demo: DemoMode | None = None,
    kdf: KdfParams | None = None,
) -> MainWindow | None:
    """The main window on the workstation in ``data_dir``; the set-up wizard first if there is none.

    Returns None when the person closed the wizard without creating a workstation.
    """
    paths = WorkstationPaths(data_dir)
    admin = secret = ""
    if not paths.exists():
        wizard = SetupWizard(data_dir, kdf=kdf, translations=translations)
        wizard.exec()
        result = wizard.result_info
        if result is None:
            return None
        admin = result.admin.username
        # The administrator typed the passphrase twice a minute ago: sign them in, do not ask a third time.
        secret = wizard.take_passphrase()
        wizard.deleteLater()
        _start_logging(data_dir)
    window = MainWindow(paths, translations=translations, demo=demo)
    if admin:
        window.unlock_screen.username.setText(admin)
        if secret:
            window.unlock_screen.sign_in_as(admin, secret)
    return window


def run_app(data_dir: Path, *, demo: DemoMode | None = None, argv: Sequence[str] | None = None) -> int:
    """Open the window and run until it is closed; returns the exit code."""
    app, translations = application(argv)
    _start_logging(data_dir)
    install_excepthook()
    log.info("window opened")
    window = create_window(data_dir, translations, demo=demo)
    if window is None:
        return 0
    window.show()
    code = int(app.exec())
    log.info("window closed")
    return code


__all__ = ["DemoMode", "create_window", "run_app"]
