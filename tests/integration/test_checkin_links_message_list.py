"""The gateway message list with check-in enabled: the old columns first, then each person's new link
(counting for the campaign exported), and the message ends with the link in the person's language."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.services import audit_log, campaigns, checkin, message_list
from embassy_desk.services.session import Session
from tests.integration.test_campaigns import person, register
from tests.integration.test_message_list import read

ADDRESS = "https://checkin.mfa.example"


def test_a_campaigns_list_gains_the_links(admin: Session, tmp_path: Path) -> None:
    ids = register(
        admin,
        person("Адамова", languages="kk,ru"),
        person("Бекова", languages="ko", messengers="kakaotalk:bekova_demo", phone=""),
        person("Ваганова", languages="de,en"),
        person("Гусева", languages="ru"),
        person("Дюсенова", phone=""),  # nothing to send to: no link either
    )
    checkin.set_public_address(admin, ADDRESS)
    made = campaigns.create_campaign(admin, "Seoul", CampaignCriteria(regions=("KR-11",)))
    target = tmp_path / "gateway.csv"
    report = message_list.export_campaign_messages(admin, made.id, target)
    assert (report.written, report.skipped, report.links) == (4, 1, 4)
    rows = {r["citizen_id"]: r for r in read(target)}
    assert list(next(iter(rows.values()))) == [
        "citizen_id",
        "phone",
        "messenger",
        "language",
        "message",
        "url",
    ]
    assert ids["Дюсенова"] not in rows
    for row in rows.values():
        assert row["url"].startswith(ADDRESS + "/c/")
        assert row["message"].endswith(row["url"]), "the message carries the link at its end"
        assert "\n" not in row["message"]
    kazakh, korean = rows[ids["Адамова"]], rows[ids["Бекова"]]
    assert kazakh["message"].startswith("Қазақстан Республикасының азаматтарына")
    assert "Қауіпсіз екеніңізді осы жерде белгілеңіз: " + kazakh["url"] in kazakh["message"]
    assert "알려 주세요" in korean["message"] and korean["messenger"] == "kakaotalk:bekova_demo"
    assert "Tell us you are safe" in rows[ids["Ваганова"]]["message"]
    assert "Сообщите, что вы в безопасности" in rows[ids["Гусева"]]["message"]
    with admin.read() as conn:
        stored = conn.exec_driver_sql(
            "SELECT token_hash, citizen_id, campaign_id, expires_at FROM checkin_links"
        ).all()
    assert {str(r[0]) for r in stored} == {token_hash(r["url"].rsplit("/", 1)[1]) for r in rows.values()}
    assert {r[2] for r in stored} == {made.id}, "answers count for the campaign exported"
    entry = next(e for e in audit_log.recent_entries(admin) if e.action == "campaign.messages")
    details = json.loads(entry.details) if isinstance(entry.details, str) else entry.details
    assert details["links"] == 4


def test_a_selection_with_an_expiry(admin: Session, tmp_path: Path) -> None:
    ids = register(admin, person("Адамова", languages="ru"), person("Бекова"))
    checkin.set_public_address(admin, ADDRESS)
    day = date.today() + timedelta(days=5)
    report = message_list.export_messages(
        admin, [ids["Бекова"], ids["Адамова"]], tmp_path / "x.csv", expires_at=day
    )
    rows = read(tmp_path / "x.csv")
    assert report.links == 2 and [r["citizen_id"] for r in rows] == [ids["Бекова"], ids["Адамова"]]
    with admin.read() as conn:
        found = conn.exec_driver_sql("SELECT DISTINCT expires_at, campaign_id FROM checkin_links").all()
    assert [tuple(r) for r in found] == [(f"{day + timedelta(days=1)}T00:00:00.000+00:00", None)]


def test_without_check_in_the_list_is_unchanged(admin: Session, tmp_path: Path) -> None:
    ids = register(admin, person("Адамова"))
    report = message_list.export_messages(admin, [ids["Адамова"]], tmp_path / "x.csv")
    rows = read(tmp_path / "x.csv")
    assert report.links == 0 and list(rows[0]) == ["citizen_id", "phone", "messenger", "language", "message"]
    assert "http" not in rows[0]["message"]
    with admin.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM checkin_links").scalar_one() == 0


def test_a_closed_campaign_makes_no_links(admin: Session, tmp_path: Path) -> None:
    register(admin, person("Адамова"))
    made = campaigns.create_campaign(admin, "Seoul", CampaignCriteria(regions=("KR-11",)))
    campaigns.close_campaign(admin, made.id)
    checkin.set_public_address(admin, ADDRESS)
    with pytest.raises(EmbassyDeskError, match="closed"):
        message_list.export_campaign_messages(admin, made.id, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
