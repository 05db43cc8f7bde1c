"""The MRZ field on its own: any pasted text is kept as typed and answered with a message, never a crash."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.mrz import MrzData, build_td3
from embassy_desk.gui.citizen.mrz_input import MrzInput, looks_complete

LINES = build_td3(
    issuing_state="KAZ",
    surname="ZHUMABEKOV",
    given_names="ARMAN",
    document_number="N09876543",
    nationality="KAZ",
    birth_date=date(1991, 7, 2),
    sex=Sex.MALE,
    expiry_date=date(2031, 4, 30),
)


def test_shapes_that_count_as_complete() -> None:
    l1, l2 = LINES
    assert looks_complete(f"{l1}\n{l2}")
    assert looks_complete(f"  {l1}  \n\n{l2}\n")
    assert looks_complete(l1 + l2)  # readers that send no line break
    assert not looks_complete(f"{l1}\n{l2[:-1]}")
    assert not looks_complete(l1)
    assert not looks_complete("\n".join(["A" * 30] * 2))  # an ID card with its third line to come


def test_the_reader_s_trailing_enter_does_not_read_twice(qtbot: QtBot) -> None:
    field = MrzInput()
    qtbot.addWidget(field)
    read: list[MrzData] = []
    field.parsed.connect(read.append)
    field.edit.setPlainText("\n".join(LINES))
    field.read_now()
    field.edit.appendPlainText("")
    field.read_now()
    assert len(read) == 1
    assert read[0].document_number == "N09876543"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=120),
        st.builds(
            lambda i, c: LINES[0] + "\n" + LINES[1][:i] + c + LINES[1][i + 1 :],
            st.integers(min_value=0, max_value=43),
            st.sampled_from(list("0123456789<ABCXYZ€ß ")),
        ),
    )
)
def test_any_text_is_kept_and_answered(qtbot: QtBot, text: str) -> None:
    field = MrzInput()
    qtbot.addWidget(field)
    field.edit.setPlainText(text)
    shown = field.edit.toPlainText()
    field.read_now()
    assert field.edit.toPlainText() == shown  # reading never rewrites what was typed
    if field.error is not None:
        assert field.status.text()
        assert field.data is None
