"""The link printed on an advisory works, end to end: a real encrypted workstation prints a person's
advisory with check-in enabled, the link is read off the page (text and QR code, as a phone's camera
would), the workstation syncs, the citizen opens the link on HQ (``hq serve`` on PostgreSQL) and
answers "I am safe", and the workstation's next sync shows them safe with a check-in contact."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from embassy_desk.services import checkin, contacts, notices, registry
from tests.conftest import aigerim
from tests.notice_pdf import page_texts, qr_codes
from tests.sync_harness import Hq, Workstation, hq_database

POST = "KZ-SEL"


def test_the_link_on_a_printed_advisory_takes_the_citizen_s_answer(tmp_path: Path) -> None:
    with hq_database("postgresql", tmp_path) as db_url:
        assert db_url is not None
        hq = Hq(tmp_path, db_url).init()
        hq.add_post(POST, "Embassy in Seoul")
        hq.start()
        try:
            ws = Workstation(tmp_path / "desk", "Embassy in Seoul")
            hq.enroll(ws, POST)
            with ws.session() as session:
                citizen_id = registry.register_citizen(
                    session, aigerim(given_names="Әйгерім", languages="kk", email=None)
                ).id
                checkin.set_public_address(session, hq.direct_url)
                _record, pdf = notices.issue_one(
                    session, kind="advisory", languages=["auto", "ko"], citizen_id=citizen_id
                )
            kazakh, korean = page_texts(pdf)
            (url,) = re.findall(r"http://127\.0\.0\.1:\d+/c/[A-Za-z0-9_-]{22}", kazakh)
            assert url in korean and url in qr_codes(pdf, 0) and url in qr_codes(pdf, 1)

            with httpx.Client(timeout=30) as client:
                assert client.get(url).status_code == 404  # not at HQ before the post syncs
                ws.sync()
                page = client.get(url)
                assert page.status_code == 200 and "Әйгерім" in page.text
                csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
                assert csrf is not None
                done = client.post(
                    url,
                    data={"answer": "safe", "csrf": csrf.group(1), "lang": "kk"},
                    headers={"Origin": hq.direct_url},
                )
                assert done.status_code == 200 and 'data-answer="safe"' in done.text

            ws.sync()
            with ws.session() as session:
                assert registry.get_citizen(session, citizen_id).fields.get("welfare_status") == "safe"
                (contact,) = contacts.contact_history(session, citizen_id)
                assert (contact.channel.value, contact.outcome.value) == ("check-in", "reached")
        finally:
            hq.stop()
