"""The desktop bundle of HEAD, built once into a cache outside the repository (issue 15, "Proof").

The bundle is built by installer/build.py from a ``git clone`` of HEAD (so only committed files go in,
as on a release machine) into ``~/.cache/embassy-desk/bundle/<key>`` (EMBASSY_DESK_BUNDLE_CACHE moves
it), keyed by the clone's content (the git ids of embassy_desk/, resources/, the spec and build
script, pyproject.toml and requirements.lock) and the Python version. Later runs of an unchanged tree
reuse it.

A build takes about three minutes of one core. The test suite runs in one process on a two-core
machine, so tests/conftest.py starts the build in the background (``python -m
tests.release.bundle_cache``, at low priority) as soon as the bundle's tests are collected; by the time
they run, the spare core has built it. The fixture then only waits for it.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = Path(
    os.environ.get("EMBASSY_DESK_BUNDLE_CACHE") or Path.home() / ".cache" / "embassy-desk" / "bundle"
)
# What goes into the bundle (the installer's docs and HQ's files do not).
KEYED_PATHS = (
    "embassy_desk",
    "resources",
    "installer/embassy-desk.spec",
    "installer/build.py",
    "installer/launcher.py",
    "installer/rthooks",
    "pyproject.toml",
    "requirements.lock",
)
LOG = "build.log"
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
DEB = f"embassy-desk_{VERSION}_amd64.deb"
# The background build this test session started, if any (tests/conftest.py).
BACKGROUND: dict[str, subprocess.Popen[bytes]] = {}


def _git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


def cache_key() -> str:
    """What the bundle is made of: HEAD's trees of the packaged paths, and the Python building it."""
    digest = hashlib.sha256()
    for path in KEYED_PATHS:
        digest.update(f"{path}={_git('rev-parse', f'HEAD:{path}')}\n".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:24]


def target() -> Path:
    """The cache folder of HEAD's bundle (its ``dist/`` holds the bundle, the .deb and the tarball)."""
    return CACHE / cache_key()


def is_built() -> bool:
    """True if HEAD's bundle is already in the cache."""
    return (target() / "dist" / DEB).exists()


def _build(into: Path) -> None:
    """Clone HEAD and build the bundle, .deb and tarball into ``into/dist``."""
    staging = into.with_name(into.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    source = staging / "src"
    _git("clone", "--quiet", "--no-hardlinks", str(REPO), str(source))
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, str(source / "installer" / "build.py"),
         "--dist", str(staging / "dist"), "--work", str(staging / "work")],
        cwd=source, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if build.returncode != 0:
        raise RuntimeError(f"installer/build.py failed:\n{build.stdout[-3000:]}{build.stderr[-6000:]}")
    (staging / "build-seconds").write_text(f"{time.monotonic() - started:.0f}\n")
    shutil.rmtree(source)
    shutil.rmtree(staging / "work")
    staging.rename(into)


def ensure_built() -> Path:
    """HEAD's ``dist`` folder, built now unless it is cached. One build at a time on this machine: a
    second caller (the test fixture while the background build runs) waits for the lock, then reuses
    the first one's."""
    into = target()
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (into / "dist" / DEB).exists():
                _build(into)
                for old in CACHE.iterdir():  # bundles of earlier trees: about 350 MB each
                    if old.is_dir() and old.name != into.name:
                        shutil.rmtree(old, ignore_errors=True)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return into / "dist"


def start_in_background() -> None:
    """Start building HEAD's bundle in a low-priority process unless it is cached (or being built by
    this session already); its output goes to ``build.log`` in the cache."""
    if "build" in BACKGROUND or is_built():
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / LOG, "wb") as log:
        BACKGROUND["build"] = subprocess.Popen(
            [sys.executable, "-m", "tests.release.bundle_cache"],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=lambda: os.nice(10),
        )


if __name__ == "__main__":
    ensure_built()
