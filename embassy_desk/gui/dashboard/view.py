"""The crisis dashboard: headline tiles, charts and campaign progress, and the situation report.

The figures come from ``services.dashboard.dashboard_figures`` on a worker thread (a refresh reads a
few indexes; on a large post that takes longer than a frame). The view refreshes when work is
logged anywhere in the window (contacts, citizens, cases, campaigns: ``gui/data_events``), a moment
after the last change so that a burst of calls makes one refresh, and every minute besides, so work
that sync brings from other workstations shows too. While hidden it only notes that it is stale.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CasePriority, WelfareStatus
from embassy_desk.gui.dashboard.charts import (
    AMBER,
    BLUE,
    GREEN,
    GREY,
    NEUTRAL,
    PURPLE,
    RED,
    Bar,
    BarChart,
    HourlyChart,
)
from embassy_desk.gui.dashboard.tiles import Tile
from embassy_desk.gui.data_events import DataChange, Kind, data_events
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.formatting import format_moment, format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.tasks import Progress, Task, TaskRunner
from embassy_desk.gui.vocab_labels import purpose_labels, welfare_labels
from embassy_desk.gui.widgets import named, screen_heading
from embassy_desk.services.dashboard import DashboardFigures, dashboard_figures
from embassy_desk.services.session import Session

DEBOUNCE_MS = 400  # after the last change before the figures are read again
PERIOD_MS = 60_000  # a refresh every minute besides (sync brings other people's work)
WATCHED = frozenset({Kind.CONTACTS, Kind.CITIZENS, Kind.CASES, Kind.CAMPAIGNS})
REPORT_LANGUAGES = ("kk", "ru", "en")

WELFARE_COLORS = {
    WelfareStatus.SAFE.value: GREEN,
    WelfareStatus.NEEDS_ASSISTANCE.value: RED,
    WelfareStatus.UNREACHABLE.value: AMBER,
    WelfareStatus.UNKNOWN.value: GREY,
    WelfareStatus.EVACUATED.value: PURPLE,
}
WELFARE_ORDER = (
    WelfareStatus.SAFE,
    WelfareStatus.NEEDS_ASSISTANCE,
    WelfareStatus.UNREACHABLE,
    WelfareStatus.UNKNOWN,
    WelfareStatus.EVACUATED,
)
PRIORITY_COLORS = {
    CasePriority.URGENT.value: RED,
    CasePriority.HIGH.value: AMBER,
    CasePriority.NORMAL.value: BLUE,
    CasePriority.LOW.value: GREY,
}


def _share(part: int, whole: int) -> str:
    if not whole:
        return ""
    return f"{format_number(100.0 * part / whole, decimals=1)} %"


class CampaignBars(QWidget):
    """One progress bar per campaign: reached of the list, with the rest in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardCampaigns")
        self.title = named(QLabel(self), "dashboardCampaignsTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.empty = named(QLabel(self), "dashboardCampaignsEmpty")
        self._rows = QGridLayout()
        self._widgets: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(self._rows)
        self.lines: list[str] = []

    def set_campaigns(self, figures: DashboardFigures) -> None:
        for widget in self._widgets:
            widget.deleteLater()
        self._widgets = []
        self.lines = []
        self.empty.setVisible(not figures.campaigns)
        for row, line in enumerate(figures.campaigns):
            closed = self.tr(" (closed)") if line.status == "closed" else ""
            name = QLabel(line.name + closed, self)
            bar = QProgressBar(self)
            bar.setRange(0, max(line.total, 1))
            bar.setValue(line.done)
            bar.setFormat(
                self.tr("{done} of {total} reached").format(
                    done=format_number(line.done), total=format_number(line.total)
                )
            )
            detail = QLabel(
                self.tr("{remaining} to call · {follow_up} to follow up").format(
                    remaining=format_number(line.remaining), follow_up=format_number(line.follow_up)
                ),
                self,
            )
            bar.setAccessibleName(f"{name.text()}: {bar.format()}, {detail.text()}")
            self._rows.addWidget(name, row, 0)
            self._rows.addWidget(bar, row, 1)
            self._rows.addWidget(detail, row, 2)
            self._widgets += [name, bar, detail]
            self.lines.append(f"{name.text()}: {bar.format()}; {detail.text()}")
        self._rows.setColumnStretch(1, 1)


class DashboardView(QWidget):
    """The situation at a glance, kept up to date, and the situation report in one action."""

    refreshed = Signal(object)  # the DashboardFigures just shown
    report_written = Signal(object)  # the SitrepResult

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self._session = session
        self.figures: DashboardFigures | None = None
        self._stale = True
        self._loading: Task | None = None
        self._again = False
        self.runner = TaskRunner(self)

        self.heading = screen_heading(self, "dashboardHeading")
        self.as_of = named(QLabel(self), "dashboardAsOf")
        self.language_label = named(QLabel(self), "dashboardReportLanguageLabel")
        self.language = named(QComboBox(self), "dashboardReportLanguage")
        for code in REPORT_LANGUAGES:
            self.language.addItem(code, code)
        self.language.setCurrentIndex(
            REPORT_LANGUAGES.index(current_language()) if current_language() in REPORT_LANGUAGES else 2
        )
        self.language_label.setBuddy(self.language)
        self.report_button = named(QPushButton(self), "dashboardSitrepButton")
        self.report_button.clicked.connect(self.write_report)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.as_of, 1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addWidget(self.report_button)

        self.tiles = {
            "registered": Tile("tileRegistered", NEUTRAL, self),
            "safe": Tile("tileSafe", GREEN, self),
            "needs_assistance": Tile("tileNeedsHelp", RED, self),
            "unreachable": Tile("tileUnreachable", AMBER, self),
            "unknown": Tile("tileNotContacted", GREY, self),
            "open_cases": Tile("tileOpenCases", BLUE, self),
            # Answers citizens gave themselves on their check-in link or by SMS (issue 14).
            "checkins": Tile("tileCheckins", NEUTRAL, self),
        }
        self.tiles["checkins"].share.setWordWrap(True)
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        self.welfare_chart = BarChart("chartWelfare", self)
        self.region_chart = BarChart("chartRegions", self)
        self.purpose_chart = BarChart("chartPurpose", self)
        self.cases_chart = BarChart("chartCases", self)
        self.contacts_chart = HourlyChart("chartContacts", self)
        self.campaigns = CampaignBars(self)
        self.region_chart.setMinimumHeight(300)
        grid = QGridLayout()
        grid.addWidget(self.welfare_chart, 0, 0)
        grid.addWidget(self.cases_chart, 0, 1)
        grid.addWidget(self.region_chart, 1, 0, 2, 1)
        grid.addWidget(self.purpose_chart, 1, 1)
        grid.addWidget(self.campaigns, 2, 1)
        grid.addWidget(self.contacts_chart, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(tiles)
        body_layout.addLayout(grid, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._period = QTimer(self)
        self._period.setInterval(PERIOD_MS)
        self._period.timeout.connect(self._tick)
        self._period.start()
        data_events().changed.connect(self._data_changed)
        self.retranslate()
        self.refresh()

    # -- refreshing

    def _data_changed(self, change: object) -> None:
        if isinstance(change, DataChange) and change.kinds & WATCHED:
            self._stale = True
            if self.isVisible():
                self._debounce.start()

    def _tick(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the figures again on a worker thread (one at a time; a change meanwhile reads once more)."""
        if self._session.locked:
            return
        if self._loading is not None and self._loading.running:
            self._again = True
            return
        self._stale = False
        session = self._session

        def work(_progress: Progress) -> DashboardFigures:
            return dashboard_figures(session)

        task = self.runner.start(work, title="dashboard", cancellable=False, show_progress=False)
        task.show_errors = False
        task.finished.connect(self._show)
        task.failed.connect(self._failed)
        task.ended.connect(self._ended)
        self._loading = task

    def _ended(self) -> None:
        self._loading = None
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: object) -> None:
        self.as_of.setText(
            self.tr("The figures could not be read: {error}").format(error=error_text(str(error)))
        )

    def _show(self, figures: object) -> None:
        if not isinstance(figures, DashboardFigures):
            return
        self.figures = figures
        self._render()
        self.refreshed.emit(figures)

    def _render(self) -> None:
        figures = self.figures
        if figures is None:
            return
        whole = figures.citizens
        welfare = figures.welfare
        self.as_of.setText(
            self.tr("As of {moment}").format(moment=format_moment(datetime.fromisoformat(figures.at)))
        )
        self.tiles["registered"].set_figure(whole)
        for key in ("safe", "needs_assistance", "unreachable", "unknown"):
            self.tiles[key].set_figure(welfare.get(key, 0), _share(welfare.get(key, 0), whole))
        self.tiles["open_cases"].set_figure(figures.open_cases_total)
        checkins = figures.checkins
        self.tiles["checkins"].set_figure(
            checkins.total,
            self.tr("{day} in the last 24 h\n{safe} safe · {help} need help").format(
                day=format_number(checkins.last_24h),
                safe=format_number(checkins.by_answer.get("safe", 0)),
                help=format_number(checkins.by_answer.get("needs_help", 0)),
            ),
        )
        labels = welfare_labels()
        self.welfare_chart.set_bars(
            [
                Bar(
                    self._welfare_words()[s.value],
                    welfare.get(s.value, 0),
                    WELFARE_COLORS[s.value],
                    self._count_share(welfare.get(s.value, 0), whole),
                )
                for s in WELFARE_ORDER
            ]
        )
        regions = sorted(figures.by_region.items(), key=lambda kv: (kv[0] == "", -sum(kv[1].values()), kv[0]))
        region_bars = []
        for code, cells in regions:
            total = sum(cells.values())
            safe = cells.get(WelfareStatus.SAFE.value, 0)
            words = self._region_name(code)
            text = self.tr("{count} · safe {safe}").format(
                count=format_number(total), safe=format_number(safe)
            )
            region_bars.append(Bar(words, total, NEUTRAL, text))
        self.region_chart.set_bars(region_bars)
        purposes = purpose_labels()
        self.purpose_chart.set_bars(
            [
                Bar(
                    str(purposes.get(code, code)) if code else self.tr("Not recorded"),
                    count,
                    NEUTRAL,
                    self._count_share(count, whole),
                )
                for code, count in sorted(figures.by_purpose.items(), key=lambda kv: (kv[0] == "", -kv[1]))
            ]
        )
        priority_words = self._priority_words()
        self.cases_chart.set_bars(
            [
                Bar(priority_words[p.value], figures.open_cases.get(p.value, 0), PRIORITY_COLORS[p.value])
                for p in (CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW)
            ]
        )
        hours = [datetime.fromisoformat(start).astimezone() for start, _ in figures.contacts_per_hour]
        self.contacts_chart.set_hours(
            [f"{h:%d.%m} {h:%H}:00" if h.hour < 6 else f"{h:%H}:00" for h in hours],
            [count for _, count in figures.contacts_per_hour],
        )
        self.contacts_chart.title.setText(
            self.tr("Contacts per hour, last 48 hours ({count} in the last 24 hours)").format(
                count=format_number(figures.contacts_24h)
            )
        )
        self.campaigns.set_campaigns(figures)
        del labels

    def _count_share(self, count: int, whole: int) -> str:
        share = _share(count, whole)
        return f"{format_number(count)} ({share})" if share else format_number(count)

    def _region_name(self, code: str) -> str:
        if not code:
            return self.tr("Region not recorded")
        from embassy_desk.notices.merge import region_in

        return region_in(code, current_language(), self._session.post.host_country)

    def _welfare_words(self) -> dict[str, str]:
        return {
            WelfareStatus.SAFE.value: self.tr("Safe"),
            WelfareStatus.NEEDS_ASSISTANCE.value: self.tr("Needs help"),
            WelfareStatus.UNREACHABLE.value: self.tr("Unreachable"),
            WelfareStatus.UNKNOWN.value: self.tr("Not yet contacted"),
            WelfareStatus.EVACUATED.value: self.tr("Evacuated"),
        }

    def _priority_words(self) -> dict[str, str]:
        return {
            CasePriority.URGENT.value: self.tr("Urgent"),
            CasePriority.HIGH.value: self.tr("High"),
            CasePriority.NORMAL.value: self.tr("Normal"),
            CasePriority.LOW.value: self.tr("Low"),
        }

    # -- the situation report

    def report_paths(self) -> tuple[Path, Path] | None:
        """Ask where to write the PDF; the CSV goes beside it under the same name."""
        language = str(self.language.currentData())
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        chosen = save_file(
            self,
            Purpose.NOTICE_PDF,
            self.tr("Save the situation report"),
            f"sitrep-{stamp}-{language}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if chosen is None:
            return None
        pdf = chosen[0] if chosen[0].suffix.casefold() == ".pdf" else chosen[0].with_suffix(".pdf")
        return pdf, pdf.with_suffix(".csv")

    def write_report(self) -> None:
        """The one action: choose where, then write the PDF and the CSV of the figures now."""
        paths = self.report_paths()
        if paths is None:
            return
        self.write_report_to(*paths)

    def write_report_to(self, pdf: Path, csv_path: Path) -> Task:
        from embassy_desk.services.sitrep import write_sitrep

        session = self._session
        language = str(self.language.currentData())

        def work(_progress: Progress) -> object:
            return write_sitrep(session, pdf, csv_path=csv_path, lang=language)

        self.report_button.setEnabled(False)
        task = self.runner.start(work, title=self.tr("Writing the situation report"), cancellable=False)
        task.ended.connect(lambda: self.report_button.setEnabled(True))
        task.finished.connect(self._report_done)
        return task

    def _report_done(self, result: object) -> None:
        pdf = getattr(result, "pdf", None)
        csv_path = getattr(result, "csv", None)
        self.report_written.emit(result)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Situation report"),
            self.tr("The situation report was written:\n{pdf}\n{csv}").format(pdf=pdf, csv=csv_path),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("dashboardSitrepDone")
        box.open()

    # -- language

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Situation at a glance"))
        self.language_label.setText(self.tr("Report &language:"))
        names = {"kk": self.tr("Kazakh"), "ru": self.tr("Russian"), "en": self.tr("English")}
        for index, code in enumerate(REPORT_LANGUAGES):
            self.language.setItemText(index, names[code])
        self.report_button.setText(self.tr("Situation report…"))
        self.report_button.setToolTip(
            self.tr("Write the situation report as a PDF for the ministry and its figures as CSV")
        )
        captions = {
            "registered": self.tr("Registered citizens in the country"),
            "safe": self.tr("Confirmed safe"),
            "needs_assistance": self.tr("Need help"),
            "unreachable": self.tr("Unreachable"),
            "unknown": self.tr("Not yet contacted"),
            "open_cases": self.tr("Open assistance cases"),
            "checkins": self.tr("Check-ins by citizens"),
        }
        for key, tile in self.tiles.items():
            tile.caption.setText(captions[key])
        self.welfare_chart.title.setText(self.tr("Citizens by welfare status"))
        self.region_chart.title.setText(self.tr("Citizens by region"))
        self.purpose_chart.title.setText(self.tr("Citizens by purpose of stay"))
        self.cases_chart.title.setText(self.tr("Open assistance cases by priority"))
        self.contacts_chart.title.setText(self.tr("Contacts per hour, last 48 hours"))
        self.campaigns.title.setText(self.campaigns.tr("Welfare campaigns"))
        self.campaigns.empty.setText(self.campaigns.tr("No campaign yet."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """Stop the timers (before the session locks)."""
        self._period.stop()
        self._debounce.stop()
        self.runner.wait()
