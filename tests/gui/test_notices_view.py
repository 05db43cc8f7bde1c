"""The Notices screen: live preview, save as PDF (issued and recorded), roles, embassy details."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.notices.embassy_details import EmbassyDetailsDialog
from embassy_desk.gui.notices.recipient import RecipientMode
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.services import notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher
from tests.notice_pdf import page_texts, squash


def make_view(qtbot: QtBot, session: Session) -> NoticesView:
    view = NoticesView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def compose(view: NoticesView, *, kind: str, main: str, second: str = "") -> None:
    view.form.set_kind(kind)
    view.form.set_languages(main, second)


def test_the_preview_shows_a_citizen_found_by_search_in_kazakh_and_korean(
    qtbot: QtBot, admin: Session
) -> None:
    registry.register_citizen(admin, aigerim())
    view = make_view(qtbot, admin)
    compose(view, kind="registration-certificate", main="kk", second="ko")
    assert view.preview.page_count == 0
    assert not view.print_button.isEnabled(), "nothing to print before a citizen is picked"

    qtbot.keyClicks(view.recipient.search_box, "aiger")  # QtTest types ASCII only
    qtbot.waitUntil(lambda: view.recipient.results.count() == 1)
    view.recipient.results.setCurrentRow(0)
    assert "Нурланова" in view.recipient.chosen.text()
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.preview.page_count >= 2)

    pixmap = view.preview.page.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 300
    assert view.preview.position.text() == f"Page 1 of {view.preview.page_count}"
    assert view.last_preview is not None
    texts = page_texts(view.last_preview.pdf)
    assert "Нурланова" in squash(texts[0]), "the Kazakh version comes first, in Cyrillic"
    assert "NURLANOVA" in squash(" ".join(texts)), "the Korean version names her as in the passport"
    assert any("대사관" in text or "등록" in text for text in texts), "a page is in Korean"
    qtbot.mouseClick(view.preview.next_button, Qt.MouseButton.LeftButton)
    assert view.preview.current_page == 1
    assert notices.list_issued(admin) == [], "a preview records nothing"


def test_save_as_pdf_issues_the_notice_and_records_it(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = make_view(qtbot, admin)
    compose(view, kind="letter-document-ready", main="ru")
    view.choose_citizen(citizen.id)
    target = tmp_path / "letter.pdf"

    assert view.save_as(target) is None, "a field the kind needs is still empty"
    assert "Document" in view.banner.text() and view.banner.is_error
    assert not target.exists()

    view.form.set_field("document", "Паспорт N99887766")
    task = view.save_as(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    text = squash(" ".join(page_texts(target.read_bytes())))
    assert "Нурланова" in text and "N99887766" in text
    issued = notices.list_issued(admin, citizen_id=citizen.id)
    assert len(issued) == 1 and issued[0].kind == "letter-document-ready"
    assert issued[0].reference in view.summary.text()
    qtbot.wait(100)
    assert dialogs.seen == [], "said once, in the summary line; no message box on top of it"


def test_a_general_advisory_needs_no_citizen(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    view = make_view(qtbot, admin)
    compose(view, kind="advisory", main="kk", second="ko")
    view.recipient.set_mode(RecipientMode.GENERAL)
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.preview.page_count >= 2)
    assert view.save_button.isEnabled()
    task = view.save_as(tmp_path / "advisory.pdf")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    issued = notices.list_issued(admin)
    assert len(issued) == 1 and issued[0].citizen_id is None

    # A letter is always to someone: choosing one takes "no one in particular" away.
    compose(view, kind="letter-welfare", main="ru")
    assert not view.recipient.general.isEnabled()
    assert view.recipient.mode is RecipientMode.CITIZEN


def test_a_viewer_cannot_issue_and_the_service_refuses_too(
    qtbot: QtBot,
    admin: Session,
    session_for: Callable[[Role], Session],
    tmp_path: Path,
    dialogs: DialogWatcher,
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    viewer = session_for(Role.VIEWER)
    view = make_view(qtbot, viewer)
    compose(view, kind="registration-certificate", main="kk")
    view.choose_citizen(citizen.id)
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.preview.page_count >= 1)  # a viewer may look
    assert not view.print_button.isEnabled()
    assert not view.save_button.isEnabled()
    assert "not issue" in view.print_button.toolTip()
    assert not view.embassy_button.isVisibleTo(view)
    view.recipient.set_mode(RecipientMode.SELECTION)
    qtbot.waitUntil(lambda: view.recipient.selection_count is not None)
    assert not view.batch_button.isEnabled()

    # Going round the button still ends at the service, which refuses.
    view.recipient.set_mode(RecipientMode.CITIZEN)
    target = tmp_path / "refused.pdf"
    task = view.save_as(target)
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: any(d.title == "Not allowed" for d in dialogs.seen))
    assert not target.exists()
    with pytest.raises(PermissionDeniedError):
        notices.issue_one(viewer, kind="registration-certificate", languages=["kk"], citizen_id=citizen.id)
    assert notices.list_issued(admin) == []
    record = CitizenRecordDialog(viewer, citizen.id)
    qtbot.addWidget(record)
    assert not record.print_button.isEnabled()


def test_an_administrator_sets_the_embassy_details_notices_print(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    view = make_view(qtbot, admin)
    assert view.embassy_button.isVisibleTo(view)
    dialog = view.edit_embassy_details()
    qtbot.addWidget(dialog)
    assert dialog.names["en"].text() == admin.post.name
    dialog.names["ko"].setText("주한 카자흐스탄 공화국 대사관 (시험)")
    dialog.hotline.setText("+82 10 0000 0000")
    assert dialog.save()
    post = notices.notice_post(admin)
    assert post.names["ko"] == "주한 카자흐스탄 공화국 대사관 (시험)"
    assert post.hotline == "+82 10 0000 0000"
    assert post.names["en"] == admin.post.name, "fields left alone keep their value"

    compose(view, kind="advisory", main="ko")
    view.recipient.set_mode(RecipientMode.GENERAL)
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.last_preview is not None)
    assert view.last_preview is not None
    reader = pypdf.PdfReader(io.BytesIO(view.last_preview.pdf))
    assert "(시험)" in "".join((p.extract_text() or "") for p in reader.pages)

    officer_dialog = EmbassyDetailsDialog(session_for(Role.OFFICER))
    qtbot.addWidget(officer_dialog)
    officer_dialog.names["ko"].setText("changed")
    assert not officer_dialog.save()
    assert officer_dialog.banner.is_error
    assert notices.notice_post(admin).names["ko"] == "주한 카자흐스탄 공화국 대사관 (시험)"


def test_the_screen_follows_a_language_switch(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    ts = tmp_path / "notices_ru.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru_RU">'
        "<context><name>NoticesView</name>"
        "<message><source>&amp;Print…</source><translation>&amp;Печать…</translation></message>"
        "</context><context><name>NoticeLabels</name>"
        "<message><source>Registration certificate</source>"
        "<translation>Справка о постановке на учёт</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "notices_ru.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    view = make_view(qtbot, admin)
    assert view.print_button.text() == "&Print…"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.print_button.text() == "&Печать…")
        kinds = [view.form.kind.itemText(i) for i in range(view.form.kind.count())]
        assert "Справка о постановке на учёт" in kinds
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.print_button.text() == "&Print…")


def test_one_click_issues_one_notice(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = make_view(qtbot, admin)
    compose(view, kind="registration-certificate", main="kk")
    view.choose_citizen(citizen.id)
    task = view.save_as(tmp_path / "first.pdf")
    assert task is not None
    assert not view.save_button.isEnabled() and not view.print_button.isEnabled()
    assert view.save_as(tmp_path / "second.pdf") is None, "a second request while the first runs"
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert view.save_button.isEnabled()
    assert len(notices.list_issued(admin)) == 1
    assert not (tmp_path / "second.pdf").exists()
