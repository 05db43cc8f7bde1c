"""schemathesis over the console's JSON endpoints (issue 13, "Proof"): ``/console/openapi.json`` lists
only the JSON twins of the pages (paths under ``/api``); signed in, no generated request gets a 5xx and
every answer matches the schema; signed out, every one is refused 401.

The console app runs in-process (ASGI, as tests/integration/test_hq_schemathesis.py runs HQ's API) over
the same PostgreSQL database that the ``hq serve`` of tests/browser/conftest.py holds, after a real
workstation has synced a post's records into it, so the endpoints answer with real figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from embassy_desk.hq.clock import system_clock
from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.console.app import create_console_app
from embassy_desk.hq.console.sessions import cookie_name, create_session
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.store import HQStore
from tests.browser.conftest import ConsoleHq, Post

pytestmark = pytest.mark.timeout(300)

SETTINGS = ConsoleSettings()  # production's: the __Host- cookie (sent here as a plain header)
SEMANTIC_REFUSALS = ({"code": "bad_since", "field": "since"}, {"code": "since_range", "field": "since"})
_REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "429"]


class LateStore:
    """HQ's store, opened by the module's fixture after collection: the app (and so the schema, which
    schemathesis reads when the module is imported) exists before HQ's database does."""

    def __init__(self) -> None:
        self.store: HQStore | None = None

    def __getattr__(self, name: str) -> Any:
        assert self.store is not None, "the console_store fixture opens the store"
        return getattr(self.store, name)


LATE = LateStore()
APP = create_console_app(LATE, settings=SETTINGS)  # type: ignore[arg-type]
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
schema.config.checks.negative_data_rejection.expected_statuses = _REFUSALS
schema.config.checks.missing_required_header.expected_statuses = _REFUSALS


@pytest.fixture(scope="module", autouse=True)
def console_store(console: ConsoleHq, shared_post: Post) -> Iterator[None]:
    """HQ's database (the one ``hq serve`` holds) behind the app, with a post synced into it."""
    store = HQConfig.resolve(console.hq.hq_dir, console.hq.db_url).open_store()
    LATE.store = store
    try:
        yield
    finally:
        LATE.store = None
        store.close()


@pytest.fixture(scope="module")
def session_cookie(console: ConsoleHq) -> dict[str, str]:
    """The cookie of a signed-in admin's session (admins reach every endpoint)."""
    name, _ = console.operator("admin")
    token, _csrf = create_session(console.engine, name, SETTINGS, system_clock())
    return {cookie_name(SETTINGS): token}


def test_the_schema_lists_only_json_endpoints() -> None:
    paths = list(schema.raw_schema["paths"])
    assert paths, "the console's schema lists no endpoint"
    assert all(path.startswith("/api/") for path in paths), paths


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_signed_in_requests(case: Any, session_cookie: dict[str, str]) -> None:
    # A moment (`since`) is a string in the schema; one that is no moment, or lies in the future or
    # too far back, is refused 422 naming the field: the only schema-valid refusal there is.
    response = case.call_and_validate(cookies=session_cookie, excluded_checks=[positive_data_acceptance])
    assert response.status_code < 500, response.text
    if case.meta and case.meta.generation.mode.is_positive and 400 <= response.status_code < 500:
        refused = response.json()
        assert response.status_code == 404 or refused in SEMANTIC_REFUSALS, (response.status_code, refused)


@schema.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_signed_out_requests_are_refused(case: Any) -> None:
    response = case.call()
    assert response.status_code == 401 or response.status_code in (404, 405, 422), response.text
    if response.status_code == 401:
        assert response.json() == {"code": "sign_in_required"}
