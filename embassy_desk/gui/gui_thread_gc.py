"""Python's cycle collector runs on the GUI thread only.

CPython starts a collection in whichever thread happens to allocate past the threshold. With work on
``QThreadPool`` and ``threading`` workers, that is often a worker, and the collection then runs the
C++ destructor of every Qt object found in unreachable cycles on that worker: an active ``QTimer``
stays registered with the GUI thread's event dispatcher and the next tick touches freed memory
(``Fatal Python error: Segmentation fault``). Qt objects must be deleted on their own thread, so the
automatic collector is switched off and the same generational thresholds are checked by a timer on
the GUI thread instead (the approach pyqtgraph and others take for the same crash).

Reference counting still frees acyclic garbage at once, on any thread; only cycles wait for a tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

__all__ = ["GuiThreadCollector", "install", "installed"]

# Short enough that cycles never pile up (a tick with nothing to do costs microseconds).
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects cycles from a timer on the GUI thread, by the interpreter's own thresholds."""

    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(app)
        self.setObjectName("guiThreadCollector")
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose allocation counts passed their thresholds; return freed."""
        counts = gc.get_count()
        freed = 0
        # Oldest first: a collection of generation n also collects every younger one.
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                freed += gc.collect(generation)
                break
        return freed

    def uninstall(self) -> None:
        """Collect once here, give collection back to the interpreter, and stop the timer."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self.deleteLater()


def installed() -> GuiThreadCollector | None:
    """The collector of the running application, if one was installed."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(GuiThreadCollector, "guiThreadCollector")
    return found if isinstance(found, GuiThreadCollector) else None


def install() -> GuiThreadCollector:
    """Move cycle collection to the GUI thread for the application's lifetime (idempotent).

    Call it on the GUI thread once the QApplication exists, before any worker starts.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("install the collector from the GUI thread")
    return installed() or GuiThreadCollector(app)
