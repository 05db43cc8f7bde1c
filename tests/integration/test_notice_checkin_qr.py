"""The QR codes notices print are the codes reportlab's own encoder makes (data, layout and mask), only
faster (notices/qr.py): any payload, compared module by module; and a drawn code reads back."""

from __future__ import annotations

import io

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from embassy_desk.notices.qr import draw_qr, qr_matrix
from tests.notice_pdf import qr_codes

URL_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/:.?=&%+"


def _reportlab(payload: str) -> tuple[tuple[bool, ...], ...] | None:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    try:
        code.addData(payload)
        code.make()
    except (ValueError, TypeError, IndexError):
        return None  # a payload reportlab itself cannot encode
    n = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(n)) for r in range(n))


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=URL_CHARS, min_size=1, max_size=300),
        st.text(alphabet="0123456789", min_size=1, max_size=400),
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", min_size=1, max_size=300),
        st.text(alphabet="абвгдӘәҚқҢңҮүҰұ한국어 xyz", min_size=1, max_size=120),
    )
)
def test_the_fast_encoder_makes_reportlab_s_code(payload: str) -> None:
    expected = _reportlab(payload)
    assume(expected is not None)
    assert qr_matrix(payload) == expected


def test_a_drawn_link_reads_back() -> None:
    url = "https://checkin.example.kz/c/Xq3_vT9aLp0-ZmN4bR7sKw"
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(200, 200))
    draw_qr(canvas, url, 20, 20, 90)
    canvas.showPage()
    canvas.save()
    assert qr_codes(out.getvalue()) == [url]
