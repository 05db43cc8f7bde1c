"""Exporting the registry to CSV or XLSX for headquarters and partners (officers; audited)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from embassy_desk.domain.errors import ValidationError
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage.citizens import STORED
from embassy_desk.storage.files import atomic_write_bytes

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


def _rows(session: Session) -> Iterator[list[str]]:
    with session.read() as conn:
        result = conn.exec_driver_sql(f"SELECT {_SOURCE} FROM citizens ORDER BY rid")
        for row in result:
            yield _flatten(dict(zip(_SOURCE_NAMES, row, strict=True)))


def export_citizens(session: Session, target: Path, *, progress: Progress | None = None) -> int:
    """Write every citizen to ``target`` (.csv or .xlsx, chosen by its extension); return the count.

    The file is written atomically with private permissions, only where the user asked.
    """
    session.require(Action.EXPORT)
    suffix = target.suffix.casefold()
    if suffix not in {".csv", ".xlsx"}:
        raise ValidationError("file", f"{target.name}: export to a .csv or .xlsx file")
    count = 0
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_COLUMNS)
        for row in _rows(session):
            writer.writerow(row)
            count += 1
            if progress and count % 10_000 == 0:
                progress(count)
        # UTF-8 with a BOM so that Excel on an embassy PC shows Cyrillic correctly.
        data = buffer.getvalue().encode("utf-8-sig")
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("citizens")
        sheet.append(list(EXPORT_COLUMNS))
        for row in _rows(session):
            sheet.append(row)
            count += 1
        out = io.BytesIO()
        workbook.save(out)
        data = out.getvalue()
    atomic_write_bytes(target, data)
    with session.write(Action.EXPORT) as uow:
        uow.audit("registry.export", details={"citizens": count, "format": suffix.lstrip(".")})
    return count
