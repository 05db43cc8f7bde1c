"""Turning citizens' check-in answers into records of their post's log (issue 14, data flow step 3).

The public page and the SMS webhook only insert ``checkin_answers`` rows. The drainer takes the
pending ones of a post in batches and writes, as pseudo-device "hq" through
:func:`~embassy_desk.hq.store_push.push_batch` (the path of HQ's publications), the entries a
workstation would write for the same answer taken on the phone:

- a ``contact`` (channel check-in, incoming, reached; welfare safe / needs_assistance; the
  citizen's text as its note; the link's campaign), as services/contacts.insert_contact writes it;
- a ``citizen`` update of the whole welfare group (not for "my number has changed");
- for "I need help", a ``case`` (other, high, open) and its "opened" ``case_event``, as
  services/cases.insert_case writes them; one case per link (:func:`help_case_id`): asking again
  adds a "note" event to it, and reopens it if staff had closed it;
- for "my number has changed", a ``phone_change`` (pending) for the post's review queue;
- when the link has a live campaign with the person on its list, a ``campaign_target`` update
  (done, outcome safe / needs_help, done by "check-in"), as services/campaign_calls does.

Stamps: each entry is stamped at the moment the citizen answered (not when it is drained), just after
the stamps the record's touched groups hold at HQ when they share that millisecond. So whatever the
order or batching of drains, the latest answer wins, and a change staff made after the answer stands
(last writer wins, as between two workstations). Updates carry ``base`` (the groups' stamps HQ holds)
and the record's ``epoch``, as workstations' updates do.

Concurrency: on PostgreSQL the pending rows of a batch are locked ``FOR UPDATE SKIP LOCKED``, so two
drainers (the ``hq serve`` thread and a pull) never take one answer twice; on SQLite every transaction
holds the write lock (``BEGIN IMMEDIATE``). The records, the ``drained_at`` marks and HQ's audit
entries ("checkin.answer", no token, no values) commit together. An answer whose person is no longer
registered at HQ is marked drained without records and counted.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Row, select, update

from embassy_desk.domain.campaigns import target_id
from embassy_desk.domain.enums import (
    CaseKind,
    CasePriority,
    CaseStatus,
    Channel,
    CheckinAnswer,
    Direction,
    Outcome,
    PhoneChangeStatus,
    TargetState,
    WelfareStatus,
)
from embassy_desk.domain.hlc import COUNTER_LIMIT, parse_stamp
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.hq import audit
from embassy_desk.hq.clock import iso, parse_moment
from embassy_desk.hq.publish import HQ_DEVICE, _hq_writer
from embassy_desk.hq.records import Key, RecordCache
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.store_push import push_batch
from embassy_desk.hq.tables import checkin_answers, posts
from embassy_desk.storage.changelog import SCHEMA_VERSION
from embassy_desk.sync import merge, wire
from embassy_desk.sync.merge_groups import groups_of

log = logging.getLogger("embassy_desk.hq.checkin")

# Answers per push_batch: one transaction of about 2,000 entries at most (4 per answer).
BATCH = 500
# How long a pull drains before it answers: a backlog of thousands (HQ was down, a pull came first)
# is drained over the pulls of one sync, each well inside the workstation's 60 s timeout; a sync
# pulls again while a pull brings entries, so it still brings every answer given before it.
PULL_SECONDS = 10.0
UNTIL_MARGIN = timedelta(minutes=1)
# Who the records name as having checked, logged or opened (the post shows it as the check-in).
CHECK_IN_STAFF = "check-in"
AUDIT_ACTION = "checkin.answer"
_WELFARE = {
    CheckinAnswer.SAFE: WelfareStatus.SAFE,
    CheckinAnswer.NEEDS_HELP: WelfareStatus.NEEDS_ASSISTANCE,
}


@dataclass
class DrainResult:
    """What drains did: answers taken (``drained``); of them, answers whose person was no longer
    registered (``orphaned``) and answers that could not become records (``refused``: an unknown
    answer or an unreadable time; a row written by hand), both marked drained without records; and
    entries written into posts' logs."""

    drained: int = 0
    orphaned: int = 0
    entries: int = 0
    posts: set[str] = field(default_factory=set)
    refused: int = 0

    def add(self, other: DrainResult) -> None:
        self.drained += other.drained
        self.orphaned += other.orphaned
        self.entries += other.entries
        self.posts |= other.posts
        self.refused += other.refused


def drain(store: HQStore, *, post: str | None = None, limit: int = 1000) -> int:
    """Write pending answers (of ``post``, or of every post) into the posts' logs; how many."""
    return drain_report(store, post=post, limit=limit).drained


