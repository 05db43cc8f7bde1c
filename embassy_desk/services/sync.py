"""Sync with headquarters, as the window and the command line use it (SYNC.md, issue 11).

* :func:`enroll` joins this workstation to a post at HQ with a one-time code (administrators).
* :func:`run_sync` pushes the outbox, pulls the post's changes until both are empty, and ends with
  the summary check. It is resumable after any interruption: entries are marked sent only once HQ
  acknowledged their batch, and each pulled batch commits together with the new cursor.
* :func:`export_bundle` / :func:`import_bundle` carry the same batches on a USB stick.
* :func:`status`, :func:`probe`, :func:`history` and :func:`publications` are what the window shows.

Every run (network or bundle) is recorded in ``sync_history``; its error text is the plain sentence a
person saw, never personal data.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from pydantic import ValidationError as PydanticError
from sqlalchemy import Connection, text

from embassy_desk import __version__
from embassy_desk.domain.errors import EmbassyDeskError, IntegrityFailure, ValidationError
from embassy_desk.domain.messages import Msg, render
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage import meta
from embassy_desk.storage.engine import translate_errors
from embassy_desk.storage.files import atomic_write_bytes
from embassy_desk.sync import keys
from embassy_desk.sync.client import HqClient, SyncRefused, SyncUnreachable, normalize_url, schema_version
from embassy_desk.sync.wire import (
    BATCH_SIZE,
    MAX_SKEW_SECONDS,
    PROTOCOL_VERSION,
    AuditEntry,
    EnrollRequest,
    PulledEntry,
    PullRequest,
    PushRequest,
    Summary,
)

__all__ = [
    "BundleReport",
    "HistoryRow",
    "Publication",
    "SyncRefused",
    "SyncReport",
    "SyncStatus",
    "SyncUnreachable",
    "enroll",
    "export_bundle",
    "history",
    "import_bundle",
    "probe",
    "publications",
    "run_sync",
    "status",
]

log = logging.getLogger("embassy_desk")

ENROLLMENT_KEY = "sync.enrollment"
CURSOR_KEY = "sync.cursor"
LAST_SYNC_KEY = "sync.last_sync"
AUDIT_SENT_KEY = "sync.audit_sent"
BUNDLE_KEY = "sync.bundle"
HQ_BUNDLE_KEY = "sync.hq_bundle"

# Audit entries per push (they are small; HQ checks that the chain continues).
_AUDIT_BATCH = 1000
# A sync that keeps finding new work (someone edits while it runs) stops after this many rounds.
_MAX_ROUNDS = 5

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and ``sync status`` show. ``hq_reachable`` None: not tried."""

    enrolled: bool
    post: str
    post_name: str
    hq_url: str
    pending: int
    last_sync: str | None
    conflicts: int
    hq_reachable: bool | None = None


@dataclass(frozen=True)
class SyncReport:
    """One network sync: entries pushed and pulled, new conflicts, and whether the check agreed."""

    pushed: int
    pulled: int
    conflicts: int
    verified: bool


@dataclass(frozen=True)
class BundleReport:
    """One bundle written or read. ``already``: it had been imported before; nothing changed."""

    entries: int
    number: int
    already: bool = False


@dataclass(frozen=True)
class HistoryRow:
    """One recorded run: ``kind`` is network, bundle_export or bundle_import."""

    kind: str
    started_at: str
    finished_at: str | None
    pushed: int
    pulled: int
    conflicts: int
    error_text: str | None
    # The failure's message code: the window words it in its own language (error_text is English).
    error_code: str | None = None


@dataclass(frozen=True)
class Publication:
    """An advisory or notice template HQ published to this post (``title``/``body`` per language)."""

    id: str
    kind: str
    title: dict[str, str]
    body: dict[str, Any]
    published_at: str


