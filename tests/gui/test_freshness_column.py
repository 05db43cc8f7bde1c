"""The registry's "Last reached" column and the record's line: fresh, stale and never, each said in
words and shown in a colour of its own (never the colour alone)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from embassy_desk.domain.freshness import Freshness
from embassy_desk.domain.ids import uuid7
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.duty.reached_labels import COLOURS
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.registry.columns import COLUMN_INDEX
from embassy_desk.gui.registry.model import ID_ROLE
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.services import contacts, registry
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from tests.conftest import aigerim


@pytest.fixture
def three(admin: Session) -> dict[str, str]:
    """A person reached by phone just now, one reached on a visit twelve days ago, one never."""
    fresh = registry.register_citizen(admin, aigerim()).id
    stale = registry.register_citizen(
        admin,
        aigerim(
            surname="Ахметов",
            given_names="Ержан",
            patronymic="",
            sex="M",
            national_id="",
            passport_number="N22222222",
            birth_date="1990-01-01",
        ),
    ).id
    never = registry.register_citizen(
        admin,
        aigerim(
            surname="Сейткали",
            given_names="Дана",
            national_id="",
            passport_number="N33333333",
            birth_date="1985-05-05",
        ),
    ).id
    contacts.log_contact(admin, fresh, channel="phone", outcome="reached", welfare="safe")
    contacts.log_contact(admin, never, channel="phone", outcome="no_answer")
    # The contact log is append-only: the old visit goes in as a sync would bring it, with its own time.
    twelve_days_ago = (datetime.now(UTC) - timedelta(days=12, hours=1)).isoformat(timespec="milliseconds")
    with admin.write(Action.CONTACT_LOG) as uow:
        uow.conn.execute(
            text(
                "INSERT INTO contacts(id, citizen_id, at, channel, direction, staff, outcome)"
                " VALUES (:id, :cid, :at, 'visit', 'outgoing', :staff, 'reached')"
            ),
            {"id": uuid7(), "cid": stale, "at": twelve_days_ago, "staff": admin.user.id},
        )
    return {"fresh": fresh, "stale": stale, "never": never}


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


def _open(qtbot: QtBot, session: Session) -> RegistryView:
    view = RegistryView(session)
    qtbot.addWidget(view)
    view.resize(1400, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() == 3)
    return view


def _cells(view: RegistryView) -> dict[str, tuple[str, QColor | None]]:
    column = COLUMN_INDEX["last_reached"]
    out = {}
    for row in range(view.model.rowCount()):
        index = view.model.index(row, column)
        out[index.siblingAtColumn(0).data(ID_ROLE)] = (
            str(index.data()),
            index.data(Qt.ItemDataRole.ForegroundRole),
        )
    return out


def test_fresh_stale_and_never_are_written_out_and_coloured(
    qtbot: QtBot, admin: Session, three: dict[str, str]
) -> None:
    view = _open(qtbot, admin)
    column = COLUMN_INDEX["last_reached"]
    assert (
        view.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "Last reached"
    )
    assert not view.table.horizontalHeader().isSectionHidden(column), "shown by default"
    cells = _cells(view)
    assert cells[three["fresh"]][0] in ("just now · phone (fresh)", "1 min ago · phone (fresh)")
    assert cells[three["stale"]][0] == "12 days ago · visit (stale)"
    assert cells[three["never"]][0] == "never"
    colours = {key: cells[three[key]][1] for key in ("fresh", "stale", "never")}
    for key, found in colours.items():
        assert isinstance(found, QColor) and found.name() == COLOURS[Freshness(key)]
    assert len({c.name() for c in colours.values() if c is not None}) == 3
    # Other columns keep the style's colour.
    assert view.model.index(0, COLUMN_INDEX["name"]).data(Qt.ItemDataRole.ForegroundRole) is None


def test_sorting_by_last_reached_puts_the_never_reached_first(
    qtbot: QtBot, admin: Session, three: dict[str, str]
) -> None:
    view = _open(qtbot, admin)
    view.table.horizontalHeader().setSortIndicator(COLUMN_INDEX["last_reached"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not view.is_loading() and view.query().sort == "last_reached")
    order = [view.model.index(r, 0).data(ID_ROLE) for r in range(3)]
    assert order == [three["never"], three["stale"], three["fresh"]]


def test_the_record_says_when_the_person_was_last_reached(
    qtbot: QtBot, admin: Session, three: dict[str, str]
) -> None:
    for key, expected in (("stale", "12 days ago · visit (stale)"), ("never", "never")):
        dialog = CitizenRecordDialog(admin, three[key])
        qtbot.addWidget(dialog)
        line = dialog.reached_line
        assert not line.isHidden()
        assert line.state is Freshness(key)
        assert expected in line.text()
        assert COLOURS[Freshness(key)] in line.styleSheet()


def test_the_words_follow_the_language(
    qtbot: QtBot, admin: Session, three: dict[str, str], translations: Translations
) -> None:
    translations.set_language("ru", remember=False)
    view = _open(qtbot, admin)
    cells = _cells(view)
    assert cells[three["stale"]][0] == "12 дн. назад · визит (устарело)"
    assert cells[three["never"]][0] == "никогда"
    column = COLUMN_INDEX["last_reached"]
    assert (
        view.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        == "Последний раз на связи"
    )
    translations.set_language("kk", remember=False)
    view.model.retranslate()
    cells = _cells(view)
    assert cells[three["stale"]][0] == "12 күн бұрын · сапар (ескірген)"
    assert cells[three["never"]][0] == "ешқашан"
