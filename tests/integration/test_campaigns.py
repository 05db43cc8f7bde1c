"""Welfare campaigns on a real encrypted workstation: every rule of services/campaigns.py as a duty
officer would notice it (who is called first, whose list, what each outcome leaves behind)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from embassy_desk.domain.campaigns import CampaignClosed, CampaignCriteria
from embassy_desk.domain.enums import CallOutcome, CaseKind, PurposeOfStay, Role, TargetState, WelfareStatus
from embassy_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from embassy_desk.services import audit_log, campaigns, cases, contacts, registry, users
from embassy_desk.services.campaigns import CaseDraft
from embassy_desk.services.importer import import_rows
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import STAFF_PASSPHRASE
from tests.sync_local_hub import Hub, second_workstation

SEOUL = CampaignCriteria(regions=("KR-11",))
ADULT = "1990-05-05"


def person(surname: str, **fields: str) -> dict[str, str]:
    """A synthetic person in Seoul with a unique phone (invented names and numbers)."""
    number = 1000 + sum(ord(ch) for ch in surname) % 9000
    row: dict[str, str] = {
        "surname": surname,
        "given_names": "Тест",
        "sex": "F",
        "birth_date": ADULT,
        "region": "Seoul",
        "phone": f"010-5555-{number:04d}",
        "purpose_of_stay": "work",
    }
    row.update(fields)
    return row


def register(session: Session, *rows: dict[str, str]) -> dict[str, str]:
    """Import the rows; return surname -> citizen id."""
    report = import_rows(session, ((n + 2, row) for n, row in enumerate(rows)))
    assert not report.rejected, report.rejected
    with session.read() as conn:
        found = conn.exec_driver_sql("SELECT surname, id FROM citizens").all()
    return {str(s): str(i) for s, i in found}


@pytest.fixture
def staff(paths: WorkstationPaths, admin: Session) -> Iterator[Callable[[str, Role], Session]]:
    """Sign in a staff member by user name (the account is made on first use)."""
    opened: list[Session] = []

    def sign_in(username: str, role: Role = Role.OFFICER) -> Session:
        if username not in {u.username for u in users.list_users(admin)}:
            users.add_user(
                admin, username=username, display_name=username, role=role, passphrase=STAFF_PASSPHRASE
            )
        session = unlock(paths, username, STAFF_PASSPHRASE)
        opened.append(session)
        return session

    yield sign_in
    for session in opened:
        session.lock()


def order_of(session: Session, campaign_id: str, ids: dict[str, str]) -> list[str]:
    names = {v: k for k, v in ids.items()}
    with session.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT citizen_id FROM campaign_targets WHERE campaign_id = ? ORDER BY position", (campaign_id,)
        ).all()
    return [names[str(r[0])] for r in rows]


def target(session: Session, campaign_id: str, citizen_id: str) -> dict[str, object]:
    with session.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT state, outcome, attempts, assignee, done_by FROM campaign_targets WHERE id = ?",
            (f"{campaign_id}:{citizen_id}",),
        ).first()
    assert row is not None
    return dict(row._mapping)


def welfare(session: Session, citizen_id: str) -> str | None:
    value = registry.get_citizen(session, citizen_id).fields["welfare_status"]
    return None if value is None else str(value)


def test_the_most_urgent_come_first_then_the_longest_without_contact(admin: Session) -> None:
    ids = register(
        admin,
        person("Адамова"),
        person("Бекова"),
        person("Ваганова"),
        person("Гусева", birth_date="2015-02-02"),  # a child
        person("Дина", birth_date="1950-02-02"),  # elderly
        person("Ерова", vulnerabilities="medical"),
        person("Жанова", region="Busan"),  # not in Seoul
        person("Зарова", status="departed"),  # no longer in the country
    )
    # Contact times are kept to the millisecond; two in the same one would tie and fall back to
    # the name, so each contact here gets a millisecond of its own.
    contacts.log_contact(admin, ids["Бекова"], channel="phone", outcome="reached", welfare="safe")
    time.sleep(0.002)
    contacts.log_contact(admin, ids["Ваганова"], channel="phone", outcome="no_answer")
    time.sleep(0.002)
    contacts.log_contact(admin, ids["Адамова"], channel="phone", outcome="reached")
    made = campaigns.create_campaign(admin, "Seoul", SEOUL)
    assert made.total == 6 and made.created_by == "admin"
    assert order_of(admin, made.id, ids) == ["Гусева", "Дина", "Ерова", "Бекова", "Ваганова", "Адамова"]


def test_criteria_pick_purpose_welfare_vulnerability_and_not_reached_since(admin: Session) -> None:
    ids = register(
        admin,
        person("Адамова", purpose_of_stay="study"),
        person("Бекова", purpose_of_stay="study", vulnerabilities="pregnancy"),
        person("Ваганова", purpose_of_stay="work", birth_date="1940-01-01"),
    )
    contacts.log_contact(admin, ids["Адамова"], channel="phone", outcome="reached", welfare="safe")
    study = campaigns.create_campaign(admin, "Students", CampaignCriteria(purposes=(PurposeOfStay.STUDY,)))
    assert sorted(order_of(admin, study.id, ids)) == ["Адамова", "Бекова"]
    vulnerable = campaigns.create_campaign(admin, "Vulnerable", CampaignCriteria(vulnerable_only=True))
    assert order_of(admin, vulnerable.id, ids) == ["Бекова", "Ваганова"]
    unknown = campaigns.create_campaign(admin, "Unknown", CampaignCriteria(welfare=(WelfareStatus.UNKNOWN,)))
    assert sorted(order_of(admin, unknown.id, ids)) == ["Бекова", "Ваганова"]
    today = registry.get_citizen(admin, ids["Адамова"]).fields["last_contact_at"][:10]
    from datetime import date

    fresh = campaigns.create_campaign(
        admin, "Not reached", CampaignCriteria(not_reached_since=date.fromisoformat(today))
    )
    assert "Адамова" not in order_of(admin, fresh.id, ids)
    with pytest.raises(ValidationError, match="nobody on the register matches"):
        campaigns.create_campaign(admin, "Jeju", CampaignCriteria(regions=("Jeju",)))


def test_two_officers_split_the_list_households_whole_and_urgent_first(
    admin: Session, staff: Callable[..., Session]
) -> None:
    aigerim, duty = staff("aigerim"), staff("duty")
    ids = register(
        admin,
        *(person(name) for name in ("Адамова", "Бекова", "Ваганова", "Гусева")),
        person("Ерова", household="Еровы", birth_date="1948-01-01"),
        person("Ерова-Кызы", household="Еровы"),
        person("Ерова-Ул", household="Еровы", birth_date="2016-01-01"),
        person("Жанова", birth_date="2012-01-01"),
    )
    made = campaigns.create_campaign(admin, "Seoul", SEOUL, assignees=["aigerim", "DUTY"])
    progress = campaigns.campaign_progress(admin, made.id)
    assert progress.total == 8 and progress.remaining == 8
    assert {name: share.assigned for name, share in progress.staff.items()} == {"aigerim": 4, "duty": 4}
    household = {target(admin, made.id, ids[n])["assignee"] for n in ("Ерова", "Ерова-Кызы", "Ерова-Ул")}
    assert len(household) == 1
    # Each list opens with its most urgent person: the Erov household on one, the child on the other.
    firsts = {campaigns.next_call(s, made.id).citizen_id for s in (aigerim, duty)}  # type: ignore[union-attr]
    assert firsts == {ids["Ерова"], ids["Жанова"]}
    card = campaigns.next_call(
        aigerim if target(admin, made.id, ids["Ерова"])["assignee"] == "aigerim" else duty, made.id
    )
    assert card is not None and card.citizen_id == ids["Ерова"]
    assert "elderly" in card.vulnerabilities
    assert {m.citizen_id for m in card.household} == {ids["Ерова-Кызы"], ids["Ерова-Ул"]}
    assert all(m.in_campaign and m.state is TargetState.PENDING for m in card.household)
    assert card.phones[0][0].startswith("+8210") and card.phones[0][1] == "mobile"
    assert "Тест" in card.script and "Embassy of Kazakhstan in Seoul" in card.script


def test_reassigning_a_person_and_a_whole_list(admin: Session, staff: Callable[..., Session]) -> None:
    staff("aigerim"), staff("duty"), staff("marat")
    ids = register(admin, *(person(name) for name in ("Адамова", "Бекова", "Ваганова", "Гусева")))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL, assignees=["aigerim", "duty"])
    mine = [c for c in ids.values() if target(admin, made.id, c)["assignee"] == "aigerim"]
    assert campaigns.reassign(admin, made.id, "marat", citizen_ids=[mine[0]]) == 1
    assert target(admin, made.id, mine[0])["assignee"] == "marat"
    assert campaigns.reassign(admin, made.id, "marat", from_user="duty") == 2
    shares = campaigns.campaign_progress(admin, made.id).staff
    assert {n: s.assigned for n, s in shares.items()} == {"aigerim": 1, "marat": 3}
    with pytest.raises(ValidationError, match="'nobody'"):
        campaigns.reassign(admin, made.id, "nobody", from_user="aigerim")
    users.disable_user(admin, username="duty")
    with pytest.raises(ValidationError, match="'duty' is disabled"):
        campaigns.reassign(admin, made.id, "duty", from_user="aigerim")
    with pytest.raises(ValidationError, match="'duty' is disabled"):
        campaigns.create_campaign(admin, "Again", SEOUL, assignees=["duty"])
    staff("viewer2", Role.VIEWER)
    with pytest.raises(ValidationError, match="cannot work call lists"):
        campaigns.reassign(admin, made.id, "viewer2", from_user="aigerim")
    with pytest.raises(NotFoundError):
        campaigns.reassign(admin, made.id, "marat", citizen_ids=["no-such-person"])


def test_the_third_no_answer_moves_the_person_to_follow_up(admin: Session) -> None:
    ids = register(admin, person("Адамова", birth_date="1950-01-01"), person("Бекова"))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL)
    first = ids["Адамова"]
    result = campaigns.record_outcome(admin, made.id, first, "no-answer")
    assert result.state is TargetState.PENDING
    # Someone who did not answer waits while others are called.
    assert result.next is not None and result.next.citizen_id == ids["Бекова"]
    campaigns.record_outcome(admin, made.id, first, CallOutcome.NO_ANSWER)
    assert welfare(admin, first) is None or welfare(admin, first) == "unknown"
    third = campaigns.record_outcome(admin, made.id, first, "no_answer")
    assert third.state is TargetState.FOLLOW_UP
    assert welfare(admin, first) == "unreachable"
    assert target(admin, made.id, first)["attempts"] == 3
    assert [c.citizen_id for c in campaigns.follow_up_list(admin, made.id)] == [first]
    progress = campaigns.campaign_progress(admin, made.id)
    assert (progress.follow_up, progress.remaining, progress.outcomes) == (1, 1, {"no_answer": 1})
    outcomes = [c.outcome.value for c in contacts.contact_history(admin, first)]
    assert outcomes == ["no_answer"] * 3


def test_wrong_number_and_message_left(admin: Session) -> None:
    ids = register(admin, person("Адамова"), person("Бекова"))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL)
    wrong = campaigns.record_outcome(admin, made.id, ids["Адамова"], "wrong-number", note="not her number")
    assert wrong.state is TargetState.FOLLOW_UP and welfare(admin, ids["Адамова"]) in (None, "unknown")
    left = campaigns.record_outcome(admin, made.id, ids["Бекова"], "message-left")
    assert left.state is TargetState.PENDING and target(admin, made.id, ids["Бекова"])["attempts"] == 1
    # Nobody else is left, so the person a message was left for comes back; skip leaves them out.
    assert left.next is not None and left.next.citizen_id == ids["Бекова"]
    assert campaigns.next_call(admin, made.id, skip=[ids["Бекова"]]) is None
    entry = contacts.contact_history(admin, ids["Адамова"])[0]
    assert (entry.outcome.value, entry.note, entry.channel.value) == (
        "wrong_number",
        "not her number",
        "phone",
    )


def test_reaching_one_member_can_record_the_household(admin: Session) -> None:
    ids = register(
        admin,
        person("Ерова", household="Еровы"),
        person("Ерова-Кызы", household="Еровы", region="Busan"),  # not on the campaign
        person("Ерова-Ул", household="Еровы"),
        person("Чужова"),
    )
    made = campaigns.create_campaign(admin, "Seoul", SEOUL)
    with pytest.raises(ValidationError, match="only when the call reached"):
        campaigns.record_outcome(admin, made.id, ids["Ерова"], "no-answer", household=[ids["Ерова-Ул"]])
    with pytest.raises(ValidationError, match="not in the same household"):
        campaigns.record_outcome(admin, made.id, ids["Ерова"], "safe", household=[ids["Чужова"]])
    done = campaigns.record_outcome(
        admin, made.id, ids["Ерова"], "safe", household=[ids["Ерова-Кызы"], ids["Ерова-Ул"]]
    )
    assert done.recorded_for == (ids["Ерова"], ids["Ерова-Кызы"], ids["Ерова-Ул"])
    for name in ("Ерова", "Ерова-Кызы", "Ерова-Ул"):
        assert welfare(admin, ids[name]) == "safe"
        assert contacts.contact_history(admin, ids[name])[0].outcome.value == "reached"
    assert target(admin, made.id, ids["Ерова-Ул"])["state"] == "done"
    assert welfare(admin, ids["Чужова"]) in (None, "unknown")
    assert campaigns.campaign_progress(admin, made.id).done == 2


def test_needs_help_opens_a_case_with_the_contact(admin: Session) -> None:
    ids = register(admin, person("Адамова"), person("Бекова"))
    made = campaigns.create_campaign(admin, "Seoul night", SEOUL)
    plain = campaigns.record_outcome(admin, made.id, ids["Адамова"], "needs-help")
    case = cases.get_case(admin, plain.case_id or "")
    assert (case.kind, case.priority.value, case.citizen_id) == (CaseKind.OTHER, "high", ids["Адамова"])
    assert "Seoul night" in case.summary and "Адамова" not in case.summary
    assert welfare(admin, ids["Адамова"]) == "needs_assistance"
    drafted = campaigns.record_outcome(
        admin, made.id, ids["Бекова"], "needs help", case=CaseDraft(CaseKind.MEDICAL, summary="Insulin")
    )
    assert cases.get_case(admin, drafted.case_id or "").summary == "Insulin"
    with admin.read() as conn:
        linked = conn.exec_driver_sql(
            "SELECT count(*) FROM contacts WHERE campaign_id = ? AND outcome = 'reached'", (made.id,)
        ).scalar()
    assert linked == 2
    assert drafted.next is None  # the list is done


def test_a_closed_campaign_refuses_outcomes(admin: Session) -> None:
    ids = register(admin, person("Адамова"))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL)
    closed = campaigns.close_campaign(admin, made.id)
    assert closed.status.value == "closed" and closed.closed_at
    with pytest.raises(CampaignClosed, match="'Seoul' is closed"):
        campaigns.record_outcome(admin, made.id, ids["Адамова"], "safe")
    with pytest.raises(CampaignClosed):
        campaigns.reassign(admin, made.id, "admin", from_user="admin")
    assert campaigns.next_call(admin, made.id) is None
    assert [c.status.value for c in campaigns.list_campaigns(admin)] == ["closed"]
    assert campaigns.list_campaigns(admin, include_closed=False) == []


def test_roles(admin: Session, session_for: Callable[[Role], Session]) -> None:
    ids = register(admin, person("Адамова"))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL, assignees=["admin"])
    clerk, viewer = session_for(Role.CLERK), session_for(Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        campaigns.create_campaign(clerk, "Mine", SEOUL)
    with pytest.raises(PermissionDeniedError):
        campaigns.close_campaign(clerk, made.id)
    with pytest.raises(PermissionDeniedError):
        campaigns.next_call(viewer, made.id)
    with pytest.raises(PermissionDeniedError):
        campaigns.record_outcome(viewer, made.id, ids["Адамова"], "safe")
    # A clerk may work calls: here the clerk has no list of their own and the list is assigned.
    assert campaigns.next_call(clerk, made.id) is None
    assert campaigns.record_outcome(clerk, made.id, ids["Адамова"], "safe").state is TargetState.DONE
    assert target(admin, made.id, ids["Адамова"])["done_by"] == "clerk1"


def test_writes_are_synced_and_audited_without_names(admin: Session) -> None:
    ids = register(admin, person("Адамова"), person("Бекова"))
    made = campaigns.create_campaign(admin, "Seoul", SEOUL, assignees=["admin"])
    campaigns.record_outcome(admin, made.id, ids["Адамова"], "safe")
    with admin.read() as conn:
        creates = conn.exec_driver_sql(
            "SELECT fields FROM change_log WHERE entity = 'campaign_target' AND op = 'create'"
        ).all()
        update = conn.exec_driver_sql(
            "SELECT fields FROM change_log WHERE entity = 'campaign_target' AND op = 'update'"
        ).scalar_one()
    assert len(creates) == 2
    # A creation carries every field that has a value; the empty ones (outcome, times) are left out.
    assert json.loads(creates[0][0]).keys() == {
        "campaign_id", "citizen_id", "position", "assignee", "state", "attempts",
    }  # fmt: skip
    assert json.loads(update)["state"] == "done"
    entries = [e for e in audit_log.recent_entries(admin) if e.action.startswith("campaign.")]
    assert {e.action for e in entries} == {"campaign.create", "campaign.record"}
    assert all("Адамова" not in json.dumps(e.details, ensure_ascii=False) for e in entries)


def test_a_campaign_and_an_outcome_reach_another_workstation(admin: Session, tmp_path: Path) -> None:
    other = second_workstation(tmp_path)
    try:
        hub = Hub()
        ids = register(admin, person("Адамова"), person("Бекова"))
        made = campaigns.create_campaign(admin, "Seoul", SEOUL)
        hub.sync(admin, other)
        assert campaigns.get_campaign(other, made.id).total == 2
        # Worked at the second workstation, seen at the first.
        campaigns.record_outcome(other, made.id, ids["Бекова"], "needs-help")
        hub.sync(admin, other)
        progress = campaigns.campaign_progress(admin, made.id)
        assert (progress.done, progress.outcomes) == (1, {"needs_help": 1})
        assert welfare(admin, ids["Бекова"]) == "needs_assistance"
        assert len(cases.list_cases(admin, citizen_id=ids["Бекова"])) == 1
        campaigns.close_campaign(admin, made.id)
        hub.sync(admin, other)
        with pytest.raises(CampaignClosed):
            campaigns.record_outcome(other, made.id, ids["Адамова"], "safe")
    finally:
        other.lock()
