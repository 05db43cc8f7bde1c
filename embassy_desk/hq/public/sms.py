"""The SMS gateway's inbound webhook (issue 14): ``POST /sms/inbound``.

A citizen who got a check-in link by SMS may simply reply "1" (safe) or "2" (I need help). The
gateway posts each reply here::

    POST /sms/inbound
    X-Timestamp: 1796630400                       (unix seconds)
    X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
    {"id": "gw-4711", "from": "+821012345678", "text": "1", "received_at": "2026-12-07T07:00:00Z"}

Checks, in order, each before any database work that the next one needs: the webhook is on (a
secret is configured, else 404 like any unknown path), the body is at most MAX_BODY bytes (413),
the signature matches (401), the timestamp is within ``max_skew`` seconds of HQ's clock (401), the
body is the documented JSON (400), the message id is new (409: a replay; ids are kept 7 days in
``sms_messages``). Then, in the same transaction as the id: the reply is read ("1"/"2", with
full-width digits, "1." and the like; anything else is ignored), the sender's number is normalised to
E.164 and the newest live link sent to it answers (``hq/checkin.record_answer``, source "sms"). An
ignored message (unrecognised reply, a number with no live link) is still a 200, so the gateway
does not retry it, and is counted.

Logs name outcomes and counts only: never the number, the text or the gateway's message id.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.phones import normalize_phone
from embassy_desk.hq.checkin import Link, links_for_phone, record_answer
from embassy_desk.hq.clock import iso, parse_moment
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.sql import insert_ignore
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import sms_messages

__all__ = [
    "SmsRefused",
    "SmsSettings",
    "SmsStats",
    "check_signature",
    "parse_message",
    "reply_answer",
    "sms_router",
]

log = logging.getLogger("embassy_desk.hq.sms")

PATH = "/sms/inbound"
JSON = "application/json"
# A concatenated SMS of 10 parts is under 2 KB of text; the JSON around it is small.
MAX_BODY = 16 * 1024
MAX_ID = 200  # sms_messages.message_id
MAX_FROM = 64
MAX_TEXT = 4000
# Gateway ids are remembered this long; a replay of an older one fails the timestamp check anyway.
KEEP_IDS = timedelta(days=7)
PRUNE_EVERY_SECONDS = 600.0

_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
# What people put around a one-digit reply: spaces, "1.", "(2)", "1!", quotes, CJK full stops.
_AROUND_REPLY = " \t\r\n\u00a0\u200b\u200c\u200d\ufeff.,;:!?()[]'\"«»“”„。、．，"
_REPLIES = {1: CheckinAnswer.SAFE, 2: CheckinAnswer.NEEDS_HELP}


class SmsRefused(Exception):
    """A delivery the webhook refuses: HTTP ``status``, a wire ``code`` and a coded message."""

    def __init__(self, status: int, code: str, message: Msg) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class InboundSms:
    """A delivery as the gateway describes it (the documented JSON)."""

    id: str
    sender: str
    text: str
    received_at: str | None


class SmsStats:
    """Counts of the webhook's outcomes in this process (thread-safe): ``taken``, ``unrecognised``
    (a reply other than 1 or 2), ``unknown_number`` (no live link sent to it), ``replay`` and the
    refusals by code. Logged with each ignored message; tests and operators read ``snapshot()``."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, outcome: str) -> int:
        """Count one ``outcome``; the count so far."""
        with self._lock:
            self._counts[outcome] += 1
            return self._counts[outcome]

    def snapshot(self) -> dict[str, int]:
        """The counts so far."""
        with self._lock:
            return dict(self._counts)


# --- the checks (pure) ----------------------------------------------------------------------------


def check_signature(
    secret: bytes, timestamp: str | None, signature: str | None, body: bytes, *, now: float, max_skew: int
) -> None:
    """Refuse (401) a delivery whose ``X-Signature`` is not the HMAC-SHA256 of ``timestamp + "." +
    body`` under ``secret``, or whose ``X-Timestamp`` is more than ``max_skew`` seconds from ``now``.
    The signature is checked first, so an unsigned request learns nothing about HQ's clock."""
    bad = SmsRefused(401, "bad_signature", Msg("hqcheckin.sms_bad_signature"))
    stamp = _TIMESTAMP.fullmatch(timestamp or "")
    given = _SIGNATURE.fullmatch(signature or "")
    if stamp is None or given is None:
        raise bad
    expected = hmac.new(secret, stamp.group().encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, given.group(1).lower()):
        raise bad
    if abs(now - int(stamp.group())) > max_skew:
        raise SmsRefused(401, "clock_skew", Msg("hqcheckin.sms_clock_skew", seconds=max_skew))


def parse_message(body: bytes) -> InboundSms:
    """The documented JSON object, or SmsRefused 400 naming the field at fault. Extra fields are
    ignored (gateways add their own)."""
    try:
        data = orjson.loads(body)
    except ValueError:
        raise _malformed("body") from None
    if not isinstance(data, dict):
        raise _malformed("body")
    message_id = data.get("id")
    # Stored as the replay guard's key: printable text only (PostgreSQL refuses a NUL character).
    if not isinstance(message_id, str) or not 0 < len(message_id) <= MAX_ID or not message_id.isprintable():
        raise _malformed("id")
    sender = data.get("from")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_FROM:
        raise _malformed("from")
    text = data.get("text")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise _malformed("text")
    received_at = data.get("received_at")
    if received_at is not None and (not isinstance(received_at, str) or parse_moment(received_at) is None):
        raise _malformed("received_at")
    return InboundSms(message_id, sender, text, received_at)


