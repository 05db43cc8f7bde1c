"""What the pages of the import wizard share: the file, its columns, the check and the choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.importing.tabular import TableSource
from embassy_desk.services.importer import ImportReport
from embassy_desk.services.session import Session

#: Data rows shown on the preview page (and read for it).
PREVIEW_ROWS = 20


@dataclass
class WizardState:
    """The wizard's choices so far. ``rows`` are the first rows of the file as texts (header
    included, at ``header_index``); ``source`` is the table as the importer will read it (None
    while the header names no known field); ``mapping`` is header text → field or ``"-"``."""

    session: Session
    runner: TaskRunner
    path: Path | None = None
    rows: list[list[str]] = field(default_factory=list)
    header_index: int = 0
    source: TableSource | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    remembered: bool = False
    check: ImportReport | None = None
    import_anyway: set[int] = field(default_factory=set)
    all_or_nothing: bool = False
    report: ImportReport | None = None

    @property
    def headers(self) -> list[str]:
        if self.source is not None:
            return list(self.source.headers)
        return list(self.rows[self.header_index]) if self.rows else []

    @property
    def data_rows(self) -> list[list[str]]:
        return self.rows[self.header_index + 1 : self.header_index + 1 + PREVIEW_ROWS]

    @property
    def total_rows(self) -> int:
        """Rows of the file, as the check counted them (0 before the check)."""
        check = self.check
        if check is None:
            return 0
        return (check.held_back if check.rolled_back else check.imported) + len(check.rejected)

    @property
    def skipped(self) -> set[int]:
        """Likely duplicates the person chose not to import."""
        if self.check is None:
            return set()
        return {entry.row for entry in self.check.duplicates} - self.import_anyway
