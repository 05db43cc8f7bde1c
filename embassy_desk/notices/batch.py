"""Rendering many notices on every core with flat memory.

Notices arrive in chunks (the caller reads the registry a chunk at a time). Each chunk is rendered by
a worker process: into a part PDF that :mod:`pdfjoin` later streams into the one output file, or into
one file per person. At most two chunks per worker are in flight, so memory does not grow with the
batch. Small batches are rendered in this process (starting workers costs more than it saves).
"""

from __future__ import annotations

import hashlib
import io
import os
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from embassy_desk.notices.pdfjoin import join
from embassy_desk.notices.render import NoticeData, RenderJob, render
from embassy_desk.storage.files import atomic_write_bytes

Progress = Callable[[int], None]  # called with the number of notices rendered so far; may raise


@dataclass(frozen=True)
class ChunkResult:
    """Pages per notice of one chunk, and for files per person their SHA-256."""

    pages: list[int]
    digests: list[str]


def render_part(job: RenderJob, notices: Sequence[NoticeData], target: Path) -> ChunkResult:
    """Render ``notices`` into one part file (run in a worker)."""
    buffer = io.BytesIO()
    pages = render(job, notices, buffer)
    atomic_write_bytes(target, buffer.getvalue())
    return ChunkResult(pages, [])


def render_each(job: RenderJob, notices: Sequence[NoticeData], folder: Path) -> ChunkResult:
    """Render each notice into ``folder/<reference>.pdf`` (run in a worker)."""
    pages, digests = [], []
    for notice in notices:
        buffer = io.BytesIO()
        pages.extend(render(job, [notice], buffer))
        data = buffer.getvalue()
        atomic_write_bytes(folder / f"{notice.reference}.pdf", data)
        digests.append(hashlib.sha256(data).hexdigest())
    return ChunkResult(pages, digests)


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class ChunkRunner:
    """Renders chunks in order on worker processes (or inline) and hands back results in order."""

    def __init__(self, job: RenderJob, *, workers: int, per_person_folder: Path | None, parts: Path) -> None:
        self.job = job
        self.per_person = per_person_folder
        self.parts_dir = parts
        self.part_files: list[Path] = []
        self._pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        self._inflight: deque[Future[ChunkResult]] = deque()
        self._limit = 2 * workers

    def _call(self, notices: Sequence[NoticeData]) -> tuple[Callable[..., ChunkResult], tuple[object, ...]]:
        if self.per_person is not None:
            return render_each, (self.job, list(notices), self.per_person)
        part = self.parts_dir / f"part-{len(self.part_files):05d}.pdf"
        self.part_files.append(part)
        return render_part, (self.job, list(notices), part)

    def submit(self, notices: Sequence[NoticeData]) -> Iterable[ChunkResult]:
        """Queue a chunk; yield results of earlier chunks that had to finish to make room."""
        function, args = self._call(notices)
        if self._pool is None:
            yield function(*args)
            return
        self._inflight.append(self._pool.submit(function, *args))
        while len(self._inflight) >= self._limit:
            yield self._inflight.popleft().result()

    def drain(self) -> Iterable[ChunkResult]:
        while self._inflight:
            yield self._inflight.popleft().result()

    def join_into(self, out: BinaryIO) -> str:
        """Stream the parts into ``out`` as one PDF; return its SHA-256."""
        return join(self.part_files, out)

    def close(self) -> None:
        if self._pool is not None:
            for future in self._inflight:
                future.cancel()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
