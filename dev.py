#!/usr/bin/env python3
"""Bootstrap and run Embassy Desk from a fresh clone with nothing but Python 3.11+ and git.

    python3 dev.py demo     # install into .venv, build the demo post, open it
    python3 dev.py test     # install into .venv, run lint, type checks and the whole test suite
    python3 dev.py bench    # install into .venv, run the benchmarks (see docs/benchmarks.md)

The virtual environment is re-synchronised only when pyproject.toml or requirements.lock change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".embassy-desk-installed"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _wanted_stamp() -> str:
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "requirements.lock"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def ensure_installed() -> Path:
    """Create .venv and install the pinned dependencies if they are missing or out of date."""
    if sys.version_info < (3, 11):
        sys.exit("Embassy Desk needs Python 3.11 or newer.")
    python = _venv_python()
    if not python.exists():
        print("Creating virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _wanted_stamp()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return python
    print("Installing pinned dependencies ...", flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    subprocess.run([*pip, "-r", str(LOCK)], check=True)
    subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
    STAMP.write_text(wanted)
    return python


def build_translations(python: Path) -> None:
    """Compile the interface translations (resources/translations/*.ts) into the .qm files Qt loads.

    The .qm files are build products (git-ignored); they are rebuilt only when a .ts source is newer.
    """
    folder = ROOT / "resources" / "translations"
    tool = python.with_name("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)], check=True)


def run(python: Path, *args: str) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT).returncode


def cmd_test(extra: list[str]) -> int:
    python = ensure_installed()
    build_translations(python)
    env_ci = os.environ.get("CI", "") == "true"
    steps = [
        ("ruff check", ["-m", "ruff", "check", "."]),
        ("ruff format --check", ["-m", "ruff", "format", "--check", "."]),
        ("mypy", ["-m", "mypy"]),
    ]
    for label, args in steps:
        print(f"== {label}", flush=True)
        if run(python, *args) != 0:
            print(f"{label} failed", flush=True)
            return 1
    print("== pytest", flush=True)
    pytest_args = ["-m", "pytest", *extra]
    if env_ci:
        pytest_args += ["-p", "no:cacheprovider"]
    return run(python, *pytest_args)


def cmd_demo(extra: list[str]) -> int:
    python = ensure_installed()
    build_translations(python)
    where: list[str] = []
    if "--data-dir" in extra[:-1]:
        at = extra.index("--data-dir")
        where = extra[at : at + 2]
    if extra:
        # Options such as --reset or --citizens N shape the demo post: build it that way first.
        code = run(python, "-m", "embassy_desk", "demo", *extra)
        if code:
            return code
    # Builds the demo post if it is missing, then opens the window on it.
    return run(python, "-m", "embassy_desk", *where, "--demo")


def cmd_bench(extra: list[str]) -> int:
    python = ensure_installed()
    return run(python, str(ROOT / "bench" / "run.py"), *extra)


def main() -> int:
    commands = {"test": cmd_test, "demo": cmd_demo, "bench": cmd_bench}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
