"""Links and reported numbers across real processes: HQ under uvicorn on PostgreSQL, two real
encrypted workstations of one post, the ``embassy-desk`` commands a duty officer types.

Links made at one workstation reach HQ (found by the hash of the token in the CSV, for the campaign,
until they expire) and the post's other workstation; a "my number has changed" answer comes back as a
pending report, is applied at one workstation, and the other sees the new number and the decision.
"""

from __future__ import annotations

import csv
import json
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.hq import checkin as hq_checkin
from tests.sync_harness import Hq, Workstation, hq_database

pytestmark = pytest.mark.timeout(300)
ADDRESS = "https://checkin.mfa.example"


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    root = tmp_path_factory.mktemp("hq-checkin")
    with hq_database("postgresql", root) as url:
        server = Hq(root, url).init()
        server.start()
        try:
            yield server
        finally:
            server.stop()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _person(surname: str, phone: str, languages: str) -> dict[str, object]:
    return {
        "surname": surname,
        "given_names": "Айгерим",
        "sex": "F",
        "birth_date": "1990-04-12",
        "region": "Seoul",
        "phone": phone,
        "languages": languages,
        "purpose_of_stay": "work",
    }


def test_links_reach_hq_and_a_reported_number_comes_back(hq: Hq, tmp_path: Path) -> None:
    assert hq.db_url is not None
    code = f"KZ-{secrets.token_hex(3).upper()}"
    name = f"Embassy of Kazakhstan, test post {code}"
    hq.add_post(code, name)
    one, two = Workstation(tmp_path / "ws1", name), Workstation(tmp_path / "ws2", name)
    for ws in (one, two):
        hq.enroll(ws, code)
    adamova = one.add_citizen(**_person("Адамова", "010-5555-1001", "kk"))
    bekova = one.add_citizen(**_person("Бекова", "010-5555-1002", "ko"))
    one.ok("checkin", "address", ADDRESS)
    campaign = one.ok("campaign", "create", "Seoul night", "--region", "KR-11").strip().splitlines()[-1]
    target = tmp_path / "links.csv"
    one.ok("checkin", "links", "--campaign", campaign, str(target))
    with open(target, encoding="utf-8", newline="") as handle:
        rows = {r["citizen_id"]: r for r in csv.DictReader(handle)}
    assert set(rows) == {adamova, bekova}
    one.sync()

    engine = create_engine(hq.db_url)
    tokens = {cid: r["url"].rsplit("/", 1)[1] for cid, r in rows.items()}
    try:
        with engine.begin() as conn:
            link = hq_checkin.find_link(conn, token_hash(tokens[adamova]), _now())
            assert link is not None, "HQ finds the link by the hash of the token the CSV holds"
            seen = (link.post, link.citizen_id, link.campaign_id, link.language)
            assert seen == (code, adamova, campaign, "kk")
            by_phone = hq_checkin.links_for_phone(conn, "+821055551002", _now())
            assert [x.citizen_id for x in by_phone] == [bekova], "an SMS reply from her number finds her link"
            stored = conn.execute(text("SELECT token_hash FROM checkin_links WHERE post = :p"), {"p": code})
            assert {r[0] for r in stored} == {token_hash(t) for t in tokens.values()}
            hq_checkin.record_answer(
                conn,
                link,
                CheckinAnswer.PHONE_CHANGED,
                now=_now(),
                language="kk",
                source="web",
                phone="+821099990001",
            )
            safe = hq_checkin.find_link(conn, token_hash(tokens[bekova]), _now())
            assert safe is not None
            hq_checkin.record_answer(conn, safe, CheckinAnswer.SAFE, now=_now(), language="ko", source="web")
    finally:
        engine.dispose()

    two.sync()  # the drain runs at the start of every pull
    status = json.loads(two.ok("checkin", "status", "--json"))
    assert (status["links"], status["pending_phones"]) == (2, 1), "links and the report reached the other one"
    assert (status["answers"], status["answers_by_welfare"].get("safe")) == (2, 1)
    progress = json.loads(two.ok("campaign", "status", campaign, "--json"))
    assert (progress["done"], progress["outcomes"]) == (1, {"safe": 1}), (
        "the safe answer counts for the campaign"
    )
    assert status["enabled"] is False, "the address is this workstation's setting"
    pending = json.loads(two.ok("checkin", "phones", "--json"))
    assert [(p["citizen_id"], p["phone"], p["source"]) for p in pending] == [
        (adamova, "+821099990001", "web")
    ]
    assert pending[0]["phones"] == ["+821055551001"]
    assert one.show(adamova)["phones"] == [{"number": "+821055551001", "kind": "mobile"}], "never silently"

    two.ok("checkin", "phone-apply", pending[0]["id"])
    two.sync()
    one.sync()
    shown = one.show(adamova)
    assert shown is not None
    assert [p["number"] for p in shown["phones"]] == ["+821099990001", "+821055551001"]
    assert json.loads(one.ok("checkin", "phones", "--json")) == [], "decided once, for the whole post"
    with one.session() as session, session.read() as conn:
        decided = conn.exec_driver_sql("SELECT status, resolved_by FROM phone_changes").all()
    assert [tuple(r) for r in decided] == [("applied", "admin")]
