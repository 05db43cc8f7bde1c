"""Interface languages (English, Russian, Kazakh), switched at run time.

The Qt Linguist sources live in ``resources/translations/*.ts``; the compiled ``.qm`` files are build
products. ``dev.py`` builds them before ``demo`` and ``test``; if they are missing when the app starts
(a fresh clone run without dev.py) they are built here with ``pyside6-lrelease`` into a private cache.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from embassy_desk.gui.qsettings import app_settings
from embassy_desk.resources import translations_dir

log = logging.getLogger("embassy_desk.gui")

# Names are written in their own language so a person finds theirs whatever is on screen now.
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "kk": "Қазақша"}
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "language"
_current = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the window speaks now ("en", "ru", "kk"): errors and formats follow it."""
    return _current


def _lrelease() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lrelease")


def _cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("EmbassyDesk", appauthor=False)) / "translations"


def translation_stems(language: str) -> list[str]:
    """The catalogues of ``language``: the core's ``embassy_desk_LANG`` first, then one per screen area
    (``campaigns_LANG``, ``evacuation_LANG``...), so that areas grow without editing one file."""
    folder = translations_dir()
    stems = {path.stem for path in folder.glob(f"*_{language}.ts")}
    stems |= {path.stem for path in folder.glob(f"*_{language}.qm")}
    core = f"embassy_desk_{language}"
    return [core, *sorted(stems - {core})]


def compiled_translation(language: str, stem: str | None = None) -> Path | None:
    """The ``.qm`` file of ``stem`` (default: the core catalogue of ``language``), building it from its
    ``.ts`` source if needed."""
    name = stem or f"embassy_desk_{language}"
    source = translations_dir() / f"{name}.ts"
    for folder in (translations_dir(), _cache_dir()):
        candidate = folder / f"{name}.qm"
        if candidate.exists() and (
            not source.exists() or candidate.stat().st_mtime >= source.stat().st_mtime
        ):
            return candidate
    if not source.exists():
        return None
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; interface stays in English")
        return None
    for folder in (translations_dir(), _cache_dir()):
        target = folder / f"{name}.qm"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(  # noqa: S603 - a fixed tool on our own files
                [tool, "-silent", str(source), "-qm", str(target)], check=True, capture_output=True
            )
        except (OSError, subprocess.CalledProcessError):
            continue
        if target.exists():
            return target
    return None


def system_language() -> str:
    """The OS language if the interface has it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


class Translations:
    """Installs the translators of one language; Qt then sends every widget a LanguageChange event."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def saved_language(self) -> str:
        """The language chosen last time on this computer (or the OS language)."""
        value = app_settings().value(SETTINGS_KEY, "")
        return value if isinstance(value, str) and value in LANGUAGES else system_language()

    def set_language(self, language: str, *, remember: bool = True) -> bool:
        """Switch the whole interface to ``language``; False if its translation is missing."""
        if language not in LANGUAGES:
            return False
        app = QCoreApplication.instance()
        if app is None:
            return False
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        found = True
        if language != DEFAULT_LANGUAGE:
            found = False
            for stem in translation_stems(language):
                qm = compiled_translation(language, stem)
                own = QTranslator(app)
                if qm is not None and own.load(str(qm)):
                    app.installTranslator(own)
                    self._installed.append(own)
                    found = found or stem == f"embassy_desk_{language}"
            # Qt's own strings: standard buttons (OK, Cancel), context menus of text fields, file and
            # print dialogs. PySide6 ships qtbase_ru and qtbase_kk; the few texts they lack ("Look in",
            # "Files of type", "Page Set", a folder's type) are in our own .ts files under Qt's
            # contexts. Translators are searched newest first, so Qt's catalogue wins where it has a
            # text and ours fills only its gaps.
            qt_base = QTranslator(app)
            if qt_base.load(
                f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                app.installTranslator(qt_base)
                self._installed.append(qt_base)
        QLocale.setDefault(QLocale(language))
        self.language = language
        global _current
        _current = language
        if remember:
            app_settings().setValue(SETTINGS_KEY, language)
        if language != DEFAULT_LANGUAGE and not found:
            log.warning("no translation for %s", language)
        return found