def drain_report(
    store: HQStore,
    *,
    post: str | None = None,
    limit: int | None = 1000,
    until: str | None = None,
    seconds: float | None = None,
) -> DrainResult:
    """Drain up to ``limit`` pending answers (None: all), given at or before ``until`` when set
    (a pull drains what was answered before it started, not a flood that keeps coming), in batches
    of :data:`BATCH`, one transaction each; no new batch starts after ``seconds`` (the first always
    runs, so every call makes progress). Returns what was done."""
    total = DrainResult()
    deadline = None if seconds is None else time.monotonic() + seconds

    def more() -> bool:
        if limit is not None and total.drained >= limit:
            return False
        return deadline is None or not total.drained or time.monotonic() < deadline

    for code in _pending_posts(store, post):
        while more():
            size = BATCH if limit is None else min(BATCH, limit - total.drained)
            done = drain_batch(store, code, size=size, until=until)
            total.add(done)
            if done.drained < size:
                break
    if total.drained:
        log.info(
            "check-in drain: %d answers, %d without a registered person, %d unusable, %d entries (%d posts)",
            total.drained,
            total.orphaned,
            total.refused,
            total.entries,
            len(total.posts),
        )
    return total


def drain_for_post(store: HQStore, post: str, *, seconds: float | None = None) -> None:
    """Before HQ hands a post its log (a pull, a bundle): drain the answers given until now. A
    failure is logged (its type only) and never fails the caller: the drainer thread tries again."""
    # A minute's margin: a public listener on another machine stamps answers with its own clock.
    until = iso(store.clock() + UNTIL_MARGIN)
    try:
        drain_report(store, post=post, limit=None, until=until, seconds=seconds)
    except Exception as exc:  # the pull must still answer with what the log holds
        log.error("check-in drain before handing out the log failed (%s)", type(exc).__name__)


def _pending_posts(store: HQStore, post: str | None) -> list[str]:
    query = select(checkin_answers.c.post).distinct().where(checkin_answers.c.drained_at.is_(None))
    if post is not None:
        query = query.where(checkin_answers.c.post == post)
    with store.engine.connect() as conn:
        return sorted(str(code) for code in conn.execute(query).scalars())


def drain_batch(store: HQStore, post: str, *, size: int = BATCH, until: str | None = None) -> DrainResult:
    """One transaction: take up to ``size`` pending answers of ``post`` (oldest first), write their
    records, mark them drained and audit them."""
    now = store.now()
    with store.engine.begin() as conn:
        query = (
            select(checkin_answers)
            .where(checkin_answers.c.post == post, checkin_answers.c.drained_at.is_(None))
            .order_by(checkin_answers.c.at, checkin_answers.c.id)
            .limit(size)
        )
        if until is not None:
            query = query.where(checkin_answers.c.at <= until)
        if conn.dialect.name == "postgresql":
            # Rows another drainer holds are its own: skip them rather than wait and write them twice.
            query = query.with_for_update(skip_locked=True)
        answers = conn.execute(query).all()
        if not answers:
            return DrainResult()
        # The post's row lock (push_batch takes it again): no push changes the states read below
        # before these entries are stored, so their bases are the stamps HQ holds.
        conn.execute(select(posts.c.next_seq).where(posts.c.code == post).with_for_update()).scalar_one()
        writer = _Writer(conn, post)
        writer.preload(answers)
        outcomes = Counter(writer.write(answer) for answer in answers)
        if writer.entries:
            request = wire.PushRequest(
                protocol=wire.PROTOCOL_VERSION,
                schema_version=SCHEMA_VERSION,
                entries=writer.entries,
                through=0,
            )
            response = push_batch(conn, _hq_writer(post), request, now=now, device_label=HQ_DEVICE)
            if response.rejected:
                # An entry HQ itself built and push refused is a bug; the whole batch rolls back and
                # the answers stay pending (the reasons name fields and rules, never values).
                reasons = sorted({r.reason for r in response.rejected})
                raise RuntimeError(f"check-in drain: entries refused: {reasons}")
        ids = [str(a.id) for a in answers]
        conn.execute(update(checkin_answers).where(checkin_answers.c.id.in_(ids)).values(drained_at=now))
        audit.append_many(
            conn,
            [
                {
                    "at": now,
                    "actor": HQ_DEVICE,
                    "action": AUDIT_ACTION,
                    "entity": "citizen",
                    "entity_id": str(a.citizen_id),
                    "details": {"answer": str(a.answer), "source": str(a.source)},
                }
                for a in answers
            ],
        )
    return DrainResult(
        len(answers), outcomes[_ORPHANED], len(writer.entries), {post}, refused=outcomes[_REFUSED]
    )


