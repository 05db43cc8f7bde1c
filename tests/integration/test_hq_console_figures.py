"""The console's overview and post pages and their JSON twins: every figure on the overview (HTML and
/api/overview) equals ``hq stats --json`` run at the same moment (the CLI's own code path), sorting by
plain links, the stale warning under a moved clock, admins' enrollment codes and revocations (audited,
the code never in the audit), analysts refused (403), CSRF required, a post's series on a hand-made
history, campaigns' progress and bad input (unknown post, a bad ``since``). SQLite and PostgreSQL for
the figures and the admin forms."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import audit, stats
from embassy_desk.hq.app import create_app
from embassy_desk.hq.console.app import create_console_app
from embassy_desk.hq.console.model import OperatorRole
from embassy_desk.hq.console.operators import add_operator
from embassy_desk.hq.console.post_pages import PostDetail
from embassy_desk.hq.console.sessions import cookie_name, create_session
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.keys import create_keys
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import keys as sync_keys
from embassy_desk.sync import wire
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import SV, Device, enroll, entry, push
from tests.hq_devices import case as case_fields
from tests.hq_devices import contact as contact_fields
from tests.sync_harness import cli_env, run_main

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

SEL, ALA, AST = "KZ-SEL", "KZ-ALA", "KZ-AST"
SETTINGS = ConsoleSettings(secure_cookies=False)
# Python over the same query layer: one backend is enough (the figures and forms run on both).
SQLITE_ONLY = pytest.mark.parametrize("hq_backend", ["sqlite"])


def item(device: Device, entity: str, record_id: str, op: str, fields: dict[str, Any]) -> wire.Entry:
    """An entry; an update carries a base with an empty welfare, a delete an empty base."""
    if op == "create":
        return entry(device, entity, record_id, op, fields)
    return entry(device, entity, record_id, op, fields, base={"welfare": ""} if op == "update" else {})


def push_accepted(store: HQStore, device: Device, items: list[wire.Entry]) -> None:
    answer = push(store, device, items)
    assert answer.rejected == [], answer.rejected


def citizen(device: Device, record_id: str, welfare: str | None) -> wire.Entry:
    return item(
        device,
        "citizen",
        record_id,
        "create",
        {"surname": "Тестов"} | ({"welfare_status": welfare} if welfare else {}),
    )


def case(device: Device, person: str, priority: str, status: str = "open") -> wire.Entry:
    return item(device, "case", uuid7(), "create", case_fields(person, status, priority))


def contact(device: Device, person: str, at: datetime) -> wire.Entry:
    return item(device, "contact", uuid7(), "create", contact_fields(person, at.isoformat()))


def fill(store: HQStore, now: datetime) -> dict[str, Device]:
    """Three posts: Seoul (two devices, many figures), Almaty (one device), Astana (never synced)."""
    store.add_post(SEL, "Embassy in Seoul (test)")
    store.add_post(ALA, "Consulate in Almaty (test)")
    store.add_post(AST, "Embassy in Astana (test)")
    sel, sel2, ala = (
        enroll(store, SEL, "Seoul 1"),
        enroll(store, SEL, "Seoul 2"),
        enroll(store, ALA, "Almaty"),
    )
    people = [uuid7() for _ in range(7)]
    welfare = ["safe", "safe", "needs_assistance", "unreachable", None, "evacuated", "safe"]
    push_accepted(store, sel, [citizen(sel, p, w) for p, w in zip(people, welfare, strict=True)])
    push_accepted(
        store,
        sel,
        [
            case(sel, people[0], "urgent"),
            case(sel, people[1], "high"),
            case(sel, people[2], "high", "in_progress"),
            case(sel, people[3], "low", "closed"),
            contact(sel, people[0], now - timedelta(hours=1)),
            contact(sel, people[1], now - timedelta(hours=2)),
            contact(sel, people[2], now - timedelta(hours=30)),
            item(sel, "citizen", people[6], "delete", {}),
        ],
    )
    push_accepted(
        store, sel2, [item(sel2, "citizen", people[4], "update", {"welfare_status": "needs_assistance"})]
    )
    others = [uuid7() for _ in range(3)]
    push_accepted(
        store, ala, [citizen(ala, p, "unreachable") for p in others] + [case(ala, others[0], "normal")]
    )
    for device in (sel, sel2, ala):
        store.note_request(device.device_id)
    return {"sel": sel, "sel2": sel2, "ala": ala}


@dataclass
class Console:
    client: TestClient
    csrf: str
    prefix: str = "/console"

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(self.prefix + path, follow_redirects=False, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, *, csrf: bool = True) -> Any:
        body = {**(data or {}), "csrf": self.csrf} if csrf else dict(data or {})
        return self.client.post(self.prefix + path, data=body, follow_redirects=False)


def sign_in(
    store: HQStore, client: TestClient, name: str, role: OperatorRole, prefix: str = "/console"
) -> Console:
    add_operator(store.engine, name, role, "a long test password 1")
    token, csrf = create_session(store.engine, name, SETTINGS, datetime.now(UTC))
    client.cookies.set(cookie_name(SETTINGS), token)
    return Console(client, csrf, prefix)


@pytest.fixture
def app_client(hq_store: HQStore) -> Iterator[TestClient]:
    with TestClient(create_app(hq_store, console=SETTINGS), base_url="http://127.0.0.1") as client:
        yield client


def moved_console(store: HQStore, clock: MovableClock) -> TestClient:
    """The console alone, on the test's movable clock (sessions are checked against it too)."""
    app = FastAPI()
    app.mount("/console", create_console_app(store, settings=SETTINGS, clock=clock))
    return TestClient(app, base_url="http://127.0.0.1")