@dataclass(frozen=True)
class Enrollment:
    """The ``sync.enrollment`` meta value, with its keys decoded."""

    hq_url: str
    post: str
    post_name: str
    hq_signing_key: Ed25519PublicKey
    hq_bundle_key: X25519PublicKey
    device_signing_key: Ed25519PrivateKey
    device_bundle_key: X25519PrivateKey
    enrolled_at: str


# Status, probe, enrollment -----------------------------------------------------------------------


def status(session: Session) -> SyncStatus:
    """This workstation's sync state, without asking HQ (``hq_reachable`` is None)."""
    session.require(Action.CITIZEN_VIEW)
    from embassy_desk.sync import outbox

    with session.read() as conn:
        stored = meta.get(conn, ENROLLMENT_KEY) or {}
        pending = outbox.pending_count(conn)
        last = meta.get(conn, LAST_SYNC_KEY)
        conflicts = _open_conflicts(conn)
    return SyncStatus(
        enrolled=bool(stored),
        post=str(stored.get("post", "")),
        post_name=str(stored.get("post_name", "")),
        hq_url=str(stored.get("hq_url", "")),
        pending=pending,
        last_sync=None if last is None else str(last),
        conflicts=conflicts,
        hq_reachable=None,
    )


def probe(session: Session, timeout: float = 3.0) -> bool:
    """Whether HQ answers ``GET /health`` now (False when not enrolled)."""
    with session.read() as conn:
        stored = meta.get(conn, ENROLLMENT_KEY) or {}
    if not stored:
        return False
    with HqClient(str(stored["hq_url"])) as client:
        return client.health(timeout)


def enroll(session: Session, url: str, code: str) -> SyncStatus:
    """Join this workstation to its post at HQ (administrators).

    Makes the device's Ed25519 signing key and X25519 bundle key (kept only in the encrypted
    database), registers their public halves with the one-time ``code``, and stores HQ's public keys
    and the post. Refused when already enrolled.
    """
    session.require(Action.SETTINGS_EDIT)
    base = normalize_url(url)
    code = code.strip()
    if not code:
        raise ValidationError("code", Msg("sync.empty_code"))
    with session.read() as conn:
        stored = meta.get(conn, ENROLLMENT_KEY)
    if stored:
        raise EmbassyDeskError(
            Msg("sync.already_enrolled", url=str(stored["hq_url"]), post=str(stored["post"]))
        )
    signing = keys.new_signing_key()
    sealing = keys.new_bundle_key()
    request = EnrollRequest(
        protocol=PROTOCOL_VERSION,
        schema_version=schema_version(),
        code=code,
        device_id=session.device_id,
        # The computer's name helps HQ's staff tell devices apart; it is no citizen's data.
        device_name=platform.node()[:200],
        signing_key=keys.public_b64(signing),
        bundle_key=keys.public_b64(sealing),
        app_version=__version__,
    )
    with HqClient(base) as client:
        answer = client.enroll(request)
    _check_clock(answer.hq_time)
    value = {
        "hq_url": base,
        "post": answer.post,
        "post_name": answer.post_name,
        "hq_signing_key": answer.hq_signing_key,
        "hq_bundle_key": answer.hq_bundle_key,
        "device_signing_key": keys.private_b64(signing),
        "device_bundle_key": keys.private_b64(sealing),
        "enrolled_at": utc_now(),
    }
    _decode_enrollment(value)  # HQ's keys must decode before they are kept
    with session.write(Action.SETTINGS_EDIT) as uow:
        meta.put(uow.conn, ENROLLMENT_KEY, value)
        uow.audit("sync.enroll", details={"post": answer.post})
    return status(session)


# The network sync ---------------------------------------------------------------------------------


