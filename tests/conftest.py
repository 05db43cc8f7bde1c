"""Shared fixtures: real encrypted workstations in temporary folders, one session per role."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import users
from embassy_desk.services.session import PostInfo, Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage import meta
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths

ADMIN_PASSPHRASE = "steppe winter lantern 42"
STAFF_PASSPHRASE = "orchard compass ribbon 7"
# keyring picks its default backend on first use among every backend class defined so far; the tests'
# stand-in (tests/integration/test_os_keyring.py MemoryKeyring) would win once imported. Settle the
# machine's own default now, before any test module is imported.
keyring.get_keyring()

POST = PostInfo(name="Embassy of Kazakhstan in Seoul (test)", home_country="KZ", host_country="KR")


@pytest.fixture(autouse=True)
def _keyring_backend_restored() -> Iterator[None]:
    """Every test ends with the keyring backend it started with: the copied workstations below share
    one vault id, so a stand-in keyring left behind would carry one test's failure counter into the
    next (services/workstation.py keeps a copy of the counter there, keyed by vault id)."""
    backend = keyring.get_keyring()
    yield
    keyring.set_keyring(backend)


@pytest.fixture(scope="session")
def _workstation_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[WorkstationPaths, str, bytes]:
    """One workstation made the real way (vault, migrations, first administrator), copied per test.

    Making one costs two Argon2id derivations at the 64 MiB floor the vault enforces plus every
    migration (~0.2 s); copying its files costs a millisecond. Returns (paths, recovery code, data key).
    """
    result = init_workstation(
        tmp_path_factory.mktemp("template") / "ws",
        post=POST,
        admin_username="admin",
        admin_display_name="Admin",
        passphrase=ADMIN_PASSPHRASE,
        kdf=TEST_KDF,
    )
    session = unlock(result.paths, "admin", ADMIN_PASSPHRASE)
    try:
        key = session.data_key
    finally:
        session.lock()
    return result.paths, result.recovery_code, key


@pytest.fixture
def workstation(
    tmp_path: Path, _workstation_template: tuple[WorkstationPaths, str, bytes]
) -> tuple[WorkstationPaths, str]:
    """A fresh workstation with an administrator 'admin'; returns (paths, recovery code).

    A copy of the session's template with a device id of its own, so that two of them sync as two
    workstations (the vault id, data key and recovery code are the template's)."""
    template, code, key = _workstation_template
    target = tmp_path / "ws"
    shutil.copytree(template.root, target)
    paths = WorkstationPaths(target)
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as raw, raw.execution_options(write=True).begin():
            meta.put(raw, "device_id", uuid7())
    finally:
        engine.dispose()
    return paths, code


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


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start building the desktop bundle in the background when its tests will run (see
    tests/release/bundle_cache.py): the suite is one process, so the build takes the spare core."""
    if not sys.platform.startswith("linux"):
        return
    if any(item.nodeid.startswith("tests/release/test_bundle.py") for item in session.items):
        from tests.release import bundle_cache

        bundle_cache.start_in_background()
