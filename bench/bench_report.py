"""The machine the figures were taken on, summary statistics, and the final table."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3


def _cpuinfo() -> tuple[str, int | None]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine(), None
    model = ""
    cores: set[tuple[str, str]] = set()
    physical = core = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "model name" and not model:
            model = value
        elif key == "physical id":
            physical = value
        elif key == "core id":
            core = value
        elif not key and (physical or core):
            cores.add((physical, core))
            physical = core = ""
    if physical or core:
        cores.add((physical, core))
    return model or platform.processor() or platform.machine(), len(cores) or None


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        return None


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine_info() -> dict[str, Any]:
    model, physical = _cpuinfo()
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")

    def one(sql: str) -> Any:
        row = conn.execute(sql).fetchone()
        return None if row is None else row[0]

    info = {
        "cpu_model": model,
        "logical_cpus": os.cpu_count(),
        "physical_cores": physical,
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "sqlcipher": one("PRAGMA cipher_version"),
        "sqlcipher_provider": f"{one('PRAGMA cipher_provider')} {one('PRAGMA cipher_provider_version')}",
        "sqlcipher_sqlite": one("SELECT sqlite_version()"),
        "cipher_memory_security": one("PRAGMA cipher_memory_security"),
        "stdlib_sqlite": sqlite3.sqlite_version,
        "load_average_at_start": load_average(),
    }
    conn.close()
    return info


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (0..100) of already sorted values."""
    if not sorted_values:
        return float("nan")
    pos = (len(sorted_values) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    values = sorted(s * 1000 for s in seconds)
    return {
        "n": len(values),
        "median_ms": round(percentile(values, 50), 3),
        "p95_ms": round(percentile(values, 95), 3),
        "p99_ms": round(percentile(values, 99), 3),
        "max_ms": round(values[-1], 3) if values else float("nan"),
        "mean_ms": round(sum(values) / len(values), 3) if values else float("nan"),
    }


@dataclass
class Line:
    metric: str
    ours: str
    baseline: str
    ratio: float | None
    goal: str
    ok: bool | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "ours": self.ours,
            "baseline": self.baseline,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "goal": self.goal,
            "result": verdict(self.ok),
        }


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("PASS" if ok else "MISS")


def render(lines: Sequence[Line]) -> str:
    header = ("metric", "ours", "baseline", "ratio", "goal", "result")
    rows = [
        (
            line.metric,
            line.ours,
            line.baseline,
            "-" if line.ratio is None else f"{line.ratio:.2f}x",
            line.goal,
            verdict(line.ok),
        )
        for line in lines
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)
