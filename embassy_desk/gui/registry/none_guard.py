"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Every call of a Qt method that returns nothing (``label.setText(…)``, ``timer.start()``…) hands back
``None`` without taking a reference to it, and Python drops one when it discards the result. ``None``
starts with a few thousand references, so after a few thousand such calls the interpreter aborts
with "Fatal Python error: none_dealloc" (reproduced: 5,000 ``QLabel.setText`` calls in a fresh
process). Python 3.12 made ``None`` immortal; on 3.11 we lend it a vast number of references once,
which no session can use up. This belongs at application start-up; calling it again is harmless.
"""

from __future__ import annotations

import ctypes
import sys

_LENT = 1 << 40


def keep_none_alive() -> None:
    """Make sure ``None`` can never run out of references in this process (idempotent)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        # Immortal there; and a debug build lays the object header out differently.
        return
    if sys.getrefcount(None) > _LENT // 2:
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _LENT
