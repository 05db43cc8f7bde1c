"""Promise 6 for the crisis lists: deleting (or merging away) a person removes their call-list places
and manifest entries, here and, through tombstones, at every other workstation."""

from __future__ import annotations

import orjson

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.services import campaigns, cases, evacuation, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def _two_people(admin: Session) -> tuple[str, str]:
    first = registry.register_citizen(admin, aigerim()).id
    second = registry.register_citizen(
        admin,
        aigerim(given_names="Dana", national_id=None, passport_number="N77770001", birth_date="1991-02-03"),
    ).id
    return first, second


def _on_lists(admin: Session, people: tuple[str, ...]) -> tuple[str, str]:
    campaign = campaigns.create_campaign(admin, "Seoul welfare", CampaignCriteria())
    for person in people:
        cases.open_case(admin, person, kind="evacuation", summary="asks for a seat")
    flight = evacuation.add_flight(
        admin,
        carrier="Air Astana",
        number="KC 910",
        origin="ICN",
        destination="ALA",
        departs_at="2027-01-15T09:30:00+09:00",
        seats=10,
        assembly_point="Incheon Airport, Terminal 1",
    )
    evacuation.build_manifest(admin, flight.id)
    return campaign.id, flight.id


def _rows(admin: Session, citizen_id: str) -> list[tuple[str, str]]:
    with admin.read() as conn:
        return [
            (table, str(r[0]))
            for table in ("campaign_targets", "manifest_entries")
            for r in conn.exec_driver_sql(f"SELECT id FROM {table} WHERE citizen_id = ?", (citizen_id,))
        ]


def _entries(admin: Session, record_id: str) -> list[tuple[str, dict[str, object]]]:
    with admin.read() as conn:
        return [
            (str(op), orjson.loads(fields))
            for op, fields in conn.exec_driver_sql(
                "SELECT op, fields FROM change_log WHERE record_id = ? ORDER BY seq", (record_id,)
            )
        ]


def test_deleting_a_person_takes_them_off_every_list_with_tombstones(admin: Session) -> None:
    first, second = _two_people(admin)
    campaign_id, flight_id = _on_lists(admin, (first, second))
    assert len(_rows(admin, first)) == 2
    registry.delete_citizen(admin, first)
    assert _rows(admin, first) == []
    for record_id in (f"{campaign_id}:{first}", f"{flight_id}:{first}"):
        assert _entries(admin, record_id) == [("delete", {})], "only a tombstone, without their values"
    assert len(_rows(admin, second)) == 2, "the others stay on their lists"
    assert campaigns.campaign_progress(admin, campaign_id).total == 1


def test_merging_away_a_record_drops_its_list_places_and_keeps_the_kept_ones(admin: Session) -> None:
    first, second = _two_people(admin)
    campaign_id, _flight_id = _on_lists(admin, (first, second))
    registry.merge_citizens(admin, first, second)
    assert _rows(admin, second) == []
    assert len(_rows(admin, first)) == 2
    assert _entries(admin, f"{campaign_id}:{second}") == [("delete", {})]
