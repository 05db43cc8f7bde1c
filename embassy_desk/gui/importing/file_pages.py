"""The first pages of the import wizard: choose a file, see its first rows, map its columns."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.gui.citizen.labels import field_labels
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.file_dialogs import Purpose, open_file
from embassy_desk.gui.importing import mapping_memory
from embassy_desk.gui.importing.state import WizardState
from embassy_desk.gui.widgets import named
from embassy_desk.importing.headers import FIELDS, FULL_NAME, IGNORE, match_header, normalize_header
from embassy_desk.importing.tabular import first_rows, open_table

_ERROR_STYLE = "color: #b3261e;"
_NOTE_STYLE = "color: #4a4a4a;"
# Rows read for the preview: the header may sit below a few title rows.
_READ_ROWS = 30


class ImportFilePage(QWizardPage):
    """Choose the file: CSV in any encoding staff have (old Windows-1251 with semicolons too) or
    an Excel workbook. What was recognised is said at once."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "A table of citizens: CSV (any encoding, commas, semicolons or tabs) or an Excel "
                "workbook (.xlsx). Nothing is imported before the last step."
            )
        )
        self.path = named(QLineEdit(), "importPath")
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.path.editingFinished.connect(lambda: self.load(Path(self.path.text().strip())))
        choose = named(QPushButton(self.tr("Choose…")), "chooseFile")
        choose.clicked.connect(self._choose)
        self.info = named(QLabel(wordWrap=True), "fileInfo")
        self.error = named(QLabel(wordWrap=True), "fileError")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        line = QHBoxLayout()
        line.addWidget(self.path, 1)
        line.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _choose(self) -> None:
        chosen = open_file(
            self,
            Purpose.IMPORT,
            self.tr("Import citizens"),
            self.tr("Tables (*.csv *.xlsx *.txt);;All files (*)"),
        )
        if chosen is not None:
            self.load(chosen)

    def load(self, path: Path) -> bool:
        """Read ``path``'s first rows and recognise its columns; False (and why) if it cannot be read."""
        state = self._state
        state.path, state.rows, state.source, state.header_index = None, [], None, 0
        state.check = state.report = None
        state.import_anyway.clear()
        self.path.setText(str(path))
        self.error.hide()
        self.info.clear()
        try:
            if not str(path).strip() or path.is_dir():
                raise ValidationError("file", Msg("importwiz.no_file"))
            rows = first_rows(path, _READ_ROWS)
            try:
                source = open_table(path)
            except ValidationError as exc:
                if exc.field != "header":
                    raise
                source, problem = None, error_text(exc)
            else:
                problem = ""
        except ValidationError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.completeChanged.emit()
            return False
        if not rows:
            self.error.setText(error_text(Msg("table.empty", file=path.name)))
            self.error.show()
            self.completeChanged.emit()
            return False
        state.path, state.rows, state.source = path, rows, source
        if source is not None:
            state.header_index = next((i for i, cells in enumerate(rows) if cells == source.headers), 0)
        self.info.setText(self._describe(problem))
        self.completeChanged.emit()
        return True

    def _describe(self, problem: str) -> str:
        state = self._state
        source = state.source
        if source is None:
            return self.tr("The columns were not recognised (%1). Name them on the mapping page.").replace(
                "%1", problem
            )
        if source.kind == "xlsx":
            kind = self.tr("Excel workbook, sheet “%1”.").replace("%1", source.sheet or "")
        else:
            encoding = (source.encoding or "utf-8").casefold()
            if encoding == "cp1251":
                named_encoding = self.tr("Windows-1251 (old Windows Cyrillic)")
            elif encoding.startswith("utf-16"):
                named_encoding = "UTF-16"
            else:
                named_encoding = "UTF-8"
            separator = {
                ";": self.tr("semicolons"),
                "\t": self.tr("tabs"),
            }.get(source.delimiter or ",", self.tr("commas"))
            kind = (
                self.tr("Text table in %1, columns separated by %2.")
                .replace("%1", named_encoding)
                .replace("%2", separator)
            )
        found = self.tr("Header on row %1; %2 of %3 columns recognised.")
        found = (
            found.replace("%1", str(source.header_row))
            .replace("%2", str(len(source.mapping)))
            .replace("%3", str(len([h for h in source.headers if h.strip()])))
        )
        return f"{kind} {found}"

    def isComplete(self) -> bool:
        return self._state.path is not None and bool(self._state.rows)


