"""The console's advisories page, the citizen record view and their JSON twins, on SQLite and PostgreSQL:
publishing from the page (audited), field errors, CSRF refusal, analysts refused everywhere, which
workstations have received a publication (real enrollment and pulls through HQ's store), and the
audited record view (ids only in the audit, values escaped on the page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import audit
from embassy_desk.hq.app import create_app
from embassy_desk.hq.console.model import OperatorRole
from embassy_desk.hq.console.operators import add_operator
from embassy_desk.hq.console.sessions import cookie_name, create_session
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.publish import bundled_templates
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import hq_audit
from embassy_desk.resources import notices_dir
from embassy_desk.sync import wire
from tests.hq_db import hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import SV, Device, enroll, entry, push

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

SEL, ALA = "KZ-SEL", "KZ-ALA"
SETTINGS = ConsoleSettings(secure_cookies=False)


def pull(store: HQStore, device: Device, cursor: int) -> int:
    """One pull from ``cursor`` (what the device says it has applied); returns the new cursor."""
    page = store.pull(device.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=cursor))
    return page.cursor


def push_one(
    store: HQStore, device: Device, entity: str, record_id: str, op: str, fields: dict[str, Any]
) -> None:
    """Push one entry (a change other than a create carries an empty base)."""
    extra: dict[str, Any] = {"base": {}} if op != "create" else {}
    push(store, device, [entry(device, entity, record_id, op, fields, **extra)])


@dataclass
class Console:
    """A TestClient on HQ's app with a signed-in operator's cookie, and the session's CSRF token."""

    client: TestClient
    csrf: str

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get("/console" + path, follow_redirects=False, **kwargs)

    def post(self, path: str, data: dict[str, Any], *, csrf: bool = True) -> Any:
        body = {**data, "csrf": self.csrf} if csrf else data
        return self.client.post("/console" + path, data=body, follow_redirects=False)


@pytest.fixture
def store(hq_store: HQStore) -> HQStore:
    hq_store.add_post(SEL, "Embassy in Seoul (test)")
    hq_store.add_post(ALA, "Consulate in Almaty (test)")
    return hq_store


def sign_in(store: HQStore, name: str, role: OperatorRole, client: TestClient) -> Console:
    from datetime import UTC, datetime

    add_operator(store.engine, name, role, "a long test password 1")
    token, csrf = create_session(store.engine, name, SETTINGS, datetime.now(UTC))
    client.cookies.set(cookie_name(SETTINGS), token)
    return Console(client, csrf)


