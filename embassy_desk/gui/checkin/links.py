"""Links to CSV: choose who (a campaign's list, a region, everyone present) and until when, then one
file of ``citizen_id, phone, language, url`` for the SMS gateway, written off the GUI thread.

The URLs exist only in that file: the post keeps the tokens' hashes. So the panel says where the
file went and reminds that it must not be left lying about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.regions import region_name
from embassy_desk.gui.data_events import DataChange, notify
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.formatting import QT_DATE_FORMAT, format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.tasks import Progress, Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import browse, campaigns, checkin
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

CAMPAIGN, REGION, EVERYONE = "campaign", "region", "everyone"


@dataclass(frozen=True)
class Selection:
    """Who gets a link: ``kind`` is CAMPAIGN (``value`` its id), REGION (``value`` its code) or EVERYONE."""

    kind: str
    value: str = ""


@dataclass(frozen=True)
class LinksWritten:
    """What an export did: links made, how many of them have no mobile number, the file."""

    links: int
    without_phone: int
    path: Path


def export_links(session: Session, selection: Selection, expires: date, target: Path) -> LinksWritten:
    """Make the links for ``selection`` (valid through ``expires``) and write them to ``target``
    (services/checkin.export_links: the folder is tried before any link is made)."""
    links = checkin.export_links(
        session,
        target,
        campaign_id=selection.value if selection.kind == CAMPAIGN else None,
        region=selection.value if selection.kind == REGION else None,
        expires_at=expires,
    )
    return LinksWritten(len(links), sum(1 for link in links if not link.phone), target)


class LinksPanel(QGroupBox):
    """The selection, the expiry date and the export button; ``written`` carries a LinksWritten."""

    written = Signal(object)

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinLinksPanel")
        self._session = session
        self._runner = runner
        self.may_export = is_allowed(session.role, Action.CHECKIN_LINKS)
        self.enabled = False  # check-in on (the address is set)
        self.task: Task | None = None

        self.by_campaign = named(QRadioButton(self), "checkinByCampaign")
        self.by_region = named(QRadioButton(self), "checkinByRegion")
        self.everyone = named(QRadioButton(self), "checkinEveryone")
        self.kinds = QButtonGroup(self)
        for button in (self.by_campaign, self.by_region, self.everyone):
            self.kinds.addButton(button)
        self.campaign = named(QComboBox(self), "checkinCampaign")
        self.region = named(QComboBox(self), "checkinRegion")
        self._regions = browse.region_options(session)
        for code, _english in self._regions:
            self.region.addItem("", code)
        self.expires = named(QDateEdit(self), "checkinExpires")
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat(QT_DATE_FORMAT)
        today = QDate.currentDate()
        self.expires.setMinimumDate(today.addDays(1))
        self.expires.setMaximumDate(today.addDays(checkin.MAX_DAYS - 1))
        self.expires.setDate(today.addDays(checkin.DEFAULT_DAYS))
        self.expires_label = QLabel(self)
        self.expires_label.setBuddy(self.expires)
        self.export_button = named(QPushButton(self), "checkinExport")
        self.export_button.clicked.connect(self.ask_export)
        self.note = named(QLabel(self), "checkinLinksNote")
        self.note.setWordWrap(True)
        self.result = named(QLabel(self), "checkinLinksResult")
        self.result.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(self.by_campaign, 0, 0)
        grid.addWidget(self.campaign, 0, 1)
        grid.addWidget(self.by_region, 1, 0)
        grid.addWidget(self.region, 1, 1)
        grid.addWidget(self.everyone, 2, 0, 1, 2)
        grid.addWidget(self.expires_label, 3, 0)
        grid.addWidget(self.expires, 3, 1)
        # The fields keep a readable width; the space left over stays empty on a wide window.
        for field in (self.campaign, self.region):
            field.setMinimumWidth(360)
        grid.setColumnStretch(2, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        layout.addWidget(self.result)

        self._chosen_by_hand = False
        self._choosing = True  # the panel's own choice, not the person's
        self.kinds.buttonToggled.connect(self._toggled)
        self.campaign.currentIndexChanged.connect(lambda *_: self._update())
        self.everyone.setChecked(True)
        self.load_campaigns()
        self._choosing = False
        self.retranslate()

    # -- state

    def load_campaigns(self) -> None:
        """The open campaigns (answers count for one: its call list shrinks), keeping the choice."""
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        if is_allowed(self._session.role, Action.CAMPAIGN_WORK):
            for line in campaigns.list_campaigns(self._session, include_closed=False):
                self.campaign.addItem(f"{line.name} ({format_number(line.total)})", line.id)
        found = self.campaign.findData(chosen)
        self.campaign.setCurrentIndex(found if found >= 0 else 0)
        self.campaign.blockSignals(False)
        if self.campaign.count() and not self._chosen_by_hand:
            # A campaign is what links are usually for: offer it until someone chose otherwise.
            choosing, self._choosing = self._choosing, True
            self.by_campaign.setChecked(True)
            self._choosing = choosing
        self._update()

    def _toggled(self, _button: object, checked: bool) -> None:
        if checked and not self._choosing:
            self._chosen_by_hand = True
        self._update()

    def set_enabled(self, enabled: bool) -> None:
        """Check-in on or off (the address is set or not)."""
        self.enabled = enabled
        self._update()

    def selection(self) -> Selection | None:
        """Who is chosen now; None when the choice is incomplete (no campaign to pick)."""
        if self.by_campaign.isChecked():
            value = self.campaign.currentData()
            return Selection(CAMPAIGN, str(value)) if value else None
        if self.by_region.isChecked():
            value = self.region.currentData()
            return Selection(REGION, str(value)) if value else None
        return Selection(EVERYONE)

    def _update(self) -> None:
        self.campaign.setEnabled(self.by_campaign.isChecked())
        self.region.setEnabled(self.by_region.isChecked())
        busy = self.task is not None and self.task.running
        ready = self.enabled and self.may_export and self.selection() is not None and not busy
        self.export_button.setEnabled(ready)
        self._note_text()

    # -- the export

    def ask_export(self) -> None:
        """Ask where to write the file, then make the links and write it."""
        selection = self.selection()
        if selection is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        answer = save_file(
            self,
            Purpose.EXPORT,
            self.tr("Save the check-in links"),
            f"checkin-links-{stamp}.csv",
            self.tr("CSV (*.csv)"),
        )
        if answer is None:
            return
        path = answer[0] if answer[0].suffix.casefold() == ".csv" else answer[0].with_suffix(".csv")
        self.export_to(path, selection)

    def export_to(self, path: Path, selection: Selection) -> Task:
        """Make the links for ``selection`` and write them to ``path`` on a worker thread."""
        session = self._session
        expires = self.expires.date().toPython()
        assert isinstance(expires, date)

        def work(_progress: Progress) -> LinksWritten:
            return export_links(session, selection, expires, path)

        # One transaction that cannot stop half-way (nothing to cancel); a few seconds for 30,000.
        task = self._runner.start(work, title=self.tr("Making check-in links"), cancellable=False)
        self.task = task
        self.result.setText("")
        task.finished.connect(self._done)
        task.ended.connect(self._update)
        self._update()
        return task

    def _done(self, result: object) -> None:
        if not isinstance(result, LinksWritten):
            return
        self.result.setText(
            self.tr(
                "{links} links written to {file} ({none} without a mobile number: give them theirs"
                " another way). The file holds the only copy of the links: send it to the gateway,"
                " then delete it."
            ).format(
                links=format_number(result.links),
                file=result.path.name,
                none=format_number(result.without_phone),
            )
        )
        self.result.setToolTip(str(result.path))
        self.written.emit(result)
        # The links go to HQ with the next sync (the sync runner listens for local writes).
        message = self.tr("{links} check-in links written to {file}").format(
            links=format_number(result.links), file=result.path.name
        )
        notify(DataChange(frozenset(), message=message, origin=self))

    # -- texts

    def _note_text(self) -> None:
        if not self.may_export:
            self.note.setText(self.tr("Officers and administrators make check-in links."))
        elif not self.enabled:
            self.note.setText(self.tr("Set headquarters' public address first: links lead there."))
        elif self.by_campaign.isChecked() and not self.campaign.count():
            self.note.setText(
                self.tr("No open campaign: make one on the Campaigns screen, or choose a region.")
            )
        elif self.by_campaign.isChecked():
            self.note.setText(
                self.tr(
                    "Everyone on the campaign's lists not reached yet gets a new link; an answer counts"
                    " for the campaign and takes the person off the call list."
                )
            )
        elif self.by_region.isChecked():
            self.note.setText(
                self.tr("Everyone present in the region gets a new link (links made before stay valid).")
            )
        else:
            self.note.setText(self.tr("Everyone present gets a new link (links made before stay valid)."))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Links for citizens"))
        self.by_campaign.setText(self.tr("A &campaign's list:"))
        self.by_region.setText(self.tr("Everyone in a &region:"))
        self.everyone.setText(self.tr("&Everyone present"))
        self.expires_label.setText(self.tr("Valid &through:"))
        self.export_button.setText(self.tr("E&xport links to CSV…"))
        self.export_button.setToolTip(
            self.tr("Make one new personal link per person and write citizen_id, phone, language, url")
        )
        language = current_language()
        host = self._session.post.host_country
        for index, (code, _english) in enumerate(self._regions):
            self.region.setItemText(index, region_name(code, host_country=host, language=language))
        self._note_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
