"""The dashboard's charts, drawn with pyqtgraph (docs/architecture.md, "Charts").

Every bar carries its label and its count as text beside it, so no figure is told by colour alone;
the colours only repeat what the words say. The charts do not pan, zoom or offer a context menu: they
are read, not explored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from embassy_desk.gui.widgets import named

# The palette: welfare and priority colours (each always shown with its word).
GREEN = "#2e7d32"
RED = "#c62828"
AMBER = "#ef6c00"
GREY = "#757575"
BLUE = "#1565c0"
PURPLE = "#6a1b9a"
NEUTRAL = "#455a64"
_TEXT = "#212121"
_AXIS = "#616161"


@dataclass(frozen=True)
class Bar:
    """One bar: its words, its count, its colour, and the text printed after it (count by default)."""

    label: str
    value: int
    color: str = NEUTRAL
    text: str = ""


def _plot(parent: QWidget) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, background="w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    item = plot.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen(_AXIS))
        axis.setTextPen(pg.mkPen(_TEXT))
    return plot


class _TitledChart(QWidget):
    """A bold title over a plot."""

    def __init__(self, name: str, parent: QWidget | None, *, min_height: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = named(QLabel(self), f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.plot = _plot(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        self.setMinimumHeight(min_height)


class BarChart(_TitledChart):
    """Horizontal bars with a title; the first bar on top."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent, min_height=160)
        self.plot.getPlotItem().hideAxis("bottom")
        self.bars: list[Bar] = []
        self._texts: list[pg.TextItem] = []

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        item = self.plot.getPlotItem()
        item.clear()
        self._texts = []
        count = len(self.bars)
        top = max((b.value for b in self.bars), default=0) or 1
        if count:
            ys = [count - 1 - i for i in range(count)]
            item.addItem(
                pg.BarGraphItem(
                    x0=[0] * count,
                    y=ys,
                    height=0.7,
                    width=[b.value for b in self.bars],
                    brushes=[pg.mkBrush(QColor(b.color)) for b in self.bars],
                    pens=[pg.mkPen(None) for _ in self.bars],
                )
            )
            font = QFont(self.font())
            for y, bar in zip(ys, self.bars, strict=True):
                label = pg.TextItem(bar.text or str(bar.value), color=_TEXT, anchor=(0, 0.5))
                label.setFont(font)
                label.setPos(bar.value + top * 0.01, y)
                item.addItem(label)
                self._texts.append(label)
            item.getAxis("left").setTicks([[(y, b.label) for y, b in zip(ys, self.bars, strict=True)], []])
        item.setYRange(-0.6, max(count, 1) - 0.4, padding=0)
        self._fit_width()

    def _fit_width(self) -> None:
        """Room on the right for every bar's words: the longer texts of Russian and Kazakh would
        run off a fixed margin, so the range follows the texts' widths in pixels."""
        item = self.plot.getPlotItem()
        top = max((b.value for b in self.bars), default=0) or 1
        pixels = item.getViewBox().width()
        metrics = QFontMetrics(self.font())
        x_max = top * 1.35
        if pixels > 0:
            for bar in self.bars:
                # The text's share of the width, plus the gap before it and a little to spare.
                share = (metrics.horizontalAdvance(bar.text or str(bar.value)) + 12) / pixels
                if share < 0.9:
                    x_max = max(x_max, (bar.value + top * 0.01) / (1 - share))
        item.setXRange(0, x_max, padding=0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def texts(self) -> list[str]:
        """What the chart says, as words (for tests and screen readers)."""
        return [f"{b.label}: {b.text or b.value}" for b in self.bars]


class HourlyChart(_TitledChart):
    """Vertical bars per hour (oldest on the left) with a tick every few hours."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent, min_height=170)
        self.values: list[int] = []
        self.labels: list[str] = []

    def set_hours(self, labels: Sequence[str], values: Sequence[int], *, tick_every: int = 6) -> None:
        self.labels, self.values = list(labels), list(values)
        item = self.plot.getPlotItem()
        item.clear()
        n = len(self.values)
        if n:
            item.addItem(
                pg.BarGraphItem(
                    x=list(range(n)),
                    height=self.values,
                    width=0.8,
                    brush=pg.mkBrush(BLUE),
                    pen=pg.mkPen(None),
                )
            )
        ticks = [(i, self.labels[i]) for i in range(n) if (n - 1 - i) % tick_every == 0]
        item.getAxis("bottom").setTicks([ticks, []])
        top = max(self.values, default=0)
        item.setXRange(-0.7, max(n, 1) - 0.3, padding=0)
        item.setYRange(0, max(top, 1) * 1.1, padding=0)
        item.getAxis("left").setTickSpacing()
        item.getAxis("left").setStyle(tickTextWidth=24)


def align_right(label: QLabel) -> QLabel:
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label
