#!/usr/bin/env python3
"""Bootstrap and run Embassy Desk from a fresh clone with nothing but Python 3.11+ and git.

    python3 dev.py demo     # install into .venv, build the demo post, open it
    python3 dev.py test     # install into .venv, run lint, type checks and the whole test suite
    python3 dev.py bench    # install into .venv, run the benchmarks (see docs/benchmarks.md)
    python3 dev.py package  # install into .venv, build the desktop bundle, .deb and tarball into dist/

The virtual environment is re-synchronised only when pyproject.toml or requirements.lock change.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import subprocess
import sys
import venv
from collections.abc import Callable, Mapping
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


# Debian packages the test suite drives for real: the browser of the HQ console's tests (Playwright
# drives /usr/bin/chromium; its own browser downloads are never used) and binutils, which PyInstaller
# reads shared libraries with.
SYSTEM_PACKAGES: dict[str, str] = {"/usr/bin/chromium": "chromium", "/usr/bin/objdump": "binutils"}


def ensure_system_packages(required: bool) -> bool:
    """Install the Debian packages the tests need when they are missing and this is a Debian machine
    where we may (root with apt-get). Returns True if all are present; when ``required`` (CI) and one
    is still missing, says which and returns False."""
    missing = [package for path, package in SYSTEM_PACKAGES.items() if not Path(path).exists()]
    if not missing:
        return True
    apt = Path("/usr/bin/apt-get")
    if apt.exists() and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"Installing Debian packages: {' '.join(missing)} ...", flush=True)
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = [str(apt), "install", "-y", "--no-install-recommends", *missing]
        if subprocess.run(install, env=quiet, stdout=subprocess.DEVNULL).returncode != 0:
            subprocess.run([str(apt), "update", "-q"], env=quiet, stdout=subprocess.DEVNULL)
            subprocess.run(install, env=quiet, stdout=subprocess.DEVNULL)
        missing = [package for path, package in SYSTEM_PACKAGES.items() if not Path(path).exists()]
    if missing:
        print(
            f"Missing Debian packages: {' '.join(missing)} (sudo apt-get install {' '.join(missing)}); "
            "the tests that need them " + ("cannot run." if required else "will be skipped."),
            flush=True,
        )
    return not missing


def run(python: Path, *args: str) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT).returncode


def cmd_test(extra: list[str]) -> int:
    python = ensure_installed()
    build_translations(python)
    env_ci = os.environ.get("CI", "") == "true"
    if not ensure_system_packages(required=env_ci) and env_ci:
        return 1
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
    common = ["-p", "no:cacheprovider"] if env_ci else []
    if extra:
        return run(python, "-m", "pytest", *common, *extra)
    # Two processes, one per core, each taking whole test files (so a module's fixtures are made once);
    # the desktop window's tests run after them in this process's main thread, as Qt requires (an xdist
    # worker's own I/O thread can trigger a garbage collection of Qt objects off the GUI thread).
    parallel = ["-m", "pytest", *common, "-n", "2", "--dist", "loadfile", "--ignore", "tests/gui"]
    code = run(python, *parallel)
    print("== pytest tests/gui", flush=True)
    return run(python, "-m", "pytest", *common, "tests/gui") or code


# What Qt's xcb platform plugin (PySide6 6.11) and QtGui load on Linux, read from their ELF NEEDED
# entries, with the Debian/Ubuntu package that ships each. Without one of them Qt prints "could not
# load the Qt platform plugin xcb" and aborts the process.
XCB_LIBRARIES: dict[str, str] = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
}
MISSING_LIBRARIES_EXIT = 3


def library_loads(soname: str) -> bool:
    """True if the dynamic loader finds ``soname`` (and what it needs) as Qt would load it."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str], platform: str) -> bool:
    """True when Qt will open its window through the xcb plugin (X11) on this machine."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "xcb", "xcb:option", or a list tried in order ("wayland;xcb" only falls back to xcb).
        return chosen.split(";")[0].split(":")[0].strip() == "xcb"
    if not env.get("DISPLAY"):
        return False
    # On a Wayland session Qt chooses its wayland plugin, which needs none of the xcb libraries.
    return not (env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"))


def missing_packages(find: Callable[[str], bool] = library_loads) -> list[str]:
    """The Debian packages of the xcb plugin's libraries that ``find`` cannot load, in a stable order."""
    packages: list[str] = []
    for soname, package in XCB_LIBRARIES.items():
        if not find(soname) and package not in packages:
            packages.append(package)
    return packages


def screen_libraries_problem(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    find: Callable[[str], bool] | None = None,
) -> str | None:
    """What to tell the person when the window would abort for want of system libraries, else None.

    Defaults: this process's environment and platform, and the dynamic loader.
    """
    if not uses_xcb(os.environ if env is None else env, sys.platform if platform is None else platform):
        return None
    missing = missing_packages(library_loads if find is None else find)
    if not missing:
        return None
    return (
        "The desktop window (Qt's X11 platform plugin) needs system libraries that are missing here:\n"
        f"  {' '.join(missing)}\n"
        "Install them with:\n"
        f"  sudo apt-get install {' '.join(missing)}\n"
        "(Other distributions: install the packages that provide the same libraries.)\n"
        "Then run this command again."
    )


def cmd_demo(extra: list[str]) -> int:
    problem = screen_libraries_problem()
    if problem:
        # Before installing or building anything: Qt itself would end in an abort.
        print(problem, file=sys.stderr)
        return MISSING_LIBRARIES_EXIT
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


def cmd_package(extra: list[str]) -> int:
    python = ensure_installed()
    build_translations(python)
    ensure_system_packages(required=True)
    return run(python, str(ROOT / "installer" / "build.py"), *extra)


def main() -> int:
    commands = {"test": cmd_test, "demo": cmd_demo, "bench": cmd_bench, "package": cmd_package}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
