"""Loads the ordered id list of the registry table off the GUI thread.

Ordering a million ids can take a second or more (columns without an index sort in a temporary
b-tree), so the list is built on a worker thread: the first page goes to the table as soon as SQLite
produces it, the complete list follows. Every load carries a generation number; a newer request
cancels the older one (through the service's progress callback) and late results are ignored.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from array import array

from PySide6.QtCore import QObject, Signal

from embassy_desk.domain.errors import Cancelled, EmbassyDeskError
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.registry.model import PAGE
from embassy_desk.services import browse
from embassy_desk.services.browse import BrowseQuery
from embassy_desk.services.session import Session

log = logging.getLogger(__name__)


class IdListLoader(QObject):
    """Runs :func:`browse.ordered_rids` on a worker thread and reports on the GUI thread."""

    first_page = Signal(int, object, object)  # generation, array('q') of the first ids, their rows
    finished = Signal(int, object, int)  # generation, array('q') of all ids, registry total
    failed = Signal(int, str)  # generation, message for people

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._generation = 0
        self._stop = threading.Event()
        # Set once, when the view goes away: every load stops and reports nothing more.
        self.closed = threading.Event()
        # Held while a worker checks ``closed`` and posts a signal, and while ``closed`` is set: once
        # the view's destruction has set it, no worker is inside emit() on an object being deleted.
        self.emit_lock = threading.Lock()

    @property
    def generation(self) -> int:
        return self._generation

    def load(self, query: BrowseQuery, *, with_total: bool) -> int:
        """Start loading ``query``'s ids, cancelling any load still running; returns its generation."""
        self.cancel()
        self._generation += 1
        stop = threading.Event()
        self._stop = stop
        threading.Thread(
            target=self._run,
            args=(self._generation, query, with_total, stop),
            name="registry-ids",
            daemon=True,
        ).start()
        return self._generation

    def cancel(self) -> None:
        """Ask the running load to stop; it stops within milliseconds and reports nothing."""
        self._stop.set()

    def _run(self, generation: int, query: BrowseQuery, with_total: bool, stop: threading.Event) -> None:
        closed = self.closed

        def progress(_done: int) -> None:
            if stop.is_set() or closed.is_set():
                raise Cancelled("a newer view of the registry was asked for")

        ids: array[int] = array("q")
        try:
            first = True
            for chunk in browse.ordered_rids(self._session, query, progress=progress):
                ids.extend(chunk)
                if first:
                    first = False
                    # The rows of the first page too: in a sorted order their row ids are scattered
                    # over the file, and reading them cold can take longer than a frame.
                    rows = browse.rows_by_rid(self._session, list(ids[:PAGE]))
                    self._emit(stop, "first_page", generation, array("q", ids), rows)
            total = -1
            if with_total:
                total = len(ids) if not query.filtered else browse.total_citizens(self._session)
            self._emit(stop, "finished", generation, ids, total)
        except Cancelled:
            return
        except EmbassyDeskError as exc:
            self._emit(stop, "failed", generation, error_text(exc))
        except Exception:
            # Nothing personal reaches the log: the query text is not logged.
            log.exception("loading the registry ids failed")
            self._emit(stop, "failed", generation, "the registry could not be read; see the log")

    def _emit(self, stop: threading.Event, signal: str, *args: object) -> None:
        with self.emit_lock:
            if stop.is_set() or self.closed.is_set():
                return
            # RuntimeError: the view (and this loader with it) was destroyed while the worker ran.
            with contextlib.suppress(RuntimeError):
                getattr(self, signal).emit(*args)