def run_sync(session: Session, *, progress: Progress | None = None) -> SyncReport:
    """Push, then pull until both are empty, then compare the summary with HQ's.

    Raises :class:`SyncUnreachable` (retry later; nothing lost) or :class:`SyncRefused`. Whatever
    was acknowledged or applied before an interruption stays done; the next run continues there.
    """
    session.require(Action.CITIZEN_VIEW)
    enrollment = enrollment_of(session)
    say = progress or (lambda _stage, _count: None)
    with _recorded(session, "network") as tally:
        client = HqClient(
            enrollment.hq_url, device_id=session.device_id, signing_key=enrollment.device_signing_key
        )
        with client:
            for _round in range(_MAX_ROUNDS):
                tally.pushed += _push_all(session, client, say, tally)
                pulled, conflicts = _pull_all(session, client, say)
                tally.pulled += pulled
                tally.conflicts += conflicts
                if _pending(session) == 0:
                    break
            say("check", 0)
            verified = _check_summary(session, client, tally, say)
        _put_meta(session, LAST_SYNC_KEY, utc_now())
        if not verified:
            tally.notice = Msg("sync.unverified")
        elif tally.rejected:
            tally.notice = Msg("sync.rejected", count=tally.rejected)
    return SyncReport(pushed=tally.pushed, pulled=tally.pulled, conflicts=tally.conflicts, verified=verified)


def _pending(session: Session) -> int:
    from embassy_desk.sync import outbox

    with session.read() as conn:
        return int(outbox.pending_count(conn))


def _push_all(session: Session, client: HqClient, say: Progress, tally: _Tally) -> int:
    """Push the outbox and the audit entries HQ has not acknowledged; returns entries sent."""
    from embassy_desk.sync import outbox

    pushed = 0
    staff_sent = False
    after = 0
    stalled_audit = 0  # rounds where HQ sent us back for audit entries it lacks
    while stalled_audit < 3:
        with session.read() as conn:
            entries, through = outbox.pending_batch(conn, after, BATCH_SIZE)
            if not entries:
                # Nothing new: acknowledge again what HQ already has, never less.
                through = max(int(through), int(meta.get(conn, outbox.SENT_THROUGH, 0)))
            audit_sent = int(meta.get(conn, AUDIT_SENT_KEY, 0))
            audit = _audit_entries(conn, audit_sent, _AUDIT_BATCH)
            staff = {} if staff_sent else _staff_names(conn)
        if not entries and not audit and staff_sent:
            return pushed
        request = PushRequest(
            protocol=PROTOCOL_VERSION,
            schema_version=schema_version(),
            entries=list(entries),
            through=max(int(through), 0),
            audit=audit,
            staff=staff,
        )
        answer = client.push(request)
        # Only what HQ acknowledged is marked sent: a cut before this line resends the batch, and
        # HQ accepts the same entry ids again silently.
        with _writing(session) as conn:
            if entries:
                outbox.mark_sent(conn, min(int(answer.through), int(through)))
            if audit:
                # HQ says which audit entry it holds last: normally the batch's last one; less when
                # HQ lacks earlier ones (restored from an older backup), and then the next round
                # sends from there.
                meta.put(conn, AUDIT_SENT_KEY, min(audit[-1].seq, int(answer.audit_through)))
                if answer.audit_through < audit[0].seq - 1:
                    stalled_audit += 1
        if answer.rejected:
            tally.rejected += len(answer.rejected)
            # Ids and reasons only: a rejected entry never blocks the queue (SYNC.md).
            log.warning(
                "HQ rejected %d entries: %s",
                len(answer.rejected),
                ", ".join(f"{r.id} ({r.status})" for r in answer.rejected[:20]),
            )
        staff_sent = True
        pushed += len(entries)
        after = max(after, int(through))
        say("push", pushed)
        if not entries and not audit:
            return pushed
    log.warning("HQ kept asking for audit entries it lacks; the next sync sends them again")
    return pushed


