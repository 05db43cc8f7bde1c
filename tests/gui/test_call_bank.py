"""The call bank worked from the keyboard alone: one key per outcome, the next person at once, the
third no-answer to the follow-up list, a household recorded together, "needs help" opening a case."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import CallOutcome, Sex, TargetState
from embassy_desk.domain.iin import make_iin
from embassy_desk.gui.campaigns.call_bank import CallBank
from embassy_desk.gui.data_events import DataChange, Kind, data_events
from embassy_desk.services import campaigns, cases, contacts, registry
from embassy_desk.services.campaigns import CampaignCriteria
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.conftest import DialogWatcher


def _person(surname: str, given: str, born: date, sex: Sex, n: int, **more: object) -> dict[str, object]:
    return aigerim(
        surname=surname,
        given_names=given,
        patronymic="",
        sex=sex.value,
        birth_date=born.isoformat(),
        national_id=make_iin(born, sex, n),
        passport_number=f"N{n:08d}",
        phone=f"010-{n:04d}-{n:04d}",
        **more,
    )


def _post(admin: Session) -> dict[str, str]:
    """Four people in Seoul: a household of two (the father is 76, so it comes first), two others."""
    ids = {
        "serik": _person("Нурланов", "Серик", date(1950, 2, 3), Sex.MALE, 11, household="Нурлановы"),
        "aigerim": _person("Нурланова", "Айгерим", date(1998, 3, 14), Sex.FEMALE, 12, household="Нурлановы"),
        "erlan": _person("Ахметов", "Ерлан", date(1990, 1, 2), Sex.MALE, 13),
        "dana": _person("Садыкова", "Дана", date(1995, 5, 5), Sex.FEMALE, 14),
    }
    return {key: registry.register_citizen(admin, data).id for key, data in ids.items()}


def _campaign(admin: Session, name: str = "Seoul, first round") -> str:
    return campaigns.create_campaign(
        admin, name, CampaignCriteria(regions=("KR-11",)), assignees=["admin"]
    ).id


def _bank(qtbot: QtBot, session: Session, campaign_id: str) -> CallBank:
    bank = CallBank(session, campaign_id)
    qtbot.addWidget(bank)
    bank.show()
    qtbot.waitExposed(bank)
    bank.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bank)
    return bank


def _key(
    qtbot: QtBot, bank: CallBank, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key wherever the focus is now (as a person at the keyboard does)."""
    target = QApplication.focusWidget() or bank
    qtbot.keyClick(target, key, modifier)


def _state(admin: Session, campaign_id: str, citizen_id: str) -> str:
    for card in campaigns.follow_up_list(admin, campaign_id):
        if card.citizen_id == citizen_id:
            return TargetState.FOLLOW_UP.value
    progress = campaigns.campaign_progress(admin, campaign_id)
    return f"done={progress.done}"


