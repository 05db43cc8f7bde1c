"""File dialogs that open where the person last went for the same purpose.

Each purpose (importing, exporting, backups, notice PDFs, the recovery sheet) remembers its own
folder in the window settings, because an import folder and a backup disk are rarely the same
place. The first time, a dialog opens in the user's Documents folder (or the folder the caller
names, such as the workstation's backups). A remembered folder that has since gone (a USB disk
unplugged) is skipped for the default. Only folders are remembered, never file names: a file
name could carry a person's name.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from embassy_desk.gui.qsettings import app_settings

__all__ = [
    "Purpose",
    "default_folder",
    "existing_folder",
    "open_file",
    "remember",
    "remembered_folder",
    "save_file",
]

SETTINGS_GROUP = "fileDialogs"


class Purpose(StrEnum):
    """What a file dialog is for; each remembers its own last folder."""

    IMPORT = "import"
    EXPORT = "export"
    BACKUP = "backup"
    NOTICE_PDF = "noticePdf"
    NOTICE_FOLDER = "noticeFolder"
    RECOVERY_SHEET = "recoverySheet"
    SYNC_BUNDLE = "syncBundle"


def default_folder() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _key(purpose: Purpose) -> str:
    return f"{SETTINGS_GROUP}/{purpose.value}"


def remembered_folder(purpose: Purpose, default: Path | None = None) -> Path:
    """Where a dialog for ``purpose`` opens: the last folder used if it still exists, else the
    ``default`` (when it exists), else :func:`default_folder`."""
    stored = app_settings().value(_key(purpose))
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return Path(stored)
    if default is not None and default.is_dir():
        return default
    return default_folder()


def remember(purpose: Purpose, chosen: Path) -> None:
    """Remember the folder of ``chosen`` (a file) or ``chosen`` itself (a folder) for ``purpose``."""
    folder = chosen if chosen.is_dir() else chosen.parent
    settings = app_settings()
    settings.setValue(_key(purpose), str(folder))
    settings.sync()


def _run(dialog: QFileDialog, purpose: Purpose) -> tuple[Path, str] | None:
    dialog.setObjectName(f"fileDialog_{purpose.value}")
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        files = dialog.selectedFiles()
        if not files or not files[0]:
            return None
        chosen = Path(files[0])
        remember(purpose, chosen)
        return chosen, dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file(
    parent: QWidget | None, purpose: Purpose, caption: str, filters: str, *, default: Path | None = None
) -> Path | None:
    """Ask for an existing file to read; None if the dialog was closed."""
    dialog = QFileDialog(parent, caption, str(remembered_folder(purpose, default)), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog, purpose)
    return chosen[0] if chosen else None


def save_file(
    parent: QWidget | None,
    purpose: Purpose,
    caption: str,
    suggested_name: str,
    filters: str,
    *,
    default: Path | None = None,
) -> tuple[Path, str] | None:
    """Ask where to write a file, suggesting ``suggested_name`` in the remembered folder.

    Returns the path and the name filter chosen (to pick a suffix the person left out), or None.
    """
    folder = remembered_folder(purpose, default)
    dialog = QFileDialog(parent, caption, str(folder), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(str(folder / suggested_name))
    return _run(dialog, purpose)


def existing_folder(
    parent: QWidget | None, purpose: Purpose, caption: str, *, default: Path | None = None
) -> Path | None:
    """Ask for an existing folder to write into; None if the dialog was closed."""
    dialog = QFileDialog(parent, caption, str(remembered_folder(purpose, default)))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog, purpose)
    return chosen[0] if chosen else None
