"""The Notices screen asks for a text written per language (the advisory's situation) in each
language of the notice, says plainly which one is missing, and never prints one language's text on
another language's page (read back page by page from the preview and the issued PDF)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from embassy_desk.gui.notices.recipient import RecipientMode
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.services import notices
from embassy_desk.services.session import Session
from tests.gui.conftest import DialogWatcher
from tests.notice_pdf import page_texts, squash

RU = "Особая обстановка в Сеуле: оставайтесь дома."
KO = "서울 특별 상황: 집에 머무르십시오."


def _advisory(qtbot: QtBot, session: Session, main: str, second: str) -> NoticesView:
    view = NoticesView(session)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.form.set_kind("advisory")
    view.form.set_languages(main, second)
    view.recipient.set_mode(RecipientMode.GENERAL)
    return view


def test_the_situation_is_asked_for_in_each_language(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    view = _advisory(qtbot, admin, "ru", "ko")
    assert set(view.form.fields) == {"situation.ru", "situation.ko"}
    assert view.form._field_labels["situation.ru"].text() == "Situation (Русский):"
    assert view.form._field_labels["situation.ko"].text() == "Situation (한국어):"
    assert "each language" in view.form.fields_hint.text()

    view.form.set_field("situation", RU, "ru")
    assert view.form.request().params == {"situation": {"ru": RU}}
    # The Korean page of the preview shows the gap, named, not the Russian sentence.
    assert view.wait_for_preview()
    qtbot.waitUntil(lambda: view.last_preview is not None and view.preview.page_count >= 2, timeout=20_000)
    assert view.last_preview is not None
    ru_page, ko_page = page_texts(view.last_preview.pdf)
    assert squash(RU) in squash(ru_page)
    assert "Сеуле" not in ko_page and "[Situation]" in ko_page

    target = tmp_path / "advisory.pdf"
    assert view.save_as(target) is None, "the Korean text is missing"
    assert view.banner.is_error and "Situation (한국어)" in view.banner.text()
    assert isinstance(view.form.fields["situation.ko"], QPlainTextEdit)
    assert not target.exists() and notices.list_issued(admin) == []

    view.form.set_field("situation", KO, "ko")
    task = view.save_as(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    ru_page, ko_page = page_texts(target.read_bytes())
    assert squash(RU) in squash(ru_page) and squash(KO) not in squash(ru_page)
    assert squash(KO) in squash(ko_page) and "Сеуле" not in ko_page


def test_texts_typed_stay_when_the_languages_change(qtbot: QtBot, admin: Session) -> None:
    view = _advisory(qtbot, admin, "ru", "")
    assert set(view.form.fields) == {"situation.ru"}
    view.form.set_field("situation", RU)
    view.form.set_languages("ru", "ko")
    assert set(view.form.fields) == {"situation.ru", "situation.ko"}
    assert view.form.request().params == {"situation": {"ru": RU}}
    # A language taken away is no longer sent, and its text comes back with the language.
    view.form.set_field("situation", KO, "ko")
    view.form.set_languages("ru", "")
    assert view.form.request().params == {"situation": {"ru": RU}}
    view.form.set_languages("ru", "ko")
    assert view.form.request().params == {"situation": {"ru": RU, "ko": KO}}
    # Each citizen's own language: a text per language a page may be in.
    view.form.set_languages("auto", "ko")
    assert set(view.form.fields) == {f"situation.{lang}" for lang in ("kk", "ru", "en", "ko")}
