"""The dashboard's tiles: one headline figure each, its words, and its share of the registered."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.widgets import named


class Tile(QFrame):
    """A number in large type with its caption under it; a coloured edge repeats what the words say."""

    def __init__(self, name: str, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ border: 1px solid #c8c8c8; border-left: 6px solid {color};"
            " border-radius: 3px; background: palette(base); }"
        )
        self.value = named(QLabel("0", self), f"{name}Value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = named(QLabel(self), f"{name}Caption")
        self.caption.setWordWrap(True)
        self.share = named(QLabel(self), f"{name}Share")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.share)
        self.setMinimumWidth(130)

    def set_figure(self, value: int, share: str = "") -> None:
        self.value.setText(format_number(value))
        self.share.setText(share)
        self.setAccessibleName(f"{self.caption.text()}: {self.value.text()} {share}".strip())
