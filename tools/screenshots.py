#!/usr/bin/env python3
"""Screenshots of the main screens on the demo post, grabbed offscreen into docs/screenshots/.

    .venv/bin/python tools/screenshots.py                       # builds a temporary demo post
    .venv/bin/python tools/screenshots.py --data-dir DEMO_DIR   # uses an existing demo post

Besides the English screens, the Russian and Kazakh window is shot where English used to leak: the
registry, a citizen's record with a field message, the set-up wizard with a passphrase reason, an
import report with a rejected row, and Qt's own file dialog.

Window settings go to a temporary folder, never the user's. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SETTINGS = tempfile.mkdtemp(prefix="embassy-desk-shots-")
os.environ["EMBASSY_DESK_SETTINGS_DIR"] = _SETTINGS

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QWidget  # noqa: E402

from embassy_desk.demo.generator import DemoSettings  # noqa: E402
from embassy_desk.demo.post import DEMO_ACCOUNTS, DEMO_PASSPHRASE, DEMO_POST, build_demo_post  # noqa: E402
from embassy_desk.gui.app import application  # noqa: E402
from embassy_desk.gui.citizen.record import CitizenRecordDialog  # noqa: E402
from embassy_desk.gui.i18n import Translations  # noqa: E402
from embassy_desk.gui.setup.wizard import SetupWizard  # noqa: E402
from embassy_desk.gui.shell.import_report import ImportReportDialog  # noqa: E402
from embassy_desk.gui.shell.main_window import DemoMode, MainWindow  # noqa: E402
from embassy_desk.services import importer  # noqa: E402
from embassy_desk.storage.kdf import TEST_KDF  # noqa: E402
from embassy_desk.storage.workstation import WorkstationPaths  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 800)


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 30_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the window did not get there in time")
        settle(50)
        waited += 50


def grab(widget: QWidget, name: str) -> None:
    settle()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def demo_window(paths: WorkstationPaths, translations: Translations) -> MainWindow:
    accounts = tuple((user, role.value) for user, _name, role in DEMO_ACCOUNTS)
    demo = DemoMode(accounts, DEMO_PASSPHRASE, DEMO_POST.name)
    window = MainWindow(paths, translations=translations, demo=demo)
    window.resize(*SIZE)
    window.show()
    return window


def sign_in(window: MainWindow, user: str) -> None:
    window.unlock_screen.username.setText(user)
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.submit()
    wait_for(lambda: window.session is not None)
    settle(800)


def wizard_shots(translations: Translations, scratch: Path) -> None:
    wizard = SetupWizard(scratch / "new-post", kdf=TEST_KDF, translations=translations)
    wizard.resize(720, 560)
    wizard.show()
    post = wizard.post_page
    post.name.setText("Embassy of the Republic of Kazakhstan in the Republic of Korea")
    post.city.setText("Seoul")
    post.address.setText("1 Example-ro, Yongsan-gu, Seoul")
    post.phone.setText("+82 2 000 0000")
    post.hotline.setText("+82 10 0000 0000")
    post.email.setText("consular@example.com")
    grab(wizard, "setup-1-post")
    wizard.next()
    wizard.admin_page.username.setText("a.nurlanova")
    wizard.admin_page.display_name.setText("Айгерім Нұрланова")
    wizard.next()
    wizard.passphrase_page.passphrase.setText("amber river falcon 1987")
    wizard.passphrase_page.repeat.setText("amber river falcon 1987")
    grab(wizard, "setup-2-passphrase")
    wizard.next()
    wait_for(lambda: wizard.currentPage() is wizard.recovery_page)
    grab(wizard, "setup-3-recovery-code")
    wizard.recovery_page.kept.setChecked(True)  # else closing asks whether the code was kept
    wizard.close()


def wizard_language_shots(translations: Translations, scratch: Path, language: str) -> None:
    """The wizard in ``language``: the passphrase page with the policy's reason for a weak one."""
    wizard = SetupWizard(scratch / f"new-post-{language}", kdf=TEST_KDF, translations=translations)
    wizard.resize(720, 560)
    wizard.show()
    wizard.language_box.setCurrentIndex(wizard.language_box.findData(language))
    settle()
    post = wizard.post_page
    post.name.setText("Посольство Республики Казахстан в Республике Корея")
    post.city.setText("Сеул")
    post.hotline.setText("+82 10 0000 0000")
    wizard.next()
    wizard.admin_page.username.setText("a.nurlanova")
    wizard.admin_page.display_name.setText("Айгерім Нұрланова")
    wizard.next()
    wizard.passphrase_page.passphrase.setText("qwertyuiopasdf")
    grab(wizard, f"setup-passphrase-{language}")
    wizard.close()