def test_working_a_list_from_the_keyboard_alone(qtbot: QtBot, admin: Session) -> None:
    people = _post(admin)
    campaign_id = _campaign(admin)
    seen: list[DataChange] = []
    data_events().changed.connect(seen.append)
    bank = _bank(qtbot, admin, campaign_id)

    # The most urgent first: the elderly father, his household offered for the same outcome.
    card = bank.current
    assert card is not None and card.citizen_id == people["serik"]
    assert bank.name.text() == "Нурланов Серик"
    assert "NURLANOV" in bank.latin.text()
    assert "+82100011" in bank.phones.text() and "(Mobile)" in bank.phones.text()
    assert "Elderly" in bank.vulnerabilities.text()
    assert bank.attempts.text() == "0" and bank.last_contact.text() == "never"
    assert bank.household.count() == 1 and "Нурланова Айгерим" in bank.household.item(0).text()
    assert bank.script.toPlainText()  # the script in the language of the call
    assert QApplication.focusWidget() is bank.card

    # Ctrl+H ticks the household; 1 records "safe" for both and the next person appears at once.
    _key(qtbot, bank, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bank.household_ids() == (people["aigerim"],)
    _key(qtbot, bank, Qt.Key.Key_1)
    card = bank.current
    assert card is not None and card.citizen_id == people["erlan"]  # Aigerim is done with her father
    for who in ("serik", "aigerim"):
        (entry,) = contacts.contact_history(admin, people[who])
        assert entry.outcome == "reached" and entry.welfare_status == "safe"
        assert registry.get_citizen(admin, people[who]).fields["welfare_status"] == "safe"
    assert "Safe" in bank.last.text()
    change = seen[-1]
    assert {Kind.CAMPAIGNS, Kind.CONTACTS, Kind.CITIZENS} <= change.kinds
    assert set(change.citizen_ids) == {people["serik"], people["aigerim"]}

    # Typing in the note types digits and records nothing; Ctrl+3 records "no answer" from the note.
    bank.note.setFocus()
    qtbot.keyClicks(bank.note, "busy line 3 4")
    assert bank.note.text() == "busy line 3 4"
    assert contacts.contact_history(admin, people["erlan"]) == []
    _key(qtbot, bank, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    (entry,) = contacts.contact_history(admin, people["erlan"])
    assert entry.outcome == "no_answer" and entry.note == "busy line 3 4"
    card = bank.current
    assert card is not None and card.citizen_id == people["dana"]  # just tried: Erlan waits
    assert bank.note.text() == "" and QApplication.focusWidget() is bank.card

    # 4: wrong number, straight to the follow-up list.
    _key(qtbot, bank, Qt.Key.Key_4)
    assert _state(admin, campaign_id, people["dana"]) == "follow_up"

    # Erlan again (the only one left); the keypad's 3 twice more: the third no-answer moves him.
    card = bank.current
    assert card is not None and card.citizen_id == people["erlan"] and bank.attempts.text() == "1"
    _key(qtbot, bank, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert bank.current is not None and bank.attempts.text() == "2"
    _key(qtbot, bank, Qt.Key.Key_3)
    assert "follow-up" in bank.last.text()
    assert _state(admin, campaign_id, people["erlan"]) == "follow_up"
    assert registry.get_citizen(admin, people["erlan"]).fields["welfare_status"] == "unreachable"

    # Nobody left.
    assert bank.current is None and bank.is_done()
    assert bank.done_text.text() == "Your list is done."
    assert bank.recorded_this_sitting == 5
    data_events().changed.disconnect(seen.append)


def test_needs_help_opens_the_prefilled_case_once_confirmed(qtbot: QtBot, admin: Session) -> None:
    people = _post(admin)
    campaign_id = _campaign(admin, "Seoul, needs help")
    bank = _bank(qtbot, admin, campaign_id)
    assert bank.current is not None and bank.current.citizen_id == people["serik"]
    bank.note.setFocus()
    qtbot.keyClicks(bank.note, "out of insulin")
    _key(qtbot, bank, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)

    dialog = bank.case_dialog
    assert dialog is not None and dialog.isVisible()
    # Pre-filled: kind other, priority high, a summary naming the campaign, and the note.
    assert dialog.kind_combo.currentData() == "other"
    assert dialog.priority_combo.currentData() == "high"
    summary = dialog.summary_edit.toPlainText()
    assert "Seoul, needs help" in summary and "out of insulin" in summary
    assert contacts.contact_history(admin, people["serik"]) == []  # nothing recorded yet

    # Cancel records nothing and keeps the person.
    dialog.reject()
    assert bank.case_dialog is None and bank.current is not None
    assert bank.current.citizen_id == people["serik"]
    assert contacts.contact_history(admin, people["serik"]) == []

    # 2 again; the officer adjusts the kind and confirms with the keyboard.
    _key(qtbot, bank, Qt.Key.Key_2)
    dialog = bank.case_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("medical"))
    dialog.summary_edit.setFocus()
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert bank.case_dialog is None
    (entry,) = contacts.contact_history(admin, people["serik"])
    assert entry.outcome == "reached" and entry.welfare_status == "needs_assistance"
    (case,) = cases.list_cases(admin, citizen_id=people["serik"])
    assert case.kind.value == "medical" and case.priority.value == "high"
    assert "Seoul, needs help" in case.summary and "out of insulin" in case.summary
    assert "An assistance case was opened." in bank.last.text()
    assert bank.current is not None and bank.current.citizen_id == people["aigerim"]


def test_escape_passes_over_and_a_message_left_comes_back_at_the_end(qtbot: QtBot, admin: Session) -> None:
    people = _post(admin)
    campaign_id = _campaign(admin)
    bank = _bank(qtbot, admin, campaign_id)
    order = []
    for _ in range(3):
        assert bank.current is not None
        order.append(bank.current.citizen_id)
        _key(qtbot, bank, Qt.Key.Key_Escape)
    assert order == [people["serik"], people["aigerim"], people["erlan"]]
    assert bank.isVisible()  # Escape skips; it does not close the window
    assert bank.current is not None and bank.current.citizen_id == people["dana"]
    _key(qtbot, bank, Qt.Key.Key_5)  # message left: passed over too
    (entry,) = contacts.contact_history(admin, people["dana"])
    assert entry.outcome == "message_left"
    assert bank.is_done() and "4 passed over" in bank.done_text.text()
    assert bank.again_button.isVisible()
    bank.again_button.click()
    assert bank.current is not None and bank.current.citizen_id == people["serik"]


def test_a_closed_campaign_says_so_instead_of_recording(
    qtbot: QtBot, admin: Session, dialogs: DialogWatcher
) -> None:
    people = _post(admin)
    campaign_id = _campaign(admin)
    bank = _bank(qtbot, admin, campaign_id)
    campaigns.close_campaign(admin, campaign_id)
    _key(qtbot, bank, Qt.Key.Key_1)
    assert len(dialogs.seen) == 1 and "Traceback" not in dialogs.seen[0].text
    assert dialogs.seen[0].object_name == "errorDialog"
    assert contacts.contact_history(admin, people["serik"]) == []
    assert bank.current is not None and bank.current.citizen_id == people["serik"]


def test_the_script_switches_language(qtbot: QtBot, admin: Session) -> None:
    _post(admin)
    bank = _bank(qtbot, admin, _campaign(admin))
    assert bank.script_language.currentData() == bank.current.call_language if bank.current else False
    texts = {}
    for code in ("kk", "ru", "en", "ko"):
        bank.script_language.setCurrentIndex(bank.script_language.findData(code))
        bank.script_language.activated.emit(bank.script_language.currentIndex())
        texts[code] = bank.script.toPlainText()
        assert texts[code]
    assert texts["en"].startswith("Hello") and "SERIK" in texts["en"]
    assert "Серик" in texts["ru"] and "Серик" in texts["kk"]  # the given name as the language writes it
    assert any("\uac00" <= ch <= "\ud7a3" for ch in texts["ko"])  # Hangul
    assert CallOutcome.SAFE in {o for o in bank.outcome_buttons}
    assert bank.outcome_buttons[CallOutcome.SAFE].text().startswith("1")


def test_escape_in_a_typed_note_leaves_the_note_first(qtbot: QtBot, admin: Session) -> None:
    people = _post(admin)
    bank = _bank(qtbot, admin, _campaign(admin))
    bank.note.setFocus()
    qtbot.keyClicks(bank.note, "ring after 6")
    _key(qtbot, bank, Qt.Key.Key_Escape)
    assert bank.current is not None and bank.current.citizen_id == people["serik"]
    assert bank.note.text() == "ring after 6" and QApplication.focusWidget() is bank.card
    _key(qtbot, bank, Qt.Key.Key_1)  # the note goes with the outcome
    (entry,) = contacts.contact_history(admin, people["serik"])
    assert entry.note == "ring after 6"


def test_ctrl_enter_records_the_outcome_highlighted_with_the_arrows(qtbot: QtBot, admin: Session) -> None:
    people = _post(admin)
    bank = _bank(qtbot, admin, _campaign(admin))
    _key(qtbot, bank, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # nothing highlighted yet
    assert contacts.contact_history(admin, people["serik"]) == []
    assert "1 to 5" in bank.last.text()
    for _ in range(3):
        _key(qtbot, bank, Qt.Key.Key_Right)  # safe, needs help, no answer
    assert bank.outcome_buttons[CallOutcome.NO_ANSWER].isChecked()
    bank.note.setFocus()
    qtbot.keyClicks(bank.note, "voicemail full")
    _key(qtbot, bank, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (entry,) = contacts.contact_history(admin, people["serik"])
    assert entry.outcome == "no_answer" and entry.note == "voicemail full"
    assert bank.current is not None and bank.current.citizen_id != people["serik"]
    assert not any(b.isChecked() for b in bank.outcome_buttons.values())  # a fresh card, no highlight
