"""GUI benchmark: the registry screen over a large workstation, offscreen, beside the raw service calls.

    python bench/bench_gui.py --registry /var/tmp/bench/registry      # a workstation built by run.py
    python3 dev.py bench --only gui --keep /var/tmp/bench               # the same, through run.py

Figures (each beside its baseline where one exists):

* open: from the end of ``unlock`` (the KDF is reported apart) to the first rows painted in the
  registry table; baseline: the service calls that the first page needs (the first chunk of
  ``browse.ordered_rids`` and ``browse.rows_by_rid`` of those 200 rows), without Qt.
* search: a keystroke that completes a query, to its results painted; the box waits 150 ms for typing
  to pause, so the time after that pause is reported too. Baseline: ``registry.search(limit=50)``.
* stalls: the longest gap of a 5 ms heartbeat QTimer on the GUI thread while the million ids load,
  while a person types queries key by key, and while the table is scrolled to its end.
* memory: resident set size of this process after all that (VmRSS) and its peak (VmHWM).

Prints a table and writes the figures as JSON (``--json FILE``) for run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_report import Line, percentile, render, summary_ms

HERE = Path(__file__).resolve().parent
SEARCH_DEBOUNCE_MS = 150  # checked against the view's own value in measure()

USER = "bench"
PASSPHRASE = "amber kettle over nine hills"  # noqa: S105 - the throw-away benchmark workstation
HEARTBEAT_MS = 5
TYPING_INTERVAL_MS = 60  # a fast typist: about 16 keys a second
SCROLL_STEPS = 60

GOAL_OPEN_S = 1.0
GOAL_SEARCH_P95_MS = 100.0
GOAL_STALL_MS = 100.0
GOAL_RSS_MIB = 600.0


class Heartbeat:
    """A timer that should tick every 5 ms; the longest gap between ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest gap beyond the interval, in ms."""
        self._tick()
        self.timer.stop()
        return max(0.0, self.worst * 1000 - HEARTBEAT_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now


def spin_until(app: Any, done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > end:
            raise TimeoutError("the registry view did not finish in time")
        app.processEvents()
        time.sleep(0.0005)


def type_key(widget: Any, text: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MiB."""
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, amount, _unit = line.split()
                values[name[:-1]] = int(amount) / 1024
    return values.get("VmRSS", float("nan")), values.get("VmHWM", float("nan"))


def baseline_first_page(session: Any) -> float:
    from embassy_desk.services import browse
    from embassy_desk.services.browse import BrowseQuery

    start = time.perf_counter()
    first = next(iter(browse.ordered_rids(session, BrowseQuery())))
    browse.rows_by_rid(session, first)
    return time.perf_counter() - start


