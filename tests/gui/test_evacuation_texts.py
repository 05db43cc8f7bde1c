"""The evacuation screen speaks Russian and Kazakh: its catalogues hold every text of its widgets, and the
screen follows a language switch."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from pytestqt.qtbot import QtBot

from embassy_desk.gui.evacuation.view import EvacuationView
from embassy_desk.services.session import Session

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "embassy_desk" / "gui" / "evacuation"
CATALOGUES = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent


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
    """Every text lupdate finds in the package, and the vocabulary labels it cannot see (``_t``)."""
    ts = tmp_path / "found.ts"
    files = sorted(str(p) for p in PACKAGE.glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *files, "-ts", str(ts)], check=True, capture_output=True)
    texts = set(_messages(ts))
    for module, context in (("labels.py", "EvacuationLabels"), ("tables.py", "EvacuationTables")):
        source = (PACKAGE / module).read_text(encoding="utf-8")
        texts |= {(context, text) for text in re.findall(r'_t\("((?:[^"\\]|\\.)*)"\)', source)}
    return texts


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_text_of_the_screen_is_translated(tmp_path: Path, language: str) -> None:
    catalogue = _messages(CATALOGUES / f"evacuation_{language}.ts")
    missing = sorted(key for key in _texts_in_code(tmp_path) if not catalogue.get(key))
    assert missing == []
    for (_context, source), translation in catalogue.items():
        assert set(re.findall(r"\{\w+\}", translation)) == set(re.findall(r"\{\w+\}", source)), source


def test_the_screen_follows_a_language_switch(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    qm = tmp_path / "evacuation_kk.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(CATALOGUES / "evacuation_kk.ts"), "-qm", str(qm)],
        check=True,
    )
    view = EvacuationView(admin)
    qtbot.addWidget(view)
    assert view.build_button.text() == "Build &manifest"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.build_button.text() == "&Тізім құру")
        assert view.panel.tabs.tabText(1) == "Күту тізімі (0)"
        model = view.panel.passengers_model
        assert model.headerData(1, Qt.Orientation.Horizontal) == "Төлқұжаттағыдай аты-жөні"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.build_button.text() == "Build &manifest")
