"""Only staff who may work cases can own one (issue 9, item 12): the service refuses anyone else."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import ValidationError
from embassy_desk.services import cases, registry, users
from embassy_desk.services.session import Session
from tests.conftest import aigerim


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.OFFICER, Role.CLERK])
def test_staff_who_work_cases_can_be_assigned(
    admin: Session, session_for: Callable[[Role], Session], role: Role
) -> None:
    session = session_for(role)
    case = cases.open_case(admin, registry.register_citizen(admin, aigerim()).id, kind="other", summary="x")
    assert cases.update_case(admin, case.id, assignee=session.user.username).assignee == session.user.username


def test_a_viewer_cannot_be_assigned_and_the_error_names_the_field(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.VIEWER)
    case = cases.open_case(admin, registry.register_citizen(admin, aigerim()).id, kind="other", summary="x")
    with pytest.raises(ValidationError) as caught:
        cases.update_case(admin, case.id, assignee="viewer1", note="should not be stored")
    assert caught.value.field == "assignee"
    assert "viewer" in str(caught.value) and "may not work cases" in str(caught.value)
    stored = cases.get_case(admin, case.id)
    assert stored.assignee is None
    assert [e.kind for e in cases.timeline(admin, case.id)] == ["opened"], "nothing of the refused change"


def test_unknown_and_disabled_accounts_cannot_be_assigned(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.CLERK)
    case = cases.open_case(admin, registry.register_citizen(admin, aigerim()).id, kind="other", summary="x")
    with pytest.raises(ValidationError, match="no staff account 'nobody'"):
        cases.update_case(admin, case.id, assignee="nobody")
    users.disable_user(admin, username="clerk1")
    with pytest.raises(ValidationError, match="disabled"):
        cases.update_case(admin, case.id, assignee="clerk1")
    # Clearing the owner is always allowed.
    cases.update_case(admin, case.id, assignee="admin")
    assert cases.update_case(admin, case.id, assignee="").assignee is None
