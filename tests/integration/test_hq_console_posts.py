"""Admins add posts from the console: the post appears on the overview, the addition is audited, and a
bad, taken or nameless post comes back on the form naming the field with nothing added."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from embassy_desk.hq import audit
from embassy_desk.hq.app import create_app
from embassy_desk.hq.console.model import OperatorRole
from embassy_desk.hq.store import HQStore
from tests.hq_db import hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.integration.test_hq_console_advisories import SETTINGS, sign_in, text_of

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here


@pytest.fixture
def app_client(hq_store: HQStore) -> Iterator[TestClient]:
    with TestClient(create_app(hq_store, console=SETTINGS), base_url="http://127.0.0.1") as client:
        yield client


def test_an_admin_adds_a_post_and_it_is_on_the_overview_and_audited(
    hq_store: HQStore, app_client: TestClient
) -> None:
    admin = sign_in(hq_store, "ops-admin", OperatorRole.ADMIN, app_client)
    assert "/console/posts/new" in admin.get("/").text
    answer = admin.post("/posts/new", {"code": "kz-tyo", "name": "Embassy in Tokyo (test)"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/posts/KZ-TYO"
    assert "Embassy in Tokyo (test)" in admin.get("/posts/KZ-TYO").text
    assert "KZ-TYO" in text_of(admin.get("/").text)
    with hq_store.engine.connect() as conn:
        (entry,) = [e for e in audit.entries(conn) if e.action == "post.add"]
    assert (entry.actor, entry.entity, entry.entity_id) == ("ops-admin", "post", "KZ-TYO")


def test_a_bad_taken_or_nameless_post_comes_back_naming_the_field(
    hq_store: HQStore, app_client: TestClient
) -> None:
    hq_store.add_post("KZ-SEL", "Embassy in Seoul (test)")
    admin = sign_in(hq_store, "ops-admin", OperatorRole.ADMIN, app_client)
    for form, field, words in (
        ({"code": "K", "name": "Too short"}, "code", "is not a post code"),
        ({"code": "KZ SEL!", "name": "Spaces"}, "code", "is not a post code"),
        ({"code": "kz-sel", "name": "Again"}, "code", "already exists"),
        ({"code": "KZ-ALA", "name": "   "}, "name", "needs a name"),
    ):
        answer = admin.post("/posts/new", form)
        assert answer.status_code == 422, form
        assert f'name="{field}" value=' in answer.text and 'aria-invalid="true"' in answer.text
        assert words in text_of(answer.text), form
    assert [p.code for p in hq_store.posts()] == ["KZ-SEL"]


def test_analysts_and_forms_without_their_token_add_nothing(
    hq_store: HQStore, app_client: TestClient
) -> None:
    analyst = sign_in(hq_store, "ops-analyst", OperatorRole.ANALYST, app_client)
    assert "/console/posts/new" not in analyst.get("/").text
    assert analyst.get("/posts/new").status_code == 403
    assert analyst.post("/posts/new", {"code": "KZ-TYO", "name": "Tokyo"}).status_code == 403
    admin = sign_in(hq_store, "ops-admin", OperatorRole.ADMIN, app_client)
    assert admin.post("/posts/new", {"code": "KZ-TYO", "name": "Tokyo"}, csrf=False).status_code == 403
    assert hq_store.posts() == []
