"""The welfare campaigns screen: the campaigns with their live progress, and what to do with them.

* the list of campaigns (open first; closed ones on request): people, done, still to call, follow-up;
* the selected campaign's progress (done / remaining / follow-up, people per latest outcome, each
  member of staff's share) and its follow-up list (Enter opens a person's record);
* New campaign (officers and administrators): a dialog with the criteria, the staff on duty and a
  name; the campaign is made in the background, with progress, since it may hold 100,000 people;
* Reassign (officers): a whole list or chosen people from one member of staff to another;
* Close campaign (officers): no outcomes after that;
* Work my list (everyone who may record calls): opens the call bank.

The screen listens to the app-wide data events: an outcome recorded here, on another screen, or
arriving by sync from another workstation refreshes the figures (at once while the screen shows,
when it is shown next otherwise).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CampaignStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.campaigns import labels
from embassy_desk.gui.campaigns.call_bank import CallBank
from embassy_desk.gui.campaigns.new_campaign_dialog import NewCampaignDialog, describe_criteria
from embassy_desk.gui.campaigns.progress_panel import ProgressPanel
from embassy_desk.gui.campaigns.reassign_dialog import ReassignDialog
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.data_events import DataChange, Kind, data_events, notify
from embassy_desk.gui.errors import error_text, show_error
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.gui.open_dialogs import CITIZEN, show_record
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import campaigns as campaign_service
from embassy_desk.services.campaigns import CallCard, Campaign, CampaignCriteria, CampaignProgress
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import StaffMember, list_staff

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_WATCHED = frozenset({Kind.CAMPAIGNS, Kind.CONTACTS, Kind.CITIZENS})
_REFRESH_DELAY_MS = 120
_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _number(value: int) -> QStandardItem:
    item = QStandardItem(format_number(value))
    item.setData(value, Qt.ItemDataRole.UserRole)
    item.setTextAlignment(_NUMBER)
    return item


class CampaignsView(QWidget):
    """``refreshed`` fires each time the figures were read again; ``created`` carries a new campaign."""

    refreshed = Signal()
    created = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignsView")
        self._session = session
        self.can_manage = is_allowed(session.role, Action.CAMPAIGN_MANAGE)
        self.can_work = is_allowed(session.role, Action.CAMPAIGN_WORK)
        self._campaigns: list[Campaign] = []
        self._progress: dict[str, CampaignProgress] = {}
        self._follow_up: list[CallCard] = []
        self._staff: list[StaffMember] = []
        self._stale = False
        self.call_bank: CallBank | None = None
        self.create_task: Task | None = None
        self.tasks = TaskRunner(self)

        self.banner = MessageBanner(self)
        self.title = named(QLabel(self), "campaignsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.show_closed = named(QCheckBox(self), "campaignsShowClosed")
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.new_button = named(QPushButton(self), "campaignsNew")
        self.new_button.clicked.connect(self.new_campaign)
        self.work_button = named(QPushButton(self), "campaignsWork")
        self.work_button.clicked.connect(self.work_my_list)
        self.reassign_button = named(QPushButton(self), "campaignsReassign")
        self.reassign_button.clicked.connect(self.reassign)
        self.close_button = named(QPushButton(self), "campaignsClose")
        self.close_button.clicked.connect(self.close_selected)
        self.refresh_button = named(QPushButton(self), "campaignsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        # Roles mirror services/permissions.py: a clerk works lists; officers make and manage them.
        for button in (self.new_button, self.reassign_button, self.close_button):
            button.setVisible(self.can_manage)
        self.work_button.setVisible(self.can_work)
        self.work_button.setEnabled(False)  # until an open campaign is selected

        self.model = QStandardItemModel(0, 8, self)
        self.table = named(QTableView(self), "campaignsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selection_changed())
        self.table.activated.connect(lambda _i: self.work_my_list())
        self.empty = named(QLabel(self), "campaignsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); padding: 8px;")

        self.progress_panel = ProgressPanel(self)
        self.follow_model = QStandardItemModel(0, 6, self)
        self.follow_table = named(QTableView(self), "campaignsFollowUp")
        self.follow_table.setModel(self.follow_model)
        self.follow_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.follow_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.follow_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.follow_table.verticalHeader().hide()
        follow_header = self.follow_table.horizontalHeader()
        follow_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        follow_header.setStretchLastSection(True)
        self.follow_table.activated.connect(self._open_follow_up)
        self.follow_title = named(QLabel(self), "campaignsFollowUpTitle")
        self.follow_hint = QLabel(self)
        self.follow_hint.setWordWrap(True)
        self.follow_hint.setStyleSheet("color: #5f6368;")
        follow_box = QWidget(self)
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.setContentsMargins(0, 0, 0, 0)
        follow_layout.addWidget(self.follow_title)
        follow_layout.addWidget(self.follow_table, 1)
        follow_layout.addWidget(self.follow_hint)
        self.progress_panel.add_beside(follow_box)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.show_closed)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.work_button)
        actions.addWidget(self.new_button)
        actions.addWidget(self.reassign_button)
        actions.addWidget(self.close_button)
        actions.addStretch(1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(self.progress_panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        data_events().changed.connect(self._data_changed)

        self._load_staff()
        self.retranslate()
        self.refresh()

    # -- reading -------------------------------------------------------------------------------------

    def _load_staff(self) -> None:
        try:
            self._staff = list_staff(self._session, include_disabled=True)
        except EmbassyDeskError:
            self._staff = []

    def _names(self) -> dict[str, str]:
        return {m.username: m.display_name for m in self._staff}

    @property
    def campaigns(self) -> list[Campaign]:
        """The campaigns listed, top to bottom."""
        return list(self._campaigns)

    @property
    def follow_up(self) -> list[CallCard]:
        """The selected campaign's follow-up list as shown."""
        return list(self._follow_up)

    def progress_of(self, campaign_id: str) -> CampaignProgress | None:
        return self._progress.get(campaign_id)

    def refresh(self) -> None:
        """Read the campaigns, their progress and the selected one's follow-up list again."""
        self._stale = False
        if not self.can_work:
            self.banner.show_info(
                self.tr(
                    "Welfare campaigns are worked by the staff who make the calls;"
                    " the dashboard shows their progress."
                )
            )
            return
        selected = self.selected_id()
        try:
            found = campaign_service.list_campaigns(
                self._session, include_closed=self.show_closed.isChecked()
            )
            progress = {c.id: campaign_service.campaign_progress(self._session, c.id) for c in found}
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        # Open campaigns first, newest first within each status.
        found.sort(key=lambda c: c.created_at, reverse=True)
        found.sort(key=lambda c: c.status is not CampaignStatus.OPEN)
        self._campaigns = found
        self._progress = progress
        self._fill_campaigns(selected)
        self._selection_changed()
        self.refreshed.emit()

    def _fill_campaigns(self, selected: str | None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        statuses = labels.status_labels()
        host = self._session.post.host_country
        names = self._names()
        for campaign in self._campaigns:
            progress = self._progress.get(campaign.id)
            done = progress.done if progress else 0
            total = progress.total if progress else campaign.total
            share = f"{round(100 * done / total)} %" if total else "—"
            name = QStandardItem(campaign.name)
            name.setToolTip(describe_criteria(campaign.criteria, host))
            by = names.get(campaign.created_by, campaign.created_by)
            cells = [
                name,
                QStandardItem(vl.label(statuses, campaign.status)),
                _number(total),
                _number(done),
                _number(progress.remaining if progress else 0),
                _number(progress.follow_up if progress else 0),
                QStandardItem(share),
                QStandardItem(describe_criteria(campaign.criteria, host)),
            ]
            cells[6].setTextAlignment(_NUMBER)
            cells[1].setToolTip(
                self.tr("Made %1 by %2").replace("%1", display_time(campaign.created_at)).replace("%2", by)
            )
            for cell in cells:
                cell.setData(campaign.id, ID_ROLE)
            self.model.appendRow(cells)
        ids = [c.id for c in self._campaigns]
        if ids:
            row = ids.index(selected) if selected in ids else 0
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.empty.setText(
            self.tr("No welfare campaign yet. An officer makes one with “New campaign”.") if not ids else ""
        )
        self.empty.setVisible(not ids)

    def selected_id(self) -> str | None:
        """The campaign on the selected line, if any."""
        row = self.table.currentIndex().row()
        return self._campaigns[row].id if 0 <= row < len(self._campaigns) else None

    def selected(self) -> Campaign | None:
        row = self.table.currentIndex().row()
        return self._campaigns[row] if 0 <= row < len(self._campaigns) else None

    def select(self, campaign_id: str) -> None:
        ids = [c.id for c in self._campaigns]
        if campaign_id in ids:
            self.table.setCurrentIndex(self.model.index(ids.index(campaign_id), 0))

    def _selection_changed(self) -> None:
        campaign = self.selected()
        is_open = campaign is not None and campaign.status is CampaignStatus.OPEN
        self.work_button.setEnabled(self.can_work and is_open)
        self.reassign_button.setEnabled(self.can_manage and is_open)
        self.close_button.setEnabled(self.can_manage and is_open)
        self.progress_panel.show_progress(
            self._progress.get(campaign.id) if campaign is not None else None, self._names()
        )
        self._follow_up = []
        if campaign is not None:
            try:
                self._follow_up = campaign_service.follow_up_list(self._session, campaign.id)
            except EmbassyDeskError as exc:
                self.banner.show_error(error_text(exc))
        self._fill_follow_up()

    def _fill_follow_up(self) -> None:
        self.follow_model.removeRows(0, self.follow_model.rowCount())
        welfare = vl.welfare_labels()
        kinds = vl.phone_kind_labels()
        outcomes = labels.outcome_labels()
        for card in self._follow_up:
            phones = "  ".join(f"{n} ({vl.label(kinds, k)})" for n, k in card.phones)
            cells = [
                QStandardItem(card.name or card.latin_name),
                QStandardItem(card.latin_name),
                QStandardItem(phones or "—"),
                _number(card.attempts),
                QStandardItem(outcomes.get(card.last_outcome or "", "—")),
                QStandardItem(vl.label(welfare, card.welfare)),
                QStandardItem(
                    display_time(card.last_contact_at) if card.last_contact_at else self.tr("never")
                ),
            ]
            for cell in cells:
                cell.setData(card.citizen_id, ID_ROLE)
            self.follow_model.appendRow(cells)
        self._title_follow_up()

    def _title_follow_up(self) -> None:
        self.follow_title.setText(
            self.tr("Follow-up list: %1").replace("%1", format_number(len(self._follow_up)))
        )

    def _open_follow_up(self, index: QModelIndex) -> None:
        if not 0 <= index.row() < len(self._follow_up):
            return
        citizen_id = self._follow_up[index.row()].citizen_id

        def make() -> CitizenRecordDialog:
            dialog = CitizenRecordDialog(self._session, citizen_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            return dialog

        show_record(CITIZEN, citizen_id, CitizenRecordDialog, make, opener=self)

    # -- live updates --------------------------------------------------------------------------------

    def _data_changed(self, change: object) -> None:
        if not isinstance(change, DataChange) or not (change.kinds & _WATCHED):
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale and not event.spontaneous():
            self._refresh_timer.start()
        super().showEvent(event)

    # -- actions -------------------------------------------------------------------------------------

    def new_campaign(self) -> NewCampaignDialog | None:
        """Open the New campaign dialog; on OK the campaign is made in the background."""
        if not self.can_manage:
            return None
        dialog = NewCampaignDialog(self._session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.open()
        return dialog

    def _create_from(self, dialog: NewCampaignDialog) -> None:
        self.create_campaign(dialog.campaign_name(), dialog.criteria(), dialog.assignees())

    def create_campaign(self, name: str, criteria: CampaignCriteria, assignees: list[str]) -> Task:
        """Make the campaign on a worker thread (a big one takes a moment), with progress after ~0.6 s."""
        session = self._session

        def work(_progress: Callable[[int], None]) -> Campaign:
            return campaign_service.create_campaign(session, name, criteria, assignees=assignees)

        task = self.tasks.start(work, title=self.tr("Making the call lists"), cancellable=False)
        task.finished.connect(self._created)
        self.create_task = task
        return task

    def _created(self, campaign: object) -> None:
        assert isinstance(campaign, Campaign)
        self.create_task = None
        message = (
            self.tr("Campaign “%1” made: %2 people to call.")
            .replace("%1", campaign.name)
            .replace("%2", format_number(campaign.total))
        )
        self.banner.show_info(message)
        self.refresh()
        self.select(campaign.id)
        self.created.emit(campaign)
        notify(DataChange(frozenset({Kind.CAMPAIGNS}), message=message, origin=self))

    def work_my_list(self) -> CallBank | None:
        """Open the call bank on the selected campaign (the signed-in person's own list)."""
        campaign = self.selected()
        if campaign is None or not self.can_work or campaign.status is not CampaignStatus.OPEN:
            return None
        if self.call_bank is not None and self.call_bank.isVisible():
            self.call_bank.raise_()
            self.call_bank.activateWindow()
            return self.call_bank
        bank = CallBank(self._session, campaign.id, self)
        bank.setWindowFlag(Qt.WindowType.Window, True)
        bank.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        bank.destroyed.connect(self._bank_closed)
        self.call_bank = bank
        bank.show()
        return bank

    def _bank_closed(self) -> None:
        self.call_bank = None

    def reassign(self) -> ReassignDialog | None:
        """Open the Reassign dialog for the selected campaign."""
        campaign = self.selected()
        if campaign is None or not self.can_manage:
            return None
        progress = self._progress.get(campaign.id)
        holders = list(progress.staff) if progress is not None else []
        dialog = ReassignDialog(self._session, campaign.id, holders, self._staff, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reassign_from(campaign.id, dialog))
        dialog.open()
        return dialog

    def _reassign_from(self, campaign_id: str, dialog: ReassignDialog) -> None:
        to_user, from_user = dialog.to_user(), dialog.from_user()
        if to_user is None:
            return
        self.move_people(campaign_id, to_user, from_user=from_user, citizen_ids=dialog.citizen_ids())

    def move_people(
        self, campaign_id: str, to_user: str, *, from_user: str | None, citizen_ids: list[str]
    ) -> int | None:
        """Reassign (a whole list when ``citizen_ids`` is empty) and say how many moved."""
        try:
            moved = campaign_service.reassign(
                self._session,
                campaign_id,
                to_user,
                citizen_ids=citizen_ids,
                from_user=None if citizen_ids else from_user,
            )
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return None
        names = self._names()
        message = (
            self.tr("Calls moved to %1: %2.")
            .replace("%1", names.get(to_user, to_user))
            .replace("%2", format_number(moved))
        )
        self.banner.show_info(message)
        self.refresh()
        notify(DataChange(frozenset({Kind.CAMPAIGNS}), tuple(citizen_ids), message=message, origin=self))
        return moved

    def close_selected(self, *, confirm: bool = True) -> bool:
        """Close the selected campaign (after a question): its lists take no more outcomes."""
        campaign = self.selected()
        if campaign is None or not self.can_manage or campaign.status is not CampaignStatus.OPEN:
            return False
        if confirm:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Close campaign"),
                self.tr("Close “%1”? Nobody can record calls on its lists after that.").replace(
                    "%1", campaign.name
                ),
                QMessageBox.StandardButton.NoButton,
                self,
            )
            box.setObjectName("closeCampaignQuestion")
            yes = box.addButton(self.tr("Close campaign"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Keep it open"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(yes)
            box.exec()
            if box.clickedButton() is not yes:
                return False
        try:
            closed = campaign_service.close_campaign(self._session, campaign.id)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return False
        message = self.tr("Campaign “%1” closed.").replace("%1", closed.name)
        self.banner.show_info(message)
        self.refresh()
        notify(DataChange(frozenset({Kind.CAMPAIGNS}), message=message, origin=self))
        return True

    # -- texts ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welfare campaigns"))
        self.show_closed.setText(self.tr("Show &closed"))
        self.new_button.setText(self.tr("&New campaign…"))
        self.work_button.setText(self.tr("&Work my list"))
        self.work_button.setToolTip(self.tr("Open the call bank on your own list of the selected campaign"))
        self.reassign_button.setText(self.tr("&Reassign…"))
        self.close_button.setText(self.tr("C&lose campaign"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Campaign"),
                self.tr("Status"),
                self.tr("People"),
                self.tr("Done"),
                self.tr("To call"),
                self.tr("Follow-up"),
                self.tr("Progress"),
                self.tr("Who is called"),
            ]
        )
        self.follow_model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Latin name"),
                self.tr("Phones"),
                self.tr("Attempts"),
                self.tr("Last outcome"),
                self.tr("Welfare"),
                self.tr("Last contact"),
            ]
        )
        self._title_follow_up()
        self.follow_hint.setText(
            self.tr(
                "Off the call list after a third unanswered call or a wrong number."
                " Enter opens the person's record."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._campaigns:
                self._fill_campaigns(self.selected_id())
                self._selection_changed()
        super().changeEvent(event)
