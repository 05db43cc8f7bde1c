"""The check-in texts speak Russian and Kazakh: checkin_{ru,kk}.ts hold every text of the Check-in
screen and the check-in words added to other views (the dashboard tile, the channel's label, who logged
it), with the same placeholders; and a translator installed at run time changes what they show."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from embassy_desk.gui import vocab_labels
from embassy_desk.gui.duty.reached_labels import channel_word

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "embassy_desk" / "gui" / "checkin"
CATALOGUES = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent
# Texts of other views that came with check-in (their own catalogues predate it).
OUTSIDE = {
    ("Vocabulary", "Check-in by the citizen"),
    ("LastReached", "check-in"),
    ("ContactsTab", "the citizen"),
    ("navigation", "Check-in"),
    ("DashboardView", "Check-ins by citizens"),
    ("DashboardView", "{day} in the last 24 h\n{safe} safe · {help} need help"),
}


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own catalogues
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") == "unfinished"
            found[(name, message.findtext("source") or "")] = "" if unfinished else (translation.text or "")
    return found


def _texts_in_code(tmp_path: Path) -> set[tuple[str, str]]:
    ts = tmp_path / "found.ts"
    files = sorted(str(p) for p in PACKAGE.glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *files, "-ts", str(ts)], check=True, capture_output=True)
    return set(_messages(ts)) | OUTSIDE


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_check_in_text_is_translated(tmp_path: Path, language: str) -> None:
    catalogue = _messages(CATALOGUES / f"checkin_{language}.ts")
    missing = sorted(key for key in _texts_in_code(tmp_path) if not catalogue.get(key))
    assert missing == []
    for (_context, source), translation in catalogue.items():
        assert set(re.findall(r"\{\w+\}", translation)) == set(re.findall(r"\{\w+\}", source)), source
        assert translation.count("&") == source.count("&"), source
        if language == "kk" and len(translation) >= 25:
            assert re.search("[әғқңөұүһі]", translation), translation


def test_a_translator_names_the_channel_in_kazakh(tmp_path: Path, qapp: object) -> None:
    qm = tmp_path / "checkin_kk.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(CATALOGUES / "checkin_kk.ts"), "-qm", str(qm)],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert vocab_labels.channel_labels()["check-in"] == "Азаматтың белгісі"
        assert channel_word("check-in") == "белгі"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert vocab_labels.channel_labels()["check-in"] == "Check-in by the citizen"


# The window's menus take these Alt keys in every screen.
MENU_KEYS = {"en": {"f", "v", "h"}, "ru": {"ф", "в", "с"}, "kk": {"ф", "к", "а"}}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_every_alt_key_of_the_screen_is_its_own(tmp_path: Path, language: str) -> None:
    screen = {("AddressPanel",), ("LinksPanel",), ("PhoneQueue",)}
    if language == "en":
        texts = [source for (context, source) in _texts_in_code(tmp_path) if (context,) in screen]
    else:
        catalogue = _messages(CATALOGUES / f"checkin_{language}.ts")
        texts = [text for (context, _source), text in catalogue.items() if (context,) in screen]
    keys = [m.group(1).lower() for text in texts if (m := re.search(r"&(\w)", text))]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert not set(keys) & MENU_KEYS[language], sorted(set(keys) & MENU_KEYS[language])
