"""The shipped fonts: Noto Sans for Latin and Cyrillic (Kazakh letters included), Nanum Gothic for Hangul.

Loading them into the application means screens look the same on every workstation and match the
printed notices, whatever fonts the machine has.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from embassy_desk.resources import fonts_dir

log = logging.getLogger("embassy_desk.gui")

PRIMARY_FAMILY = "Noto Sans"
HANGUL_FAMILY = "NanumGothic"


def load_fonts() -> list[str]:
    """Register every shipped TrueType font; return the families that loaded."""
    families: list[str] = []
    folder = fonts_dir()
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path.name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def apply_application_font(app: QApplication) -> QFont:
    """Use Noto Sans everywhere, falling back to Nanum Gothic for Hangul."""
    families = load_fonts()
    font = QFont(app.font())
    wanted = [f for f in (PRIMARY_FAMILY, HANGUL_FAMILY) if f in families]
    if wanted:
        font.setFamilies(wanted)
    app.setFont(font)
    return font
