"""Exporting the registry to CSV or XLSX for headquarters and partners (officers; audited)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.browse import Scope, scope_audit, scope_where
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage.citizens import STORED
from embassy_desk.storage.files import (
    PRIVATE_FILE_MODE,
    atomic_writer,
    ensure_private_dir,
    private_tempdir,
    scratch_dir,
    try_lock,
)

# Exported columns use the import's field names, so an export can be imported elsewhere as is.
EXPORT_COLUMNS = (
    "id",
    *(c for c in STORED if c not in {"name_key", "phones", "messengers", "emergency_contact"}),
    "phone",
    "messenger",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
)
_SOURCE = ", ".join(("id", *(c for c in STORED if c != "name_key")))
_SOURCE_NAMES = ("id", *(c for c in STORED if c != "name_key"))
Progress = Callable[[int], None]

# A spreadsheet reads a cell starting with one of these as a formula (or a DDE command), so an
# exported value starting with one is neutralised (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Digits and separators only (a phone "+82 10-1234-5678"): no letters, quotes or "|", so no
# function, reference or command can be written; left as they are so numbers stay numbers.
_INERT = re.compile(r"[\d\s+\-;,.()]*")


def neutralise(value: str) -> str:
    """A cell value a spreadsheet will show as text: a formula-like value gets a leading ``'``.

    The import strips that quote again (see ``importer.unquote``), so an export re-imports as is.
    """
    if value.startswith(FORMULA_TRIGGERS) and not _INERT.fullmatch(value):
        return "'" + value
    return value


def _flatten(row: dict[str, Any]) -> list[str]:
    out: dict[str, str] = {}
    for column, value in row.items():
        if value is None:
            continue
        if column == "phones":
            out["phone"] = "; ".join(entry["number"] for entry in json.loads(value))
        elif column == "languages":
            out[column] = ", ".join(json.loads(value))
        elif column == "messengers":
            out["messenger"] = "; ".join(f"{e['service']}:{e['handle']}" for e in json.loads(value))
        elif column == "emergency_contact":
            data = json.loads(value)
            for key in ("name", "phone", "relation"):
                out[f"emergency_contact_{key}"] = data.get(key) or ""
        else:
            out[column] = str(value)
    return [out.get(column, "") for column in EXPORT_COLUMNS]


def _rows(session: Session, scope: Scope) -> Iterator[list[str]]:
    where = scope_where(scope)
    if where is None:
        return
    with session.read() as conn:
        result = conn.exec_driver_sql(
            f"SELECT {_SOURCE} FROM citizens{where[0]} ORDER BY rid", tuple(where[1])
        )
        for row in result:
            yield _flatten(dict(zip(_SOURCE_NAMES, row, strict=True)))


def _write_csv(session: Session, target: Path, progress: Progress | None, scope: Scope) -> int:
    count = 0
    with atomic_writer(target) as raw:
        # UTF-8 with a BOM so that Excel on an embassy PC shows Cyrillic correctly.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow(EXPORT_COLUMNS)
        for row in _rows(session, scope):
            writer.writerow([neutralise(value) if value[:1] in FORMULA_TRIGGERS else value for value in row])
            count += 1
            if progress and count % 10_000 == 0:
                progress(count)
        text.flush()
        text.detach()
    return count


_TEMPDIR_LOCK = threading.Lock()


def _write_xlsx(session: Session, target: Path, scope: Scope) -> int:
    from openpyxl import Workbook

    count = 0
    # openpyxl's write-only sheets spill rows to temporary files (openpyxl.*, full rows in
    # plain text). They go to a private folder in the data folder's scratch area, removed
    # afterwards; if the export is killed, the next unlock removes it (SECURITY.md promises 4
    # and 21). Never the shared temp folder, where a killed export left them for anyone.
    with _TEMPDIR_LOCK, private_tempdir(scratch_dir(session.paths.root)) as spill:
        previous, tempfile.tempdir = tempfile.tempdir, str(spill)
        try:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("citizens")
            sheet.append(list(EXPORT_COLUMNS))
            for row in _rows(session, scope):
                sheet.append([_text_cell(sheet, value) for value in row])
                count += 1
            with atomic_writer(target) as raw:
                workbook.save(raw)
        finally:
            tempfile.tempdir = previous
    return count


def _text_cell(sheet: Any, value: str) -> Any:
    """``value`` as a cell openpyxl writes as a string, never as a formula or an error code.

    openpyxl turns a string starting with "=" into a live ``<f>`` formula (and "#N/A" into an
    error cell); those get a cell forced to the string type. The rest pass through, which is
    faster and gives the same string cell.
    """
    if value[:1] not in ("=", "#"):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


#: Folder of the data folder where each export in progress notes the file it is writing, so that
#: the next unlock removes the half-written copy a killed export leaves beside its target
#: (SECURITY.md promise 4: no personal bytes left in the exports folder).
PENDING_DIR = "exports-pending"


@contextlib.contextmanager
def _noted(root: Path, target: Path) -> Iterator[None]:
    """Note (in ``root``'s :data:`PENDING_DIR`, locked while the block runs) that ``target`` is
    being written; the note goes when the block ends however it ends, except by a kill."""
    folder = ensure_private_dir(root / PENDING_DIR)
    note = folder / f"{secrets.token_hex(8)}.json"
    fd = os.open(note, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        try_lock(fd)
        os.write(fd, json.dumps({"folder": str(target.resolve().parent), "name": target.name}).encode())
        yield
    finally:
        os.close(fd)
        note.unlink(missing_ok=True)


def _leftovers(folder: Path, name: str) -> list[Path]:
    """The temporary copies :func:`atomic_writer` makes while it writes ``folder/name``."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{16}}\.tmp")
    return [entry for entry in folder.iterdir() if pattern.fullmatch(entry.name)]