def measure(registry_dir: Path, *, queries: int, seed: int, say: Callable[[str], None]) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Header state goes to a throw-away settings folder, never the user's.
    os.environ["EMBASSY_DESK_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="embassy-gui-bench-settings-")
    from bench_workload import make_queries, samples_from_db
    from PySide6.QtWidgets import QApplication

    from embassy_desk.gui.registry import view as registry_view
    from embassy_desk.gui.registry.view import RegistryView
    from embassy_desk.services import registry
    from embassy_desk.services.workstation import unlock
    from embassy_desk.storage.workstation import WorkstationPaths

    assert registry_view.SEARCH_DEBOUNCE_MS == SEARCH_DEBOUNCE_MS
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    paths = WorkstationPaths(registry_dir)
    out: dict[str, Any] = {}

    # -- open ---------------------------------------------------------------------------------------
    start = time.perf_counter()
    session = unlock(paths, USER, PASSPHRASE)
    unlocked = time.perf_counter()
    out["unlock_s"] = round(unlocked - start, 3)
    heartbeat = Heartbeat()
    heartbeat.start()
    view = RegistryView(session)
    view.resize(1400, 900)
    view.show()
    first_rows: list[float] = []

    def painted() -> None:
        if not first_rows and view.model.rowCount() > 0:
            view.table.viewport().repaint()
            first_rows.append(time.perf_counter())

    view.rows_shown.connect(painted)
    spin_until(app, lambda: bool(first_rows))
    out["open_to_first_rows_s"] = round(first_rows[0] - unlocked, 4)
    spin_until(app, lambda: not view.is_loading())
    out["open_to_all_ids_s"] = round(time.perf_counter() - unlocked, 3)
    out["stall_open_ms"] = round(heartbeat.stop(), 1)
    out["rows"] = view.model.rowCount()
    out["status"] = view.status.text()
    view.rows_shown.disconnect(painted)
    base = [baseline_first_page(session) for _ in range(5)]
    out["baseline_first_page_s"] = round(statistics.median(base), 4)
    say(
        f"open: first rows painted {out['open_to_first_rows_s'] * 1000:.1f} ms after unlock "
        f"({out['unlock_s']:.2f} s), all {out['rows']:,} ids {out['open_to_all_ids_s']:.2f} s, "
        f"worst stall {out['stall_open_ms']:.1f} ms"
    )

    # -- search latency -----------------------------------------------------------------------------
    with session.read() as conn:
        dbapi = conn.connection.driver_connection
        samples = samples_from_db(dbapi, queries, seed)
    mix = make_queries(samples, queries, seed)
    records: list[dict[str, Any]] = []
    for q in mix:
        view.search.clear()
        spin_until(app, lambda: not view.is_loading())
        shown: list[float] = []

        def on_rows(shown: list[float] = shown) -> None:
            if not shown:
                view.table.viewport().repaint()
                shown.append(time.perf_counter())

        view.rows_shown.connect(on_rows)
        t_key = time.perf_counter()
        view.search.setText(q.text)  # the keystroke that completes the query
        spin_until(app, lambda shown=shown: bool(shown) and not view.is_loading())
        view.rows_shown.disconnect(on_rows)
        total = shown[0] - t_key
        t0 = time.perf_counter()
        found = registry.search(session, q.text, limit=50)
        raw = time.perf_counter() - t0
        records.append(
            {
                "kind": q.kind,
                "total_ms": round(total * 1000, 2),
                "after_pause_ms": round(total * 1000 - SEARCH_DEBOUNCE_MS, 2),
                "service_ms": round(raw * 1000, 2),
                "rows": view.model.rowCount(),
                "service_rows": len(found),
            }
        )
    after = sorted(r["after_pause_ms"] for r in records)
    totals = sorted(r["total_ms"] for r in records)
    service = sorted(r["service_ms"] for r in records)
    out["search"] = {
        "queries": len(records),
        "after_pause": summary_ms([v / 1000 for v in after]),
        "keystroke_to_painted": summary_ms([v / 1000 for v in totals]),
        "service": summary_ms([v / 1000 for v in service]),
        "per_kind_after_pause_median_ms": {
            kind: statistics.median(r["after_pause_ms"] for r in records if r["kind"] == kind)
            for kind in dict.fromkeys(r["kind"] for r in records)
        },
        "records": records,
    }
    say(
        f"search: after the {SEARCH_DEBOUNCE_MS} ms pause p95 {percentile(after, 95):.1f} ms "
        f"(median {percentile(after, 50):.1f}); registry.search p95 {percentile(service, 95):.1f} ms"
    )

    # -- stalls while typing ------------------------------------------------------------------------
    view.search.clear()
    spin_until(app, lambda: not view.is_loading())
    typed = [q.text for q in mix[: min(16, len(mix))]]
    heartbeat.start()
    for text in typed:
        view.search.clear()
        for ch in text:
            type_key(view.search, ch)
            end = time.perf_counter() + TYPING_INTERVAL_MS / 1000
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.0005)
        spin_until(app, lambda: not view.is_loading())
    out["stall_typing_ms"] = round(heartbeat.stop(), 1)
    out["typed_queries"] = len(typed)
    say(f"typing {len(typed)} queries key by key: worst stall {out['stall_typing_ms']:.1f} ms")

    # -- stalls while scrolling to the end ---------------------------------------------------------
    view.search.clear()
    spin_until(app, lambda: not view.is_loading())
    bar = view.table.verticalScrollBar()
    heartbeat.start()
    scroll_start = time.perf_counter()
    for step in range(1, SCROLL_STEPS + 1):
        bar.setValue(bar.maximum() * step // SCROLL_STEPS)
        end = time.perf_counter() + 0.016
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.0005)
    out["scroll_seconds"] = round(time.perf_counter() - scroll_start, 2)
    out["stall_scrolling_ms"] = round(heartbeat.stop(), 1)
    out["last_row_text"] = bool(view.model.index(view.model.rowCount() - 1, 0).data())
    out["page_fetches"] = view.model.page_fetches
    say(
        f"scrolling to row {view.model.rowCount():,} in {SCROLL_STEPS} steps: worst stall "
        f"{out['stall_scrolling_ms']:.1f} ms ({view.model.page_fetches} page fetches in all)"
    )

    rss, peak = rss_mib()
    out["rss_mib"] = round(rss, 1)
    out["peak_rss_mib"] = round(peak, 1)
    say(f"memory: {rss:.0f} MiB resident, peak {peak:.0f} MiB")
    view.close()
    view.deleteLater()
    app.processEvents()
    session.lock()
    return out


