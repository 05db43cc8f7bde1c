"""HQ's store: the API the HTTP layer (hq/app.py) and the ``embassy-desk hq`` commands call.

Every public method runs in its own transaction and is synchronous (FastAPI calls it from a worker
thread). Refusals are :mod:`embassy_desk.hq.errors` exceptions carrying an HTTP status and an exit code.
Nothing here logs values of entries (promise 16): only counts and ids.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, RowMapping, func, select, update

from embassy_desk.domain.messages import Msg
from embassy_desk.hq import codes
from embassy_desk.hq.clock import Clock, iso, system_clock
from embassy_desk.hq.errors import (
    DeviceNotFound,
    DeviceRevoked,
    EnrollRefused,
    InvalidRequest,
    PostExists,
    PostNotFound,
)
from embassy_desk.hq.keys import HQKeys
from embassy_desk.hq.sql import insert_ignore
from embassy_desk.hq.tables import devices, enroll_codes, entries, nonces, posts, staff
from embassy_desk.sync import keys as sync_keys
from embassy_desk.sync import wire

log = logging.getLogger("embassy_desk.hq.store")

ENROLL_CODE_LIFETIME = timedelta(hours=24)
# Nonces older than this cannot come back (requests that old are refused for clock skew anyway).
NONCE_MEMORY_SECONDS = 2 * wire.MAX_SKEW_SECONDS + 60
POST_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,31}$")


@dataclass(frozen=True)
class PostInfo:
    """A post as ``hq posts`` lists it: ``last_seq`` is the highest sequence number of its log."""

    code: str
    name: str
    created_at: str
    last_seq: int
    devices: int


@dataclass(frozen=True)
class DeviceInfo:
    """An enrolled device. ``signing_key``/``bundle_key``: raw public keys, base64.
    ``audit_state``: "ok" or "break at seq N" (promise 20)."""

    device_id: str
    post: str
    name: str
    signing_key: str
    bundle_key: str
    enrolled_at: str
    revoked_at: str | None
    last_sync: str | None
    cursor: int
    through: int
    audit_state: str
    app_version: str
    bundle_number: int
    bundle_hash: str

    @property
    def id(self) -> str:
        return self.device_id

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def device_from_row(row: RowMapping) -> DeviceInfo:
    """A DeviceInfo from a ``devices`` row."""
    return DeviceInfo(
        device_id=row["id"],
        post=row["post"],
        name=row["name"],
        signing_key=row["signing_key"],
        bundle_key=row["bundle_key"],
        enrolled_at=row["enrolled_at"],
        revoked_at=row["revoked_at"],
        last_sync=row["last_sync_at"],
        cursor=int(row["cursor"]),
        through=int(row["through"]),
        audit_state=row["audit_state"],
        app_version=row["app_version"],
        bundle_number=int(row["bundle_number"]),
        bundle_hash=row["bundle_hash"],
    )


def normalise_post_code(code: str) -> str:
    """A post code as stored (upper case); InvalidRequest if it is not one."""
    value = code.strip().upper()
    if not POST_CODE.fullmatch(value):
        raise InvalidRequest(Msg("hq.bad_post_code", code=code))
    return value


class HQStore:
    """HQ's database and keys. ``clock`` gives "now" (tests move it)."""

    def __init__(self, engine: Engine, keys: HQKeys, *, clock: Clock = system_clock) -> None:
        self.engine = engine
        self.keys = keys
        self.clock = clock

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def now(self) -> str:
        """The current moment as HQ stores it."""
        return iso(self.clock())

    # -- the HTTP API ---------------------------------------------------------------------------

    def enroll(self, req: wire.EnrollRequest) -> wire.EnrollResponse:
        """Enroll a device with a one-time code: 403 (EnrollRefused) for a wrong, expired or used
        code or a device id already enrolled; 422 (InvalidRequest) for keys that are no keys."""
        try:
            sync_keys.signing_public_key(req.signing_key)
            sync_keys.bundle_public_key(req.bundle_key)
        except sync_keys.BadKey as exc:
            raise InvalidRequest(Msg("hq.bad_device_key")) from exc
        now = self.now()
        digest = codes.code_hash(req.code)
        with self.engine.begin() as conn:
            # One statement claims the code, so two devices racing with one code cannot both win.
            claimed = conn.execute(
                update(enroll_codes)
                .where(
                    enroll_codes.c.code_hash == digest,
                    enroll_codes.c.used_at.is_(None),
                    enroll_codes.c.expires_at > now,
                )
                .values(used_at=now, used_by=req.device_id)
                .returning(enroll_codes.c.post)
            ).first()
            if claimed is None:
                raise EnrollRefused(Msg("hq.enroll_code_refused"))
            if conn.execute(select(devices.c.id).where(devices.c.id == req.device_id)).first():
                # The transaction rolls back: the code stays usable for a device with a new id.
                raise EnrollRefused(Msg("hq.device_exists", device=req.device_id))
            post_row = conn.execute(select(posts).where(posts.c.code == claimed.post)).mappings().one()
            conn.execute(
                devices.insert().values(
                    id=req.device_id,
                    post=post_row["code"],
                    name=req.device_name,
                    signing_key=req.signing_key.strip(),
                    bundle_key=req.bundle_key.strip(),
                    app_version=req.app_version,
                    enrolled_at=now,
                )
            )
        log.info("device enrolled (post %s)", post_row["code"])
        return wire.EnrollResponse(
            device_id=req.device_id,
            post=post_row["code"],
            post_name=post_row["name"],
            hq_signing_key=self.keys.signing_public_b64,
            hq_bundle_key=self.keys.bundle_public_b64,
            hq_time=now,
        )

    def device(self, device_id: str) -> DeviceInfo | None:
        """The device with this id, revoked or not; None if HQ does not know it."""
        with self.engine.connect() as conn:
            row = conn.execute(select(devices).where(devices.c.id == device_id)).mappings().first()
        return None if row is None else device_from_row(row)

    def push(self, device_id: str, req: wire.PushRequest) -> wire.PushResponse:
        """Store a batch of entries from a device (see hq/store_push.py)."""
        from embassy_desk.hq.store_push import push_batch

        with self.engine.begin() as conn:
            device = self._active_device(conn, device_id)
            return push_batch(conn, device, req, now=self.now())

    def pull(self, device_id: str, req: wire.PullRequest) -> wire.PullResponse:
        """The post's entries after ``req.cursor`` in seq order (the device's own included).

        The request's cursor is what the device has applied, so it is remembered: purge_before is
        the lowest such cursor over the post's devices that are not revoked.
        """
        known = self.device(device_id)
        if known is not None and not known.revoked:
            # Every check-in answered before this pull reaches the post's log first, so a sync
            # brings them all (issue 14); answers still arriving wait for the drainer thread.
            from embassy_desk.hq.checkin_drain import PULL_SECONDS, drain_for_post

            drain_for_post(self, known.post, seconds=PULL_SECONDS)
        with self.engine.begin() as conn:
            device = self._active_device(conn, device_id)
            cursor = min(req.cursor, self._last_seq(conn, device.post))
            if cursor > device.cursor:
                conn.execute(update(devices).where(devices.c.id == device_id).values(cursor=cursor))
            rows = (
                conn.execute(
                    select(entries)
                    .where(entries.c.post == device.post, entries.c.seq > req.cursor)
                    .order_by(entries.c.seq)
                    .limit(req.limit + 1)
                )
                .mappings()
                .all()
            )
            more = len(rows) > req.limit
            pulled = [pulled_entry(row) for row in rows[: req.limit]]
            purge_before = self._purge_before(conn, device.post)
        return wire.PullResponse(
            entries=pulled,
            cursor=pulled[-1].seq if pulled else req.cursor,
            more=more,
            purge_before=purge_before,
        )

    def summary(self, device_id: str) -> wire.Summary:
        """Per-entity counts of the post's live records and the digest over them (hq/records.py)."""
        from embassy_desk.hq.records import post_summary

        with self.engine.connect() as conn:
            device = self._active_device(conn, device_id)
            return post_summary(conn, device.post, self._last_seq(conn, device.post))

    def remember_nonce(self, device_id: str, nonce: str, created: int) -> bool:
        """Remember a request's nonce; False if this device used it before (a replay)."""
        horizon = int(self.clock().timestamp()) - NONCE_MEMORY_SECONDS
        if created < horizon:
            return False  # older than HQ remembers: it could be a replay HQ can no longer tell
        with self.engine.begin() as conn:
            conn.execute(nonces.delete().where(nonces.c.created < horizon))
            fresh = insert_ignore(conn, nonces, [{"device": device_id, "nonce": nonce, "created": created}])
        return fresh == 1

    def note_request(self, device_id: str) -> None:
        """A device was heard from: its "last sync" moment for ``hq devices`` and ``hq stats``."""
        with self.engine.begin() as conn:
            conn.execute(update(devices).where(devices.c.id == device_id).values(last_sync_at=self.now()))

    # -- administration (the hq commands) -------------------------------------------------------

    def add_post(self, code: str, name: str) -> PostInfo:
        """A new post; PostExists if the code is taken."""
        value = normalise_post_code(code)
        if not name.strip():
            raise InvalidRequest(Msg("hq.post_name_empty"))
        now = self.now()
        with self.engine.begin() as conn:
            if conn.execute(select(posts.c.code).where(posts.c.code == value)).first():
                raise PostExists(Msg("hq.post_exists", code=value))
            conn.execute(posts.insert().values(code=value, name=name.strip(), created_at=now))
        return PostInfo(value, name.strip(), now, 0, 0)

    def posts(self) -> list[PostInfo]:
        """Every post, by code."""
        count = (
            select(func.count())
            .select_from(devices)
            .where(devices.c.post == posts.c.code, devices.c.revoked_at.is_(None))
            .scalar_subquery()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(posts.c.code, posts.c.name, posts.c.created_at, posts.c.next_seq, count).order_by(
                    posts.c.code
                )
            ).all()
        return [PostInfo(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]

    def post(self, code: str) -> PostInfo:
        """One post; PostNotFound if HQ does not know the code."""
        value = code.strip().upper()
        for info in self.posts():
            if info.code == value:
                return info
        raise PostNotFound(Msg("hq.no_post", code=code))

    def new_enroll_code(self, post: str) -> tuple[str, str]:
        """A one-time enrollment code for ``post`` and when it expires (24 h); only its hash is kept."""
        code_post = self.post(post).code
        moment = self.clock()
        code = codes.new_code()
        expires = iso(moment + ENROLL_CODE_LIFETIME)
        with self.engine.begin() as conn:
            conn.execute(
                enroll_codes.insert().values(
                    code_hash=codes.code_hash(code),
                    post=code_post,
                    created_at=iso(moment),
                    expires_at=expires,
                )
            )
        return code, expires

    def devices(self, post: str | None = None) -> list[DeviceInfo]:
        """Enrolled devices (of one post, or all), by post and enrollment time."""
        query = select(devices).order_by(devices.c.post, devices.c.enrolled_at, devices.c.id)
        if post is not None:
            query = query.where(devices.c.post == self.post(post).code)
        with self.engine.connect() as conn:
            return [device_from_row(row) for row in conn.execute(query).mappings()]

    def staff_names(self, post: str) -> dict[str, str]:
        """Staff ids of a post and the display names its workstations sent (for HQ's own views)."""
        code = self.post(post).code
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(staff.c.staff_id, staff.c.display_name)
                .where(staff.c.post == code)
                .order_by(staff.c.staff_id)
            )
            return {str(sid): str(name) for sid, name in rows}

    def revoke(self, device_id: str) -> DeviceInfo:
        """Revoke a device: every later request of it is refused (403). Revoking twice is harmless."""
        with self.engine.begin() as conn:
            conn.execute(
                update(devices)
                .where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                .values(revoked_at=self.now())
            )
            row = conn.execute(select(devices).where(devices.c.id == device_id)).mappings().first()
        if row is None:
            raise DeviceNotFound(Msg("hq.no_device", device=device_id))
        return device_from_row(row)

    # -- shared helpers -------------------------------------------------------------------------

    def _active_device(self, conn: Connection, device_id: str) -> DeviceInfo:
        row = conn.execute(select(devices).where(devices.c.id == device_id)).mappings().first()
        if row is None:
            raise DeviceNotFound(Msg("hq.no_device", device=device_id))
        info = device_from_row(row)
        if info.revoked:
            raise DeviceRevoked(Msg("hq.device_revoked", device=device_id))
        return info

    @staticmethod
    def _last_seq(conn: Connection, post: str) -> int:
        return int(conn.execute(select(posts.c.next_seq).where(posts.c.code == post)).scalar_one())

    @staticmethod
    def _purge_before(conn: Connection, post: str) -> int:
        lowest = conn.execute(
            select(func.min(devices.c.cursor)).where(devices.c.post == post, devices.c.revoked_at.is_(None))
        ).scalar()
        return int(lowest or 0)


def pulled_entry(row: RowMapping) -> wire.PulledEntry:
    """A log row as the wire hands it out. Not validated again: every stored entry was validated as
    an Entry when it was pushed (or written by HQ itself), and a pull of thousands should not pay twice."""
    base: Any = orjson.loads(row["base"]) if row["base"] is not None else None
    return wire.PulledEntry.model_construct(
        id=row["id"],
        entity=row["entity"],
        record_id=row["record_id"],
        op=row["op"],
        fields=orjson.loads(row["fields"]),
        hlc=row["hlc"],
        staff=row["staff"],
        schema_version=int(row["schema_version"]),
        base=base,
        epoch=row["epoch"],
        seq=int(row["seq"]),
        device=row["device"],
    )


def post_codes(store: HQStore, targets: Sequence[str] | None) -> list[str]:
    """The codes of the named posts (PostNotFound for an unknown one), or of every post (None)."""
    if targets is None:
        return [info.code for info in store.posts()]
    return [store.post(code).code for code in targets]
