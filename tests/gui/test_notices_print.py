"""Printing notices on a QPrinter (a PDF printer, no dialog), and "Print notice…" from a record and
from several citizens at once."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.notices.print_dialog import PrintNoticeDialog
from embassy_desk.gui.notices.printing import prepare_printer
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.services import notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher
from tests.notice_pdf import page_texts, squash


def pdf_printer(path: Path, *, paper: str = "a4") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    prepare_printer(printer, paper=paper, title="test")
    return printer


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_printing_sends_every_page_of_the_notice_to_the_printer(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher, paper: str, size: tuple[int, int]
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = NoticesView(admin)
    qtbot.addWidget(view)
    view.form.set_kind("advisory")
    view.form.set_languages("kk", "ko")
    view.form.set_paper(paper)
    view.choose_citizen(citizen.id)
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.preview.page_count > 0)
    expected = view.preview.page_count
    assert expected >= 2, "a Kazakh version and its Korean translation"

    printed = tmp_path / "printed.pdf"
    task = view.print_to(pdf_printer(printed, paper=paper))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == expected
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    issued = notices.list_issued(admin, citizen_id=citizen.id)
    assert len(issued) == 1 and issued[0].pages == expected
    assert f"sent {expected} page(s)" in view.summary.text()


def test_ctrl_p_on_a_saved_record_opens_print_notice_for_that_citizen(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    record = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(record)
    record.show()
    qtbot.waitExposed(record)
    record.activateWindow()
    record.tabs.setFocus()
    qtbot.waitUntil(record.isActiveWindow, timeout=3000)
    assert record.print_button.isEnabled()
    qtbot.keyClick(record.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: record.print_notice_dialog is not None and record.print_notice_dialog.isVisible())
    dialog = record.print_notice_dialog
    assert dialog is not None
    assert "Нурланова" in dialog.recipients.text()
    dialog.form.set_kind("emergency-card")
    dialog.form.set_languages("kk", "ko")
    assert dialog.wait_for_preview()
    qtbot.waitUntil(lambda: dialog.preview.page_count == 1)

    target = tmp_path / "card.pdf"
    task = dialog.save_as(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    text = squash(" ".join(page_texts(target.read_bytes())))
    assert "Нурланова" in text and "N12345678" in text
    assert [n.kind for n in notices.list_issued(admin, citizen_id=citizen.id)] == ["emergency-card"]
    assert "Issued 1 notice(s)" in dialog.banner.text()


def test_a_new_record_has_nothing_to_print_yet(qtbot: QtBot, admin: Session) -> None:
    record = CitizenRecordDialog(admin, None)
    qtbot.addWidget(record)
    assert not record.print_button.isEnabled()
    record.print_notice()
    assert record.print_notice_dialog is None
    assert "Save the record first" in record.banner.text()


def test_print_notice_for_citizens_picked_in_the_registry(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    first = registry.register_citizen(admin, aigerim())
    second = registry.register_citizen(
        admin, aigerim(surname="Ахметова", given_names="Дана", national_id="", passport_number="N55555555")
    )
    dialog = PrintNoticeDialog(admin, [first.id, second.id])
    qtbot.addWidget(dialog)
    assert "2 selected citizen(s)" in dialog.recipients.text()
    dialog.form.set_kind("registration-certificate")
    dialog.form.set_languages("ru")
    printed = tmp_path / "printed.pdf"
    task = dialog.print_to(pdf_printer(printed))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    issued = notices.list_issued(admin)
    assert sorted(n.citizen_id or "" for n in issued) == sorted([first.id, second.id])
    assert len(pypdf.PdfReader(printed).pages) == sum(n.pages for n in issued)