def reply_answer(text: str) -> CheckinAnswer | None:
    """ "1" -> safe, "2" -> needs help; None for anything else. Full-width and other scripts' digits
    count (NFKC, Unicode decimal digits), as do spaces and punctuation around the digit ("1.", "(2)",
    "１。")."""
    core = unicodedata.normalize("NFKC", text).strip(_AROUND_REPLY)
    if len(core) != 1:
        return None
    return _REPLIES.get(unicodedata.decimal(core, -1))


def _malformed(field: str) -> SmsRefused:
    return SmsRefused(400, "malformed", Msg("hqcheckin.sms_malformed", field=field))


# --- the router -----------------------------------------------------------------------------------


def sms_router(
    store: HQStore, settings: SmsSettings | None = None, *, stats: SmsStats | None = None
) -> APIRouter:
    """The webhook's router over HQ's store. Off (404) when ``settings`` holds no secret (default:
    ``SmsSettings()``, off). ``stats`` counts outcomes (a fresh SmsStats when not given)."""
    settings = settings or SmsSettings()
    counts = stats or SmsStats()
    pruning = _Pruner(store)
    router = APIRouter(tags=["sms"])

    @router.post(PATH, include_in_schema=False)
    async def inbound(request: Request) -> Response:
        if not settings.secret:
            raise HTTPException(404)
        try:
            body = await _read_body(request)
            check_signature(
                settings.secret,
                request.headers.get("x-timestamp"),
                request.headers.get("x-signature"),
                body,
                now=store.clock().timestamp(),
                max_skew=settings.max_skew,
            )
            sms = parse_message(body)
            outcome = await run_in_threadpool(_take, store, sms, settings, counts)
            if pruning.due():
                await run_in_threadpool(pruning.prune)
        except SmsRefused as refused:
            seen = counts.add(refused.code)
            log.warning("sms webhook: refused (%s), %d so far", refused.code, seen)
            return _json(refused.status, {"code": refused.code, "message": str(refused.message)})
        return _json(200, outcome)

    return router


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise SmsRefused(413, "too_large", Msg("hqcheckin.sms_too_large", limit=MAX_BODY))
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise SmsRefused(413, "too_large", Msg("hqcheckin.sms_too_large", limit=MAX_BODY))
        parts.append(chunk)
    return b"".join(parts)


def _take(store: HQStore, sms: InboundSms, settings: SmsSettings, counts: SmsStats) -> dict[str, str]:
    """Remember the message id and, for a "1"/"2" from a number with a live link, keep the answer:
    one transaction, so a replay racing the original finds the id taken (409) and never answers
    twice."""
    now = iso(store.clock())
    with store.engine.begin() as conn:
        if insert_ignore(conn, sms_messages, [{"message_id": sms.id, "received_at": now}]) == 0:
            raise SmsRefused(409, "replay", Msg("hqcheckin.sms_replay"))
        answer = reply_answer(sms.text)
        if answer is None:
            seen = counts.add("unrecognised")
            log.info("sms webhook: ignored a reply other than 1 or 2, %d so far", seen)
            return {"status": "ignored", "reason": "unrecognised"}
        try:
            e164 = normalize_phone(sms.sender, default_region=settings.default_region, field="from")
        except ValidationError:
            # Its message quotes the number: not logged, not returned.
            e164 = None
        links = links_for_phone(conn, e164, now) if e164 else []
        if not links:
            seen = counts.add("unknown_number")
            log.info("sms webhook: ignored a reply from a number with no live link, %d so far", seen)
            return {"status": "ignored", "reason": "unknown_number"}
        link = _newest(links)
        if len({(other.post, other.citizen_id) for other in links}) > 1:
            # A number on several people's records (a family's one phone): the reply cannot say whose
            # it is; the newest link answers, as documented, and the operators can see how often.
            seen = counts.add("shared_number")
            log.info("sms webhook: the number has live links of several people, %d such so far", seen)
        # "I need help" by SMS: the number it came from is the one to call back.
        callback = e164 if answer is CheckinAnswer.NEEDS_HELP else None
        record_answer(conn, link, answer, now=now, language=link.language, source="sms", callback=callback)
    counts.add("taken")
    log.info("sms webhook: answer taken (%s)", answer.value)
    return {"status": "taken", "answer": answer.value}


def _newest(links: list[Link]) -> Link:
    """The link an SMS reply answers: the latest expiry (the newest campaign's), a campaign's before a
    link without one, then by token hash, so a retried delivery always picks the same one."""
    return max(links, key=lambda link: (link.expires_at, link.campaign_id is not None, link.token_hash))


class _Pruner:
    """Forgets gateway ids older than KEEP_IDS, at most every PRUNE_EVERY_SECONDS per process (the
    table has no index on the time: one scan every ten minutes, not one per message)."""

    def __init__(self, store: HQStore) -> None:
        self._store = store
        self._next = 0.0
        self._lock = threading.Lock()

    def due(self) -> bool:
        """Whether it is time to prune (and, if so, the next time is set: one caller prunes)."""
        with self._lock:
            if time.monotonic() < self._next:
                return False
            self._next = time.monotonic() + PRUNE_EVERY_SECONDS
            return True

    def prune(self) -> None:
        """Delete the ids older than KEEP_IDS (a failure is logged: the next prune catches up)."""
        horizon = iso(self._store.clock() - KEEP_IDS)
        try:
            with self._store.engine.begin() as conn:
                conn.execute(sms_messages.delete().where(sms_messages.c.received_at < horizon))
        except SQLAlchemyError as exc:
            # The answer is kept already; the old ids go next time.
            log.warning("sms webhook: forgetting old message ids failed (%s)", type(exc).__name__)


def _json(status: int, content: object) -> Response:
    return Response(orjson.dumps(content), status_code=status, media_type=JSON)
