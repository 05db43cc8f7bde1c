"""Check-ins in the window outside their own screen: the dashboard's tile counts them (24 h and total,
safe and needs help), the contact log names their channel, and staff cannot log a call as one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Channel
from embassy_desk.gui.citizen.contacts_tab import ContactsTab
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.dashboard.view import DashboardView
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.services import contacts, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.test_checkin_view import hq_check_in


def _people(admin: Session, n: int) -> list[str]:
    return [
        registry.register_citizen(
            admin, aigerim(national_id="", passport_number=f"N3000000{i}"), allow_duplicate=True
        ).id
        for i in range(n)
    ]


def _check_in(admin: Session, citizen_id: str, welfare: str | None) -> None:
    hq_check_in(admin, citizen_id, welfare)


def test_the_dashboard_tile_counts_check_ins_and_moves_after_sync(qtbot: QtBot, admin: Session) -> None:
    a, b, c = _people(admin, 3)
    _check_in(admin, a, "safe")
    contacts.log_contact(admin, b, channel="phone", outcome="reached", welfare="safe")  # a call, not one
    view = DashboardView(admin)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=10_000)
    tile = view.tiles["checkins"]
    assert tile.caption.text() == "Check-ins by citizens"
    assert tile.value.text() == "1"
    assert tile.share.text() == "1 in the last 24 h\n1 safe · 0 need help"
    assert tile.isVisible()

    # Sync brings two more answers: the view hears of it as of every sync (all kinds changed).
    _check_in(admin, b, "safe")
    _check_in(admin, c, "needs_assistance")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        notify(DataChange(frozenset(Kind), count_changed=True))
    assert tile.value.text() == "3"
    assert tile.share.text() == "3 in the last 24 h\n2 safe · 1 need help"
    assert "Check-ins by citizens: 3" in tile.accessibleName()
    view.stop()


def test_staff_cannot_pick_check_in_and_the_contact_log_names_it(qtbot: QtBot, admin: Session) -> None:
    (person,) = _people(admin, 1)
    dialog = QuickLogDialog(admin, person)
    qtbot.addWidget(dialog)
    offered = [dialog.channel.itemData(i) for i in range(dialog.channel.count())]
    assert Channel.CHECK_IN.value not in offered
    assert offered[0] == "phone" and len(offered) == len(Channel) - 1
    labels = [dialog.channel.itemText(i) for i in range(dialog.channel.count())]
    assert all(labels) and "Phone call" in labels and "Letter" in labels

    _check_in(admin, person, "safe")
    tab = ContactsTab(admin, person)
    qtbot.addWidget(tab)
    tab.refresh()
    model = tab.table.model()
    assert model is not None and model.rowCount() == 1
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row[1] == "Check-in by the citizen"
    assert row[2] == "Incoming" and row[3] == "Reached" and row[4] == "Safe"
    assert row[5] == "the citizen", "HQ wrote it for the citizen's own answer; nobody at the post"
