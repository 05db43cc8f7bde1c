"""Shared fixtures: real encrypted workstations in temporary folders, one session per role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.services import users
from embassy_desk.services.session import PostInfo, Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths

ADMIN_PASSPHRASE = "steppe winter lantern 42"
STAFF_PASSPHRASE = "orchard compass ribbon 7"
POST = PostInfo(name="Embassy of Kazakhstan in Seoul (test)", home_country="KZ", host_country="KR")


@pytest.fixture
def workstation(tmp_path: Path) -> tuple[WorkstationPaths, str]:
    """A fresh workstation with an administrator 'admin'; returns (paths, recovery code)."""
    result = init_workstation(
        tmp_path / "ws",
        post=POST,
        admin_username="admin",
        admin_display_name="Admin",
        passphrase=ADMIN_PASSPHRASE,
        kdf=TEST_KDF,
    )
    return result.paths, result.recovery_code


@pytest.fixture
def paths(workstation: tuple[WorkstationPaths, str]) -> WorkstationPaths:
    return workstation[0]


@pytest.fixture
def admin(paths: WorkstationPaths) -> Iterator[Session]:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    yield session
    session.lock()


@pytest.fixture
def session_for(paths: WorkstationPaths, admin: Session) -> Iterator[Callable[[Role], Session]]:
    """Open a session for an account of the given role (created on first use)."""
    opened: list[Session] = []

    def make(role: Role) -> Session:
        if role is Role.ADMINISTRATOR:
            return admin
        name = f"{role.value}1"
        if name not in {u.username for u in users.list_users(admin)}:
            users.add_user(admin, username=name, display_name=name, role=role, passphrase=STAFF_PASSPHRASE)
        session = unlock(paths, name, STAFF_PASSPHRASE)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.lock()


def aigerim(**overrides: object) -> dict[str, object]:
    """A synthetic citizen (invented name and numbers)."""
    data: dict[str, object] = {
        "surname": "Нурланова",
        "given_names": "Айгерим",
        "patronymic": "Серикқызы",
        "sex": "F",
        "birth_date": "1998-03-14",
        "national_id": "980314400046",
        "passport_number": "N12345678",
        "purpose_of_stay": "study",
        "region": "Seoul",
        "phone": "010-1234-5678",
        "email": "aigerim.test@example.com",
    }
    data.update(overrides)
    return data
