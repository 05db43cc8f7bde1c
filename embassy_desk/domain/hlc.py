"""Hybrid logical clock (Kulkarni et al.): stamps that order changes across devices (SYNC.md)."""

from __future__ import annotations

from dataclasses import dataclass

# Stamps compare as strings, so the counter has a fixed width; when it would overflow, the
# logical wall time moves on by one millisecond instead (order is kept, drift stays tiny).
COUNTER_LIMIT = 99_999


@dataclass(frozen=True)
class StampBlock:
    """Consecutive stamps of one millisecond: counters ``first`` to ``first + count - 1``."""

    wall_ms: int
    first: int
    count: int
    device: str

    def stamps(self) -> list[str]:
        prefix, device = f"{self.wall_ms:013d}-", self.device
        return [f"{prefix}{c:05d}-{device}" for c in range(self.first, self.first + self.count)]


@dataclass
class HybridClock:
    """A clock for one device. Stamps sort as strings: ``wall_ms-counter-device``."""

    device: str
    wall_ms: int = 0
    counter: int = 0

    def tick(self, physical_ms: int) -> str:
        """Stamp a local event happening at ``physical_ms`` (milliseconds since the epoch)."""
        if physical_ms > self.wall_ms:
            self.wall_ms, self.counter = physical_ms, 0
        else:
            self.counter += 1
        self._carry()
        return self.stamp()

    def reserve(self, physical_ms: int, count: int) -> StampBlock:
        """Take ``count`` consecutive stamps at once, for a batch stamped elsewhere (an import's
        worker processes); every stamp sorts after all earlier ones and before all later ones."""
        if count <= 0:
            return StampBlock(self.wall_ms, self.counter + 1, 0, self.device)
        self.tick(physical_ms)
        if self.counter + count - 1 > COUNTER_LIMIT:
            # The block does not fit in this millisecond: start it in the next one.
            self.wall_ms, self.counter = self.wall_ms + 1, 0
        block = StampBlock(self.wall_ms, self.counter, count, self.device)
        self.counter += count - 1
        return block

    def ticks(self, physical_ms: int, count: int) -> list[str]:
        """``count`` consecutive stamps made at once (see :meth:`reserve`)."""
        return self.reserve(physical_ms, count).stamps()

    def _carry(self) -> None:
        if self.counter > COUNTER_LIMIT:
            self.wall_ms += 1
            self.counter = 0

    def observe(self, stamp: str, physical_ms: int) -> None:
        """Merge a remote stamp so that later local stamps sort after it."""
        remote_wall, remote_counter = parse_stamp(stamp)[:2]
        wall = max(self.wall_ms, remote_wall, physical_ms)
        if wall == self.wall_ms == remote_wall:
            self.counter = max(self.counter, remote_counter) + 1
        elif wall == self.wall_ms:
            self.counter += 1
        elif wall == remote_wall:
            self.counter = remote_counter + 1
        else:
            self.counter = 0
        self.wall_ms = wall
        self._carry()

    def stamp(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """Split a stamp into (wall milliseconds, counter, device)."""
    wall, counter, device = stamp.split("-", 2)
    return int(wall), int(counter), device