def answer_stamp(at: str, after: Iterable[str] = ()) -> str:
    """HQ's stamp for an answer given at ``at``: that millisecond, with a counter past any of the
    stamps ``after`` (the touched groups' current stamps) made in the same millisecond."""
    moment = parse_moment(at)
    if moment is None:
        raise ValueError("an answer's time is not a moment")
    wall = int(moment.timestamp()) * 1000 + moment.microsecond // 1000
    counter = 0
    for stamp in after:
        if stamp:
            their_wall, their_counter, _ = parse_stamp(stamp)
            if their_wall == wall:
                counter = max(counter, their_counter + 1)
    if counter > COUNTER_LIMIT:
        wall, counter = wall + 1, 0
    return f"{wall:013d}-{counter:05d}-{HQ_DEVICE}"


def workstation_time(at: str) -> str:
    """An HQ time (``…Z``) as the post's records hold times (``…+00:00``, milliseconds)."""
    moment = parse_moment(at)
    if moment is None:
        raise ValueError("an answer's time is not a moment")
    return moment.isoformat(timespec="milliseconds")


_WRITTEN, _ORPHANED, _REFUSED = "written", "orphaned", "refused"


def _clean(value: object) -> str:
    # What a citizen typed, trimmed; NUL, which no replica can store, dropped (push_batch would
    # refuse the entry, and with it the whole batch).
    return str(value).replace("\x00", "").strip() if value else ""


def help_case_id(token_hash: str) -> str:
    """The id of the assistance case a link's "I need help" answers open and then add to: a UUID
    derived from the link's token hash, so every drainer, in any batch, names the same case."""
    digest = hashlib.sha256(b"embassy-desk/checkin-case/" + token_hash.encode("ascii")).digest()
    return str(uuid.UUID(bytes=digest[:16]))