def _pull_all(
    session: Session, client: HqClient, say: Progress, *, start: int | None = None
) -> tuple[int, int]:
    """Pull and apply batches until HQ has no more; returns (entries received, new conflicts)."""
    from embassy_desk.sync import apply

    with session.read() as conn:
        cursor = int(meta.get(conn, CURSOR_KEY, 0)) if start is None else start
    pulled = conflicts = 0
    while True:
        answer = client.pull(
            PullRequest(
                protocol=PROTOCOL_VERSION, schema_version=schema_version(), cursor=cursor, limit=BATCH_SIZE
            )
        )
        if answer.entries or answer.cursor > cursor:
            new_cursor = max(answer.cursor, cursor) if start is None else _keep_higher(session, answer.cursor)
            report = apply.apply_batch(session, answer.entries, cursor=new_cursor)
            conflicts += _conflict_count(report)
            pulled += len(answer.entries)
            say("pull", pulled)
        if answer.cursor <= cursor or (not answer.more and not answer.entries):
            return pulled, conflicts
        # After the last batch that brought entries, one more (empty) pull tells HQ the cursor this
        # workstation has applied: HQ's console shows "received" from it (issue 13).
        cursor = answer.cursor


def _keep_higher(session: Session, cursor: int) -> int:
    """During a re-pull from 0 the stored cursor must not go back."""
    with session.read() as conn:
        return max(cursor, int(meta.get(conn, CURSOR_KEY, 0)))


def _conflict_count(report: Any) -> int:
    found = getattr(report, "conflicts", 0)
    return len(found) if isinstance(found, Sequence) else int(found)


def _check_summary(session: Session, client: HqClient, tally: _Tally, say: Progress) -> bool:
    """Compare counts and digest with HQ's; on a difference pull everything again once."""
    from embassy_desk.sync import digest

    pulled_again = False
    for _attempt in range(4):
        remote = client.summary()
        with session.read() as conn:
            cursor = int(meta.get(conn, CURSOR_KEY, 0))
            local = digest.local_summary(conn)
        if remote.cursor < cursor:
            # HQ's log ends before what this workstation already pulled: HQ was restored from an
            # older backup. Send everything again (HQ keeps what it had) and pull it all again.
            log.warning("HQ's log is behind this workstation's cursor; sending and pulling everything again")
            _resend_and_repull(session, client, tally, say)
            pulled_again = True
            continue
        if remote.cursor > cursor:
            # Another workstation pushed meanwhile: fetch that first, then compare.
            pulled, conflicts = _pull_all(session, client, say)
            tally.pulled += pulled
            tally.conflicts += conflicts
            continue
        if _same(local, remote):
            return True
        if pulled_again:
            return False
        log.warning("the summary check differs from HQ; sending and pulling everything again")
        _resend_and_repull(session, client, tally, say)
        pulled_again = True
    return False


def _resend_and_repull(session: Session, client: HqClient, tally: _Tally, say: Progress) -> None:
    """What repairs any difference with HQ: HQ may have lost entries it had acknowledged (restored
    from a backup), this workstation may have lost applied ones. Entries are idempotent by id, so
    sending the whole log again and applying every entry again only fills the gaps."""
    from embassy_desk.sync import outbox

    with _writing(session) as conn:
        outbox.rewind(conn)
        # The audit entries too: HQ keeps the ones it has and checks the chain from its last one.
        meta.put(conn, AUDIT_SENT_KEY, 0)
    _push_all(session, client, say, tally)
    _pulled, conflicts = _pull_all(session, client, say, start=0)
    tally.conflicts += conflicts


def _same(local: Summary, remote: Summary) -> bool:
    counts = {k: v for k, v in local.counts.items() if v}
    theirs = {k: v for k, v in remote.counts.items() if v}
    return counts == theirs and local.digest == remote.digest


# Bundles ------------------------------------------------------------------------------------------