def hq_stats_json(store: HQStore, hq_url: str, tmp_path: Path) -> Any:
    """``embassy-desk hq stats --json`` over the same database (its own process path, its own clock)."""
    folder = tmp_path / "hq"
    create_keys(folder)
    done = run_main(["hq", "stats", "--json", "--hq-dir", str(folder), "--db", hq_url], cli_env())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


ROW = re.compile(r'<tr data-post="([^"]*)"[^>]*>(.*?)</tr>', re.S)
CELL = re.compile(r'data-figure="([^"]+)"( data-value="[^"]*")?[^>]*>(.*?)</t[dh]>', re.S)


def table_figures(html: str) -> dict[str, dict[str, str]]:
    """The overview table's cells by post ("" for the totals row) and figure name."""
    rows: dict[str, dict[str, str]] = {}
    for post, body in ROW.findall(html):
        rows[post] = {
            name: (value[13:-1] if value else re.sub(r"<[^>]+>", "", text)).strip()
            for name, value, text in CELL.findall(body)
        }
    return rows


def plain(text: str) -> int:
    return int(text.replace(",", "").replace("\u00a0", "").replace(" ", ""))


def flat(figures: dict[str, Any]) -> dict[str, Any]:
    """A stats object as the table's cells name them."""
    out: dict[str, Any] = {k: figures[k] for k in ("citizens", "open_cases", "contacts_24h")}
    for status in ("safe", "needs_assistance", "unreachable", "unknown", "evacuated"):
        out[f"welfare.{status}"] = figures["welfare"][status]
    for priority in stats.PRIORITIES:
        out[f"cases_by_priority.{priority}"] = figures["cases_by_priority"][priority]
    return out


# -- the overview equals hq stats --------------------------------------------------------------------


def test_every_figure_on_the_overview_equals_hq_stats_json(
    hq_store: HQStore, hq_url: str, hq_clock: MovableClock, app_client: TestClient, tmp_path: Path
) -> None:
    fill(hq_store, hq_clock())
    admin = sign_in(hq_store, app_client, "ops-admin", OperatorRole.ADMIN)
    cli = hq_stats_json(hq_store, hq_url, tmp_path)
    page = admin.get("/")
    api = admin.get("/api/overview")
    assert page.status_code == 200 and api.status_code == 200
    assert api.json()["posts"] == cli  # exactly the list hq stats --json prints
    assert [p["post"] for p in cli] == [ALA, AST, SEL]
    sel = next(p for p in cli if p["post"] == SEL)
    assert sel["citizens"] == 6 and sel["welfare"]["needs_assistance"] == 2 and sel["welfare"]["unknown"] == 0
    assert sel["open_cases"] == 3 and sel["cases_by_priority"] == {
        "low": 0,
        "normal": 0,
        "high": 2,
        "urgent": 1,
    }
    assert sel["contacts_24h"] == 2 and sel["stale"] is False and sel["audit_chain"] == "ok"
    assert next(p for p in cli if p["post"] == AST)["stale"] is True  # never synced
    cells = table_figures(page.text)
    for post in cli:
        row = cells[post["post"]]
        for name, value in flat(post).items():
            assert plain(row[name]) == value, (post["post"], name)
        assert row["last_sync"] == (post["last_sync"] or "")
        assert row["audit_chain"] == post["audit_chain"]
    totals = api.json()["totals"]
    for name, value in flat(totals).items():
        assert plain(cells[""][name]) == value == sum(flat(p)[name] for p in cli), name
    assert totals["stale"] == 1 and 'href="/console/posts/KZ-SEL"' in page.text
    assert "<svg" in page.text and "style=" not in page.text  # the chart: presentation attributes only
    detail = admin.get(f"/api/posts/{SEL}").json()
    assert detail["figures"] == sel
    assert PostDetail.model_validate(detail).devices[0].audit_chain == "ok"  # the documented shape
    # Russian digits are grouped with spaces; the figures stay the same.
    assert api.json() == admin.get("/api/overview", headers={"Accept-Language": "ru"}).json()


