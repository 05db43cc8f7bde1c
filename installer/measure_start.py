"""Time from starting Embassy Desk to its window on screen (docs/benchmarks.md, "Start-up").

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python installer/measure_start.py \\
        --data-dir /tmp/ws --runs 5 -- dist/embassy-desk/embassy-desk

Runs the given command (the bundle's program, or ``.venv/bin/embassy-desk``) ``--runs`` times on a
workstation folder (which shows the unlock screen), each time waiting with ``xdotool`` until a window
titled "Embassy Desk" is mapped, then ends that process. Prints each time, the first (the coldest: file
caches not yet warm) and the median. Needs an X server (Xvfb) and xdotool; nothing in the app changes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def one_start(command: list[str], data_dir: Path, timeout: float) -> float:
    """Seconds from process start until its window is visible."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    started = time.monotonic()
    app = subprocess.Popen(  # noqa: S603 - the command given on our own command line
        [*command, "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(  # noqa: S603
            [shutil.which("xdotool") or "xdotool", "search", "--sync", "--onlyvisible", "--pid",
             str(app.pid), "--name", "Embassy Desk"],
            check=True, timeout=timeout, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        return time.monotonic() - started
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def main() -> int:
    """Measure and print the start times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="an existing workstation folder")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("command", nargs="+", help="the program to start (after --)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("no DISPLAY: run under xvfb-run")
    times = [one_start(args.command, args.data_dir, args.timeout) for _ in range(args.runs)]
    print(" ".join(f"{value:.2f}" for value in times))
    print(f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s over {len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
