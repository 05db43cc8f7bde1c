"""Small helpers for building widgets."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QObject)


def named(widget: W, name: str) -> W:
    """Give ``widget`` an object name (tests and style sheets find it by that name) and return it."""
    widget.setObjectName(name)
    return widget


def screen_heading(parent: QWidget, name: str) -> QLabel:
    """A screen's title: a label in bold, 1.4 times the body text, named ``name``."""
    label = named(QLabel(parent), name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label
