"""The New campaign dialog: who to call (regions, purpose of stay, welfare status, vulnerable only,
not reached since a day), who calls (the staff on duty, ticked) and the campaign's name.

The dialog only gathers the choice; the screen creates the campaign in the background (a campaign
over 100,000 people takes a moment) and says how many people it holds.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import PurposeOfStay, Role, WelfareStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.regions import REGIONS_BY_COUNTRY, region_name
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.formatting import QT_DATE_FORMAT, format_date
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.roles import role_name
from embassy_desk.gui.widgets import named
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import StaffMember, list_staff

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
# Who can work a call list (viewers cannot record outcomes).
_CALLERS = frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.CLERK})


def _checkable_list(parent: QWidget, name: str, rows: int) -> QListWidget:
    box = named(QListWidget(parent), name)
    box.setUniformItemSizes(True)
    height = max(box.sizeHintForRow(0), box.fontMetrics().height() + 4)
    box.setMinimumHeight(height * min(rows, 9) + 2 * box.frameWidth() + 4)
    box.setMaximumHeight(height * max(rows, 1) + 2 * box.frameWidth() + 4)
    return box


def _add(box: QListWidget, value: str, checked: bool = False) -> QListWidgetItem:
    item = QListWidgetItem(box)
    item.setData(VALUE_ROLE, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def checked_values(box: QListWidget) -> list[str]:
    """The values of the ticked lines, top to bottom."""
    out = []
    for row in range(box.count()):
        item = box.item(row)
        if item.checkState() == Qt.CheckState.Checked:
            out.append(str(item.data(VALUE_ROLE)))
    return out


def set_checked(box: QListWidget, values: list[str] | tuple[str, ...]) -> None:
    """Tick exactly the lines holding ``values``."""
    wanted = set(values)
    for row in range(box.count()):
        item = box.item(row)
        ticked = str(item.data(VALUE_ROLE)) in wanted
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


class NewCampaignDialog(QDialog):
    """Choose a new campaign's criteria, callers and name; ``accepted`` once the choice is complete."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCampaignDialog")
        self._session = session
        self._host = session.post.host_country
        self.banner = MessageBanner(self)
        self.name_edit = named(QLineEdit(self), "campaignName")
        self.name_error = QLabel(self)
        self.name_error.setStyleSheet("color: #b3261e; font-size: 90%;")
        self.name_error.hide()

        regions = REGIONS_BY_COUNTRY.get(self._host, {})
        self.regions = _checkable_list(self, "campaignRegions", len(regions))
        for code in regions:
            _add(self.regions, code)
        self.purposes = _checkable_list(self, "campaignPurposes", len(PurposeOfStay))
        for purpose in PurposeOfStay:
            _add(self.purposes, purpose.value)
        self.welfare = _checkable_list(self, "campaignWelfare", len(WelfareStatus))
        for status in WelfareStatus:
            _add(self.welfare, status.value)
        self.vulnerable_only = named(QCheckBox(self), "campaignVulnerable")
        self.not_reached = named(QCheckBox(self), "campaignNotReached")
        self.not_reached_date = named(QDateEdit(self), "campaignNotReachedDate")
        self.not_reached_date.setCalendarPopup(True)
        self.not_reached_date.setDisplayFormat(QT_DATE_FORMAT)
        self.not_reached_date.setDate(QDate.currentDate().addDays(-1))
        self.not_reached_date.setEnabled(False)
        self.not_reached.toggled.connect(self.not_reached_date.setEnabled)

        self._staff: list[StaffMember] = []
        try:
            self._staff = [m for m in list_staff(session) if m.active and m.role in _CALLERS]
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
        self.staff = _checkable_list(self, "campaignStaff", max(len(self._staff), 3))
        for member in self._staff:
            _add(self.staff, member.username, checked=member.username == session.user.username)
        self.staff_hint = QLabel(self)
        self.staff_hint.setWordWrap(True)

        self.criteria_box = QGroupBox(self)
        self._headers = [QLabel(self) for _ in range(3)]
        grid = QGridLayout(self.criteria_box)
        for column, (header, box) in enumerate(
            zip(self._headers, (self.regions, self.purposes, self.welfare), strict=True)
        ):
            grid.addWidget(header, 0, column)
            grid.addWidget(box, 1, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.vulnerable_only, 2, 0, 1, 3)
        since = QHBoxLayout()
        since.addWidget(self.not_reached)
        since.addWidget(self.not_reached_date)
        since.addStretch(1)
        grid.addLayout(since, 3, 0, 1, 3)
        self.criteria_hint = QLabel(self.criteria_box)
        self.criteria_hint.setWordWrap(True)
        self.criteria_hint.setStyleSheet("color: palette(mid);")
        grid.addWidget(self.criteria_hint, 4, 0, 1, 3)

        self.staff_box = QGroupBox(self)
        staff_layout = QVBoxLayout(self.staff_box)
        staff_layout.addWidget(self.staff)
        staff_layout.addWidget(self.staff_hint)

        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        form = QFormLayout()
        name_box = QVBoxLayout()
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_error)
        form.addRow(self.name_label, name_box)

        self.buttons = QDialogButtonBox(self)
        self.create_button = named(QPushButton(self), "campaignCreate")
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.criteria_box)
        layout.addWidget(self.staff_box)
        layout.addWidget(self.buttons)
        self.resize(780, 700)
        self.retranslate()
        self.name_edit.setFocus()

    # -- what was chosen ---------------------------------------------------------------------------

    def campaign_name(self) -> str:
        return self.name_edit.text().strip()

    def criteria(self) -> CampaignCriteria:
        """The criteria ticked (nothing ticked in a list: that list does not narrow the campaign)."""
        since: date | None = None
        if self.not_reached.isChecked():
            chosen = self.not_reached_date.date().toPython()
            assert isinstance(chosen, date)
            since = chosen
        return CampaignCriteria(
            regions=tuple(checked_values(self.regions)),
            purposes=tuple(PurposeOfStay(v) for v in checked_values(self.purposes)),
            welfare=tuple(WelfareStatus(v) for v in checked_values(self.welfare)),
            vulnerable_only=self.vulnerable_only.isChecked(),
            not_reached_since=since,
        )

    def assignees(self) -> list[str]:
        """The usernames of the staff ticked as on duty."""
        return checked_values(self.staff)

    def confirm(self) -> None:
        """Close with the choice if it is complete; otherwise say what is missing."""
        self.name_error.hide()
        self.banner.clear_message()
        if not self.campaign_name():
            self.name_error.setText(self.tr("Give the campaign a name."))
            self.name_error.show()
            self.name_edit.setFocus()
            return
        if not self.assignees():
            self.banner.show_error(self.tr("Tick at least one member of staff to make the calls."))
            return
        self.accept()

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New welfare campaign"))
        self.name_label.setText(self.tr("&Name:"))
        self.name_edit.setPlaceholderText(self.tr("For example: Seoul, martial law, first round"))
        self.criteria_box.setTitle(self.tr("Who to call"))
        for header, text in zip(
            self._headers,
            (self.tr("Regions"), self.tr("Purpose of stay"), self.tr("Welfare status")),
            strict=True,
        ):
            header.setText(text)
        language = current_language()
        for row in range(self.regions.count()):
            item = self.regions.item(row)
            code = str(item.data(VALUE_ROLE))
            item.setText(f"{region_name(code, host_country=self._host, language=language)}  ({code})")
        for box, labels in ((self.purposes, vl.purpose_labels()), (self.welfare, vl.welfare_labels())):
            for row in range(box.count()):
                item = box.item(row)
                item.setText(vl.label(labels, str(item.data(VALUE_ROLE))))
        self.vulnerable_only.setText(
            self.tr("&Vulnerable people only (a recorded vulnerability, children, the elderly)")
        )
        self.not_reached.setText(self.tr("Not &reached since"))
        self.criteria_hint.setText(
            self.tr(
                "A list with nothing ticked does not narrow the campaign. Vulnerable people, children"
                " and the elderly are called first, then those without a contact for longest."
            )
        )
        self.staff_box.setTitle(self.tr("Staff on duty"))
        for row, member in enumerate(self._staff):
            self.staff.item(row).setText(
                f"{member.display_name}  ({member.username}, {role_name(member.role)})"
            )
        self.staff_hint.setText(
            self.tr("The people are split among the ticked staff; a household goes to one caller.")
        )
        self.create_button.setText(self.tr("&Create campaign"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def describe_criteria(criteria: CampaignCriteria, host_country: str) -> str:
    """The criteria in one line of the window's language (the campaigns list shows it)."""
    language = current_language()
    parts: list[str] = []
    if criteria.regions:
        parts.append(
            ", ".join(region_name(c, host_country=host_country, language=language) for c in criteria.regions)
        )
    if criteria.purposes:
        labels = vl.purpose_labels()
        parts.append(", ".join(vl.label(labels, p) for p in criteria.purposes))
    if criteria.welfare:
        labels = vl.welfare_labels()
        parts.append(", ".join(vl.label(labels, w) for w in criteria.welfare))
    if criteria.vulnerable_only:
        parts.append(QCoreApplication.translate("CampaignCriteria", "vulnerable only"))
    if criteria.not_reached_since is not None:
        parts.append(
            QCoreApplication.translate("CampaignCriteria", "not reached since %1").replace(
                "%1", format_date(criteria.not_reached_since)
            )
        )
    if not parts:
        return QCoreApplication.translate("CampaignCriteria", "everyone")
    return "; ".join(parts)
