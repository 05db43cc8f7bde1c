"""The dashboard's figures equal direct counts of the tables, after contacts, cases and a campaign;
the 48-hour and 24-hour windows include and exclude at their edges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import Role
from embassy_desk.services import campaign_calls, campaigns, cases, contacts, registry
from embassy_desk.services.dashboard import HOURS, dashboard_figures
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def _people(admin: Session) -> list[str]:
    rows = [
        aigerim(
            national_id="980314400046", passport_number="N10000001", region="Seoul", purpose_of_stay="study"
        ),
        aigerim(
            given_names="Дана",
            national_id="",
            passport_number="N10000002",
            region="Busan",
            purpose_of_stay="work",
        ),
        aigerim(
            given_names="Марат",
            sex="M",
            national_id="",
            passport_number="N10000003",
            region="Seoul",
            purpose_of_stay="work",
        ),
        aigerim(
            given_names="Ерлан",
            sex="M",
            national_id="",
            passport_number="N10000004",
            region="",
            purpose_of_stay="",
        ),
        aigerim(
            given_names="Гүлнар",
            national_id="",
            passport_number="N10000005",
            region="Seoul",
            status="departed",
        ),
    ]
    return [registry.register_citizen(admin, row, allow_duplicate=True).id for row in rows]


def _direct(admin: Session, sql: str) -> list[tuple[object, ...]]:
    with admin.read() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_figures_equal_direct_counts_after_contacts_cases_and_a_campaign(admin: Session) -> None:
    ids = _people(admin)
    contacts.log_contact(admin, ids[0], channel="phone", outcome="reached", welfare="safe")
    contacts.log_contact(admin, ids[1], channel="sms", outcome="reached", welfare="needs_assistance")
    contacts.log_contact(admin, ids[4], channel="phone", outcome="reached", welfare="safe")  # departed
    cases.open_case(admin, ids[1], kind="medical", summary="synthetic", priority="urgent")
    cases.open_case(admin, ids[2], kind="other", summary="synthetic", priority="normal")
    camp = campaigns.create_campaign(admin, "Seoul check", CampaignCriteria(regions=("KR-11",)))
    card = campaign_calls.next_call(admin, camp.id)
    assert card is not None
    campaign_calls.record_outcome(admin, camp.id, card.citizen_id, "safe")

    figures = dashboard_figures(admin)

    present = "coalesce(status, '') NOT IN ('departed', 'transferred', 'deceased')"
    assert figures.citizens == _direct(admin, f"SELECT count(*) FROM citizens WHERE {present}")[0][0] == 4
    assert figures.not_present == 1
    welfare = dict(
        _direct(
            admin,
            f"SELECT coalesce(nullif(welfare_status, ''), 'unknown'), count(*) "
            f"FROM citizens WHERE {present} GROUP BY 1",
        )
    )
    assert {k: v for k, v in figures.welfare.items() if v} == welfare
    assert figures.welfare["safe"] >= 1 and figures.welfare["needs_assistance"] == 1
    assert sum(figures.welfare.values()) == figures.citizens
    regions = dict(
        _direct(admin, f"SELECT coalesce(region, ''), count(*) FROM citizens WHERE {present} GROUP BY 1")
    )
    assert figures.region_totals == regions
    assert (
        figures.by_region["KR-11"]["safe"]
        == _direct(
            admin,
            f"SELECT count(*) FROM citizens WHERE region = 'KR-11' AND welfare_status = 'safe' AND {present}",
        )[0][0]
    )
    purposes = dict(
        _direct(
            admin, f"SELECT coalesce(purpose_of_stay, ''), count(*) FROM citizens WHERE {present} GROUP BY 1"
        )
    )
    assert {k: v for k, v in figures.by_purpose.items() if v} == purposes
    assert figures.open_cases == {"low": 0, "normal": 1, "high": 0, "urgent": 1}
    assert figures.contacts_24h == _direct(admin, "SELECT count(*) FROM contacts")[0][0]
    assert sum(n for _, n in figures.contacts_per_hour) == figures.contacts_24h
    (line,) = figures.campaigns
    targets = dict(
        _direct(
            admin, f"SELECT state, count(*) FROM campaign_targets WHERE campaign_id = '{camp.id}' GROUP BY 1"
        )
    )
    assert line.total == sum(targets.values()) == 2  # the two present people in Seoul
    assert line.done == targets.get("done", 0) == 1
    assert line.remaining == 1 and line.follow_up == 0


def test_a_new_contact_moves_the_figures(admin: Session) -> None:
    ids = _people(admin)
    cases.open_case(admin, ids[0], kind="medical", summary="synthetic", priority="high")
    before = dashboard_figures(admin)
    assert before.open_cases["high"] == 1
    contacts.log_contact(admin, ids[3], channel="phone", outcome="reached", welfare="unreachable")
    after = dashboard_figures(admin)
    assert after.welfare["unreachable"] == before.welfare["unreachable"] + 1
    assert after.welfare["unknown"] == before.welfare["unknown"] - 1
    assert after.contacts_per_hour[-1][1] == before.contacts_per_hour[-1][1] + 1


def test_the_48_hour_window_edges(admin: Session) -> None:
    (first, *_rest) = _people(admin)
    entry = contacts.log_contact(admin, first, channel="phone", outcome="reached")
    at = datetime.fromisoformat(entry.at)
    hour = at.replace(minute=0, second=0, microsecond=0)

    figures = dashboard_figures(admin, now=at)
    assert len(figures.contacts_per_hour) == HOURS
    assert figures.contacts_per_hour[-1] == (hour.isoformat(), 1)

    # The latest moment for which the contact's hour is still the oldest bucket.
    oldest = dashboard_figures(admin, now=hour + timedelta(hours=HOURS) - timedelta(microseconds=1000))
    assert oldest.contacts_per_hour[0] == (hour.isoformat(), 1)
    assert sum(n for _, n in oldest.contacts_per_hour) == 1
    gone = dashboard_figures(admin, now=hour + timedelta(hours=HOURS))
    assert sum(n for _, n in gone.contacts_per_hour) == 0
    assert gone.contacts_per_hour[0][0] == (hour + timedelta(hours=1)).isoformat()
    # A contact later than now (a clock ahead) falls in no bucket.
    early = dashboard_figures(admin, now=hour - timedelta(microseconds=1000))
    assert sum(n for _, n in early.contacts_per_hour) == 0

    assert dashboard_figures(admin, now=at + timedelta(hours=24)).contacts_24h == 1
    assert dashboard_figures(admin, now=at + timedelta(hours=24, milliseconds=1)).contacts_24h == 0


def test_every_role_may_look_and_the_figures_name_nobody(admin: Session, session_for: object) -> None:
    _people(admin)
    viewer = session_for(Role.VIEWER)  # type: ignore[operator]
    figures = dashboard_figures(viewer)
    assert figures.citizens == 4
    assert "Нурланова" not in repr(figures)
    assert datetime.fromisoformat(figures.at).tzinfo is not None
    assert datetime.fromisoformat(figures.at) <= datetime.now(UTC)
