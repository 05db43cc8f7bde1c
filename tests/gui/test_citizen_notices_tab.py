"""The record's "notices issued" tab: the list, and the same notice printed or saved again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.gui.citizen.notices_tab import issued_notices
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.services import audit_log, notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def test_a_notice_issued_to_the_citizen_is_listed(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    other = registry.register_citizen(
        admin, aigerim(surname="Ахметова", given_names="Дана", national_id="", passport_number="N55555555")
    )
    assert issued_notices(admin, citizen.id) == []
    issued, _pdf = notices.issue_one(
        admin, kind="registration-certificate", languages=["kk"], citizen_id=citizen.id
    )
    notices.issue_one(admin, kind="registration-certificate", languages=["ru"], citizen_id=other.id)

    dialog = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(dialog)
    assert dialog.notices_tab is not None
    dialog.tabs.setCurrentWidget(dialog.notices_tab)
    table = dialog.notices_tab.table
    assert table.rowCount() == 1
    assert table.column_texts(1) == [issued.reference]
    assert table.column_texts(2) == ["Registration certificate"]
    assert table.column_texts(3) == ["kk"]
    assert table.column_texts(4) == ["Admin"]
    assert dialog.notices_tab.empty.isHidden()


def _record_with_one_notice(
    qtbot: QtBot, admin: Session, reader: Session
) -> tuple[CitizenRecordDialog, str, bytes]:
    citizen = registry.register_citizen(admin, aigerim())
    issued, pdf = notices.issue_one(
        admin, kind="registration-certificate", languages=["kk", "ko"], citizen_id=citizen.id
    )
    dialog = CitizenRecordDialog(reader, citizen.id)
    qtbot.addWidget(dialog)
    assert dialog.notices_tab is not None
    dialog.tabs.setCurrentWidget(dialog.notices_tab)
    return dialog, issued.reference, pdf


def test_the_same_notice_is_saved_and_printed_again_as_issued(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    dialog, reference, first = _record_with_one_notice(qtbot, admin, admin)
    tab = dialog.notices_tab
    assert tab is not None
    assert not tab.save_button.isEnabled(), "nothing selected yet"
    tab.table.selectRow(0)
    assert tab.save_button.isEnabled() and tab.print_button.isEnabled()

    target = tmp_path / "again.pdf"
    assert tab.save_again_as(target) is not None
    qtbot.waitUntil(lambda: tab.task is None, timeout=20_000)
    assert target.read_bytes() == first, "byte for byte the notice that was issued"
    assert reference in tab.status.text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert tab.print_again_to(printer) is not None
    qtbot.waitUntil(lambda: tab.task is None, timeout=30_000)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(PdfReader(target).pages)
    assert "printed again" in tab.status.text()
    recent = [e.action for e in audit_log.recent_entries(admin, limit=5)]
    assert recent.count("notice.reprint") == 2, "every copy is audited"


def test_a_viewer_sees_the_list_but_no_reprint_buttons(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    dialog, reference, _pdf = _record_with_one_notice(qtbot, admin, session_for(Role.VIEWER))
    tab = dialog.notices_tab
    assert tab is not None
    assert tab.table.column_texts(1) == [reference]
    assert tab.print_button.isHidden() and tab.save_button.isHidden()
