"""Column mappings remembered per header set, in the window settings (QSettings).

A post receives the same lists again and again (the consular register's export, a ministry
form). Once a person has mapped the columns of such a file, the next file with the same headers
gets the same mapping. The key is a digest of the normalised headers (so case, spaces and
punctuation do not matter); the value is header text → field (``"-"``: ignored). Header texts are
column names, never a person's data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from embassy_desk.gui.qsettings import app_settings
from embassy_desk.importing.headers import IGNORE, MAPPABLE_FIELDS, normalize_header

GROUP = "importMappings"


def header_key(headers: Sequence[str]) -> str:
    """The settings key of a header set."""
    joined = "\x1f".join(normalize_header(text) for text in headers if text.strip())
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


def recall(headers: Sequence[str]) -> dict[str, str] | None:
    """The mapping remembered for ``headers`` (only entries still valid), or None."""
    raw = app_settings().value(f"{GROUP}/{header_key(headers)}")
    if not isinstance(raw, str):
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    known = set(headers)
    mapping = {
        str(header): str(target)
        for header, target in data.items()
        if header in known and (target in MAPPABLE_FIELDS or target == IGNORE)
    }
    return mapping or None


def remember(headers: Sequence[str], mapping: dict[str, str]) -> None:
    """Remember ``mapping`` for files with these ``headers``."""
    settings = app_settings()
    settings.setValue(f"{GROUP}/{header_key(headers)}", json.dumps(mapping, ensure_ascii=False))
    settings.sync()