def export_bundle(session: Session, path: Path) -> BundleReport:
    """Write the changes not yet bundled (and not acknowledged) to ``path``, for HQ.

    Bundles are numbered per device and each names the hash of the previous one, so HQ imports them
    in order and names a gap or a replay.
    """
    session.require(Action.CITIZEN_VIEW)
    from embassy_desk.sync import bundle, outbox

    enrollment = enrollment_of(session)
    with _recorded(session, "bundle_export") as tally:
        with session.read() as conn:
            last = meta.get(conn, BUNDLE_KEY) or {}
            after = int(last.get("through", 0))
            entries, through = outbox.pending_batch(conn, after, 1_000_000)
            audit_after = max(int(meta.get(conn, AUDIT_SENT_KEY, 0)), int(last.get("audit_through", 0)))
            audit = _audit_entries(conn, audit_after, 1_000_000)
            staff = _staff_names(conn)
        number = int(last.get("number", 0)) + 1
        through = max(int(through), after)
        payload = PushRequest(
            protocol=PROTOCOL_VERSION,
            schema_version=schema_version(),
            entries=list(entries),
            through=through,
            audit=audit,
            staff=staff,
        )
        first_seq = after + 1 if entries else 0
        header = bundle.BundleHeader(
            format=1,
            kind="device",
            sender=session.device_id,
            post=enrollment.post,
            number=number,
            prev_hash=str(last.get("hash", "")),
            first_seq=first_seq,
            last_seq=through if entries else 0,
            created_at=utc_now(),
            protocol=PROTOCOL_VERSION,
            schema_version=schema_version(),
        )
        data = bundle.write_bundle(
            orjson.dumps(payload.model_dump(mode="json")),
            header=header,
            signer=enrollment.device_signing_key,
            recipients=[("hq", enrollment.hq_bundle_key)],
        )
        try:
            atomic_write_bytes(Path(path), data)
        except OSError as exc:
            raise ValidationError("file", Msg("sync.bundle_unwritable", reason=exc.strerror or "")) from exc
        _put_meta(
            session,
            BUNDLE_KEY,
            {
                "number": number,
                "hash": bundle.bundle_digest(data),
                "through": through,
                "audit_through": audit[-1].seq if audit else audit_after,
            },
        )
        tally.pushed = len(entries)
    return BundleReport(entries=len(entries), number=number)


def import_bundle(session: Session, path: Path) -> BundleReport:
    """Apply a bundle HQ wrote for this post: its entries, its cursor, and HQ's acknowledgements.

    An altered, forged or misaddressed bundle raises ``BundleRefused`` (exit 4) before anything is
    changed; a bundle imported before is reported as ``already`` and changes nothing. Every attempt,
    refused ones too, is recorded in the history.
    """
    session.require(Action.CITIZEN_VIEW)
    enrollment = enrollment_of(session)
    with _recorded(session, "bundle_import") as tally:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ValidationError("file", Msg("sync.bundle_unreadable", reason=exc.strerror or "")) from exc
        return _import_bundle(session, enrollment, data, tally)