@SQLITE_ONLY
def test_the_table_sorts_by_any_column_with_plain_links(
    hq_store: HQStore, hq_clock: MovableClock, app_client: TestClient, hq_backend: str
) -> None:
    fill(hq_store, hq_clock())
    admin = sign_in(hq_store, app_client, "ops-admin", OperatorRole.ADMIN)

    def order(query: str) -> list[str]:
        return [p for p in table_figures(admin.get("/" + query).text) if p]

    assert order("") == [ALA, AST, SEL]
    assert order("?sort=citizens&dir=desc") == [SEL, ALA, AST]
    assert order("?sort=citizens&dir=asc") == [AST, ALA, SEL]
    assert order("?sort=welfare_unreachable&dir=desc") == [ALA, SEL, AST]
    assert order("?sort=priority_normal&dir=desc") == [ALA, AST, SEL]  # ties by code
    assert order("?sort=last_sync&dir=asc")[0] == AST  # never synced is the oldest
    assert order("?sort=nonsense&dir=sideways") == [ALA, AST, SEL]
    html = admin.get("/?sort=citizens&dir=desc").text
    assert 'href="/console/?sort=citizens&amp;dir=asc"' in html and 'aria-sort="descending"' in html


@SQLITE_ONLY
def test_a_post_that_went_quiet_is_flagged_stale(
    hq_store: HQStore, hq_clock: MovableClock, hq_backend: str
) -> None:
    hq_store.add_post(SEL, "Embassy in Seoul (test)")
    device = enroll(hq_store, SEL, "desk")
    hq_store.note_request(device.device_id)
    with moved_console(hq_store, hq_clock) as client:
        admin = sign_in(hq_store, client, "ops-admin", OperatorRole.ADMIN)
        hq_clock.advance(hours=2, minutes=59)
        client.cookies.set(
            cookie_name(SETTINGS), create_session(hq_store.engine, "ops-admin", SETTINGS, hq_clock())[0]
        )
        fresh = admin.get("/").text
        assert 'class="stale"' not in fresh and "2 h 59 min ago" in fresh
        hq_clock.advance(minutes=2)
        client.cookies.set(
            cookie_name(SETTINGS), create_session(hq_store.engine, "ops-admin", SETTINGS, hq_clock())[0]
        )
        quiet = admin.get("/").text
        assert (
            'tr data-post="KZ-SEL" class="stale"' in quiet and "⚠ stale" in quiet and "3 h 1 min ago" in quiet
        )
        assert "Posts not synced for 3 h or more: 1." in quiet
        assert admin.get("/api/overview").json()["posts"][0]["stale"] is True


# -- admin forms --------------------------------------------------------------------------------------


