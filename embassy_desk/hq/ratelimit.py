"""Token buckets that keep one device (or one client address) from flooding HQ.

Each key (a device id, or a client address for enrollment) has a bucket of ``burst`` tokens that
refills at ``rate`` tokens per second; a request takes one token, and a request that finds the bucket
empty is told how long to wait (429 with ``Retry-After``). The buckets live in the server process:
HQ runs as one uvicorn process (docs/hq.md), so one process sees every request.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class TokenBuckets:
    """A token bucket per key. Thread-safe: dependencies may run in the worker threads too.

    ``max_keys`` bounds the memory a stream of made-up keys can take: when it is reached, the buckets
    that have refilled completely (they hold no state worth keeping) are dropped first, then the
    least recently used ones.
    """

    def __init__(
        self,
        *,
        rate: float,
        burst: int,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Take a token for ``key``: 0.0 if allowed, else the seconds to wait before a retry."""
        with self._lock:
            now = self._clock()
            bucket = self._buckets.pop(key, None)
            if bucket is None:
                if len(self._buckets) >= self.max_keys:
                    self._prune(now)
                bucket = _Bucket(tokens=float(self.burst), updated=now)
            else:
                elapsed = max(0.0, now - bucket.updated)
                bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
                bucket.updated = now
            # Re-inserting keeps the dict in least-recently-used order for pruning.
            self._buckets[key] = bucket
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.rate

    def wait(self, key: str) -> float:
        """Seconds until ``key`` has a token again (0.0 if it has one now); takes nothing."""
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                return 0.0
            elapsed = max(0.0, self._clock() - bucket.updated)
            tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate)
            return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        full = [
            key
            for key, bucket in self._buckets.items()
            if bucket.tokens + (now - bucket.updated) * self.rate >= self.burst
        ]
        for key in full:
            del self._buckets[key]
        # Still too many: drop the oldest half (dicts keep insertion order, oldest first).
        if len(self._buckets) >= self.max_keys:
            for key in list(self._buckets)[: len(self._buckets) // 2 + 1]:
                del self._buckets[key]


def retry_after_header(wait: float) -> str:
    """The ``Retry-After`` value for a wait in seconds: whole seconds, at least 1 (RFC 9110)."""
    return str(max(1, math.ceil(wait)))
