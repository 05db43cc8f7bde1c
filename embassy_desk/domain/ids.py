"""UUIDv7 identifiers (RFC 9562): time-ordered, made where the record is created, never colliding."""

from __future__ import annotations

import os
import threading
import time
from typing import NewType

CitizenId = NewType("CitizenId", str)
HouseholdId = NewType("HouseholdId", str)
CaseId = NewType("CaseId", str)
ContactId = NewType("ContactId", str)

_lock = threading.Lock()
_last_ms = 0
_seq = 0


def uuid7() -> str:
    """Return a new UUIDv7 as a canonical string; monotonic within this process."""
    global _last_ms, _seq
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _seq += 1
            if _seq > 0xFFF:
                ms += 1
                _seq = 0
        else:
            _seq = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= _seq << 64
        value |= 0b10 << 62
        value |= rand_b
    # Formatting the hex directly is several times faster than building a uuid.UUID; imports
    # make two ids per row.
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
