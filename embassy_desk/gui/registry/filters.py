"""The registry's filter bar: region, status, welfare status, purpose of stay and vulnerability."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from embassy_desk.domain.regions import region_name
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.i18n import current_language
from embassy_desk.services import browse
from embassy_desk.services.session import Session

# (filter name, label texts of its values) in the order the bar shows them; region's come from the post.
_VOCABULARIES: tuple[tuple[str, Callable[[], dict[str, str]]], ...] = (
    ("status", vl.status_labels),
    ("welfare_status", vl.welfare_labels),
    ("purpose_of_stay", vl.purpose_labels),
    ("vulnerability", vl.vulnerability_labels),
)


class FilterBar(QWidget):
    """Combo boxes whose first entry means "any"; ``changed`` fires whenever one of them changes."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = browse.region_options(session)
        self._host = session.post.host_country
        self._labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for name in ("region", *(n for n, _ in _VOCABULARIES)):
            label = QLabel(self)
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{name}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            label.setBuddy(combo)
            self._labels[name] = label
            self.combos[name] = combo
            layout.addWidget(label)
            layout.addWidget(combo)
        layout.addStretch(1)
        self._fill()
        self.retranslate()
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.changed)

    def value(self, name: str) -> str | None:
        """The chosen stored value of filter ``name``, or None for "any"."""
        data = self.combos[name].currentData()
        return str(data) if data else None

    def set_value(self, name: str, value: str | None) -> None:
        """Choose ``value`` (a stored value, or None for "any") in filter ``name``."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(0, combo.findData(value or "")))

    def clear(self) -> None:
        """Every filter back to "any"."""
        for combo in self.combos.values():
            combo.setCurrentIndex(0)

    def _fill(self) -> None:
        region = self.combos["region"]
        region.addItem("", "")
        for code, name in self._regions:
            region.addItem(name, code)
        for name, labels in _VOCABULARIES:
            combo = self.combos[name]
            combo.addItem("", "")
            for value in labels():
                combo.addItem("", str(value))

    def retranslate(self) -> None:
        texts = {
            "region": self.tr("&Region:"),
            "status": self.tr("&Status:"),
            "welfare_status": self.tr("&Welfare:"),
            "purpose_of_stay": self.tr("&Purpose:"),
            "vulnerability": self.tr("V&ulnerability:"),
        }
        for name, text in texts.items():
            self._labels[name].setText(text)
            self.combos[name].setItemText(0, self.tr("All"))
        language = current_language()
        for i, (code, _english) in enumerate(self._regions, start=1):
            self.combos["region"].setItemText(
                i, region_name(code, host_country=self._host, language=language)
            )
        for name, labels in _VOCABULARIES:
            combo = self.combos[name]
            for i, text in enumerate(labels().values(), start=1):
                combo.setItemText(i, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
