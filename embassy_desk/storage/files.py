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
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_write_bytes", "ensure_private_dir", "private_file_mode_ok"]

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


@contextlib.contextmanager
def private_tempdir() -> Iterator[Path]:
    """A 0700 temporary folder, removed with everything in it when the block ends."""
    path = Path(tempfile.mkdtemp(prefix="embassy-desk-"))
    try:
        ensure_private_dir(path)
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def private_file_mode_ok(path: Path) -> bool:
    """Return True if ``path`` has no group or other permission bits (always True on Windows).

    Works for folders too: a private folder is 0700, a private file 0600 (or stricter).
    """
    if not _POSIX:
        return True
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0