def _import_bundle(session: Session, enrollment: Enrollment, data: bytes, tally: _Tally) -> BundleReport:
    from embassy_desk.sync import apply, bundle, outbox

    def verify_key(header: Any) -> Ed25519PublicKey | None:
        # Only HQ's key opens a bundle for this workstation; a device's own bundle is refused.
        return enrollment.hq_signing_key if header.kind == "hq" and header.sender == "hq" else None

    header, payload = bundle.read_bundle(
        data,
        verify_key=verify_key,
        recipient_id=session.device_id,
        recipient_key=enrollment.device_bundle_key,
    )
    if header.post != enrollment.post:
        raise SyncRefused(Msg("sync.bundle_other_post", post=str(header.post)))
    with session.read() as conn:
        last = meta.get(conn, HQ_BUNDLE_KEY) or {}
        cursor = int(meta.get(conn, CURSOR_KEY, 0))
    if int(header.number) <= int(last.get("number", 0)):
        return BundleReport(entries=0, number=int(header.number), already=True)
    try:
        body = orjson.loads(payload)
        entries = [PulledEntry.model_validate(e) for e in body.get("entries", [])]
        new_cursor = max(cursor, int(body.get("cursor", 0)))
        ack = (body.get("acks") or {}).get(session.device_id) or {}
        acked, acked_bundle = int(ack.get("through", 0)), int(ack.get("bundle", 0))
    except (orjson.JSONDecodeError, PydanticError, AttributeError, TypeError, ValueError) as exc:
        # Signed by HQ yet not a bundle's payload: nothing is applied.
        raise IntegrityFailure(Msg("sync.bundle_payload")) from exc
    if entries and min(e.seq for e in entries) > cursor + 1:
        raise ValidationError(
            "file", Msg("sync.bundle_gap", first=min(e.seq for e in entries), cursor=cursor)
        )
    fresh = [e for e in entries if e.seq > cursor]
    report = apply.apply_batch(session, fresh, cursor=new_cursor)
    with _writing(session) as conn:
        if acked:
            outbox.mark_sent(conn, acked)
            mine = meta.get(conn, BUNDLE_KEY) or {}
            if acked_bundle >= int(mine.get("number", 0)) and mine.get("audit_through"):
                sent = int(meta.get(conn, AUDIT_SENT_KEY, 0))
                meta.put(conn, AUDIT_SENT_KEY, max(sent, int(mine["audit_through"])))
        meta.put(conn, HQ_BUNDLE_KEY, {"number": int(header.number), "hash": bundle.bundle_digest(data)})
        meta.put(conn, LAST_SYNC_KEY, utc_now())
    tally.pulled = len(fresh)
    tally.conflicts = _conflict_count(report)
    return BundleReport(entries=len(fresh), number=int(header.number))


# History and publications -------------------------------------------------------------------------


def history(session: Session, limit: int = 50) -> list[HistoryRow]:
    """The latest recorded runs, newest first."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.execute(
            text(
                "SELECT kind, started_at, finished_at, pushed, pulled, conflicts, error_text, error_code"
                " FROM sync_history ORDER BY started_at DESC, id DESC LIMIT :n"
            ),
            {"n": int(limit)},
        ).all()
    return [
        HistoryRow(
            kind=str(r[0]),
            started_at=str(r[1]),
            finished_at=None if r[2] is None else str(r[2]),
            pushed=int(r[3] or 0),
            pulled=int(r[4] or 0),
            conflicts=int(r[5] or 0),
            error_text=None if r[6] is None else str(r[6]),
            error_code=None if r[7] is None else str(r[7]),
        )
        for r in rows
    ]


def publications(session: Session) -> list[Publication]:
    """Advisories and notice templates HQ published to this post, newest first."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.execute(
            text("SELECT id, kind, title, body, published_at FROM hq_publications ORDER BY published_at DESC")
        ).all()
    return [
        Publication(
            id=str(r[0]),
            kind=str(r[1]),
            title=_json_dict(r[2]),
            body=_json_dict(r[3]),
            published_at=str(r[4]),
        )
        for r in rows
    ]


# Plumbing -----------------------------------------------------------------------------------------


def enrollment_of(session: Session) -> Enrollment:
    """The stored enrollment; :class:`SyncRefused` (not enrolled) when there is none."""
    with session.read() as conn:
        stored = meta.get(conn, ENROLLMENT_KEY)
    if not stored:
        raise SyncRefused(Msg("sync.not_enrolled"))
    return _decode_enrollment(stored)


def _decode_enrollment(stored: Mapping[str, Any]) -> Enrollment:
    try:
        return Enrollment(
            hq_url=str(stored["hq_url"]),
            post=str(stored["post"]),
            post_name=str(stored.get("post_name", "")),
            hq_signing_key=keys.signing_public_key(str(stored["hq_signing_key"])),
            hq_bundle_key=keys.bundle_public_key(str(stored["hq_bundle_key"])),
            device_signing_key=keys.signing_private_key(str(stored["device_signing_key"])),
            device_bundle_key=keys.bundle_private_key(str(stored["device_bundle_key"])),
            enrolled_at=str(stored.get("enrolled_at", "")),
        )
    except (KeyError, ValueError, TypeError, keys.BadKey) as exc:
        raise SyncRefused(Msg("sync.bad_enrollment")) from exc