class _Writer:
    """Builds the entries of a batch's answers against HQ's record states, applying each to its
    in-memory copy of the states (as HQ will), so a second answer of a person in the batch sees the
    first one's stamps."""

    def __init__(self, conn: Connection, post: str) -> None:
        self.cache = RecordCache(conn, post)
        self.entries: list[wire.Entry] = []

    def preload(self, answers: Iterable[Row[Any]]) -> None:
        keys: list[Key] = []
        for a in answers:
            keys.append(("citizen", str(a.citizen_id)))
            if a.answer == CheckinAnswer.NEEDS_HELP.value:
                keys.append(("case", help_case_id(str(a.token_hash))))
            if a.campaign_id:
                keys.append(("campaign", str(a.campaign_id)))
                keys.append(("campaign_target", target_id(str(a.campaign_id), str(a.citizen_id))))
        self.cache.preload(keys)

    def _live(self, key: Key) -> merge.RecordState | None:
        state = self.cache.get(key)
        return None if state is None or state.deleted else state

    def write(self, answer: Row[Any]) -> str:
        """The entries of one answer: :data:`_WRITTEN`, or none (:data:`_ORPHANED`: its person is
        not registered; :data:`_REFUSED`: not an answer the page or the webhook stores)."""
        citizen_id = str(answer.citizen_id)
        person = self._live(("citizen", citizen_id))
        if person is None:
            return _ORPHANED
        try:
            kind = CheckinAnswer(str(answer.answer))
            at = workstation_time(str(answer.at))
        except ValueError:
            return _REFUSED
        welfare = _WELFARE.get(kind)
        campaign_id = str(answer.campaign_id) if answer.campaign_id else None
        text = _clean(answer.message)
        contact = {
            "citizen_id": citizen_id,
            "at": at,
            "channel": Channel.CHECK_IN.value,
            "direction": Direction.INCOMING.value,
            "staff": CHECK_IN_STAFF,
            "outcome": Outcome.REACHED.value,
            "welfare_status": welfare.value if welfare else None,
            "note": text or None,
            "follow_up_due": None,
            "campaign_id": campaign_id,
        }
        self._create("contact", uuid7(), contact, answer.at)
        if welfare is not None:
            fields = {
                "welfare_status": welfare.value,
                "welfare_checked_at": at,
                "welfare_checked_by": CHECK_IN_STAFF,
            }
            self._update("citizen", citizen_id, fields, answer.at)
        if kind is CheckinAnswer.NEEDS_HELP:
            self._open_case(citizen_id, at, answer)
        if kind is CheckinAnswer.PHONE_CHANGED and (phone := _clean(answer.phone)):
            change = {
                "citizen_id": citizen_id,
                "phone": phone,
                "reported_at": at,
                "source": str(answer.source),
                "status": PhoneChangeStatus.PENDING.value,
            }
            self._create("phone_change", uuid7(), change, answer.at)
        if campaign_id is not None and kind in _WELFARE:
            self._mark_done(campaign_id, citizen_id, kind, at, answer.at)
        return _WRITTEN

    def _open_case(self, citizen_id: str, at: str, answer: Row[Any]) -> None:
        parts = [Msg("hqcheckin.case_summary").render("en")]
        if words := _clean(answer.message):
            parts.append(Msg("hqcheckin.case_words", text=words).render("en"))
        if callback := _clean(answer.callback):
            parts.append(Msg("hqcheckin.case_callback", phone=callback).render("en"))
        # One case per link: asking for help again (a second tap, a changed text, an SMS "2" after
        # the page) adds to the case already open instead of opening another for staff to merge.
        case_id = help_case_id(str(answer.token_hash))
        case = self._live(("case", case_id))
        if case is not None:
            if case.values.get("status") == CaseStatus.CLOSED.value:
                self._update("case", case_id, {"status": CaseStatus.OPEN.value}, answer.at)
                reopened = {"case_id": case_id, "at": at, "staff": CHECK_IN_STAFF, "kind": "status"}
                self._create("case_event", uuid7(), reopened | {"text": CaseStatus.OPEN.value}, answer.at)
            again = {"case_id": case_id, "at": at, "staff": CHECK_IN_STAFF, "kind": "note"}
            self._create("case_event", uuid7(), again | {"text": "\n".join(parts)}, answer.at)
            return
        self._create(
            "case",
            case_id,
            {
                "citizen_id": citizen_id,
                "kind": CaseKind.OTHER.value,
                "priority": CasePriority.HIGH.value,
                "status": CaseStatus.OPEN.value,
                "summary": "\n".join(parts),
                "opened_at": at,
                "created_by": CHECK_IN_STAFF,
            },
            answer.at,
        )
        event = {"case_id": case_id, "at": at, "staff": CHECK_IN_STAFF, "kind": "opened", "text": ""}
        self._create("case_event", uuid7(), event, answer.at)

    def _mark_done(self, campaign_id: str, citizen_id: str, kind: CheckinAnswer, at: str, when: str) -> None:
        campaign = self._live(("campaign", campaign_id))
        record_id = target_id(campaign_id, citizen_id)
        target = self._live(("campaign_target", record_id))
        if campaign is None or campaign.values.get("status") == "closed" or target is None:
            # A closed campaign takes no more outcomes (as at the post); someone not on its list
            # (any more) has no place to mark.
            return
        changes: dict[str, Any] = {"outcome": kind.value}
        if target.values.get("state") != TargetState.DONE.value:
            changes.update(state=TargetState.DONE.value, done_at=at, done_by=CHECK_IN_STAFF)
        self._update("campaign_target", record_id, changes, when)

    def _create(self, entity: str, record_id: str, fields: Mapping[str, Any], when: str) -> None:
        self._add(entity, record_id, "create", dict(fields), answer_stamp(when), None, "")

    def _update(self, entity: str, record_id: str, fields: Mapping[str, Any], when: str) -> None:
        state = self._live((entity, record_id))
        assert state is not None
        touched = sorted(groups_of(entity, fields))
        base = {group: state.stamps.get(group, "") for group in touched}
        self._add(
            entity, record_id, "update", dict(fields), answer_stamp(when, base.values()), base, state.epoch
        )

    def _add(
        self,
        entity: str,
        record_id: str,
        op: str,
        fields: dict[str, Any],
        hlc: str,
        base: dict[str, str] | None,
        epoch: str,
    ) -> None:
        entry = wire.Entry(
            id=uuid7(),
            entity=entity,  # type: ignore[arg-type]
            record_id=record_id,
            op=op,  # type: ignore[arg-type]
            fields=fields,
            hlc=hlc,
            staff=HQ_DEVICE,
            schema_version=SCHEMA_VERSION,
            base=base,
            epoch=epoch,
        )
        self.entries.append(entry)
        if op == "create" and entity != "case":
            return  # a new id: nothing later in the batch reads it back (a help case is read back)
        # What HQ will make of it, so later answers of the batch build on it (push_batch plans the
        # same entries again against the stored states and keeps the same result).
        key: Key = (entity, record_id)
        outcome = merge.apply(entity, self.cache.get(key), entry, local_unsent=lambda _hlc: False)
        if outcome.state is not None:
            self.cache.states[key] = outcome.state


class Drainer:
    """Drains every ``interval`` seconds in a background thread of ``hq serve``."""

    def __init__(self, store: HQStore, *, interval: float = 2.0) -> None:
        self.store = store
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the background thread."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="checkin-drainer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop it and wait for it (a drain in progress finishes first)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                # Whole batches until none is pending, checking for a stop between them.
                while not self._stop.is_set() and drain(self.store, limit=BATCH) == BATCH:
                    pass
            except Exception as exc:  # the thread must outlive a database restart or a bad row
                # The exception's type only: a database error's text can quote a row (promise 16).
                log.error(
                    "check-in drain failed (%s); trying again in %.0f s", type(exc).__name__, self.interval
                )
            self._stop.wait(self.interval)
