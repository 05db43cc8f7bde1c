"""Where the window remembers its layout and language (QSettings, organisation "Embassy Desk").

``EMBASSY_DESK_SETTINGS_DIR`` points the settings at an INI file in another folder: tests and
screenshots use it so they never read or write the person's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "Embassy Desk"
APPLICATION = "Embassy Desk"
SETTINGS_DIR_ENV = "EMBASSY_DESK_SETTINGS_DIR"


def app_settings() -> QSettings:
    """The settings store of this OS user (or of the folder named by ``EMBASSY_DESK_SETTINGS_DIR``)."""
    override = os.environ.get(SETTINGS_DIR_ENV)
    if override:
        return QSettings(str(Path(override) / "embassy-desk.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
