"""SECURITY.md promise 14: the whole action x role matrix, enforced in the service layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.services import (
    backup,
    campaigns,
    cases,
    checkin,
    contacts,
    dashboard,
    duty_log,
    evacuation,
    exporter,
    importer,
    integrity,
    message_list,
    notices,
    registry,
    users,
)
from embassy_desk.services.permissions import ALLOWED, Action
from embassy_desk.services.session import Session
from tests.conftest import STAFF_PASSPHRASE, aigerim

Attempt = Callable[[Session, dict[str, str], Path], object]


ATTEMPTS: dict[Action, Attempt] = {
    Action.CITIZEN_VIEW: lambda s, d, _: registry.get_citizen(s, d["citizen"]),
    Action.CITIZEN_CREATE: lambda s, d, _: registry.register_citizen(
        s,
        aigerim(
            national_id=None,
            passport_number=None,
            birth_date=None,
            phone=None,
            given_names=f"New{s.role.value}",
        ),
    ),
    Action.CITIZEN_EDIT: lambda s, d, _: registry.edit_citizen(s, d["citizen"], {"notes": s.role.value}),
    Action.CITIZEN_DELETE: lambda s, d, _: registry.delete_citizen(s, d["spare"]),
    Action.CITIZEN_MERGE: lambda s, d, _: registry.merge_citizens(s, d["citizen"], d["spare2"]),
    Action.DUPLICATE_DECIDE: lambda s, d, _: registry.mark_not_duplicate(s, d["citizen"], d["spare3"]),
    Action.CONTACT_LOG: lambda s, d, _: contacts.log_contact(
        s, d["citizen"], channel="phone", outcome="reached"
    ),
    Action.CASE_VIEW: lambda s, d, _: cases.get_case(s, d["case"]),
    Action.CASE_OPEN: lambda s, d, _: cases.open_case(s, d["citizen"], kind="other", summary="x"),
    Action.CASE_UPDATE: lambda s, d, _: cases.update_case(s, d["case"], note="note"),
    Action.CASE_CLOSE: lambda s, d, _: cases.update_case(s, d["case2"], status="closed"),
    Action.IMPORT: lambda s, d, _: importer.import_rows(s, [], dry_run=True),
    Action.EXPORT: lambda s, d, tmp: exporter.export_citizens(s, tmp / f"{s.role.value}.csv"),
    Action.USER_MANAGE: lambda s, d, _: users.list_users(s),
    Action.AUDIT_VIEW: lambda s, d, _: integrity.verify_audit_chain(s),
    Action.INTEGRITY_CHECK: lambda s, d, _: integrity.check_workstation(s),
    Action.BACKUP_CREATE: lambda s, d, tmp: backup.create_backup(s, tmp / f"{s.role.value}.edbk"),
    Action.SETTINGS_EDIT: lambda s, d, _: s.require(Action.SETTINGS_EDIT),
    Action.OWN_ACCOUNT: lambda s, d, _: users.change_passphrase(
        s, username=s.user.username, new_passphrase="fresh meadow lantern 2031"
    ),
    Action.NOTICE_ISSUE: lambda s, d, _: notices.issue_one(
        s, kind="registration-certificate", languages=["ru"], citizen_id=d["citizen"]
    ),
    Action.NOTICE_BATCH: lambda s, d, tmp: notices.issue(
        s,
        kind="advisory",
        languages=["ru"],
        target=tmp / f"{s.role.value}-advisory.pdf",
        selection=notices.Selection(region="Seoul"),
    ),
    Action.CAMPAIGN_MANAGE: lambda s, d, _: campaigns.create_campaign(
        s, f"Check {s.role.value}", CampaignCriteria()
    ),
    Action.CAMPAIGN_WORK: lambda s, d, _: campaigns.record_outcome(
        s, d["campaign"], d["citizen"], "message-left"
    ),
    Action.MESSAGE_EXPORT: lambda s, d, tmp: message_list.export_campaign_messages(
        s, d["campaign"], tmp / f"{s.role.value}-messages.csv"
    ),
    Action.DUTY_NOTE: lambda s, d, _: duty_log.write_note(s, f"Shift of {s.role.value}: quiet."),
    Action.DASHBOARD_VIEW: lambda s, d, _: dashboard.dashboard_figures(s),
    Action.EVAC_MANAGE: lambda s, d, _: evacuation.add_flight(
        s,
        carrier="Air Astana",
        number="KC 910",
        origin="ICN",
        destination="ALA",
        departs_at="2027-01-15T09:30:00+09:00",
        seats=150,
        assembly_point="Incheon Airport, Terminal 1",
    ),
    Action.EVAC_BOARD: lambda s, d, _: evacuation.board(s, d["flight"], d["citizen"], "checked_in"),
    Action.CHECKIN_LINK: lambda s, d, _: checkin.issue_links(s, [d["citizen"]]),
    Action.CHECKIN_LINKS: lambda s, d, _: checkin.issue_links(s, [d["citizen"], d["spare"]]),
    Action.CHECKIN_PHONES: lambda s, d, _: checkin.pending_phone_changes(s),
}


def test_every_action_has_an_attempt() -> None:
    assert set(ATTEMPTS) == set(Action)


@pytest.fixture
def setup(admin: Session) -> dict[str, str]:
    ids = {}
    ids["citizen"] = registry.register_citizen(admin, aigerim()).id
    for i, name in enumerate(("spare", "spare2", "spare3")):
        ids[name] = registry.register_citizen(
            admin,
            aigerim(
                given_names=f"Spare{'abc'[i]}",  # names hold no digits
                national_id=None,
                passport_number=f"N5555000{i}",
                birth_date=f"1990-01-0{i + 1}",
                phone=None,
                email=None,
            ),
        ).id
    ids["case"] = cases.open_case(admin, ids["citizen"], kind="other", summary="first").id
    ids["case2"] = cases.open_case(admin, ids["citizen"], kind="other", summary="second").id
    ids["campaign"] = campaigns.create_campaign(admin, "Everyone", CampaignCriteria()).id
    checkin.set_public_address(admin, "https://checkin.mfa.example")
    cases.open_case(admin, ids["citizen"], kind="evacuation", summary="needs a seat")
    ids["flight"] = ATTEMPTS[Action.EVAC_MANAGE](admin, ids, Path()).id  # type: ignore[attr-defined]
    evacuation.build_manifest(admin, ids["flight"])
    return ids


@pytest.mark.parametrize("role", list(Role))
def test_action_role_matrix(
    role: Role, setup: dict[str, str], session_for: Callable[[Role], Session], tmp_path: Path
) -> None:
    session = session_for(role)
    for action in Action:
        allowed = role in ALLOWED[action]
        before = _audit_count(session) if role is not Role.VIEWER else None
        if allowed:
            ATTEMPTS[action](session, setup, tmp_path)
        else:
            with pytest.raises(PermissionDeniedError):
                ATTEMPTS[action](session, setup, tmp_path)
            if before is not None:
                assert _audit_count(session) == before, f"{role} {action} wrote despite refusal"


def _audit_count(session: Session) -> int:
    with session.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar_one())


def test_viewer_cannot_write_even_their_own_notes(
    session_for: Callable[[Role], Session], setup: dict[str, str]
) -> None:
    viewer = session_for(Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        registry.edit_citizen(viewer, setup["citizen"], {"notes": "x"})


def test_disabled_user_cannot_sign_in(admin: Session, session_for: Callable[[Role], Session]) -> None:
    from embassy_desk.domain.errors import UnlockError
    from embassy_desk.services.workstation import unlock

    session_for(Role.CLERK).lock()
    users.disable_user(admin, username="clerk1")
    with pytest.raises(UnlockError):
        unlock(admin.paths, "clerk1", STAFF_PASSPHRASE)