class ImportPreviewPage(QWizardPage):
    """The first rows of the file as they were read, before any judgement."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr("The first rows as they were read. Wrong letters mean a wrong file, not a wrong step.")
        )
        self.table = named(QTableWidget(), "previewTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.note = named(QLabel(wordWrap=True), "previewNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def initializePage(self) -> None:
        state = self._state
        headers, rows = state.headers, state.data_rows
        width = max([len(headers), *(len(r) for r in rows)]) if headers or rows else 0
        self.table.clear()
        self.table.setColumnCount(width)
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers + [""] * (width - len(headers)))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.note.setText(
            self.tr("Showing the first %1 rows of %2.")
            .replace("%1", str(len(rows)))
            .replace("%2", state.path.name if state.path else "")
        )


class ImportMappingPage(QWizardPage):
    """Which field each column holds: suggested from the headers (or remembered from the last file
    with the same headers), changeable per column, "Ignore" allowed."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Say which field each column holds. The choice is remembered for the next file with "
                "the same columns."
            )
        )
        self.table = named(QTableWidget(0, 3), "mappingTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Field")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.note = named(QLabel(wordWrap=True), "mappingNote")
        self.note.setStyleSheet(_NOTE_STYLE)
        self.error = named(QLabel(wordWrap=True), "mappingError")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        reset = named(QPushButton(self.tr("Suggest again from the headers")), "suggestAgain")
        reset.clicked.connect(lambda: self._fill(remembered=None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        line = QHBoxLayout()
        line.addWidget(self.note, 1)
        line.addWidget(reset)
        layout.addLayout(line)
        layout.addWidget(self.error)
        self._combos: list[tuple[str, QComboBox]] = []

    def _choices(self) -> list[tuple[str, str]]:
        labels = field_labels()
        items = [(self.tr("Ignore this column"), IGNORE)]
        items.append((self.tr("Full name (split into the name fields)"), FULL_NAME))
        items += [(self._label(name, labels), name) for name in FIELDS]
        return items

    def _label(self, name: str, labels: dict[str, str] | None = None) -> str:
        labels = labels if labels is not None else field_labels()
        text = labels.get(name) or labels.get(f"{name}s") or name
        if name.startswith("emergency_contact"):
            text = self.tr("Emergency contact: %1").replace("%1", text)
        return text

    def initializePage(self) -> None:
        self._fill(remembered=mapping_memory.recall(self._state.headers))

    def _fill(self, *, remembered: dict[str, str] | None) -> None:
        state = self._state
        headers = state.headers
        automatic = dict(state.source.mapping) if state.source is not None else {}
        taken: set[str] = set(automatic.values())
        choices = self._choices()
        self.error.hide()
        self.table.setRowCount(0)
        self._combos = []
        for index, header in enumerate(headers):
            if not header.strip():
                continue
            if remembered is not None and header in remembered:
                target = remembered[header]
            elif header in automatic:
                target = automatic[header]
            else:
                guess = match_header(header) if state.source is None else None
                target = guess if guess and guess not in taken else IGNORE
                taken.add(target)
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(header))
            samples = [cells[index] for cells in state.data_rows[:3] if index < len(cells) and cells[index]]
            self.table.setItem(row, 1, QTableWidgetItem(" · ".join(samples)))
            combo = named(QComboBox(), f"mapField{len(self._combos)}")
            for label, value in choices:
                combo.addItem(label, value)
            if not normalize_header(header):
                # "№", "#": a header of no letters or digits cannot be named in a mapping.
                target = IGNORE
                combo.setEnabled(False)
            combo.setCurrentIndex(max(0, combo.findData(target)))
            combo.currentIndexChanged.connect(lambda _i: self.error.hide())
            self.table.setCellWidget(row, 2, combo)
            self._combos.append((header, combo))
        self.table.resizeColumnToContents(2)
        state.remembered = remembered is not None
        self.note.setText(
            self.tr("Remembered from the last file with these columns.")
            if remembered is not None
            else self.tr("Suggested from the headers.")
        )

    def combo(self, header: str) -> QComboBox:
        """The field chooser of the column headed ``header`` (tests)."""
        return next(combo for text, combo in self._combos if text == header)

    def mapping(self) -> dict[str, str]:
        """Header text → field (``"-"``: ignored) as chosen now."""
        return {
            header: str(combo.currentData()) for header, combo in self._combos if normalize_header(header)
        }

    def validatePage(self) -> bool:
        state = self._state
        mapping = self.mapping()
        try:
            seen: dict[str, str] = {}
            for header, target in mapping.items():
                if target == IGNORE:
                    continue
                if target in seen:
                    raise ValidationError(
                        "mapping",
                        Msg(
                            "importwiz.field_twice",
                            field=self._label(target),
                            first=seen[target],
                            second=header,
                        ),
                    )
                seen[target] = header
            assert state.path is not None
            source = open_table(state.path, mapping=mapping)
        except ValidationError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        state.source, state.mapping = source, mapping
        state.header_index = next((i for i, cells in enumerate(state.rows) if cells == source.headers), 0)
        state.check = None
        state.import_anyway.clear()
        mapping_memory.remember(state.headers, mapping)
        return True
