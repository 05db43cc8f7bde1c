"""Where the shipped resources (fonts, notice texts, translations) live.

The repository keeps them in the top-level ``resources/`` folder beside the package; an installer may put
them elsewhere and say so with ``EMBASSY_DESK_RESOURCES``.
"""

from __future__ import annotations

import os
from pathlib import Path

_REPO_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resource_dir() -> Path:
    """The folder holding ``fonts/``, ``messages/``, ``notices/`` and ``translations/``."""
    override = os.environ.get("EMBASSY_DESK_RESOURCES")
    return Path(override) if override else _REPO_RESOURCES


def fonts_dir() -> Path:
    """TrueType fonts covering Kazakh and Russian Cyrillic, Latin and Hangul (SIL OFL 1.1)."""
    return resource_dir() / "fonts"


def notices_dir() -> Path:
    """Notice templates, one file per kind and language."""
    return resource_dir() / "notices"


def messages_dir() -> Path:
    """Russian and Kazakh texts of the coded messages (``ru.toml``, ``kk.toml``); see domain.messages."""
    return resource_dir() / "messages"


def translations_dir() -> Path:
    """Qt Linguist ``.ts`` sources and the ``.qm`` files built from them."""
    return resource_dir() / "translations"
