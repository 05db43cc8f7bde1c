"""Personal check-in links at the post (issue 14; docs/checkin.md): HQ's public address and the links.

Check-in is *enabled* when an administrator has set HQ's public address (``https://…``; plain http
only for 127.0.0.1 / localhost, for trials). The address lives in this workstation's encrypted
``meta`` (key ``checkin``) beside the notices' post details: it is a fact of the deployment, like the
hotline, not a record of the registry, and nothing else at the post needs it.

:func:`issue_links` makes one random token per person (domain/checkin.py), keeps only its hash in
``checkin_links`` with a ``checkin_link`` change-log entry (sync carries it to HQ), and hands the
URLs back once: nobody can read them again later, at the post or at HQ. 30,000 links are one
transaction with bulk inserts (the campaigns' path), a few seconds.

Who may: links for a selection (more than one person) are for officers and administrators
(``checkin.links``); one person's link, printed on the notice a clerk issues them, is for staff
(``checkin.link``), as notices are (``notice.issue`` / ``notice.batch``).
"""

from __future__ import annotations

import csv
import io
import ipaddress
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson
from sqlalchemy import Connection, text

from embassy_desk.domain.campaigns import call_language
from embassy_desk.domain.checkin import link_url, new_token, page_language, token_hash
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.ids import uuid7_many
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.phones import is_mobile
from embassy_desk.services.campaign_cards import languages_of, open_campaign_row
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import changelog, meta
from embassy_desk.storage.engine import large_cache
from embassy_desk.storage.files import atomic_writer

#: meta key of the check-in settings ({"public_address": "https://…"}).
KEY = "checkin"
#: How long a link stays valid when nobody says otherwise.
DEFAULT_DAYS = 14
#: Longer than this, a link outlives any crisis it was made for (and the phone it went to).
MAX_DAYS = 366
_BATCH = 500
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")
# The characters a URL path may hold as they are (RFC 3986 pchar and "/"), nothing to escape.
_PATH = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")


class CheckinNotEnabled(EmbassyDeskError):
    """No public address is set: nobody could open a link."""

    exit_code = 2


@dataclass(frozen=True)
class IssuedLink:
    """One link as made: the only moment its ``url`` (with the token) exists anywhere."""

    link_id: str
    citizen_id: str
    phone: str | None  # the person's first mobile number (E.164), the one the link goes to
    language: str  # kk | ru | en | ko: the page's language
    url: str
    expires_at: str  # the workstation's time format (…+00:00)


@dataclass(frozen=True)
class CheckinStatus:
    """Where check-in stands at this workstation."""

    public_address: str | None
    links: int  # links made (here and synced from the post's other workstations)
    live_links: int  # of which not yet expired
    answers: int  # check-in contacts synced back from HQ
    answers_by_outcome: dict[str, int]  # welfare the answer set: safe / needs_assistance / phone
    pending_phones: int  # reported numbers waiting for review


# --- the public address ----------------------------------------------------------------------


def _stored_address(conn: Connection) -> str | None:
    data = meta.get(conn, KEY, {}) or {}
    value = data.get("public_address") if isinstance(data, dict) else None
    return str(value) if value else None


