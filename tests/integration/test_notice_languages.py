"""Fields written per language (the advisory's situation, the document that is ready, the assembly
point): each page of a notice prints its own language's text, or the notice is refused with the
missing language named. Read back page by page from the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import render
from embassy_desk.services import notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.notice_pdf import page_texts, squash

SITUATION_RU = "Особая обстановка в Сеуле: оставайтесь дома."
SITUATION_KO = "서울 특별 상황: 집에 머무르십시오."


def _issue(session: Session, tmp_path: Path, **kwargs: object) -> list[str]:
    target = tmp_path / "notice.pdf"
    notices.issue(session, kind="advisory", target=target, **kwargs)  # type: ignore[arg-type]
    return page_texts(target.read_bytes())


def test_each_page_prints_its_own_language(admin: Session, tmp_path: Path) -> None:
    ru, ko = _issue(
        admin,
        tmp_path,
        languages=["ru", "ko"],
        params={"situation": {"ru": SITUATION_RU, "ko": SITUATION_KO}},
    )
    assert squash(SITUATION_RU) in squash(ru) and squash(SITUATION_KO) not in squash(ru)
    assert squash(SITUATION_KO) in squash(ko) and "Сеуле" not in ko


def test_a_text_in_one_language_is_never_printed_on_the_other_page(admin: Session, tmp_path: Path) -> None:
    # What an officer typed in Russian, for a Russian and Korean advisory: refused, naming Korean.
    with pytest.raises(ValidationError) as missing:
        _issue(admin, tmp_path, languages=["ru", "ko"], params={"situation": {"ru": SITUATION_RU}})
    assert missing.value.field == "situation"
    assert "ko" in str(missing.value)
    assert "ko" in render(missing.value, "ru") and "нет текста" in render(missing.value, "ru")
    # One text for several languages: nothing says which it is in, so it is refused too.
    with pytest.raises(ValidationError, match="each language"):
        _issue(admin, tmp_path, languages=["ru", "ko"], params={"situation": SITUATION_RU})
    assert not (tmp_path / "notice.pdf").exists()
    assert notices.list_issued(admin) == []
    # One language, one text: that is its language.
    (ru,) = _issue(admin, tmp_path, languages=["ru"], params={"situation": SITUATION_RU})
    assert squash(SITUATION_RU) in squash(ru)


def test_left_empty_each_page_has_its_own_standard_wording(admin: Session, tmp_path: Path) -> None:
    ru, ko = _issue(admin, tmp_path, languages=["ru", "ko"], params={})
    assert "Посольство просит" in ru and "Посольство" not in ko
    assert "대사관" in ko


def test_auto_asks_only_for_the_languages_the_chosen_citizens_read(admin: Session, tmp_path: Path) -> None:
    reader = registry.register_citizen(admin, aigerim(languages="ru")).id
    selection = notices.Selection(citizen_ids=(reader,))
    ru, ko = _issue(
        admin,
        tmp_path,
        languages=["auto", "ko"],
        selection=selection,
        params={"situation": {"ru": SITUATION_RU, "ko": SITUATION_KO}},
    )
    assert squash(SITUATION_RU) in squash(ru) and squash(SITUATION_KO) in squash(ko)
    kazakh = registry.register_citizen(
        admin, aigerim(languages="kk", national_id=None, passport_number="N55554444", surname="Ахметова")
    ).id
    with pytest.raises(ValidationError, match="kk"):
        _issue(
            admin,
            tmp_path,
            languages=["auto", "ko"],
            selection=notices.Selection(citizen_ids=(reader, kazakh)),
            params={"situation": {"ru": SITUATION_RU, "ko": SITUATION_KO}},
        )
    assert len(notices.list_issued(admin)) == 1


def test_a_document_and_an_assembly_point_are_per_language_too(admin: Session, tmp_path: Path) -> None:
    citizen = registry.register_citizen(admin, aigerim()).id
    target = tmp_path / "letter.pdf"
    with pytest.raises(ValidationError, match="ko"):
        notices.issue(
            admin,
            kind="letter-document-ready",
            languages=["kk", "ko"],
            target=target,
            selection=notices.Selection(citizen_ids=(citizen,)),
            params={"document": {"kk": "Төлқұжат"}},
        )
    notices.issue(
        admin,
        kind="letter-document-ready",
        languages=["kk", "ko"],
        target=target,
        selection=notices.Selection(citizen_ids=(citizen,)),
        params={"document": {"kk": "Төлқұжат", "ko": "여권"}},
    )
    kk, ko = page_texts(target.read_bytes())
    assert "Төлқұжат" in kk and "여권" not in kk
    assert "여권" in ko and "Төлқұжат" not in ko


def test_any_field_given_per_language_stays_on_its_own_page(admin: Session, tmp_path: Path) -> None:
    citizen = registry.register_citizen(admin, aigerim()).id
    target = tmp_path / "boarding.pdf"

    def boarding(airport: notices.ParamValue) -> None:
        notices.issue(
            admin,
            kind="evacuation-boarding",
            languages=["ru", "ko"],
            target=target,
            selection=notices.Selection(citizen_ids=(citizen,)),
            params={
                "flight": "KC 910",
                "flight_date": "02.12.2026",
                "assembly_time": "06:00",
                "assembly_point": {"ru": "Двор посольства", "ko": "대사관 마당"},
                "departure_airport": airport,
            },
        )

    # An airport named in Russian only: not printed on the Korean page, refused naming Korean.
    with pytest.raises(ValidationError, match="ko") as missing:
        boarding({"ru": "Инчхон"})
    assert missing.value.field == "departure_airport"
    boarding({"ru": "Инчхон", "ko": "인천공항"})
    ru, ko = page_texts(target.read_bytes())
    assert "Инчхон" in ru and "인천공항" not in squash(ru)
    assert "인천공항" in squash(ko) and "Инчхон" not in ko
    # A plain text of a field that is not a sentence (a code) is the same on every page.
    assert "KC 910" in ru and "KC 910" in ko
