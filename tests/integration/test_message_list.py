"""The SMS / messenger gateway list: the file a gateway reads, who is in it, who may write it."""

from __future__ import annotations

import csv
import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError, ValidationError
from embassy_desk.services import audit_log, campaigns, message_list
from embassy_desk.services.session import Session
from tests.integration.test_campaigns import person, register


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "plain UTF-8, no BOM: gateways read the first column's name"
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_campaigns_message_list(admin: Session, tmp_path: Path) -> None:
    ids = register(
        admin,
        person("Адамова", languages="kk,ru", phone="02-123-4567", phone2="010-7777-1234"),
        person("Бекова", languages="ko", messengers="kakaotalk:bekova_demo"),
        person("Ваганова", languages="de,en"),
        person("Гусева", languages="de", phone=""),  # nothing to send to
    )
    made = campaigns.create_campaign(admin, "Seoul", CampaignCriteria(regions=("KR-11",)))
    target = tmp_path / "gateway.csv"
    report = message_list.export_campaign_messages(admin, made.id, target)
    assert (report.written, report.skipped) == (3, 1)
    rows = {r["citizen_id"]: r for r in read(target)}
    assert list(next(iter(rows.values()))) == ["citizen_id", "phone", "messenger", "language", "message"]
    assert ids["Гусева"] not in rows
    first = rows[ids["Адамова"]]
    assert first["phone"] == "+821077771234", "the mobile number first"
    assert first["language"] == "kk" and first["message"].startswith("Қазақстан Республикасының азаматтарына")
    korean = rows[ids["Бекова"]]
    assert (korean["language"], korean["messenger"]) == ("ko", "kakaotalk:bekova_demo")
    assert "대사관" in korean["message"]
    assert rows[ids["Ваганова"]]["language"] == "en"
    assert all("\n" not in r["message"] for r in rows.values())
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    entry = next(e for e in audit_log.recent_entries(admin) if e.action == "campaign.messages")
    details = json.loads(entry.details) if isinstance(entry.details, str) else entry.details
    assert details["written"] == 3 and details["skipped"] == 1
    assert "Адамова" not in json.dumps(details, ensure_ascii=False)


def test_a_selection_and_the_hotline(admin: Session, tmp_path: Path) -> None:
    ids = register(admin, person("Адамова", languages="ru"), person("Бекова"))
    from embassy_desk.services import notices

    notices.set_notice_post(admin, hotline="+82 10 9999 0000")
    target = tmp_path / "chosen.csv"
    report = message_list.export_messages(admin, [ids["Бекова"], ids["Адамова"]], target)
    rows = read(target)
    assert report.written == 2 and [r["citizen_id"] for r in rows] == [ids["Бекова"], ids["Адамова"]]
    assert rows[1]["message"].endswith("+82 10 9999 0000.")
    assert "горячую линию" in rows[1]["message"]
    assert rows[0]["language"] == "ru", "no language on record: Russian"
    with pytest.raises(ValidationError):
        message_list.export_messages(admin, [], target)
    with pytest.raises(ValidationError):
        message_list.export_messages(admin, [ids["Бекова"]], tmp_path / "list.xlsx")


def test_officers_only(admin: Session, session_for: Callable[[Role], Session], tmp_path: Path) -> None:
    ids = register(admin, person("Адамова"))
    officer, clerk = session_for(Role.OFFICER), session_for(Role.CLERK)
    assert message_list.export_messages(officer, [ids["Адамова"]], tmp_path / "ok.csv").written == 1
    with pytest.raises(PermissionDeniedError):
        message_list.export_messages(clerk, [ids["Адамова"]], tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()
