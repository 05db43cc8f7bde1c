"""The QR codes notices print (made by segno, drawn by notices/qr.py) read back with zxing-cpp as a
phone's camera app would: any text, and the payloads notices carry (a check-in link, the embassy's
vCard, a tel: link), with error correction M and a quiet zone of four modules."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from embassy_desk.notices.qr import draw_qr, qr_matrix, tel_uri, vcard
from tests.notice_pdf import POST, qr_payload

URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/:.?=&%+"
PAGE = 500.0  # points; the code is drawn at (MARGIN, MARGIN)
MARGIN = 40.0


def _read(payload: str, size: float, dpi: float) -> list[zxingcpp.Barcode]:
    """Draw ``payload``'s code in a ``size`` square on a page and read the page as a picture."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE, PAGE))
    draw_qr(canvas, payload, MARGIN, MARGIN, size)
    canvas.showPage()
    canvas.save()
    picture = pdfium.PdfDocument(out.getvalue())[0].render(scale=dpi / 72).to_pil()
    return [r for r in zxingcpp.read_barcodes(picture) if r.format == zxingcpp.BarcodeFormat.QRCode]


@settings(max_examples=120, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=URL_CHARS, min_size=1, max_size=300),
        st.text(alphabet="0123456789", min_size=1, max_size=400),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", min_size=1, max_size=300),
        st.text(alphabet="абвгӘәҚқҢңҮүҰұ한국어 xyz", min_size=1, max_size=120),
        st.text(min_size=1, max_size=100),  # any Unicode text
    )
)
def test_any_text_reads_back_byte_for_byte_at_level_m(payload: str) -> None:
    # Large enough for any version at ~4 pixels a module; the bytes, not the reader's guess of the
    # character set, are compared (text goes as UTF-8 without an ECI, as before).
    (code,) = _read(payload, 400, 150)
    assert code.bytes == payload.encode("utf-8")
    assert code.ec_level == "M"


CHECKIN = "https://checkin.mfa.example.kz/c/AbCdEfGhIjKlMnOpQrStUv"


def test_the_payloads_notices_carry_read_back_at_print_size() -> None:
    card = vcard(
        name="Посольство Республики Казахстан; Seoul",
        phone=POST.phone,
        hotline=POST.hotline,
        email=POST.email,
        address="서울특별시 용산구 Example-ro 1",
    )
    payloads = [CHECKIN, qr_payload("advisory"), card, tel_uri(POST.hotline)]
    for payload in payloads:
        # 32 mm as the check-in panel prints it, read from a 150 dpi picture of the page.
        (code,) = _read(payload, 32 * mm, 150)
        assert code.text == payload
        assert code.ec_level == "M"


def test_the_code_sits_inside_a_quiet_zone_of_four_modules() -> None:
    size, dpi = 90.0, 288
    (code,) = _read(CHECKIN, size, dpi)
    count = len(qr_matrix(CHECKIN))
    module = size / (count + 8) * dpi / 72  # pixels
    left = MARGIN * dpi / 72
    top = (PAGE - MARGIN - size) * dpi / 72
    corner = code.position.top_left
    assert abs(corner.x - (left + 4 * module)) < module / 2
    assert abs(corner.y - (top + 4 * module)) < module / 2
    assert abs(code.position.bottom_right.x - corner.x - count * module) < module / 2
