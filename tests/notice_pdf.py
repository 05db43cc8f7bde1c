"""Reading notices back as a person's tools would: text through pypdf, pictures through pdfium, QR codes
through zxing-cpp. Shared by the notice tests."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pypdf
import pypdfium2 as pdfium
import zxingcpp

from embassy_desk.notices.kinds import KINDS, Recipient, kind_spec
from embassy_desk.notices.merge import PostDetails, citizen_fields, notice_fields, post_fields
from embassy_desk.notices.qr import tel_uri, vcard
from embassy_desk.notices.render import NoticeData, RenderJob, render
from embassy_desk.notices.templates import load_bundle

POST = PostDetails(
    names={
        "kk": "Қазақстан Республикасының Корея Республикасындағы Елшілігі",
        "ru": "Посольство Республики Казахстан в Республике Корея",
        "en": "Embassy of the Republic of Kazakhstan in the Republic of Korea",
        "ko": "주한 카자흐스탄 공화국 대사관",
    },
    addresses={"en": "1 Example-ro, Yongsan-gu, Seoul", "ko": "서울특별시 용산구 Example-ro 1"},
    phone="+82 2 000 0000",
    hotline="+82 10 0000 0000",
    email="consular@example.com",
)
RECORD: dict[str, Any] = {
    "surname": "Нурланова",
    "given_names": "Әйгерім",
    "patronymic": "Серікқызы",
    "surname_latin": "NURLANOVA",
    "given_names_latin": "AIGERIM",
    "birth_date": "1998-03-14",
    "passport_number": "N12345678",
    "national_id": "980314400046",
    "address": "12-3 Itaewon-ro",
    "city": "Seoul",
    "region": "KR-11",
    "phones": '[{"number": "+821012345678", "kind": "mobile"}]',
    "languages": '["kk", "ru"]',
}
PARAMS = {
    "appointment_date": "01.12.2026",
    "appointment_time": "10:30",
    "document": "Паспорт / passport N99887766",
    "flight": "KC 910",
    "flight_date": "02.12.2026",
    "departure_airport": "Incheon ICN",
    "assembly_point": "Embassy yard",
    "assembly_time": "06:00",
    "recovery_code": "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567",
}
ISSUED_ON = date(2026, 11, 26)


def qr_payload(kind: str) -> str:
    spec = kind_spec(kind)
    if spec.qr.value == "vcard":
        return vcard(
            name=POST.name("en"),
            phone=POST.phone,
            hotline=POST.hotline,
            email=POST.email,
            address=POST.address("en"),
        )
    if spec.qr.value == "tel":
        return tel_uri(POST.hotline)
    return ""


def notice_for(
    kind: str,
    languages: tuple[str, ...],
    record: dict[str, Any] | None,
    reference: str = "TST-2026-0000-000001",
) -> NoticeData:
    spec = KINDS[kind]
    bundle = load_bundle(kind, list(languages))
    values = {}
    for lang in languages:
        template = bundle.templates[lang]
        merged = post_fields(POST, lang)
        merged.update(
            notice_fields(
                reference=reference, issued_on=ISSUED_ON, language=lang, state_name=template.state_name
            )
        )
        merged.update(template.defaults)
        merged.update({k: v for k, v in PARAMS.items() if k in spec.params})
        if record is not None and spec.recipient is not Recipient.NONE:
            merged.update(citizen_fields(record, lang, host_country="KR"))
        values[lang] = merged
    return NoticeData(reference, languages, values, personal=record is not None)


def render_pdf(
    kind: str, languages: tuple[str, ...], records: list[dict[str, Any] | None], *, paper: str = "a4"
) -> bytes:
    bundle = load_bundle(kind, list(languages))
    job = RenderJob(kind, paper, dict(bundle.sources), languages, qr_payload=qr_payload(kind))
    out = io.BytesIO()
    notices = [notice_for(kind, languages, r, f"TST-2026-0000-{n + 1:06d}") for n, r in enumerate(records)]
    render(job, notices, out)
    return out.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def squash(text: str) -> str:
    """Text without whitespace, so a phrase wrapped over lines still matches."""
    return "".join(text.split())


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name -> whether its program is embedded (/FontFile2)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}

    def visit(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else None
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                found[str(font["/BaseFont"])] = bool(descriptor and "/FontFile2" in descriptor.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def page_size(pdf: bytes, index: int = 0) -> tuple[float, float]:
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[index].mediabox
    return float(box.width), float(box.height)


def qr_codes(pdf: bytes, index: int = 0, scale: float = 4.0) -> list[str]:
    """Every QR code zxing-cpp finds on a page rendered as a picture."""
    page = pdfium.PdfDocument(pdf)[index]
    image = page.render(scale=scale).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
