"""Help → About Embassy Desk: the version and schema, the versions of Qt, PySide6, Python and SQLCipher,
the licences of the bundled components (read from the installed metadata at run time), and where the
data and the logs are, each with a button that copies the path. Help → Copy diagnostic report puts
:func:`~embassy_desk.gui.about.report.diagnostic_report` on the clipboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.about.report import LOG_LINES, diagnostic_report, version_rows
from embassy_desk.gui.widgets import named
from embassy_desk.logs import active_log_dir, log_dir_for
from embassy_desk.services.selftest import Component, app_version, components, schema_head


def help_texts() -> tuple[str, str]:
    """The Help menu's two entries in the current language: About, and Copy diagnostic report."""
    return QCoreApplication.translate("AboutDialog", "&About Embassy Desk"), QCoreApplication.translate(
        "AboutDialog", "Copy &diagnostic report"
    )


def copy_diagnostic_report(data_dir: Path, *, session: object | None, language: str) -> str:
    """Put the diagnostic report on the clipboard; returns the sentence that says so."""
    text = diagnostic_report(data_dir, session=session, language=language)
    QGuiApplication.clipboard().setText(text)
    # %n: the count of log lines, so each language can write its plural.
    return QCoreApplication.translate(
        "AboutDialog",
        "The diagnostic report is on the clipboard: paste it into a message to the help desk. It holds "
        "versions, settings and the last %n log lines, nothing about citizens.",
        None,
        LOG_LINES,
    )


class _PathRow(QWidget):
    """A folder's path (selectable) and a button that copies it."""

    def __init__(self, path: Path, name: str) -> None:
        super().__init__()
        self.path = path
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = named(QLabel(str(path)), f"{name}Path")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.copy = named(QPushButton(), f"{name}Copy")
        self.copy.clicked.connect(self._copy)
        row.addWidget(self.label, 1)
        row.addWidget(self.copy)
        self.copied = False

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(str(self.path))
        self.copied = True
        self.retranslate()

    def retranslate(self) -> None:
        self.copy.setText(
            QCoreApplication.translate("AboutDialog", "Copied")
            if self.copied
            else QCoreApplication.translate("AboutDialog", "Copy path")
        )


class AboutDialog(QDialog):
    """What this installation is and where it keeps things (see the module docstring)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.data_dir = data_dir
        layout = QVBoxLayout(self)
        self.heading = named(QLabel(), "aboutHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = named(QLabel(), "aboutSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)

        self.versions_box = named(QGroupBox(), "versionsBox")
        self.versions = QFormLayout(self.versions_box)
        self.version_label = named(QLabel(f"{app_version()} (schema {schema_head()})"), "appVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._version_caption = QLabel()
        self.versions.addRow(self._version_caption, self.version_label)
        self._component_captions: list[tuple[QLabel, str]] = []
        for name, value in version_rows()[1:]:
            caption = QLabel()
            shown = named(QLabel(value), f"version{name.replace(' ', '')}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.versions.addRow(caption, shown)
            self._component_captions.append((caption, name))
        layout.addWidget(self.versions_box)

        self.folders_box = named(QGroupBox(), "foldersBox")
        folders = QFormLayout(self.folders_box)
        self.data_row = _PathRow(data_dir, "dataFolder")
        self.log_row = _PathRow(active_log_dir() or log_dir_for(data_dir), "logFolder")
        self._data_caption, self._log_caption = QLabel(), QLabel()
        folders.addRow(self._data_caption, self.data_row)
        folders.addRow(self._log_caption, self.log_row)
        layout.addWidget(self.folders_box)

        self.licences_box = named(QGroupBox(), "licencesBox")
        licences = QVBoxLayout(self.licences_box)
        self.components: list[Component] = components()
        self.table = named(QTableWidget(len(self.components), 3), "licenceTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, component in enumerate(self.components):
            for column, value in enumerate((component.name, component.version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        licences.addWidget(self.table)
        layout.addWidget(self.licences_box, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(720, 680)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (called again on a language change)."""
        self.setWindowTitle(QCoreApplication.translate("AboutDialog", "About Embassy Desk"))
        self.heading.setText(f"<h2>Embassy Desk {app_version()}</h2>")
        self.summary.setText(
            QCoreApplication.translate(
                "AboutDialog", "The consular registry of an embassy, encrypted and offline."
            )
        )
        self.versions_box.setTitle(QCoreApplication.translate("AboutDialog", "Versions"))
        self._version_caption.setText(QCoreApplication.translate("AboutDialog", "Version (database schema):"))
        captions = {"Operating system": QCoreApplication.translate("AboutDialog", "Operating system:")}
        for caption, name in self._component_captions:
            caption.setText(captions.get(name, f"{name}:"))
        self.folders_box.setTitle(QCoreApplication.translate("AboutDialog", "Where things are"))
        self._data_caption.setText(QCoreApplication.translate("AboutDialog", "Data folder:"))
        self._log_caption.setText(QCoreApplication.translate("AboutDialog", "Log folder:"))
        self.data_row.retranslate()
        self.log_row.retranslate()
        self.licences_box.setTitle(
            QCoreApplication.translate("AboutDialog", "Bundled components and their licences")
        )
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("AboutDialog", "Component"),
                QCoreApplication.translate("AboutDialog", "Version"),
                QCoreApplication.translate("AboutDialog", "Licence"),
            ]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