REJECTED_CSV = (
    "Фамилия,Имя,Дата рождения,Телефон,E-mail\n"
    "Абенова,Мадина,01.02.1999,010-1111-2222,madina@example.kz\n"
    "Жаксылыков,,31.02.1999,12,timur@example\n"
)


def language_shots(window: MainWindow, language: str, scratch: Path) -> None:
    """Registry, a record with a field message, an import report and a file dialog in ``language``."""
    session = window.session
    assert session is not None
    grab(window, f"registry-{language}")
    window.workspace.show_section("admin")  # type: ignore[union-attr]
    window.workspace.views["admin"].tabs.setCurrentIndex(2)  # type: ignore[union-attr, attr-defined]
    grab(window, f"administration-audit-{language}")
    window.workspace.show_section("registry")  # type: ignore[union-attr]
    registry_view = window.workspace.views["registry"]  # type: ignore[union-attr]
    citizen_id = registry_view.model.citizen_id(0)  # type: ignore[attr-defined]
    record = CitizenRecordDialog(session, citizen_id, window)
    record.resize(1180, 820)
    record.show()
    settle(500)
    record.form.set_text("phone", "12")  # type: ignore[attr-defined]
    record.form.check_field("phone")
    grab(record, f"record-{language}")
    record.form.set_text("phone", "")  # type: ignore[attr-defined]
    record.reject()
    source = scratch / f"list-{language}.csv"
    source.write_text(REJECTED_CSV, encoding="utf-8")
    report = importer.import_file(session, source, dry_run=True)
    dialog = ImportReportDialog(report, window)
    dialog.resize(900, 360)
    dialog.show()
    grab(dialog, f"import-report-{language}")
    dialog.close()
    files = QFileDialog(window, "", str(scratch), "CSV (*.csv)")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.resize(820, 500)
    files.show()
    grab(files, f"file-dialog-{language}")
    files.close()


def show_general_advisory(window: MainWindow) -> None:
    """The Notices screen with a rendered preview (a general advisory needs no citizen)."""
    view = window.workspace.views["notices"]  # type: ignore[union-attr]
    view.recipient.general.setChecked(True)  # type: ignore[attr-defined]
    wait_for(lambda: view.preview.page_count > 0)  # type: ignore[attr-defined]
    settle()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data-dir", type=Path, help="an existing demo post (default: build a temporary one)"
    )
    parser.add_argument("--citizens", type=int, default=30_000, help="size of the temporary demo post")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="embassy-desk-demo-"))
    try:
        if args.data_dir:
            paths = WorkstationPaths(args.data_dir)
        else:
            print(f"building a demo post of {args.citizens:,} citizens ...")
            paths = build_demo_post(scratch / "demo", DemoSettings(args.citizens, 2024), kdf=TEST_KDF).paths
        app, translations = application([])
        translations.set_language("en", remember=False)
        wizard_shots(translations, scratch)

        window = demo_window(paths, translations)
        grab(window, "unlock")
        sign_in(window, "admin")
        grab(window, "registry")
        sections = (
            ("followups", "follow-ups"),
            ("cases", "cases"),
            ("notices", "notices"),
            ("admin", "administration"),
        )
        for key, name in sections:
            window.workspace.show_section(key)  # type: ignore[union-attr]
            if key == "notices":
                show_general_advisory(window)
            grab(window, name)
        admin_view = window.workspace.views["admin"]  # type: ignore[union-attr]
        tabs = admin_view.tabs  # type: ignore[attr-defined]
        for index, name in ((2, "administration-audit"), (1, "administration-settings")):
            tabs.setCurrentIndex(index)
            grab(window, name)
        window.lock(reason="manual")

        window.set_language("ru")
        grab(window, "unlock-ru")
        window.set_language("kk")
        sign_in(window, "viewer")
        grab(window, "registry-kk-viewer")
        window.lock(reason="manual")
        for language in ("ru", "kk"):
            window.set_language(language)
            sign_in(window, "admin")
            language_shots(window, language, scratch)
            window.lock(reason="manual")
            wizard_language_shots(translations, scratch, language)
        window.set_language("en")
        window.close()
        QCoreApplication.processEvents()
        del app
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(_SETTINGS, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
