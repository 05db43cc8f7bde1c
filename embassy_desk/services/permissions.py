"""Who may do what (SECURITY.md promise 14). Services check this; the GUI only mirrors it."""

from __future__ import annotations

from enum import StrEnum

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.domain.messages import Msg


class Action(StrEnum):
    CITIZEN_VIEW = "citizen.view"
    CITIZEN_CREATE = "citizen.create"
    CITIZEN_EDIT = "citizen.edit"
    CITIZEN_DELETE = "citizen.delete"
    CITIZEN_MERGE = "citizen.merge"
    DUPLICATE_DECIDE = "duplicate.decide"
    CONTACT_LOG = "contact.log"
    CASE_VIEW = "case.view"
    CASE_OPEN = "case.open"
    CASE_UPDATE = "case.update"
    CASE_CLOSE = "case.close"
    IMPORT = "registry.import"
    EXPORT = "registry.export"
    USER_MANAGE = "user.manage"
    AUDIT_VIEW = "audit.view"
    INTEGRITY_CHECK = "integrity.check"
    BACKUP_CREATE = "backup.create"
    SETTINGS_EDIT = "settings.edit"
    OWN_ACCOUNT = "account.own"
    NOTICE_ISSUE = "notice.issue"  # print notices for citizens named one by one (and re-print them)
    NOTICE_BATCH = "notice.batch"  # print notices for a region, a status, a campaign or everyone
    CAMPAIGN_MANAGE = "campaign.manage"  # create, split, reassign and close welfare campaigns
    CAMPAIGN_WORK = "campaign.work"  # work one's own call list: record outcomes
    MESSAGE_EXPORT = "campaign.messages"  # the SMS / messenger gateway list (phones, handles)
    DUTY_NOTE = "duty.note"  # write in the duty log (everyone may read it)
    DASHBOARD_VIEW = "dashboard.view"  # figures and the situation report (no personal data)
    EVAC_MANAGE = "evac.manage"  # flights, manifests, overrides, the carrier export
    EVAC_BOARD = "evac.board"  # check in, board, no-show at the assembly point
    CHECKIN_LINK = "checkin.link"  # one person's check-in link (on the notice a clerk prints them)
    CHECKIN_LINKS = "checkin.links"  # check-in links for a selection (a campaign, a region, everyone)
    CHECKIN_PHONES = "checkin.phones"  # review the phone numbers citizens reported: apply or dismiss


_ALL = frozenset(Role)
_STAFF = frozenset({Role.ADMINISTRATOR, Role.OFFICER, Role.CLERK})
_SENIOR = frozenset({Role.ADMINISTRATOR, Role.OFFICER})
_ADMIN = frozenset({Role.ADMINISTRATOR})

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.CITIZEN_VIEW: _ALL,
    Action.CITIZEN_CREATE: _STAFF,
    Action.CITIZEN_EDIT: _STAFF,
    Action.CITIZEN_DELETE: _SENIOR,
    Action.CITIZEN_MERGE: _SENIOR,
    Action.DUPLICATE_DECIDE: _STAFF,
    Action.CONTACT_LOG: _STAFF,
    Action.CASE_VIEW: _ALL,
    Action.CASE_OPEN: _STAFF,
    Action.CASE_UPDATE: _STAFF,
    Action.CASE_CLOSE: _SENIOR,
    Action.IMPORT: _SENIOR,
    Action.EXPORT: _SENIOR,
    Action.USER_MANAGE: _ADMIN,
    Action.AUDIT_VIEW: _ADMIN,
    Action.INTEGRITY_CHECK: _SENIOR,
    Action.BACKUP_CREATE: _ADMIN,
    Action.SETTINGS_EDIT: _ADMIN,
    Action.OWN_ACCOUNT: _ALL,
    Action.NOTICE_ISSUE: _STAFF,
    Action.NOTICE_BATCH: _SENIOR,
    Action.CAMPAIGN_MANAGE: _SENIOR,
    Action.CAMPAIGN_WORK: _STAFF,
    Action.MESSAGE_EXPORT: _SENIOR,
    Action.DUTY_NOTE: _STAFF,
    Action.DASHBOARD_VIEW: _ALL,
    Action.EVAC_MANAGE: _SENIOR,
    Action.EVAC_BOARD: _STAFF,
    Action.CHECKIN_LINK: _STAFF,
    Action.CHECKIN_LINKS: _SENIOR,
    Action.CHECKIN_PHONES: _STAFF,
}


def is_allowed(role: Role, action: Action) -> bool:
    """Whether ``role`` may perform ``action``."""
    return role in ALLOWED[action]


def require(role: Role, action: Action) -> None:
    """Raise :class:`PermissionDeniedError` unless ``role`` may perform ``action``."""
    if not is_allowed(role, action):
        raise PermissionDeniedError(
            Msg("permission.role", role=Msg(f"role.{role.value}"), action=action.value)
        )
