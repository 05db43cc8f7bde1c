"""HQ's copy of the posts' check-in links (table ``checkin_links``), kept in the push transaction.

A ``checkin_link`` record arrives by sync like any other; the public page must find it by its token's
hash with one key lookup, on whichever listener serves it, so the columns it needs are copied out
when the record is written (hq/records.py ``RecordCache.flush``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, update

from embassy_desk.domain.checkin import page_language, phone_hash
from embassy_desk.hq.clock import iso, parse_moment
from embassy_desk.hq.sql import insert_ignore
from embassy_desk.hq.tables import checkin_links
from embassy_desk.sync import merge


def copy_links(conn: Connection, post: str, changed: Sequence[tuple[str, merge.RecordState]]) -> None:
    """Bring ``checkin_links`` up to date with the changed ``checkin_link`` records of ``post``:
    (record id, state) pairs; a deleted record revokes its link."""
    rows: list[dict[str, Any]] = []
    gone: list[str] = []
    for record_id, state in changed:
        values = state.values
        token = values.get("token_hash")
        if state.deleted or not isinstance(token, str):
            gone.append(record_id)
            continue
        phone = values.get("phone")
        rows.append(
            {
                "token_hash": token,
                "post": post,
                "link_id": record_id,
                "citizen_id": str(values.get("citizen_id") or ""),
                "campaign_id": values.get("campaign_id") or None,
                "language": page_language(str(values.get("language") or "")),
                "phone_hash": phone_hash(phone) if isinstance(phone, str) and phone else None,
                "expires_at": _moment(values.get("expires_at")),
                "revoked": False,
            }
        )
    # Links are never edited (append-only records), and a hash already taken stays with the link
    # that took it: a device of another post cannot take over a token by pushing its hash.
    insert_ignore(conn, checkin_links, rows)
    for record_id in gone:
        conn.execute(
            update(checkin_links)
            .where(checkin_links.c.post == post, checkin_links.c.link_id == record_id)
            .values(revoked=True)
        )


def _moment(value: object) -> str:
    # The post writes ``…+00:00``, HQ compares in its own ``…Z`` form: normalise once, here. An
    # unreadable time makes a link that has already expired rather than one that never does.
    moment = parse_moment(str(value or ""))
    return iso(moment) if moment is not None else ""