def lines(data: dict[str, Any]) -> list[Line]:
    """The rows this benchmark adds to run.py's table."""
    search = data["search"]
    stall = max(data["stall_open_ms"], data["stall_typing_ms"], data["stall_scrolling_ms"])
    return [
        Line(
            f"GUI: open to first rows painted ({data['rows']:,} citizens)",
            f"{data['open_to_first_rows_s'] * 1000:.1f} ms",
            f"{data['baseline_first_page_s'] * 1000:.1f} ms first-page service calls",
            data["open_to_first_rows_s"] / data["baseline_first_page_s"],
            f"<= {GOAL_OPEN_S:g} s after the KDF",
            data["open_to_first_rows_s"] <= GOAL_OPEN_S,
        ),
        Line(
            "  GUI: search p95, after the typing pause",
            f"{search['after_pause']['p95_ms']:.1f} ms",
            f"{search['service']['p95_ms']:.1f} ms registry.search",
            search["after_pause"]["p95_ms"] / search["service"]["p95_ms"],
            f"<= {GOAL_SEARCH_P95_MS:g} ms",
            search["after_pause"]["p95_ms"] <= GOAL_SEARCH_P95_MS,
        ),
        Line(
            "  GUI: search p95, keystroke to painted",
            f"{search['keystroke_to_painted']['p95_ms']:.1f} ms",
            f"incl. {SEARCH_DEBOUNCE_MS} ms pause",
            None,
            "-",
            None,
        ),
        Line(
            "  GUI: longest GUI-thread stall",
            f"{stall:.1f} ms",
            f"open {data['stall_open_ms']:.0f} / typing {data['stall_typing_ms']:.0f} / "
            f"scrolling {data['stall_scrolling_ms']:.0f} ms",
            None,
            f"<= {GOAL_STALL_MS:g} ms",
            stall <= GOAL_STALL_MS,
        ),
        Line(
            "  GUI: resident memory",
            f"{data['rss_mib']:.0f} MiB (peak {data['peak_rss_mib']:.0f})",
            "-",
            None,
            f"<= {GOAL_RSS_MIB:g} MiB",
            data["peak_rss_mib"] <= GOAL_RSS_MIB,
        ),
    ]


def phase_gui(bench: Any) -> None:
    """run.py's "gui" phase: this script in a process of its own, on the registry run.py built."""
    paths = bench.ensure_registry()
    with bench.phase("gui") as data:
        out = bench.tmp / "gui.json"
        command = [sys.executable, str(HERE / "bench_gui.py"), "--registry", str(paths.root)]
        command += ["--json", str(out), "--seed", str(bench.seed)]
        subprocess.run(command, check=True)
        figures = json.loads(out.read_text())
        data.update(figures)
        bench.lines += lines(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", type=Path, required=True, help="workstation folder built by run.py")
    parser.add_argument("--queries", type=int, default=80, help="search queries timed (80)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f}s] {message}", flush=True)

    data = measure(args.registry, queries=args.queries, seed=args.seed, say=say)
    print(render(lines(data)))
    if args.json:
        args.json.write_text(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