def clean_interrupted_exports(root: Path) -> int:
    """Remove the half-written copies that exports killed before they finished left beside their
    targets; return how many. Called at every unlock. Exports still running (their note is
    locked) are left alone, and so is any copy of a target one of them is writing."""
    folder = root / PENDING_DIR
    if not folder.is_dir():
        return 0
    live: set[tuple[str, str]] = set()
    dead: list[tuple[Path, dict[str, Any]]] = []
    for note in sorted(folder.glob("*.json")):
        try:
            fd = os.open(note, os.O_RDWR)
        except OSError:
            continue
        try:
            data = json.loads(os.read(fd, 1 << 16) or b"{}")
            target = (str(data["folder"]), str(data["name"]))
            if try_lock(fd):
                dead.append((note, data))
            else:
                live.add(target)
        except (OSError, ValueError, KeyError, TypeError):
            dead.append((note, {}))
        finally:
            os.close(fd)
    removed = 0
    for note, data in dead:
        with contextlib.suppress(OSError, KeyError):
            target = (str(data["folder"]), str(data["name"]))
            if target not in live:
                for leftover in _leftovers(Path(target[0]), target[1]):
                    leftover.unlink()
                    removed += 1
        with contextlib.suppress(OSError):
            note.unlink()
    return removed


def export_citizens(
    session: Session, target: Path, *, progress: Progress | None = None, scope: Scope | None = None
) -> int:
    """Write the citizens of ``scope`` (everyone by default: see :class:`browse.Scope`) to
    ``target`` (.csv or .xlsx, chosen by its extension); return the count. The audit entry says
    which scope, by criteria and ids, never by names.

    The file is written atomically with private permissions, only where the user asked.
    """
    session.require(Action.EXPORT)
    suffix = target.suffix.casefold()
    if suffix not in {".csv", ".xlsx"}:
        raise ValidationError("file", Msg("export.bad_type", name=target.name))
    scope = scope or Scope()
    scoped = scope_audit(session, scope)
    with _noted(session.paths.root, target):
        if suffix == ".csv":
            count = _write_csv(session, target, progress, scope)
        else:
            count = _write_xlsx(session, target, scope)
    with session.write(Action.EXPORT) as uow:
        uow.audit("registry.export", details={"citizens": count, "format": suffix.lstrip("."), **scoped})
    return count
