"""An unlocked workstation: who is signed in, the post, and units of work on the database."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine

from embassy_desk.domain.citizen import ValidationContext
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.hlc import HybridClock, StampBlock
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action, require
from embassy_desk.storage import audit, changelog, meta, sync_state
from embassy_desk.storage.engine import translate_errors
from embassy_desk.storage.workstation import WorkstationPaths
from embassy_desk.sync import merge


class LockedError(EmbassyDeskError):
    """The workstation was locked; sign in again."""

    exit_code = 3


@dataclass(frozen=True)
class StaffUser:
    """A staff account as services hand it out."""

    id: str
    username: str
    display_name: str
    role: Role
    disabled: bool = False


@dataclass(frozen=True)
class PostInfo:
    """The embassy or consulate this workstation belongs to."""

    name: str
    home_country: str = "KZ"
    host_country: str = "KR"
    city: str = ""
    address: str = ""
    phone: str = ""
    hotline: str = ""
    email: str = ""

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PostInfo:
        return cls(**{k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__})


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class UnitOfWork:
    """One transaction: the write, its change-log entries and its audit entry commit together."""

    conn: Connection
    user: StaffUser
    clock: HybridClock
    now: str = field(default_factory=utc_now)

    def stamp(self) -> str:
        """A fresh hybrid-logical-clock stamp for a change in this transaction."""
        return self.clock.tick(time.time_ns() // 1_000_000)

    def stamps(self, count: int) -> list[str]:
        """``count`` fresh, increasing stamps for the changes of one bulk batch."""
        return self.clock.ticks(time.time_ns() // 1_000_000, count)

    def stamp_block(self, count: int) -> StampBlock:
        """Reserve ``count`` consecutive stamps to be written out elsewhere (import workers)."""
        return self.clock.reserve(time.time_ns() // 1_000_000, count)

    def change(self, entity: str, record_id: str, op: str, fields: Mapping[str, Any]) -> None:
        """Record a change for sync (SYNC.md outbox). ``op``: ``create`` (a new record: its fields),
        ``update`` (the changed fields; citizen fields in whole groups), ``delete`` (no fields, or
        ``merged_into``) or ``restore`` (every field of a record brought back).

        An update, delete or restore also records what the writer saw (``base``, ``epoch``) and the
        record's new merge state (``sync_state``); a creation needs neither, which keeps bulk paths fast.
        """
        hlc = self.stamp()
        if op == "create":
            changelog.record(
                self.conn,
                entity=entity,
                record_id=record_id,
                op=op,
                fields=fields,
                hlc=hlc,
                staff=self.user.id,
            )
            return
        if op not in ("update", "delete", "restore"):
            raise ValueError(f"unknown change op {op!r}")
        kept = sync_state.get(self.conn, entity, record_id)
        state = None
        if kept is not None:
            state = merge.RecordState(
                stamps=kept.stamps,
                writers=kept.writers,
                epoch=kept.epoch,
                deleted=kept.deleted,
                deleted_hlc=kept.deleted_hlc,
                merged_into=kept.merged_into,
            )
        entry_meta, new_state = merge.local_change(entity, state, op, fields, hlc, self.user.id)
        sync_state.put(self.conn, entity, record_id, new_state)
        changelog.record(
            self.conn,
            entity=entity,
            record_id=record_id,
            op=op,
            fields=fields,
            hlc=hlc,
            staff=self.user.id,
            base=entry_meta["base"],
            epoch=entry_meta["epoch"],
        )

    def audit(
        self,
        action: str,
        *,
        entity: str = "",
        entity_id: str = "",
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Append to the audit log; ``details`` must hold no personal data."""
        audit.append(
            self.conn,
            actor=self.user.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details,
            at=self.now,
        )


class Session:
    """The signed-in state. Locking closes every connection and drops the key (promise 12)."""

    def __init__(
        self,
        *,
        paths: WorkstationPaths,
        engine: Engine,
        data_key: bytes,
        user: StaffUser,
        post: PostInfo,
        device_id: str,
    ) -> None:
        self.paths = paths
        self._engine: Engine | None = engine
        self._data_key: bytes | None = data_key
        self.user = user
        self.post = post
        self.device_id = device_id
        # Files of the data folder that others could read and that unlocking made private again;
        # the edge tells the person (SECURITY.md promise 9).
        self.tightened: list[str] = []
        # This administrator's audit-anchor key (from their slot), to check and renew their anchor.
        self.anchor_key: bytes | None = None
        with self.read() as conn:
            wall, counter = meta.get(conn, "hlc", [0, 0])
        self.clock = HybridClock(device_id, int(wall), int(counter))

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise LockedError(Msg("session.locked"))
        return self._engine

    @property
    def data_key(self) -> bytes:
        """The data key, for wrapping it into a new slot or a backup; gone once locked."""
        if self._data_key is None:
            raise LockedError(Msg("session.locked"))
        return self._data_key

    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def validation(self) -> ValidationContext:
        return ValidationContext(home_country=self.post.home_country, host_country=self.post.host_country)

    def require(self, action: Action) -> None:
        """Refuse ``action`` unless the signed-in role allows it."""
        require(self.user.role, action)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only view; never blocks the writer."""
        with translate_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self, action: Action) -> Iterator[UnitOfWork]:
        """Check the role, then run one transaction that commits or leaves nothing behind."""
        self.require(action)
        with translate_errors(), self.engine.connect() as raw:
            conn = raw.execution_options(write=True)
            with conn.begin():
                uow = UnitOfWork(conn=conn, user=self.user, clock=self.clock)
                yield uow
                meta.put(conn, "hlc", [self.clock.wall_ms, self.clock.counter])

    def lock(self) -> None:
        """Close all connections and forget the key."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._data_key = None

    @property
    def locked(self) -> bool:
        return self._engine is None
