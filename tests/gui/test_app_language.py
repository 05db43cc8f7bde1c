"""The interface switches language at run time: menus, unlock screen, navigation and status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from embassy_desk.gui.i18n import Translations, compiled_translation
from embassy_desk.gui.notices import labels
from embassy_desk.gui.qsettings import app_settings
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE
from tests.gui.test_unlock_lock import sign_in


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


def window_in(qtbot: QtBot, paths: WorkstationPaths, translations: Translations) -> MainWindow:
    window = MainWindow(paths, translations=translations)
    qtbot.addWidget(window)
    window.show()
    return window


def test_compiled_translations_exist_for_russian_and_kazakh() -> None:
    for language in ("ru", "kk"):
        qm = compiled_translation(language)
        assert qm is not None and qm.stat().st_size > 1000


def test_menu_and_unlock_screen_switch_to_russian_and_kazakh(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations
) -> None:
    window = window_in(qtbot, paths, translations)
    assert window.file_menu.title() == "&File"
    assert window.unlock_screen.button.text() == "&Unlock"

    window.language_actions["ru"].trigger()
    # Qt delivers LanguageChange events through the event loop.
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Файл")
    assert window.lock_action.text() == "&Заблокировать"
    assert window.unlock_screen.button.text() == "&Разблокировать"
    assert window.unlock_screen.language.currentData() == "ru", "both language choices agree"
    assert app_settings().value("language") == "ru", "the choice is remembered"

    # The unlock screen's own language box switches too.
    window.unlock_screen.language.setCurrentIndex(window.unlock_screen.language.findData("kk"))
    qtbot.waitUntil(lambda: window.view_menu.title() == "&Көрініс")
    assert window.file_menu.title() == "&Файл"
    assert window.view_menu.title() == "&Көрініс"
    assert window.unlock_screen.button.text() == "Құлыпты &ашу"
    assert window.language_actions["kk"].isChecked()


def test_signed_in_window_follows_the_language(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations
) -> None:
    window = window_in(qtbot, paths, translations)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    workspace = window.workspace
    assert workspace is not None
    assert workspace.navigation.item(0).text() == "Registry"
    translations.set_language("ru")
    qtbot.waitUntil(lambda: workspace.navigation.item(0).text() == "Реестр")
    assert window.status.sync.text() == "Синхронизация: не настроена"
    assert window.status.user.text() == "Admin · администратор"
    translations.set_language("kk")
    qtbot.waitUntil(lambda: workspace.navigation.item(9).text() == "Әкімшілік")
    assert workspace.navigation.item(1).text() == "Науқандар"
    # Qt's own texts (standard buttons) follow as well.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Бас тарту"


def test_set_up_wizard_offers_the_language_first(
    qtbot: QtBot, tmp_path: Path, translations: Translations
) -> None:
    wizard = SetupWizard(tmp_path / "new", kdf=TEST_KDF, translations=translations)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.post_page.title() == "Your post"
    wizard.language_box.setCurrentIndex(wizard.language_box.findData("ru"))
    qtbot.waitUntil(lambda: wizard.post_page.title() == "Ваше загранучреждение")
    assert wizard.windowTitle() == "Embassy Desk: настройка рабочего места"
    assert wizard.language == "ru", "the recovery sheet is printed in the chosen language"


def test_notice_kinds_and_fields_are_named_in_russian_and_kazakh(translations: Translations) -> None:
    # The notice labels go through a helper that lupdate cannot see; their texts must still be translated.
    english = {**labels.kind_labels(), **labels.field_labels()}
    for language in ("ru", "kk"):
        translations.set_language(language, remember=False)
        named = {**labels.kind_labels(), **labels.field_labels()}
        untranslated = sorted(key for key, text in named.items() if text == english[key])
        assert untranslated == [], f"{language}: {untranslated}"