def public_address(session: Session) -> str | None:
    """HQ's public address (``https://…``, no trailing slash), or None: check-in is not enabled."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return _stored_address(conn)


def _ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def normalise_address(url: str) -> str:
    """The address as stored: scheme and host lower-cased, no trailing slash; refused unless it is
    ``https://host[:port][/path]`` (``http`` only for 127.0.0.1 / localhost), with no user, query
    or fragment (a link is the address + ``/c/TOKEN``)."""
    raw = url.strip()
    bad = ValidationError("public_address", Msg("checkin.address_invalid", value=raw[:200]))
    try:
        parts = urlsplit(raw)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        raise bad from None
    if (
        not host
        or parts.username
        or parts.password
        or parts.query
        or parts.fragment
        or any(ch.isspace() for ch in raw)
    ):
        raise bad
    scheme = parts.scheme.lower()
    if scheme == "http":
        if host not in _LOCAL_HOSTS:
            raise ValidationError("public_address", Msg("checkin.address_http", value=raw[:200]))
    elif scheme != "https":
        raise bad
    literal = _ip_literal(host)
    if literal is None:
        try:
            # A name in another script goes into links in its ASCII (punycode) form.
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise bad from None
        if not _HOST.fullmatch(host):
            raise bad
    if not _PATH.fullmatch(parts.path):
        raise bad
    netloc = f"[{host}]" if literal is not None and literal.version == 6 else host
    if port is not None:
        netloc += f":{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def set_public_address(session: Session, url: str | None) -> str | None:
    """Set HQ's public address (administrators; audited); ``None`` or blank turns check-in off
    (links already made stay valid at HQ until they expire)."""
    session.require(Action.SETTINGS_EDIT)
    address = normalise_address(url) if url and url.strip() else None
    with session.write(Action.SETTINGS_EDIT) as uow:
        current = meta.get(uow.conn, KEY, {}) or {}
        data = dict(current) if isinstance(current, dict) else {}
        data["public_address"] = address
        meta.put(uow.conn, KEY, data)
        # The address is the ministry's, not anyone's personal data.
        uow.audit("checkin.address", details={"enabled": address is not None, "address": address})
    return address


def require_enabled(conn: Connection) -> str:
    """The public address, or :class:`CheckinNotEnabled` naming the setting."""
    address = _stored_address(conn)
    if address is None:
        raise CheckinNotEnabled(Msg("checkin.not_enabled"))
    return address


# --- expiry ----------------------------------------------------------------------------------


def default_expiry(now: datetime | None = None) -> datetime:
    """14 days from now (UTC)."""
    return (now or datetime.now(UTC)) + timedelta(days=DEFAULT_DAYS)


def expiry_moment(expires_at: datetime | date | None, *, now: datetime | None = None) -> datetime:
    """The moment links expire: a time as given (naive means UTC); a date means the end of that day
    (UTC: valid through it); None the default. Refused in the past or beyond :data:`MAX_DAYS`."""
    moment = now or datetime.now(UTC)
    if expires_at is None:
        when = default_expiry(moment)
    elif isinstance(expires_at, datetime):
        when = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=UTC)
    else:
        when = datetime.combine(expires_at + timedelta(days=1), time(), tzinfo=UTC)
    when = when.astimezone(UTC)
    shown = when.isoformat(timespec="minutes")
    if when <= moment:
        raise ValidationError("expires", Msg("checkin.expiry_past", value=shown))
    if when > moment + timedelta(days=MAX_DAYS):
        raise ValidationError("expires", Msg("checkin.expiry_too_far", value=shown, days=MAX_DAYS))
    return when


def _stored_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


# --- making links ----------------------------------------------------------------------------


def first_mobile(raw: object) -> str | None:
    """The number an SMS reaches first: what ``phones_of(raw)[0]`` gives when it is a mobile, found
    with one parse per number tried instead of one per number held (a third of 30,000 links' time)."""
    try:
        items = json.loads(str(raw)) if raw else []
    except ValueError:
        return None
    numbers = [
        (str(p["number"]), str(p.get("kind") or "mobile"))
        for p in (items if isinstance(items, list) else [])
        if isinstance(p, dict) and p.get("number")
    ]
    # phones_of puts mobile numbers first, those filed as "mobile" before the others, else as stored.
    for filed_mobile in (True, False):
        for number, kind in numbers:
            if (kind == "mobile") is filed_mobile and is_mobile(number):
                return number
    return None


def _people(conn: Connection, ids: Sequence[str]) -> Iterator[tuple[str, str | None, str]]:
    """(citizen id, first mobile or None, page language) of the people who exist, in ``ids`` order."""
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        names = [f"i{n}" for n in range(len(batch))]
        among = ", ".join(":" + n for n in names)
        found = conn.execute(
            text(f"SELECT id, phones, languages FROM citizens WHERE id IN ({among})"),
            dict(zip(names, batch, strict=True)),
        ).all()
        by_id = {str(r[0]): r for r in found}
        for citizen_id in batch:
            row = by_id.get(citizen_id)
            if row is None:
                continue
            yield citizen_id, first_mobile(row[1]), page_language(call_language(languages_of(row[2])))


def issue_links(
    session: Session,
    citizen_ids: Iterable[str],
    *,
    campaign_id: str | None = None,
    expires_at: datetime | date | None = None,
) -> list[IssuedLink]:
    """Make one new link per person (unknown ids are skipped), in one transaction; return the URLs.

    ``campaign_id``: an open campaign the answers count for (its call list shrinks); ``expires_at``:
    see :func:`expiry_moment` (default 14 days). Refused when check-in is not enabled, for an
    expiry in the past and for an unknown or closed campaign. Audited with counts only.
    """
    ids = list(dict.fromkeys(citizen_ids))
    session.require(Action.CHECKIN_LINKS if len(ids) > 1 else Action.CHECKIN_LINK)
    if not ids:
        raise ValidationError("citizen", Msg("checkin.nobody"))
    when = expiry_moment(expires_at)
    expires = _stored_time(when)
    action = Action.CHECKIN_LINKS if len(ids) > 1 else Action.CHECKIN_LINK
    with session.write(action) as uow:
        base = require_enabled(uow.conn)
        if campaign_id is not None:
            open_campaign_row(uow, campaign_id)
        people = list(_people(uow.conn, ids))
        issued = _insert_links(uow, people, campaign_id=campaign_id, expires=expires, base=base)
        uow.audit(
            "checkin.links",
            entity="campaign" if campaign_id else "",
            entity_id=campaign_id or "",
            details={
                "links": len(issued),
                "with_phone": sum(1 for link in issued if link.phone),
                "skipped": len(ids) - len(issued),
                "expires_at": expires,
            },
        )
    return issued


def _insert_links(
    uow: UnitOfWork,
    people: Sequence[tuple[str, str | None, str]],
    *,
    campaign_id: str | None,
    expires: str,
    base: str,
) -> list[IssuedLink]:
    """The rows in one executemany and their change-log creates in another (no per-row query)."""
    now, user, staff, version = uow.now, uow.user.username, uow.user.id, changelog.SCHEMA_VERSION
    link_ids = uuid7_many(len(people))
    entry_ids = uuid7_many(len(people))
    stamps = uow.stamps(len(people))
    dumps = orjson.dumps
    rows: list[tuple[Any, ...]] = []
    changes: list[tuple[str, str, str, str, str, str, str, int]] = []
    issued: list[IssuedLink] = []
    # The fields every link of this batch shares, serialised once.
    tail = dumps(
        {"campaign_id": campaign_id, "expires_at": expires, "created_at": now, "created_by": user}
    ).decode()[1:]
    for (citizen_id, phone, language), link_id, entry_id, stamp in zip(
        people, link_ids, entry_ids, stamps, strict=True
    ):
        token = new_token()
        digest = token_hash(token)
        rows.append((link_id, digest, citizen_id, campaign_id, language, phone, expires, now, user))
        head = dumps(
            {"token_hash": digest, "citizen_id": citizen_id, "language": language, "phone": phone}
        ).decode()[:-1]
        changes.append((entry_id, "checkin_link", link_id, "create", f"{head},{tail}", stamp, staff, version))
        issued.append(IssuedLink(link_id, citizen_id, phone, language, link_url(base, token), expires))
    with large_cache(uow.conn):
        uow.conn.exec_driver_sql(
            "INSERT INTO checkin_links(id, token_hash, citizen_id, campaign_id, language, phone, expires_at,"
            " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        changelog.insert_ready(uow.conn, changes)
    return issued


# --- selections ------------------------------------------------------------------------------


def campaign_people(session: Session, campaign_id: str) -> list[str]:
    """Everyone on a campaign's lists not yet reached (pending or follow-up), in list order."""
    session.require(Action.CAMPAIGN_WORK)
    with session.read() as conn:
        row = conn.execute(text("SELECT 1 FROM campaigns WHERE id = :c"), {"c": campaign_id}).first()
        if row is None:
            raise NotFoundError(Msg("campaign.not_found", id=campaign_id))
        found = conn.execute(
            text(
                "SELECT citizen_id FROM campaign_targets WHERE campaign_id = :c AND state <> 'done'"
                " ORDER BY position"
            ),
            {"c": campaign_id},
        )
        return [str(r[0]) for r in found]


def present_people(session: Session, *, region: str | None = None) -> list[str]:
    """Everyone present on the register (in a host-country region, when given), by name."""
    session.require(Action.CITIZEN_VIEW)
    where = "coalesce(status, 'present') = 'present'"
    params: dict[str, Any] = {}
    if region is not None:
        where += " AND region = :r"
        params["r"] = region
    with session.read() as conn:
        found = conn.execute(
            text(f"SELECT id FROM citizens WHERE {where} ORDER BY coalesce(name_sort, ''), id"), params
        )
        return [str(r[0]) for r in found]


# --- status ----------------------------------------------------------------------------------


def checkin_status(session: Session, *, now: datetime | None = None) -> CheckinStatus:
    """The address, links made (and still live), answers synced back, reported numbers to review."""
    session.require(Action.CITIZEN_VIEW)
    moment = _stored_time(now or datetime.now(UTC))
    with session.read() as conn:
        links, live = conn.execute(
            text("SELECT count(*), coalesce(sum(expires_at > :now), 0) FROM checkin_links"), {"now": moment}
        ).one()
        outcomes = conn.execute(
            text(
                "SELECT coalesce(welfare_status, ''), count(*) FROM contacts WHERE channel = 'check-in'"
                " GROUP BY 1"
            )
        ).all()
        pending = conn.execute(
            text("SELECT count(*) FROM phone_changes WHERE status = 'pending'")
        ).scalar_one()
        address = _stored_address(conn)
    by_outcome = {str(k) or "other": int(n) for k, n in outcomes}
    return CheckinStatus(
        public_address=address,
        links=int(links),
        live_links=int(live),
        answers=sum(by_outcome.values()),
        answers_by_outcome=by_outcome,
        pending_phones=int(pending),
    )


# --- the links' CSV --------------------------------------------------------------------------

#: The columns of ``checkin links FILE.csv``.
CSV_COLUMNS = ("citizen_id", "phone", "language", "url")


def write_links_csv(target: Path, links: Iterable[IssuedLink]) -> int:
    """Write ``citizen_id,phone,language,url`` (plain UTF-8, private 0600, replaced atomically: a
    crash leaves the old file or the new one); return the rows written. People without a mobile
    are listed too, with an empty phone (their link goes on paper or by messenger)."""
    if target.suffix.casefold() != ".csv":
        raise ValidationError("file", Msg("checkin.file_type"))
    written = 0
    with atomic_writer(target) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for link in links:
            writer.writerow((link.citizen_id, link.phone or "", link.language, link.url))
            written += 1
        out.flush()
        out.detach()
    return written


def export_links(
    session: Session,
    target: Path,
    *,
    campaign_id: str | None = None,
    region: str | None = None,
    expires_at: datetime | date | None = None,
) -> list[IssuedLink]:
    """Links for a campaign's people not yet reached, everyone present in ``region``, or everyone
    present (neither given), written to ``target`` (see :func:`write_links_csv`); the links made.

    The expiry, the file's name and its folder are checked before any link is made: links made for
    a file that cannot be written would be links nobody holds (harmless, only hashes are kept, but
    counted as made)."""
    expiry_moment(expires_at)
    if target.suffix.casefold() != ".csv":
        raise ValidationError("file", Msg("checkin.file_type"))
    with tempfile.TemporaryFile(dir=target.parent):
        pass  # the folder takes a file: an OSError here says why not, before anything is made
    if campaign_id is not None:
        ids = campaign_people(session, campaign_id)
    else:
        ids = present_people(session, region=region)
    links = issue_links(session, ids, campaign_id=campaign_id, expires_at=expires_at)
    write_links_csv(target, links)
    return links


from embassy_desk.services.checkin_phones import (  # noqa: E402  (the review queue, re-exported)
    PendingPhoneChange,
    PhoneChangeResolved,
    apply_phone_change,
    dismiss_phone_change,
    pending_phone_changes,
)

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "CheckinNotEnabled",
    "CheckinStatus",
    "IssuedLink",
    "PendingPhoneChange",
    "PhoneChangeResolved",
    "apply_phone_change",
    "campaign_people",
    "checkin_status",
    "default_expiry",
    "dismiss_phone_change",
    "expiry_moment",
    "export_links",
    "issue_links",
    "normalise_address",
    "pending_phone_changes",
    "present_people",
    "public_address",
    "require_enabled",
    "set_public_address",
    "write_links_csv",
]