def test_admins_make_enrollment_codes_and_revoke_devices_audited_analysts_get_403(
    hq_store: HQStore, hq_clock: MovableClock, app_client: TestClient
) -> None:
    devices = fill(hq_store, hq_clock())
    target = devices["sel2"].device_id
    admin = sign_in(hq_store, app_client, "ops-admin", OperatorRole.ADMIN)
    page = admin.get(f"/posts/{SEL}")
    assert page.status_code == 200 and "enroll-code" in page.text and "/revoke" in page.text
    made = admin.post(f"/posts/{SEL}/enroll-code")
    assert made.status_code == 200
    code = re.search(r'<p class="code-once">([^<]+)</p>', made.text)
    assert code is not None
    # The code works once for a real enrollment.
    hq_store.enroll(
        wire.EnrollRequest(
            protocol=1,
            schema_version=SV,
            code=code.group(1),
            device_id=uuid7(),
            signing_key=sync_keys.public_b64(sync_keys.new_signing_key()),
            bundle_key=sync_keys.public_b64(sync_keys.new_bundle_key()),
        )
    )
    assert admin.get(f"/posts/{SEL}").text.count("code-once") == 0  # shown once, on the answer only
    asked = admin.post(f"/posts/{SEL}/devices/{target}/revoke")
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in asked.text
    assert not hq_store.device(target).revoked  # type: ignore[union-attr]
    assert admin.post(f"/posts/{ALA}/devices/{target}/revoke", {"confirm": "yes"}).status_code == 404
    done = admin.post(f"/posts/{SEL}/devices/{target}/revoke", {"confirm": "yes"})
    assert done.status_code == 303 and done.headers["location"].endswith(f"/posts/{SEL}?revoked={target}")
    assert hq_store.device(target).revoked  # type: ignore[union-attr]
    assert "is revoked" in admin.get(f"/posts/{SEL}?revoked={target}").text
    with hq_store.engine.connect() as conn:
        entries = list(reversed(audit.entries(conn, limit=100)))
    mine = [(e.actor, e.action, e.entity, e.entity_id) for e in entries if e.action.startswith("device.")]
    assert mine == [
        ("ops-admin", "device.enroll_code", "post", SEL),
        ("ops-admin", "device.revoke", "device", target),
    ]
    assert all(code.group(1) not in json.dumps(e.details) for e in entries)
    # Without the session's CSRF token: refused.
    assert admin.post(f"/posts/{SEL}/enroll-code", csrf=False).status_code == 403
    analyst = sign_in(hq_store, app_client, "ops-analyst", OperatorRole.ANALYST)
    seen = analyst.get(f"/posts/{SEL}")
    assert seen.status_code == 200 and "enroll-code" not in seen.text and "/revoke" not in seen.text
    assert analyst.post(f"/posts/{SEL}/enroll-code").status_code == 403
    other = devices["sel"].device_id
    assert analyst.post(f"/posts/{SEL}/devices/{other}/revoke", {"confirm": "yes"}).status_code == 403
    assert not hq_store.device(other).revoked  # type: ignore[union-attr]


# -- a post over time ----------------------------------------------------------------------------------


@SQLITE_ONLY
def test_a_post_series_walks_back_from_the_counters(hq_store: HQStore, hq_backend: str) -> None:
    clock = MovableClock(datetime(2026, 12, 6, 10, 30, tzinfo=UTC))
    store = HQStore(hq_store.engine, hq_store.keys, clock=clock)
    store.add_post(SEL, "Embassy in Seoul (test)")
    device = enroll(store, SEL, "desk")
    a, b = uuid7(), uuid7()
    push_accepted(store, device, [citizen(device, a, "safe")])  # 10:30
    clock.advance(hours=1)  # 11:30
    push_accepted(
        store,
        device,
        [
            citizen(device, b, "needs_assistance"),
            item(device, "citizen", a, "update", {"welfare_status": "unreachable"}),
            contact(device, a, datetime(2026, 12, 6, 11, 5, tzinfo=UTC)),
            contact(device, a, datetime(2026, 12, 6, 11, 50, tzinfo=UTC)),
            contact(device, b, datetime(2026, 12, 6, 12, 5, tzinfo=UTC)),  # goes with b
            contact(device, a, datetime(2026, 12, 6, 9, 10, tzinfo=UTC)),
        ],
    )
    clock.advance(hours=2)  # 13:30
    push_accepted(store, device, [item(device, "citizen", b, "delete", {})])
    clock.advance(minutes=10)  # 13:40
    with store.engine.connect() as conn:
        series = stats.post_series(conn, SEL, since=datetime(2026, 12, 6, 9, 15, tzinfo=UTC), now=clock())
    assert series.hours == [
        "2026-12-06T09",
        "2026-12-06T10",
        "2026-12-06T11",
        "2026-12-06T12",
        "2026-12-06T13",
    ]
    assert series.welfare["safe"] == [0, 1, 0, 0, 0]
    assert series.welfare["unreachable"] == [0, 0, 1, 1, 1]
    assert series.welfare["needs_assistance"] == [0, 0, 1, 1, 0]
    assert series.welfare["unknown"] == [0, 0, 0, 0, 0]
    # From 09:15 on: the 09:10 contact is before ``since``.
    assert series.contacts == [0, 0, 2, 0, 0]
    with moved_console(store, clock) as client:
        admin = sign_in(store, client, "ops-admin", OperatorRole.ADMIN)
        client.cookies.set(
            cookie_name(SETTINGS), create_session(store.engine, "ops-admin", SETTINGS, clock())[0]
        )
        api = admin.get(f"/api/posts/{SEL}", params={"since": "2026-12-06T09:15"}).json()
        assert (
            api["series"]["welfare"]["unreachable"] == [0, 0, 1, 1, 1] and api["series"]["contacts"][2] == 2
        )
        html = admin.get(f"/posts/{SEL}", params={"since": "2026-12-06T09:15"})
        assert html.status_code == 200 and html.text.count("<svg") == 2 and "style=" not in html.text
        bad = admin.get(f"/posts/{SEL}", params={"since": "yesterday-ish"})
        assert bad.status_code == 400 and "“since” is not a date and time" in bad.text and "<svg" in bad.text
        assert admin.get(f"/api/posts/{SEL}", params={"since": "nope"}).json() == {
            "code": "bad_since",
            "field": "since",
        }
        assert admin.get(f"/posts/{SEL}", params={"since": "2020-01-01"}).status_code == 400
        assert admin.get("/posts/XX-NONE").status_code == 404
        missing = admin.get("/api/posts/XX-NONE")
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/json")


