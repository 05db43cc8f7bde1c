"""No English in the Russian and Kazakh window: errors raised by services, import reasons, Qt's own
dialogs, and one written form of dates and numbers in every view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTableView, QTreeView, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.setup.wizard import SetupWizard
from embassy_desk.gui.shell.import_report import ImportReportDialog
from embassy_desk.services import importer
from embassy_desk.services.session import Session
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths
from tests.gui.conftest import DialogWatcher

RUSSIAN_NAME_RULE = (
    "используйте от 1 до 64 букв, цифр, '.', '_' или '-' (например, a.nurlanova)",
    "1-64 әріп, цифр, '.', '_' немесе '-' таңбасын қолданыңыз (мысалы, a.nurlanova)",
)


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.mark.parametrize(
    ("language", "expected"), [("ru", RUSSIAN_NAME_RULE[0]), ("kk", RUSSIAN_NAME_RULE[1])]
)
def test_wizard_user_name_rule_in_the_chosen_language(
    qtbot: QtBot,
    tmp_path: Path,
    translations: Translations,
    dialogs: DialogWatcher,
    language: str,
    expected: str,
) -> None:
    wizard = SetupWizard(tmp_path / "new", kdf=TEST_KDF, translations=translations)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language_box.setCurrentIndex(wizard.language_box.findData(language))
    qtbot.waitUntil(lambda: translations.language == language)
    post = wizard.post_page
    qtbot.keyClicks(post.name, "Embassy of Kazakhstan in Seoul")
    qtbot.keyClicks(post.city, "Seoul")
    qtbot.keyClicks(post.hotline, "+82 10 0000 0000")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    qtbot.keyClicks(wizard.admin_page.username, "a nurlanova!")
    wizard.admin_page.display_name.setText("Айгерим Нурланова")
    wizard.next()
    qtbot.waitUntil(lambda: bool(dialogs.seen))
    assert wizard.currentPage() is wizard.admin_page, "a bad user name keeps the page"
    assert dialogs.seen[-1].text == expected


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_wizard_passphrase_reason_in_the_chosen_language(
    qtbot: QtBot, tmp_path: Path, translations: Translations, language: str
) -> None:
    wizard = SetupWizard(tmp_path / "new", kdf=TEST_KDF, translations=translations)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language_box.setCurrentIndex(wizard.language_box.findData(language))
    qtbot.waitUntil(lambda: translations.language == language)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase, "qwertyuiopasdf")
    reason = {"ru": "не должна быть рядом соседних клавиш", "kk": "көрші пернелер қатары болмауы керек"}
    assert reason[language] in page.hint.text()
    assert "neighbouring" not in page.hint.text()


def _rejected_import(admin: Session, tmp_path: Path) -> importer.ImportReport:
    source = tmp_path / "citizens.csv"
    source.write_text(
        "Фамилия,Имя,Дата рождения,Телефон\n"
        "Нурланова,Айгерим,14.03.1998,010-1234-5678\n"
        "Серикова,,31.02.2001,12\n",
        encoding="utf-8",
    )
    report = importer.import_file(admin, source)
    assert report.imported == 1 and len(report.rejected) == 1
    return report


REJECTED_REASONS = {
    "ru": (
        "Дата рождения: '31.02.2001' — не дата; пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД",
        "Имя: обязательное поле",
        "Телефон: '12' — неверный номер телефона для Республики Корея",
    ),
    "kk": (
        "Туған күні: '31.02.2001' күн емес; КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазыңыз",
        "Аты: міндетті өріс",
        "Телефон: '12' — Корея Республикасы үшін жарамсыз телефон нөмірі",
    ),
}


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_import_report_reasons_in_russian_and_kazakh(
    qtbot: QtBot, admin: Session, tmp_path: Path, translations: Translations, language: str
) -> None:
    report = _rejected_import(admin, tmp_path)
    translations.set_language(language, remember=False)
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    reason = dialog.table.item(0, 1).text()
    for part in REJECTED_REASONS[language]:
        assert part in reason, reason
    assert not re.search(r"\b(is|not|required|valid)\b", reason), reason
    assert dialog.table.item(0, 0).text() == "3"
    assert "Imported" not in dialog.summary.text()


def test_numbers_are_grouped_the_russian_way(translations: Translations) -> None:
    from embassy_desk.gui.formatting import format_number

    translations.set_language("ru", remember=False)
    assert format_number(5004) == "5\u00a0004"
    translations.set_language("en", remember=False)
    assert format_number(5004) == "5,004"


def _visible_texts(dialog: QFileDialog) -> list[str]:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts += [button.toolTip() for button in dialog.findChildren(QAbstractButton)]
    return [t for t in texts if t]


@pytest.mark.parametrize(("language", "cancel"), [("ru", "Отмена"), ("kk", "Бас тарту")])
def test_qt_file_dialog_speaks_the_language(
    qtbot: QtBot, translations: Translations, language: str, cancel: str
) -> None:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert Path(folder, f"qtbase_{language}.qm").exists(), "PySide6 ships Qt's own translation"
    translations.set_language(language, remember=False)
    # Qt's widget dialog (as on a desktop without a native one): "Look in" and "Files of type" are
    # missing from Qt's Russian catalogue and come from ours.
    dialog = QFileDialog(None, "x", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _visible_texts(dialog)
    english = [
        t
        for t in texts
        if re.search(r"[A-Za-z]{3,}", t) and not re.search(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]", t)
    ]
    assert english == [], f"{language}: {english}"
    assert cancel in texts


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_notice_field_hints_follow_the_window_when_each_citizen_gets_their_language(
    qtbot: QtBot, translations: Translations, language: str
) -> None:
    from embassy_desk.gui.notices.form import NoticeForm

    translations.set_language(language, remember=False)
    form = NoticeForm()
    qtbot.addWidget(form)
    form.kind.setCurrentIndex(form.kind.findData("evacuation-boarding"))
    form.main_language.setCurrentIndex(form.main_language.findData("auto"))
    shared = {key: editor.placeholderText() for key, editor in form.fields.items() if "." not in key}
    assert shared, "fields printed the same in every language"
    english = {key: hint for key, hint in shared.items() if re.search(r"[A-Za-z]{3,}", hint)}
    assert english == {}, english


DAY = re.compile(r"\d\d\.\d\d\.\d{4}")
MOMENT = re.compile(r"\d\d\.\d\d\.\d{4} \d\d:\d\d")


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_dates_read_the_same_in_every_view(
    qtbot: QtBot, admin: Session, translations: Translations, language: str
) -> None:
    from datetime import date

    from embassy_desk.gui.admin.audit_tab import AuditTab
    from embassy_desk.gui.cases.view import CasesView
    from embassy_desk.gui.citizen.contacts_tab import ContactsTab
    from embassy_desk.gui.citizen.record import CitizenRecordDialog
    from embassy_desk.gui.followups.view import FollowUpsView
    from embassy_desk.gui.registry.columns import COLUMN_INDEX
    from embassy_desk.gui.registry.view import RegistryView
    from embassy_desk.services import cases, contacts, registry
    from tests.conftest import aigerim

    translations.set_language(language, remember=False)
    citizen = registry.register_citizen(admin, aigerim())
    contacts.log_contact(admin, citizen.id, channel="phone", outcome="no_answer", follow_up_due=date.today())
    cases.open_case(admin, citizen.id, kind="medical", summary="In hospital", priority="urgent")

    registry_view = RegistryView(admin)
    qtbot.addWidget(registry_view)
    registry_view.show()
    qtbot.waitUntil(lambda: not registry_view.is_loading() and registry_view.model.rowCount() > 0)
    born = str(registry_view.model.index(0, COLUMN_INDEX["birth_date"]).data())
    reached = str(registry_view.model.index(0, COLUMN_INDEX["last_contact_at"]).data())
    region = str(registry_view.model.index(0, COLUMN_INDEX["region"]).data())
    assert region == ("Seoul" if language == "en" else "Сеул"), "a host country's regions in Cyrillic"
    region_filter = registry_view.filters.combos["region"]
    assert region_filter.itemText(region_filter.findData("KR-11")) == region

    record = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(record)
    typed_birth = record.form.values()["birth_date"]

    contacts_tab = ContactsTab(admin, citizen.id)
    qtbot.addWidget(contacts_tab)
    contacts_tab.refresh()
    logged = contacts_tab.table.item(0, 0).text()

    cases_view = CasesView(admin)
    qtbot.addWidget(cases_view)
    cases_view.show()
    qtbot.waitUntil(lambda: len(cases_view.rows) == 1)
    opened = str(cases_view.model.data(cases_view.model.index(0, 5)))

    follow_ups = FollowUpsView(admin)
    qtbot.addWidget(follow_ups)
    follow_ups.show()
    qtbot.waitUntil(lambda: follow_ups.model.rowCount() == 1)
    due = follow_ups.model.item(0, 0).text()

    audit = AuditTab(admin)
    qtbot.addWidget(audit)
    audit.refresh()
    audited = audit.table.item(0, 1).text()

    assert born == typed_birth == "14.03.1998"
    assert DAY.fullmatch(due) or MOMENT.fullmatch(due), due
    for moment in (reached, logged, opened, audited):
        assert MOMENT.fullmatch(moment), (reached, logged, opened, audited)
    assert reached == logged, "the same contact reads the same in the registry and the record"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", "контрольная цифра должна быть"),
        ("kk", "бақылау цифры"),
    ],
)
def test_mrz_problems_in_the_window_language(
    qtbot: QtBot, translations: Translations, language: str, expected: str
) -> None:
    from datetime import date

    from embassy_desk.domain.enums import Sex
    from embassy_desk.domain.mrz import build_td3
    from embassy_desk.gui.citizen.mrz_input import MrzInput

    l1, l2 = build_td3(
        issuing_state="KAZ",
        surname="ZHUMABEKOV",
        given_names="ARMAN",
        document_number="N09876543",
        nationality="KAZ",
        birth_date=date(1991, 7, 2),
        sex=Sex.MALE,
        expiry_date=date(2031, 4, 30),
    )
    broken = l2[:6] + ("0" if l2[6] != "0" else "1") + l2[7:]  # a wrong check digit of the birth date
    translations.set_language(language, remember=False)
    field = MrzInput()
    qtbot.addWidget(field)
    field.edit.setPlainText(f"{l1}\n{broken}")
    field.read_now()
    status = field.status.text()
    assert expected in status, status
    assert not re.search(r"\b(check|digit|but|says)\b", status), status
    field.edit.setPlainText("P<KAZ")
    field.read_now()
    assert not re.search(r"\b(the|line|lines|characters)\b", field.status.text()), field.status.text()


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_audit_log_names_actions_in_the_window_language(
    qtbot: QtBot, admin: Session, translations: Translations, language: str
) -> None:
    from embassy_desk.gui.admin.audit_tab import AuditTab
    from embassy_desk.services import registry
    from tests.conftest import aigerim

    registry.register_citizen(admin, aigerim())
    audit = AuditTab(admin)
    qtbot.addWidget(audit)
    audit.refresh()
    english = audit.table.item(0, 3).text()
    translations.set_language(language, remember=False)  # what is shown is reworded, not read again
    qtbot.waitUntil(lambda: audit.table.item(0, 3).text() != english)
    rows = range(audit.table.rowCount())
    actions = [audit.table.item(row, 3).text() for row in rows]
    records = [audit.table.item(row, 4).text() for row in rows]
    assert actions and not [a for a in actions if re.search(r"[A-Za-z]{3,}", a)], actions
    assert any(r.startswith(("гражданин ", "азамат ")) for r in records), records
    assert audit.table.item(0, 3).toolTip() == "citizen.create", "the stored name stays at hand"
    header = audit.table.horizontalHeaderItem(1).text()
    assert "UTC" not in header, "times are shown in the computer's time zone"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_qt_print_dialog_speaks_the_language(qtbot: QtBot, translations: Translations, language: str) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    translations.set_language(language, remember=False)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    english = [
        t
        for t in texts
        if re.search(r"[A-Za-z]{3,}", t) and not re.search(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]", t)
    ]
    assert english == [], f"{language}: {english}"


# Latin text that is not English: names, codes and examples of what to type.
_NOT_ENGLISH = re.compile(
    r"^(Embassy Desk|MRZ|SMS|A4|US Letter|Ctrl\+.*|.*@.*|.*\bkakao\b.*|.*\btelegram\b.*"
    r"|[A-Z]{2}-\d+.*|[A-Z]{3}|English|English \(en\)|Page Up|Page Down"
    r"|Admin|Embassy of Kazakhstan in Seoul \(test\))$"  # the test post's own names
)


def _widget_texts(root: QWidget) -> list[str]:
    """Every text a person reads on ``root`` and its children, not the data in tables and lists."""
    from PySide6.QtWidgets import QComboBox, QGroupBox, QLineEdit, QPlainTextEdit, QTabWidget

    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if widget.objectName().endswith(".en"):
            continue  # a notice's English text field rightly shows English
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())
            ]
        texts.append(widget.toolTip())
    return [" ".join(t.replace("&", "").split()) for t in texts if t and t.strip()]


def _english(texts: list[str]) -> list[str]:
    cyrillic = re.compile(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]")
    return sorted(
        {
            t
            for t in texts
            if re.search(r"[A-Za-z]{3,}", t) and not cyrillic.search(t) and not _NOT_ENGLISH.match(t)
        }
    )


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_no_english_left_in_the_window(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, language: str
) -> None:
    from embassy_desk.gui.citizen.record import CitizenRecordDialog
    from embassy_desk.gui.shell.main_window import MainWindow
    from embassy_desk.services import registry, workstation
    from tests.conftest import ADMIN_PASSPHRASE, aigerim
    from tests.gui.test_unlock_lock import sign_in

    session = workstation.unlock(paths, "admin", ADMIN_PASSPHRASE)
    citizen = registry.register_citizen(session, aigerim())
    session.lock()
    translations.set_language(language, remember=False)
    window = MainWindow(paths, translations=translations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    found = {"unlock": _english(_widget_texts(window))}
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is not None and window.workspace is not None
    for section in (
        "registry",
        "campaigns",
        "dashboard",
        "followups",
        "cases",
        "evacuation",
        "notices",
        "duty",
        "admin",
    ):
        view = window.workspace.show_section(section)
        qtbot.wait(50)
        found[section] = _english(_widget_texts(window))
        if section == "admin":
            tabs = view.tabs  # type: ignore[attr-defined]
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                found[f"admin {index}"] = _english(_widget_texts(window))
    record = CitizenRecordDialog(window.session, citizen.id, window)
    qtbot.addWidget(record)
    record.show()
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        found[f"record {index}"] = _english(_widget_texts(record))
    record.reject()
    from embassy_desk.gui.admin.user_dialogs import AddUserDialog, PassphraseDialog
    from embassy_desk.gui.cases.case_dialog import CaseDialog
    from embassy_desk.gui.cases.new_case_dialog import NewCaseDialog
    from embassy_desk.gui.contacts.quick_log import QuickLogDialog
    from embassy_desk.gui.notices.print_dialog import PrintNoticeDialog
    from embassy_desk.services import cases

    case = cases.open_case(
        window.session, citizen.id, kind="medical", summary="В больнице", priority="urgent"
    )
    dialogs: dict[str, QWidget] = {
        "quick log": QuickLogDialog(window.session, citizen.id, window),
        "new case": NewCaseDialog(window.session, citizen.id, window),
        "case": CaseDialog(window.session, case.id, window),
        "add user": AddUserDialog(window),
        "passphrase": PassphraseDialog("admin", window),
        "print notice": PrintNoticeDialog(window.session, [citizen.id], window),
    }
    for where, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found[where] = _english(_widget_texts(dialog))
        dialog.close()
    wizard = SetupWizard(paths.root.parent / "new", kdf=TEST_KDF, translations=translations)
    qtbot.addWidget(wizard)
    wizard.show()
    for page in (wizard.post_page, wizard.admin_page, wizard.passphrase_page, wizard.recovery_page):
        found[f"wizard {page.title()}"] = _english([page.title(), page.subTitle(), *_widget_texts(page)])
    wizard.close()
    found = {where: texts for where, texts in found.items() if texts}
    assert found == {}, found
