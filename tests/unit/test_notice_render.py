"""Every kind of notice in every language, read back with a real PDF reader: merged text in each script,
embedded fonts, page sizes, QR codes that decode, hostile names printed literally."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pypdf
import pytest

from embassy_desk.notices import recovery_sheet_pdf
from embassy_desk.notices.kinds import KINDS, Layout, Recipient
from embassy_desk.notices.pdfjoin import join
from embassy_desk.notices.qr import tel_uri, vcard
from embassy_desk.notices.render import CARD_H
from embassy_desk.notices.text import LANGUAGES
from tests.notice_pdf import (
    PARAMS,
    POST,
    RECORD,
    embedded_fonts,
    page_size,
    page_texts,
    qr_codes,
    render_pdf,
    squash,
)

A4 = (595.2756, 841.8898)
LETTER = (612.0, 792.0)
# What each language's version must show of the record (the name in the reader's script).
NAME_IN = {
    "kk": "Нурланова Әйгерім Серікқызы",
    "ru": "Нурланова Әйгерім Серікқызы",
    "en": "NURLANOVA AIGERIM",
}
NAME_IN["ko"] = NAME_IN["en"]
STATE = {"kk": "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ", "ru": "РЕСПУБЛИКА КАЗАХСТАН", "en": "REPUBLIC OF KAZAKHSTAN"}
STATE["ko"] = "카자흐스탄 공화국"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_renders_in_every_language(kind: str, language: str) -> None:
    spec = KINDS[kind]
    record = None if spec.recipient is Recipient.NONE else RECORD
    pdf = render_pdf(kind, (language,), [record])
    text = squash(" ".join(page_texts(pdf)))
    assert squash(STATE[language]) in text
    assert "TST-2026-0000-000001" in text
    if spec.layout is Layout.LETTER:
        assert squash(POST.name(language)) in text
    if record is not None:
        assert squash(NAME_IN[language]) in text
        if kind in {"emergency-card", "registration-certificate", "evacuation-boarding"}:
            assert "N12345678" in text
    for field in spec.params:
        if field in PARAMS:
            assert squash(PARAMS[field]) in text, field
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    assert page_size(pdf) == pytest.approx(A4, abs=0.01)


def test_korean_and_kazakh_glyphs_come_from_fonts_that_have_them() -> None:
    pdf = render_pdf("advisory", ("kk", "ko"), [RECORD])
    fonts = embedded_fonts(pdf)
    assert any("NanumGothic" in name for name in fonts), fonts
    assert any("NotoSans" in name for name in fonts), fonts
    kk, ko = page_texts(pdf)
    assert "Әйгерім" in kk and "Көпшілік" in kk
    assert "대사관" in ko and "NURLANOVA" in ko


def test_us_letter_paper() -> None:
    pdf = render_pdf("registration-certificate", ("en",), [RECORD], paper="letter")
    assert page_size(pdf) == pytest.approx(LETTER, abs=0.01)


def test_hostile_names_print_literally() -> None:
    hostile = {
        **RECORD,
        "surname": "<b>O'Neil & Sons</b>",
        "surname_latin": "<b>O'Neil & Sons</b>",
        "address": '<font size="40">&amp;</font> <br/>',
    }
    for kind in ("advisory", "registration-certificate", "emergency-card"):
        text = " ".join(page_texts(render_pdf(kind, ("en", "ru"), [hostile])))
        assert "<b>O'Neil & Sons</b>" in text, kind
    letter = " ".join(page_texts(render_pdf("letter-welfare", ("en",), [hostile])))
    assert '<font size="40">&amp;</font> <br/>' in letter


def test_advisory_qr_is_the_embassy_as_a_vcard() -> None:
    pdf = render_pdf("advisory", ("ru",), [RECORD])
    expected = vcard(
        name=POST.name("en"),
        phone=POST.phone,
        hotline=POST.hotline,
        email=POST.email,
        address=POST.address("en"),
    )
    assert qr_codes(pdf) == [expected]
    assert "TEL;TYPE=CELL,VOICE:+821000000000" in expected


def test_card_qr_calls_the_hotline_and_cards_share_a_sheet_with_crop_marks() -> None:
    pdf = render_pdf("emergency-card", ("kk", "ko"), [RECORD] * 7)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2  # five fold-over cards to an A4 sheet
    codes = qr_codes(pdf, scale=5)
    assert len(codes) == 10 and set(codes) == {tel_uri(POST.hotline)}
    first = page_texts(pdf)[0]
    assert first.count("N12345678") == 10  # both sides of five cards
    assert "저는카자흐스탄국민입니다" in squash(first)
    assert "МенҚазақстаназаматымын" in squash(first)
    letter = render_pdf("emergency-card", ("ru", "ko"), [RECORD] * 5, paper="letter")
    assert len(pypdf.PdfReader(io.BytesIO(letter)).pages) == 2  # four to a US Letter sheet
    assert pytest.approx(54 / 25.4 * 72) == CARD_H


def test_multi_page_documents_carry_page_numbers() -> None:
    pdf = render_pdf("advisory", ("en", "ko"), [RECORD])
    first, second = page_texts(pdf)
    assert "Page 1 of 2" in first
    assert "2/2쪽" in second


def test_rendering_is_deterministic() -> None:
    assert render_pdf("letter-welfare", ("kk",), [RECORD]) == render_pdf("letter-welfare", ("kk",), [RECORD])


def test_identical_bodies_are_laid_out_once_and_reused_as_forms() -> None:
    pdf = render_pdf("advisory", ("en",), [RECORD] * 3)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    forms = [set(page["/Resources"]["/XObject"].keys()) for page in reader.pages]
    assert forms[0] == forms[1] == forms[2]  # the same header, title and body forms on every page


def test_recovery_sheet_needs_no_database_and_prints_the_code_exactly() -> None:
    code = PARAMS["recovery_code"]
    created = datetime(2026, 11, 26, 9, 30)
    pdf = recovery_sheet_pdf("Embassy of Kazakhstan in Seoul", code, created, lang="ru")
    text = page_texts(pdf)[0]
    assert code in squash(text)
    assert "Код восстановления" in text and "Embassy of Kazakhstan in Seoul" in text
    assert pdf == recovery_sheet_pdf("Embassy of Kazakhstan in Seoul", code, created, lang="ru")


def test_parts_join_into_one_pdf_in_order(tmp_path: Path) -> None:
    parts = []
    for n, kind in enumerate(("letter-welfare", "emergency-card", "advisory")):
        part = tmp_path / f"part{n}.pdf"
        part.write_bytes(render_pdf(kind, ("en",), [RECORD, RECORD]))
        parts.append(part)
    out = io.BytesIO()
    digest = join(parts, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 2 + 1 + 2
    texts = [page.extract_text() for page in reader.pages]
    assert "Welfare check" in texts[0] and "EMERGENCY CONTACT CARD" in texts[2]
    assert "Advisory notice" in texts[4]
    assert qr_codes(out.getvalue(), 4) == [
        vcard(
            name=POST.name("en"),
            phone=POST.phone,
            hotline=POST.hotline,
            email=POST.email,
            address=POST.address("en"),
        )
    ]
    import hashlib

    assert digest == hashlib.sha256(out.getvalue()).hexdigest()
