"""Notices for a selection: issued off the GUI thread with progress, summarised, and cancellable."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from embassy_desk.gui.notices.recipient import RecipientMode
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.services import notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher
from tests.notice_pdf import page_texts, squash

SEOUL = "KR-11"
GIVEN = ["Айгерим", "Дана", "Алия", "Жанар", "Мадина", "Сауле"]


def register(admin: Session, count: int, region: str) -> list[str]:
    ids = []
    code = 1 if region == "Seoul" else 2
    for n in range(count):
        citizen = registry.register_citizen(
            admin,
            aigerim(
                given_names=GIVEN[n % len(GIVEN)],
                birth_date=f"199{n % 10}-0{1 + n % 9}-1{n % 10}",
                national_id="",
                passport_number=f"N{code}{n:07d}",
                phone=f"010-5{n:03d}-{code}000",
                email="",
                region=region,
            ),
            allow_duplicate=True,  # same names in two regions, on purpose
        )
        ids.append(citizen.id)
    return ids


def progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def seoul_view(qtbot: QtBot, admin: Session) -> NoticesView:
    view = NoticesView(admin)
    qtbot.addWidget(view)
    view.show()
    view.form.set_kind("advisory")
    view.form.set_languages("auto", "ko")
    view.recipient.set_mode(RecipientMode.SELECTION)
    view.recipient.region.setCurrentIndex(view.recipient.region.findData(SEOUL))
    qtbot.waitUntil(lambda: view.recipient.selection_count is not None, timeout=5_000)
    return view


def test_a_region_is_issued_in_one_pdf_with_a_summary(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    register(admin, 4, "Seoul")
    register(admin, 2, "Busan")
    view = seoul_view(qtbot, admin)
    assert view.batch_button.isVisible() and not view.print_button.isVisible()
    assert view.batch_button.text() == "Issue for 4 citizen(s)…"
    assert view.batch_button.isEnabled()
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.preview.page_count >= 2)
    assert "first of 4" in view.preview_note.text()

    target = tmp_path / "seoul.pdf"
    task = view.issue_batch_to(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    issued = notices.list_issued(admin)
    assert len(issued) == 4
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == sum(n.pages for n in issued)
    text = squash(" ".join(page_texts(target.read_bytes())))
    for name in GIVEN[:4]:
        assert name in text
    assert "Issued 4 notice(s)" in view.summary.text()
    qtbot.wait(100)
    assert dialogs.seen == [], "said once, in the summary line; no message box on top of it"


def test_one_file_per_person(qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher) -> None:
    register(admin, 3, "Seoul")
    view = seoul_view(qtbot, admin)
    view.per_person.setChecked(True)
    task = view.issue_batch_to(tmp_path / "out")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    references = sorted(n.reference for n in notices.list_issued(admin))
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.pdf")) == references
    assert "one PDF per person" in view.summary.text()


def test_cancelling_a_batch_leaves_no_file_and_no_record(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    register(admin, 6, "Seoul")
    view = seoul_view(qtbot, admin)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "seoul.pdf"
    view.runner.progress_delay_ms = 0  # show the progress dialog at once instead of after 600 ms
    task = view.issue_batch_to(target)
    assert task is not None
    qtbot.waitUntil(lambda: bool(progress_dialogs()), timeout=5_000)
    dialog = progress_dialogs()[0]
    assert dialog.labelText() == "Issuing notices" and dialog.maximum() == 6
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(task.cancelled, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not target.exists()
    assert list(out.iterdir()) == [], "no part file, no temporary file"
    assert notices.list_issued(admin) == []
    assert view.summary.text() == "Cancelled: no notice was issued and no file was written."


def test_a_selection_that_matches_no_one_cannot_be_issued(qtbot: QtBot, admin: Session) -> None:
    register(admin, 1, "Busan")
    view = seoul_view(qtbot, admin)
    assert view.batch_button.text() == "Issue for 0 citizen(s)…"
    assert not view.batch_button.isEnabled()
    assert "No citizen matches" in view.preview.message.text()


def test_stopping_the_screen_before_a_lock_rolls_a_running_batch_back(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    register(admin, 6, "Seoul")
    view = seoul_view(qtbot, admin)
    target = tmp_path / "seoul.pdf"
    task = view.issue_batch_to(target)
    assert task is not None
    assert view.stop_work()
    assert not task.running
    assert not target.exists()
    assert notices.list_issued(admin) == []
