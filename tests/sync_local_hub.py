"""An in-memory stand-in for HQ's per-post log, for tests of the workstation's sync storage: each
workstation pushes its outbox (numbered in arrival order, as HQ numbers a post's entries) and pulls
what it has not seen through ``apply.apply_batch``. The real HQ is exercised by the end-to-end tests;
these keep the storage's own rules quick to test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection

from embassy_desk.services.session import Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.sync import apply, outbox
from embassy_desk.sync.wire import PulledEntry
from tests.conftest import ADMIN_PASSPHRASE, POST


def second_workstation(tmp_path: Path, name: str = "ws2") -> Session:
    """Another workstation of the same post, signed in as its administrator."""
    result = init_workstation(
        tmp_path / name,
        post=POST,
        admin_username="admin",
        admin_display_name="Admin",
        passphrase=ADMIN_PASSPHRASE,
        kdf=TEST_KDF,
    )
    return unlock(result.paths, "admin", ADMIN_PASSPHRASE)


@contextmanager
def writing(session: Session) -> Iterator[Connection]:
    """A write transaction outside the services (what the sync client does around the outbox)."""
    with session.engine.connect() as raw:
        conn = raw.execution_options(write=True)
        with conn.begin():
            yield conn


@dataclass
class Hub:
    """HQ's log of one post: entries in sequence order, each with the device that wrote it."""

    entries: list[PulledEntry] = field(default_factory=list)
    batch: int = 800

    def push(self, session: Session) -> int:
        """Send everything pending; return how many entries went."""
        sent = 0
        with writing(session) as conn:
            after = 0
            while True:
                entries, through = outbox.pending_batch(conn, after, self.batch)
                if through == after:
                    break
                for entry in entries:
                    seq = len(self.entries) + 1
                    self.entries.append(PulledEntry(**entry.model_dump(), seq=seq, device=session.device_id))
                sent += len(entries)
                outbox.mark_sent(conn, through)
                after = through
        return sent

    def pull(self, session: Session) -> list[apply.ApplyReport]:
        """Apply everything after the workstation's cursor, a batch at a time."""
        reports = []
        while True:
            with session.read() as conn:
                cursor = apply.cursor(conn)
            todo = self.entries[cursor : cursor + self.batch]
            if not todo:
                return reports
            reports.append(apply.apply_batch(session, todo, cursor=todo[-1].seq))

    def sync(self, *sessions: Session) -> list[apply.ApplyReport]:
        """Push then pull for each workstation in turn, twice round (as a sync ends when all agree)."""
        reports: list[apply.ApplyReport] = []
        for _round in range(2):
            for session in sessions:
                self.push(session)
                reports += self.pull(session)
        return reports