def _check_clock(hq_time: str) -> None:
    """Refuse to enroll a computer whose clock is off by more than HQ allows (every request
    would be refused later, with a less obvious cause)."""
    try:
        theirs = datetime.fromisoformat(hq_time)
    except ValueError:
        return
    if theirs.tzinfo is None:
        theirs = theirs.replace(tzinfo=UTC)
    if abs((datetime.now(UTC) - theirs).total_seconds()) > MAX_SKEW_SECONDS:
        raise SyncRefused(Msg("sync.clock_skew"))


def _open_conflicts(conn: Connection) -> int:
    row = conn.execute(text("SELECT COUNT(*) FROM sync_conflicts WHERE status = 'open'")).first()
    return int(row[0]) if row else 0


def _audit_entries(conn: Connection, after: int, limit: int) -> list[AuditEntry]:
    rows = conn.execute(
        text(
            "SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_log"
            " WHERE seq > :after ORDER BY seq LIMIT :n"
        ),
        {"after": after, "n": limit},
    ).all()
    return [
        AuditEntry(
            seq=int(r[0]),
            at=str(r[1]),
            actor=str(r[2]),
            action=str(r[3]),
            entity=str(r[4] or ""),
            entity_id=str(r[5] or ""),
            details=str(r[6] or ""),
            prev_hash=str(r[7]),
            hash=str(r[8]),
        )
        for r in rows
    ]


def _staff_names(conn: Connection) -> dict[str, str]:
    """Staff ids and display names, so HQ's views name who wrote what (no passphrases, no roles)."""
    rows = conn.execute(text("SELECT id, display_name FROM staff_users")).all()
    return {str(r[0]): str(r[1] or "") for r in rows}


def _json_dict(raw: object) -> dict[str, Any]:
    if isinstance(raw, dict):
        return raw
    try:
        value = orjson.loads(str(raw or "{}"))
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


@contextmanager
def _writing(session: Session) -> Iterator[Connection]:
    """A write transaction for sync's own bookkeeping (no staff action of its own)."""
    with translate_errors(), session.engine.connect() as raw:
        conn = raw.execution_options(write=True)
        with conn.begin():
            yield conn


def _put_meta(session: Session, key: str, value: Any) -> None:
    with _writing(session) as conn:
        meta.put(conn, key, value)


@dataclass
class _Tally:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    # What the history says of a run that finished but wants a person's attention.
    notice: Msg | None = None


@contextmanager
def _recorded(session: Session, kind: str) -> Iterator[_Tally]:
    """Record one run in ``sync_history``: a row when it starts, finished (or failed) at the end."""
    tally = _Tally()
    with _writing(session) as conn:
        row_id = conn.execute(
            text(
                "INSERT INTO sync_history(kind, started_at, pushed, pulled, conflicts)"
                " VALUES (:kind, :at, 0, 0, 0)"
            ),
            {"kind": kind, "at": utc_now()},
        ).lastrowid
    error: EmbassyDeskError | None = None
    try:
        yield tally
    except EmbassyDeskError as exc:
        error = exc
        raise
    finally:
        said = error.msg if error is not None else tally.notice
        code = said.code if said is not None else None
        # English, the log's language; the window shows the code's text in its own language.
        message = render(said, "en") if said is not None else None
        try:
            with _writing(session) as conn:
                conn.execute(
                    text(
                        "UPDATE sync_history SET finished_at = :at, pushed = :pushed, pulled = :pulled,"
                        " conflicts = :conflicts, error_code = :code, error_text = :text WHERE id = :id"
                    ),
                    {
                        "at": utc_now(),
                        "pushed": tally.pushed,
                        "pulled": tally.pulled,
                        "conflicts": tally.conflicts,
                        "code": code,
                        "text": message,
                        "id": row_id,
                    },
                )
        except EmbassyDeskError:
            # The database being locked must not hide the sync's own error.
            log.warning("a sync run could not be recorded in its history")