@pytest.fixture
def app_client(store: HQStore) -> Iterator[TestClient]:
    with TestClient(create_app(store, console=SETTINGS), base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture
def admin(store: HQStore, app_client: TestClient) -> Console:
    return sign_in(store, "ops-admin", OperatorRole.ADMIN, app_client)


def audit_rows(store: HQStore) -> list[audit.AuditEntry]:
    with store.engine.connect() as conn:
        return list(reversed(audit.entries(conn, limit=1000)))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- publishing -----------------------------------------------------------------------------------------


def test_an_advisory_published_from_the_page_reaches_the_workstations_that_pull(
    store: HQStore, admin: Console
) -> None:
    one, two = enroll(store, SEL, "Seoul desk 1"), enroll(store, SEL, "Seoul desk 2")
    enroll(store, ALA, "Almaty desk")
    page = admin.get("/advisories")
    assert page.status_code == 200 and 'name="csrf"' in page.text and 'value="KZ-ALA"' in page.text

    sent = admin.post(
        "/advisories",
        {
            "kind": "advisory",
            "title_en": "Storm warning",
            "title_ru": "Шторм",
            "text_en": "Stay indoors.",
            "posts": [SEL],
        },
    )
    assert sent.status_code == 303, sent.text
    record_id = sent.headers["location"].rsplit("=", 1)[1]

    # The audit entry: who, which publication, its kind and posts; in the publish's transaction.
    (entry,) = [e for e in audit_rows(store) if e.action == "publication.publish"]
    assert (entry.actor, entry.entity, entry.entity_id) == ("ops-admin", "publication", record_id)
    assert entry.details == {"kind": "advisory", "posts": [SEL]}

    listed = admin.client.get(sent.headers["location"])
    assert "Storm warning" in listed.text and "Шторм" in listed.text
    assert "0 of 2 workstations" in text_of(listed.text)

    # Desk 1 pulls the publication, then reports its cursor on its next pull: it has received it.
    after = pull(store, one, 0)
    assert after > 0
    pull(store, one, after)
    listed = text_of(admin.get("/advisories").text)
    assert "1 of 2 workstations" in listed and "Seoul desk 1" in listed and "waiting: Seoul desk 2" in listed
    pull(store, two, pull(store, two, 0))

    answer = admin.get("/api/publications").json()
    (publication,) = answer["publications"]
    assert publication["record_id"] == record_id and publication["kind"] == "advisory"
    assert publication["title"] == {"en": "Storm warning", "ru": "Шторм"}
    (delivery,) = publication["posts"]
    assert delivery["post"] == SEL and delivery["workstations"] == 2 and delivery["received"] == 2
    assert sorted(delivery["received_by"]) == ["Seoul desk 1", "Seoul desk 2"] and delivery["waiting"] == []


def test_a_bundled_template_version_and_a_published_one_can_be_sent(store: HQStore, admin: Console) -> None:
    desk = enroll(store, ALA, "Almaty desk")
    shipped = {t.key: t for t in bundled_templates()}
    assert "bundled:advisory/en" in shipped and not any(k.startswith("bundled:common") for k in shipped)
    page = admin.get("/advisories").text
    assert 'value="bundled:advisory/ru"' in page

    sent = admin.post("/advisories", {"kind": "template", "template": "bundled:advisory/en", "posts": [ALA]})
    assert sent.status_code == 303, sent.text
    first = sent.headers["location"].rsplit("=", 1)[1]
    (item,) = store.pull(desk.device_id, wire.PullRequest(protocol=1, schema_version=SV, cursor=0)).entries
    assert item.record_id == first and item.fields["kind"] == "template"
    source = (notices_dir() / "advisory" / "en.toml").read_text(encoding="utf-8")
    assert item.fields["body"]["source"] == source and item.fields["body"]["template"] == "advisory"
    assert item.fields["title"] == {"en": f"advisory v{shipped['bundled:advisory/en'].version} (en)"}

    # The version published before is offered again, and goes to every post.
    page = admin.get("/advisories").text
    assert f'value="published:{first}"' in page
    again = admin.post(
        "/advisories", {"kind": "template", "template": f"published:{first}", "all_posts": "1"}
    )
    assert again.status_code == 303
    answer = admin.get("/api/publications").json()["publications"]
    assert [sorted(d["post"] for d in p["posts"]) for p in answer] == [[ALA, SEL], [ALA]]
    assert audit_rows(store)[-1].details == {"kind": "template", "posts": [ALA, SEL]}


# (form, field named, words of its message): each comes back with the message beside that field.
BAD_FORMS: list[tuple[dict[str, Any], str, str]] = [
    ({"kind": "advisory", "text_en": "x", "posts": [SEL]}, "title", "Title: give a title"),
    ({"kind": "advisory", "title_kk": "x", "posts": [SEL]}, "text", "Text: give the advisory"),
    ({"kind": "advisory", "title_en": "x", "text_en": "y"}, "posts", "Posts: choose at least one post"),
    (
        {"kind": "advisory", "title_en": "x", "text_en": "y", "posts": ["XX-NONE"]},
        "posts",
        "no post XX-NONE",
    ),
    (
        {"kind": "template", "template": "bundled:nothing/en", "posts": [SEL]},
        "template",
        "Template version",
    ),
    ({"kind": "template", "posts": [SEL]}, "template", "Template version"),
    ({"kind": "poster", "title_en": "x", "text_en": "y", "posts": [SEL]}, "kind", "Choose an advisory"),
]


def test_a_bad_form_comes_back_naming_the_field_and_nothing_is_published(
    store: HQStore, admin: Console
) -> None:
    for data, field, message in BAD_FORMS:
        answer = admin.post("/advisories", data)
        assert answer.status_code == 422, data
        assert f'id="error-{field}"' in answer.text and message in text_of(answer.text), data
        # What was typed is kept.
        for key in ("title_en", "title_kk", "text_en"):
            if key in data:
                assert f'value="{data[key]}"' in answer.text or f">{data[key]}</textarea>" in answer.text
    assert admin.get("/api/publications").json() == {"publications": []}
    assert not [e for e in audit_rows(store) if e.action == "publication.publish"]


def test_a_form_without_its_csrf_token_is_refused(store: HQStore, admin: Console) -> None:
    data = {"kind": "advisory", "title_en": "x", "text_en": "y", "all_posts": "1"}
    assert admin.post("/advisories", data, csrf=False).status_code == 403
    assert admin.post("/advisories", {**data, "csrf": "forged"}, csrf=False).status_code == 403
    assert admin.get("/api/publications").json() == {"publications": []}


def test_analysts_get_403_on_every_route_and_no_record_view_is_audited(
    store: HQStore, app_client: TestClient
) -> None:
    device = enroll(store, SEL, "Seoul desk")
    citizen = uuid7()
    push_one(store, device, "citizen", citizen, "create", {"surname": "Тестова"})
    analyst = sign_in(store, "ops-analyst", OperatorRole.ANALYST, app_client)
    for path in (
        "/advisories",
        "/api/publications",
        "/audit",
        "/audit?before=5",
        "/api/audit",
        f"/posts/{SEL}/citizens/{citizen}",
        f"/citizens/open?post={SEL}&record={citizen}",
    ):
        answer = analyst.get(path)
        assert answer.status_code == 403, path
        assert "Тестова" not in answer.text
    assert (
        analyst.post(
            "/advisories", {"kind": "advisory", "title_en": "x", "text_en": "y", "all_posts": "1"}
        ).status_code
        == 403
    )
    assert audit_rows(store) == []
    # Signed out: the page asks for a sign-in, the JSON says 401.
    app_client.cookies.clear()
    assert analyst.get("/advisories").status_code == 303
    assert analyst.get("/api/publications").status_code == 401


# -- the citizen record ------------------------------------------------------------------------------


def test_a_record_view_is_audited_with_ids_only_and_values_are_escaped(
    store: HQStore, admin: Console
) -> None:
    device = enroll(store, SEL, "Seoul desk")
    citizen = uuid7()
    push_one(
        store,
        device,
        "citizen",
        citizen,
        "create",
        {"surname": "<script>alert(1)</script>", "given_names": "Айгерім", "welfare_status": "safe"},
    )
    contact = uuid7()
    push_one(
        store,
        device,
        "contact",
        contact,
        "create",
        {
            "citizen_id": citizen,
            "at": "2026-12-01T10:00:00+00:00",
            "channel": "phone",
            "direction": "outgoing",
            "staff": "staff-1",
            "outcome": "reached",
            "note": "Called <b>twice</b>",
        },
    )
    other = uuid7()
    push_one(store, device, "citizen", other, "create", {"surname": "Басқа"})

    page = admin.get(f"/posts/{SEL.lower()}/citizens/{citizen}")
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text and "<script>alert" not in page.text
    assert "Айгерім" in page.text and "Called &lt;b&gt;twice&lt;/b&gt;" in page.text
    assert "Contacts (1)" in text_of(page.text) and "Басқа" not in page.text

    (view,) = audit_rows(store)
    assert (view.action, view.actor, view.entity, view.entity_id) == (
        "record.view",
        "ops-admin",
        "citizen",
        f"{SEL}:{citizen}",
    )
    assert view.details == {}
    with store.engine.connect() as conn:
        stored = " ".join(str(v) for row in conn.execute(hq_audit.select()) for v in row)
    assert "script" not in stored and "Айгерім" not in stored and "safe" not in stored

    # The "open a record by id" form leads there.
    opened = admin.get(f"/citizens/open?post={SEL}&record={citizen}")
    assert (
        opened.status_code == 303 and opened.headers["location"] == f"/console/posts/{SEL}/citizens/{citizen}"
    )
    assert 'action="/console/citizens/open"' in admin.get("/advisories").text

    # Unknown and deleted records: a 404 page, nothing audited.
    assert admin.get(f"/posts/{SEL}/citizens/{uuid7()}").status_code == 404
    assert admin.get(f"/posts/{ALA}/citizens/{citizen}").status_code == 404
    push_one(store, device, "citizen", other, "delete", {})
    gone = admin.get(f"/posts/{SEL}/citizens/{other}")
    assert gone.status_code == 404 and "Басқа" not in gone.text
    assert len(audit_rows(store)) == 1


# -- end to end: a real HQ server and a real workstation ------------------------------------------------


def test_a_publication_reaches_a_real_workstation_and_the_page_says_so(tmp_path: Path) -> None:
    """HQ serving (``hq serve``, console mounted), an encrypted workstation syncing over HTTP: the
    advisory published from the console arrives on its next sync; the device confirms it (its cursor)
    at its following pull, and from then the page counts it as received."""
    import platform
    from datetime import UTC, datetime

    import httpx

    from embassy_desk.hq.config import HQConfig
    from embassy_desk.hq.database import make_engine
    from embassy_desk.services import sync as sync_service
    from tests.sync_harness import Hq, Workstation

    hq = Hq(tmp_path, None).init()
    hq.add_post(SEL, "Embassy in Seoul (test)")
    ws = Workstation(tmp_path / "ws", "Embassy in Seoul (test)")
    engine = make_engine(HQConfig.resolve(hq.hq_dir).db_url)
    served = ConsoleSettings()  # what hq serve uses: __Host- cookie (sent here by hand over loopback)
    try:
        add_operator(engine, "ops-admin", OperatorRole.ADMIN, "a long test password 1")
        token, csrf = create_session(engine, "ops-admin", served, datetime.now(UTC))
        hq.start()
        hq.enroll(ws, SEL)
        ws.sync()
        with httpx.Client(
            base_url=hq.direct_url, headers={"Cookie": f"{cookie_name(served)}={token}"}, timeout=30
        ) as console:
            sent = console.post(
                "/console/advisories",
                data={
                    "csrf": csrf,
                    "kind": "advisory",
                    "title_en": "Storm",
                    "text_en": "Stay in.",
                    "posts": SEL,
                },
            )
            assert sent.status_code == 303, sent.text

            def delivery() -> dict[str, Any]:
                answer = console.get("/console/api/publications")
                assert answer.status_code == 200
                return dict(answer.json()["publications"][0]["posts"][0])

            assert delivery()["received"] == 0 and delivery()["workstations"] == 1
            ws.sync()
            with ws.session() as session:
                (arrived,) = sync_service.publications(session)
            assert arrived.title == {"en": "Storm"} and arrived.body == {"en": "Stay in."}
            ws.sync()  # its first pull tells HQ what it applied
            assert delivery()["received_by"] == [platform.node()[:200]]
            assert "1 of 1 workstations" in text_of(console.get("/console/advisories").text)
    finally:
        hq.stop()
        engine.dispose()
