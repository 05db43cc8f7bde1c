"""PLACEHOLDER until the quick contact log work lands: the agreed constructor and signal, nothing else."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from embassy_desk.services.session import Session


class QuickLogDialog(QDialog):
    logged = Signal(str)

    def __init__(self, session: Session, citizen_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
