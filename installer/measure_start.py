"""Time from starting Embassy Desk to its window on screen (docs/benchmarks.md, "Start-up").

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python installer/measure_start.py \\
        --data-dir /tmp/ws --runs 5 -- dist/embassy-desk/embassy-desk

Runs the given command (the bundle's program, or ``.venv/bin/embassy-desk``) ``--runs`` times on a
workstation folder (which shows the unlock screen), each time polling ``xdotool`` until a window
titled "Embassy Desk" is mapped, then ends that process. Prints each time, the first and the median.
With ``--cold DIR`` (the bundle folder; or the virtualenv and the Python installation it uses) those files
are dropped from the page cache before each run, as after a reboot. Needs an X server (Xvfb) and
xdotool; nothing in the app changes.
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


def evict(folders: list[Path]) -> None:
    """Drop the files of ``folders`` from the page cache (a cold start, as after a reboot), without root."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    descriptor = os.open(path, os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(descriptor)


def one_start(command: list[str], data_dir: Path, timeout: float) -> float:
    """Seconds from process start until its window is visible."""
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    started = time.monotonic()
    app = subprocess.Popen(  # noqa: S603 - the command given on our own command line
        [*command, "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Polled every 20 ms: `xdotool search --sync` retries only every half second.
    search = [shutil.which("xdotool") or "xdotool", "search", "--onlyvisible", "--pid", str(app.pid)]
    try:
        while time.monotonic() - started < timeout:
            found = subprocess.run([*search, "--name", "Embassy Desk"], capture_output=True, check=False)  # noqa: S603
            if found.returncode == 0 and found.stdout.strip():
                return time.monotonic() - started
            if app.poll() is not None:
                error = app.stderr.read()[-2000:] if app.stderr else ""
                raise SystemExit(f"the app ended (exit {app.returncode}) before showing its window\n{error}")
            time.sleep(0.02)
        raise SystemExit(f"no window within {timeout:.0f} s")
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
    parser.add_argument(
        "--cold", type=Path, action="append", default=[], metavar="DIR",
        help="evict DIR's files from the page cache before each run (repeatable): cold starts",
    )  # fmt: skip
    parser.add_argument("command", nargs="+", help="the program to start (after --)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        raise SystemExit("no DISPLAY: run under xvfb-run")
    times = []
    for _ in range(args.runs):
        evict(args.cold)
        times.append(one_start(args.command, args.data_dir, args.timeout))
    print(" ".join(f"{value:.2f}" for value in times))
    print(f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s over {len(times)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
