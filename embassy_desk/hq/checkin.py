"""What HQ knows and keeps of check-ins (issue 14): find a link by its token, keep an answer.

The public page and the SMS webhook call these; neither writes into a post's log. An answer is one
row of ``checkin_answers``, committed before the citizen sees the confirmation; HQ's drainer
(hq/checkin_drain.py) turns answers into the post's records in batches, so a flood of check-ins
never queues behind, or holds, the post's sequence lock that workstations' pushes take.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from embassy_desk.domain.checkin import page_language, phone_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.tables import checkin_answers, checkin_links


@dataclass(frozen=True)
class Link:
    """A live check-in link: whose it is, for which campaign, in which language, until when."""

    token_hash: str
    post: str
    citizen_id: str
    campaign_id: str | None
    language: str
    expires_at: str


@dataclass(frozen=True)
class Answer:
    """A citizen's latest answer on a link."""

    answer: CheckinAnswer
    at: str
    source: str


def find_link(conn: Connection, token_hash: str, now: str) -> Link | None:
    """The live link with this token hash, or None when it is unknown, revoked or expired (the
    caller answers 404 alike in all three cases, saying nothing about the person)."""
    row = conn.execute(
        select(
            checkin_links.c.post,
            checkin_links.c.citizen_id,
            checkin_links.c.campaign_id,
            checkin_links.c.language,
            checkin_links.c.expires_at,
        ).where(
            checkin_links.c.token_hash == token_hash,
            checkin_links.c.revoked.is_(False),
            checkin_links.c.expires_at > now,
        )
    ).first()
    if row is None:
        return None
    return Link(
        token_hash, row.post, row.citizen_id, row.campaign_id, page_language(row.language), row.expires_at
    )


def links_for_phone(conn: Connection, e164: str, now: str) -> list[Link]:
    """The live links sent to this number, newest expiry first (an SMS reply answers the first)."""
    rows = conn.execute(
        select(
            checkin_links.c.token_hash,
            checkin_links.c.post,
            checkin_links.c.citizen_id,
            checkin_links.c.campaign_id,
            checkin_links.c.language,
            checkin_links.c.expires_at,
        )
        .where(
            checkin_links.c.phone_hash == phone_hash(e164),
            checkin_links.c.revoked.is_(False),
            checkin_links.c.expires_at > now,
        )
        .order_by(checkin_links.c.expires_at.desc())
    ).all()
    return [Link(r[0], r[1], r[2], r[3], page_language(r[4]), r[5]) for r in rows]


def latest_answer(conn: Connection, token_hash: str) -> Answer | None:
    """The last answer given on this link, or None."""
    row = conn.execute(
        select(checkin_answers.c.answer, checkin_answers.c.at, checkin_answers.c.source)
        .where(checkin_answers.c.token_hash == token_hash)
        .order_by(checkin_answers.c.at.desc(), checkin_answers.c.id.desc())
        .limit(1)
    ).first()
    return None if row is None else Answer(CheckinAnswer(row.answer), row.at, row.source)


def record_answer(
    conn: Connection,
    link: Link,
    answer: CheckinAnswer,
    *,
    now: str,
    language: str,
    source: str,
    message: str | None = None,
    callback: str | None = None,
    phone: str | None = None,
) -> str:
    """Keep one answer (in the caller's transaction); its id. The values are checked by the caller
    (the page's form, the webhook): ``callback`` and ``phone`` in E.164, ``message`` short text."""
    answer_id = uuid7()
    conn.execute(
        insert(checkin_answers).values(
            id=answer_id,
            token_hash=link.token_hash,
            post=link.post,
            citizen_id=link.citizen_id,
            campaign_id=link.campaign_id,
            answer=answer.value,
            message=message,
            callback=callback,
            phone=phone,
            language=page_language(language),
            source=source,
            at=now,
        )
    )
    return answer_id
