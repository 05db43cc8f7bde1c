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


# First hex digit of rand_b's top byte -> the same digit with the RFC 9562 variant bits (10xx).
_VARIANT_DIGIT = {f"{v:x}": f"{0x8 | (v & 0x3):x}" for v in range(16)}


def uuid7_many(n: int) -> list[str]:
    """Return ``n`` new UUIDv7 strings in increasing order, with the guarantees of :func:`uuid7`.

    The ids share uuid7's clock and counter, so they sort after every id made before the call
    and before every id made after it, in this process. One ``os.urandom`` call, one hex
    conversion and one lock serve the whole batch, which makes an id several times cheaper.
    """
    global _last_ms, _seq
    if n < 0:
        raise ValueError(f"cannot make {n} ids")
    noise = os.urandom(10 * n)
    # rand_b of id k is hex digits [16k, 16k + 16); the last 2n bytes seed fresh counters.
    rand_hex = noise[: 8 * n].hex()
    seeds = noise[8 * n :]
    variant = _VARIANT_DIGIT
    out: list[str] = []
    append = out.append
    clock = time.time_ns
    with _lock:
        last, seq = _last_ms, _seq
        prefix = ""
        prefix_ms = -1
        for k in range(n):
            # The same steps as uuid7, on local copies of the shared state.
            ms = clock() // 1_000_000
            if ms <= last:
                ms = last
                seq += 1
                if seq > 0xFFF:
                    ms += 1
                    seq = 0
            else:
                seq = ((seeds[2 * k] << 8) | seeds[2 * k + 1]) & 0x3FF
            last = ms
            if ms != prefix_ms:
                # unix_ts_ms and the version digit change once a millisecond, not once an id.
                stamp = f"{ms & ((1 << 48) - 1):012x}"
                prefix, prefix_ms = f"{stamp[:8]}-{stamp[8:]}-7", ms
            r = rand_hex[16 * k : 16 * k + 16]
            append(f"{prefix}{seq:03x}-{variant[r[0]]}{r[1:4]}-{r[4:]}")
        _last_ms, _seq = last, seq
    return out


def pair_id(parent_id: str, citizen_id: str) -> str:
    """The id of a person's place under a campaign or a flight (``CAMPAIGN:CITIZEN``,
    ``FLIGHT:CITIZEN``): one record per person and list wherever it was written, so two workstations
    that add the same person merge instead of colliding."""
    return f"{parent_id}:{citizen_id}"
