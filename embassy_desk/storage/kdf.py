"""Argon2id key derivation for the vault's key slots (SECURITY promise 2).

Parameters are stored next to each slot, so they are validated whenever they are read back: a vault
header carrying parameters weaker than the policy (less than 64 MiB) is refused rather than used.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = [
    "DEFAULT_KDF",
    "KEY_LENGTH",
    "MAX_CALIBRATED_ITERATIONS",
    "MIN_MEMORY_KIB",
    "TEST_KDF",
    "KdfParams",
    "KdfParamsError",
    "calibrate",
    "derive_key",
]

ALGORITHM = "argon2id"
KEY_LENGTH = 32
MIN_MEMORY_KIB = 65536  # 64 MiB: the floor promised in SECURITY.md.
# Upper bounds only guard against a damaged or hostile header asking for absurd work or memory;
# they sit far above anything calibrate() produces.
MAX_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB
MAX_ITERATIONS = 1024
MAX_LANES = 16
MAX_CALIBRATED_ITERATIONS = 64


class KdfParamsError(ValidationError):
    """Key-derivation parameters that are malformed or weaker than the security policy allows."""

    def __init__(self, message: str) -> None:
        super().__init__("kdf", message)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters. Validated on construction, so weak parameters cannot exist."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        for name in ("memory_kib", "iterations", "lanes"):
            value = getattr(self, name)
            # bool is an int subclass; "true" in a JSON header is damage, not a cost of 1.
            if type(value) is not int:
                raise KdfParamsError(Msg("kdf.whole_number", name=name))
        if self.memory_kib < MIN_MEMORY_KIB:
            raise KdfParamsError(Msg("kdf.memory_low", memory=self.memory_kib, minimum=MIN_MEMORY_KIB))
        if self.memory_kib > MAX_MEMORY_KIB:
            raise KdfParamsError(Msg("kdf.memory_high", memory=self.memory_kib))
        if not 1 <= self.iterations <= MAX_ITERATIONS:
            raise KdfParamsError(Msg("kdf.iterations", max=MAX_ITERATIONS))
        if not 1 <= self.lanes <= MAX_LANES:
            raise KdfParamsError(Msg("kdf.lanes", max=MAX_LANES))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form stored in a vault slot (without the salt, which is per slot)."""
        return {
            "alg": ALGORITHM,
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KdfParams:
        """Read parameters from their JSON form; raise KdfParamsError if malformed or too weak.

        Keys other than the parameters (such as the slot's ``salt``) are ignored.
        """
        if not isinstance(data, Mapping):
            raise KdfParamsError(Msg("kdf.object"))
        if data.get("alg") != ALGORITHM:
            raise KdfParamsError(Msg("kdf.algorithm", expected=ALGORITHM))
        missing = [k for k in ("memory_kib", "iterations", "lanes") if k not in data]
        if missing:
            raise KdfParamsError(Msg("kdf.missing", keys=", ".join(missing)))
        return cls(memory_kib=data["memory_kib"], iterations=data["iterations"], lanes=data["lanes"])


# The cheapest parameters the policy allows: for tests only, where speed matters more than cost.
TEST_KDF = KdfParams(memory_kib=MIN_MEMORY_KIB, iterations=1, lanes=4)
# RFC 9106 §4, second recommended option; used when no calibration result is at hand.
DEFAULT_KDF = KdfParams(memory_kib=MIN_MEMORY_KIB, iterations=3, lanes=4)


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 32-byte key from ``secret`` (e.g. a passphrase's UTF-8) with Argon2id."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def _time_derivation(params: KdfParams, repeats: int) -> float:
    # The fastest of several runs estimates the machine's real cost; slower runs measure
    # interference from other processes, which would otherwise bias the result towards weaker keys.
    salt = b"embassy-desk/cal"
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        derive_key(b"calibration", salt, params)
        best = min(best, time.perf_counter() - start)
    return best


def calibrate(target_seconds: float = 0.5, *, memory_kib: int = MIN_MEMORY_KIB, lanes: int = 4) -> KdfParams:
    """Choose Argon2id parameters so one derivation takes about ``target_seconds`` on this machine.

    Memory stays at ``memory_kib`` and only iterations are scaled (1 to 64). The memory floor wins
    over the time target: on a machine too slow for even one pass in time, the result is 1 iteration
    at the given memory, never less memory.

    Why iterations rather than memory: the vault header travels with backups and may be opened on an
    older or busier laptop. There a larger iteration count only makes the unlock slower, while a
    larger memory demand can fail to allocate (or swap heavily) and lock people out of the data.
    64 MiB with several passes is at or above RFC 9106's second recommended setting (64 MiB, t=3).
    Callers who know the fleet has memory to spare can pass a larger ``memory_kib``.
    """
    if not target_seconds > 0:
        raise ValueError("target_seconds must be positive")
    span = 4
    one = KdfParams(memory_kib=memory_kib, iterations=1, lanes=lanes)
    more = KdfParams(memory_kib=memory_kib, iterations=1 + span, lanes=lanes)
    # Cost is not proportional to iterations: allocating and filling the memory is a fixed cost
    # that one pass dominates. Fitting fixed + per-pass cost from two points avoids undershooting
    # the target by about half, which dividing by the one-pass time would do. The points are four
    # passes apart because a narrower gap left the slope (and the result) at the mercy of noise.
    t1 = _time_derivation(one, repeats=2)
    t_more = _time_derivation(more, repeats=2)
    per_pass = max((t_more - t1) / span, t1 / 10, 1e-6)
    fixed = max(t1 - per_pass, 0.0)
    iterations = round((target_seconds - fixed) / per_pass)
    iterations = max(1, min(MAX_CALIBRATED_ITERATIONS, iterations))
    return KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
