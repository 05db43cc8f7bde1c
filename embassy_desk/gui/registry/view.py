"""PLACEHOLDER until the registry work lands: the agreed constructor, nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from embassy_desk.services.session import Session


class RegistryView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("RegistryView"))
