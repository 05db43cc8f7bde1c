"""The record's "notices issued" tab over the notices service (skipped while that service is absent)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from embassy_desk.gui.citizen.notices_tab import issued_notices
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.services import registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def test_a_notice_issued_to_the_citizen_is_listed(qtbot: QtBot, admin: Session) -> None:
    notices = pytest.importorskip("embassy_desk.services.notices")
    if not hasattr(notices, "issue_one"):
        pytest.skip("the notices service cannot issue one notice yet")
    citizen = registry.register_citizen(admin, aigerim())
    other = registry.register_citizen(
        admin, aigerim(surname="Ахметова", given_names="Дана", national_id="", passport_number="N55555555")
    )
    assert issued_notices(admin, citizen.id) == []
    issued, _pdf = notices.issue_one(
        admin, kind="registration-certificate", languages=["kk"], citizen_id=citizen.id
    )
    notices.issue_one(admin, kind="registration-certificate", languages=["ru"], citizen_id=other.id)

    dialog = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(dialog)
    assert dialog.notices_tab is not None
    dialog.tabs.setCurrentWidget(dialog.notices_tab)
    table = dialog.notices_tab.table
    assert table.rowCount() == 1
    assert table.column_texts(1) == [issued.reference]
    assert table.column_texts(2) == ["Registration certificate"]
    assert table.column_texts(3) == ["kk"]
    assert table.column_texts(4) == ["Admin"]
    assert dialog.notices_tab.empty.isHidden()