def test_campaigns_progress_as_synced(
    hq_store: HQStore, hq_clock: MovableClock, app_client: TestClient
) -> None:
    hq_store.add_post(SEL, "Embassy in Seoul (test)")
    device = enroll(hq_store, SEL, "desk")
    people = [uuid7() for _ in range(4)]
    campaign = uuid7()
    entries = [citizen(device, p, "unknown") for p in people]
    entries.append(
        item(
            device,
            "campaign",
            campaign,
            "create",
            {
                "name": "Earthquake check",
                "criteria": "{}",
                "status": "open",
                "created_at": "2026-12-06T10:00:00+00:00",
                "created_by": "staff-1",
            },
        )
    )
    for index, (person, state) in enumerate(
        zip(people, ["pending", "done", "done", "follow_up"], strict=True)
    ):
        fields = {
            "campaign_id": campaign,
            "citizen_id": person,
            "position": index,
            "state": state,
            "attempts": 1,
        }
        entries.append(item(device, "campaign_target", f"{campaign}:{person}", "create", fields))
    push_accepted(hq_store, device, entries)
    admin = sign_in(hq_store, app_client, "ops-admin", OperatorRole.ADMIN)
    (found,) = admin.get(f"/api/posts/{SEL}").json()["campaigns"]
    assert found == {
        "campaign": campaign,
        "name": "Earthquake check",
        "status": "open",
        "targets": 4,
        "pending": 1,
        "done": 2,
        "follow_up": 1,
    }
    assert "Earthquake check" in admin.get(f"/posts/{SEL}").text


@SQLITE_ONLY
def test_the_pages_speak_the_operator_language_and_the_json_is_in_the_schema(
    hq_store: HQStore, hq_clock: MovableClock, app_client: TestClient
) -> None:
    fill(hq_store, hq_clock())
    add_operator(hq_store.engine, "ops-ru", OperatorRole.ANALYST, "a long test password 1", language="ru")
    token, _csrf = create_session(hq_store.engine, "ops-ru", SETTINGS, datetime.now(UTC))
    app_client.cookies.set(cookie_name(SETTINGS), token)
    page = app_client.get("/console/")
    assert (
        page.status_code == 200 and "Все представительства (3)" in page.text and "Нужна помощь" in page.text
    )
    post = app_client.get(f"/console/posts/{SEL}")
    assert post.status_code == 200 and "Состояние граждан по часам" in post.text
    assert "enroll-code" not in post.text  # an analyst
    schema = app_client.get("/console/openapi.json").json()
    assert {"/api/overview", "/api/posts/{code}"} <= set(schema["paths"])
