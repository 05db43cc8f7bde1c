"""Private, crash-safe files (SECURITY promise 9): 0700 folders, 0600 files, atomic replacement.

Everything the app writes that holds secrets or personal data goes through these helpers, so a
crash or power loss leaves either the old or the new file (never a torn one) and no other OS user
can read it. On Windows the POSIX modes do not apply: the per-user profile folder's ACL keeps the
files private there, and the directory fsync is skipped (Windows cannot open a folder for fsync).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "SCRATCH_DIR_NAME",
    "atomic_write_bytes",
    "clean_scratch",
    "ensure_private_dir",
    "loose_paths",
    "private_file_mode_ok",
    "private_tempdir",
    "scratch_dir",
    "tighten",
]

_POSIX = os.name == "posix"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Filesystems that cannot fsync a directory (some FUSE/network mounts) report one of these; the
# rename itself has still happened, so failing the whole write would only lose the new content.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF}


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) and make it private to the OS user; return it.

    An existing folder is chmod-ed to 0700 as well, because a folder made earlier by another tool
    (or an older version) may be world-readable. Parents are left alone (they may be the home).
    """
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        # mkdir's mode is filtered by the umask and ignored for an existing folder.
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable: without it a power cut can bring back the old entry.
    if not _POSIX:
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the file is created private (0600 on POSIX).

    Readers see either the complete old file or the complete new one. If anything fails, the
    temporary file is removed and the old file is left as it was.
    """
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A private binary file that replaces ``path`` atomically when the block ends without error,
    so large files (exports) can be streamed instead of built in memory."""
    directory = path.parent
    # Same folder as the target so os.replace is a rename on one filesystem (atomic), never a copy.
    tmp = directory / f".{path.name}.{secrets.token_hex(8)}.tmp"
    # O_EXCL: never write through a file or symlink someone planted under the temp name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, PRIVATE_FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            if _POSIX:
                # The umask can only narrow the mode; set it exactly so the result is predictable.
                os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        # BaseException too: a KeyboardInterrupt mid-write must not leave a stray copy behind.
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


SCRATCH_DIR_NAME = "scratch"
_SCRATCH_PREFIX = "embassy-desk-"
_LOCK_NAME = ".in-use"


def scratch_dir(data_dir: Path) -> Path:
    """The data folder's private scratch area (``DATA_DIR/scratch``, 0700), created if missing.

    Temporary files that hold personal data or encrypted copies (backup copies and their journals,
    export spill files, PDFs being assembled) belong here rather than in the shared system temp
    folder: it is private to the OS user, lies on the same disk as the data (so nothing leaks onto
    another volume), and :func:`clean_scratch` removes what a killed process left behind. Use
    ``private_tempdir(scratch_dir(data_dir))`` for one operation's folder.
    """
    return ensure_private_dir(data_dir / SCRATCH_DIR_NAME)


def try_lock(fd: int) -> bool:
    """Take an exclusive, non-blocking lock on ``fd``; the OS drops it when its process dies."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def private_tempdir(parent: Path | None = None) -> Iterator[Path]:
    """A 0700 temporary folder, removed with everything in it when the block ends.

    With ``parent`` (normally :func:`scratch_dir`) the folder is made there and holds a lock for as
    long as the block runs, so :func:`clean_scratch` in another process never removes it while it is
    in use, and removes it once its owner was killed. Without ``parent`` it goes to the system temp
    folder (only for data that is not personal).
    """
    path = Path(tempfile.mkdtemp(prefix=_SCRATCH_PREFIX, dir=None if parent is None else str(parent)))
    lock_fd: int | None = None
    try:
        ensure_private_dir(path)
        if parent is not None:
            lock_fd = os.open(path / _LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
            try_lock(lock_fd)
        yield path
    finally:
        if lock_fd is not None:
            # Closed before the removal: Windows cannot delete a file that is still open.
            os.close(lock_fd)
        shutil.rmtree(path, ignore_errors=True)


def clean_scratch(data_dir: Path) -> int:
    """Remove what killed processes left in ``data_dir``'s scratch area; return how many entries.

    Called at every start and unlock. Folders of operations still running (in this or another
    process) hold their lock and are left alone; stray files (an interrupted copy, a journal) go.
    Never raises for a folder it cannot remove: a leftover is retried at the next start.
    """
    area = data_dir / SCRATCH_DIR_NAME
    if not area.is_dir() or area.is_symlink():
        return 0
    removed = 0
    for entry in list(area.iterdir()):
        try:
            if entry.is_dir() and not entry.is_symlink():
                if _owner_alive(entry):
                    continue
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed += 1
    return removed


def _owner_alive(folder: Path) -> bool:
    try:
        fd = os.open(folder / _LOCK_NAME, os.O_RDWR)
    except FileNotFoundError:
        # Made but not yet locked, or a folder of some other origin: a just-created folder gets
        # the benefit of the doubt for a minute.
        try:
            return folder.stat().st_mtime > time.time() - 60
        except OSError:
            return False
    except OSError:
        return True
    try:
        return not try_lock(fd)
    finally:
        os.close(fd)


def private_file_mode_ok(path: Path) -> bool:
    """Return True if ``path`` has no group or other permission bits (always True on Windows).

    Works for folders too: a private folder is 0700, a private file 0600 (or stricter).
    """
    if not _POSIX:
        return True
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def loose_paths(root: Path) -> list[Path]:
    """Folders and files under ``root`` (itself included) that other OS users may read or write.

    Symlinks are not followed (and not reported): the app never makes them. Empty on Windows, where
    the profile folder's ACL keeps the data private.
    """
    if not _POSIX or not root.is_dir():
        return []
    found: list[Path] = []
    for path in (root, *sorted(root.rglob("*"))):
        try:
            if not path.is_symlink() and not private_file_mode_ok(path):
                found.append(path)
        except OSError:
            continue
    return found


def tighten(root: Path) -> list[Path]:
    """Make everything :func:`loose_paths` finds private again (0700 folders, 0600 files); return it."""
    changed: list[Path] = []
    for path in loose_paths(root):
        try:
            os.chmod(path, PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE)
        except OSError:
            continue
        changed.append(path)
    return changed
