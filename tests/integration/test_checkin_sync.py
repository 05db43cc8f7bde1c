"""Check-in answers reach the post at its next sync, end to end: a real encrypted workstation makes a
campaign and its links (services/checkin.issue_links) and syncs them to a real HQ (``hq serve`` on
PostgreSQL); citizens answer at HQ (hq/checkin.record_answer, as the public page and the SMS webhook
do); the workstation's next sync brings welfare, a check-in contact, the call list one shorter, an
open high-priority case for "I need help" and a reported number waiting for review; the replicas
converge; ``hq stats`` counts them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.hq import checkin
from embassy_desk.hq.clock import iso
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.tables import checkin_answers
from embassy_desk.services import campaign_calls, campaigns, cases, contacts, registry
from embassy_desk.services import checkin as post_checkin
from tests.integration.test_campaigns import person, register
from tests.sync_harness import Hq, Workstation, assert_converged, hq_database, hq_summary, wait_until

POST = "KZ-SEL"
WORDS = "Сломала ногу, я в больнице Северанс"
CALLBACK = "+821055501234"
NEW_PHONE = "+821099988877"


def answer(db_url: str, token: str, kind: CheckinAnswer, **extra: Any) -> None:
    """One answer, as the public page stores it (then it waits for a drain)."""
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            now = iso(datetime.now(UTC))
            link = checkin.find_link(conn, token_hash(token), now)
            assert link is not None
            checkin.record_answer(conn, link, kind, now=now, language=link.language, source="web", **extra)
    finally:
        engine.dispose()


def pending(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            query = select(func.count()).where(checkin_answers.c.drained_at.is_(None))
            return int(conn.execute(query).scalar_one())
    finally:
        engine.dispose()


def welfare(ws: Workstation, citizen_id: str) -> str | None:
    with ws.session() as session:
        value = registry.get_citizen(session, citizen_id).fields.get("welfare_status")
        return None if value is None else str(value)


def test_answers_reach_the_post_at_its_next_sync(tmp_path: Path) -> None:
    with hq_database("postgresql", tmp_path) as db_url:
        assert db_url is not None
        hq = Hq(tmp_path, db_url).init()
        hq.add_post(POST, "Embassy in Seoul")
        hq.start()
        try:
            ws = Workstation(tmp_path / "desk", "Embassy in Seoul")
            hq.enroll(ws, POST)
            with ws.session() as session:
                ids = register(
                    session, person("Адамова"), person("Бекова"), person("Ваганова"), person("Гусева")
                )
                campaign = campaigns.create_campaign(session, "Землетрясение", CampaignCriteria()).id
                post_checkin.set_public_address(session, "https://checkin.mfa.example")
                links = post_checkin.issue_links(session, ids.values(), campaign_id=campaign)
                assert campaigns.campaign_progress(session, campaign).remaining == 4
            tokens = {link.citizen_id: link.url.rsplit("/", 1)[1] for link in links}
            ws.sync()
            safe, helpless, moved, silent = (ids[n] for n in ("Адамова", "Бекова", "Ваганова", "Гусева"))

            answer(db_url, tokens[safe], CheckinAnswer.SAFE)
            answer(db_url, tokens[helpless], CheckinAnswer.NEEDS_HELP, message=WORDS, callback=CALLBACK)
            answer(db_url, tokens[moved], CheckinAnswer.PHONE_CHANGED, phone=NEW_PHONE)
            ws.sync()

            assert welfare(ws, safe) == "safe"
            assert welfare(ws, helpless) == "needs_assistance"
            assert welfare(ws, silent) in ("unknown", None)
            with ws.session() as session:
                (contact,) = contacts.contact_history(session, safe)
                assert (contact.channel.value, contact.direction.value, contact.outcome.value) == (
                    "check-in",
                    "incoming",
                    "reached",
                )
                assert contact.staff == "check-in"
                progress = campaigns.campaign_progress(session, campaign)
                assert (progress.done, progress.remaining) == (2, 2)
                assert progress.outcomes == {"needs_help": 1, "safe": 1}
                # The call list holds the two who have not said they are safe or need help.
                called = []
                while (card := campaign_calls.next_call(session, campaign, skip=called)) is not None:
                    called.append(card.citizen_id)
                assert sorted(called) == sorted([moved, silent])
                (case,) = cases.list_cases(session, status="open")
                assert (case.citizen_id, case.priority.value, case.kind.value) == (helpless, "high", "other")
                assert WORDS in case.summary and CALLBACK in case.summary
                assert [e.kind for e in cases.timeline(session, case.id)] == ["opened"]
                with session.read() as conn:
                    reported = conn.exec_driver_sql(
                        "SELECT citizen_id, phone, source, status FROM phone_changes"
                    ).all()
                assert [tuple(r) for r in reported] == [(moved, NEW_PHONE, "web", "pending")]
                # Nothing was applied silently: the person's phones are as registered.
                assert NEW_PHONE not in json.dumps(registry.get_citizen(session, moved).to_json())

            # A changed answer: safe, then "I need help": needs assistance, both contacts kept.
            answer(db_url, tokens[safe], CheckinAnswer.NEEDS_HELP, message="Нужна вода")
            # hq serve's drainer thread writes it within seconds, without waiting for a pull.
            assert wait_until(lambda: pending(db_url) == 0, timeout=30)
            report = ws.sync()
            assert welfare(ws, safe) == "needs_assistance"
            with ws.session() as session:
                assert len(contacts.contact_history(session, safe)) == 2
                assert len(cases.list_cases(session, status="open")) == 2
                assert campaigns.campaign_progress(session, campaign).outcomes == {"needs_help": 2}
            # A second workstation of the post gets the same records, once each.
            other = Workstation(tmp_path / "desk-2", "Embassy in Seoul")
            hq.enroll(other, POST)
            other.sync()
            ws.sync()
            assert welfare(other, safe) == "needs_assistance"
            assert_converged(hq_summary(ws), ws, other)
            assert report  # the sync's own end-of-sync check passed (the command succeeded)

            figures = json.loads(hq.cli("stats", "--json", "--post", POST).stdout)
            assert figures["checkins"] == {
                "total": 4,
                "safe": 1,
                "needs_help": 2,
                "phone_changed": 1,
                "last_24h": 4,
            }
            assert figures["welfare"]["needs_assistance"] == 2
        finally:
            hq.stop()
