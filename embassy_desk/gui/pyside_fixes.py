"""Work-arounds for defects of the PySide6 build we ship, applied once when the GUI package loads.

PySide6 6.12 on CPython 3.11 hands some results back to Python without counting a reference to
them: the ``True`` of every ``Signal.emit()`` and the ``None`` of every Qt method that returns
nothing (``label.setText(…)``). Python drops a reference each time it discards such a result, and
after a few thousand calls it frees the singleton and aborts ("bool_dealloc" / "none_dealloc:
deallocating …"). CPython 3.12 made these objects immortal; on 3.11 we lend each of them a number of
references no session can use up.
"""

from __future__ import annotations

import ctypes
import platform
import sys

from PySide6.QtCore import QObject, Signal

# 2**40 lost references: a million a second for twelve days.
_LENT = 1 << 40
_SINGLETONS: tuple[object, ...] = (True, False, None)


class _Probe(QObject):
    ping = Signal(int)


def emit_drops_true() -> bool:
    """Whether ``Signal.emit()`` loses a reference to ``True`` here (the defect this module guards)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.ping.emit(1)
    return sys.getrefcount(True) < before


def _needs_guard() -> bool:
    # Immortal from 3.12 on; a debug build lays the object header out differently.
    return (
        platform.python_implementation() == "CPython"
        and sys.version_info < (3, 12)
        and not hasattr(sys, "gettotalrefcount")
    )


def guard_singletons() -> bool:
    """Lend ``True``, ``False`` and ``None`` enough references (idempotent); whether it was needed."""
    if not _needs_guard():
        return False
    for singleton in _SINGLETONS:
        if sys.getrefcount(singleton) < _LENT // 2:
            # ob_refcnt is the first field of every CPython object.
            ctypes.c_ssize_t.from_address(id(singleton)).value += _LENT
    return True
