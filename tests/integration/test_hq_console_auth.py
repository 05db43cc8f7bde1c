"""The HQ console's accounts, sign-in, sessions, CSRF, language and security headers, over a real HQ
database (SQLite and PostgreSQL) through HQ's own app (starlette TestClient), and
``embassy-desk hq operator ...`` through the command line's entry point."""

from __future__ import annotations

import functools
import getpass
import io
import json
import logging
import re
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from sqlalchemy import Engine, select
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.testclient import TestClient

from embassy_desk.cli.main import main
from embassy_desk.hq import audit
from embassy_desk.hq.app import create_app
from embassy_desk.hq.clock import system_clock
from embassy_desk.hq.console import headers, operators, sessions
from embassy_desk.hq.console.deps import AdminOnly, CsrfChecked, SignedIn
from embassy_desk.hq.console.model import OperatorRole
from embassy_desk.hq.console.render import page
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import console_sessions
from embassy_desk.hq.tables import operators as operators_table
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

PASSWORD = "violet harbour lantern at dusk"
OTHER_PASSWORD = "another long sentence for bob"
# Tests whose subject does not touch the database's dialect run on SQLite only (Argon2 costs time).
SQLITE_ONLY = pytest.mark.parametrize("hq_backend", ["sqlite"])
PLAIN = ConsoleSettings(secure_cookies=False)
TOKEN_FIELD = re.compile(r'name="csrf" value="([^"]*)"')
ERROR_LINE = re.compile(r'<p class="error" role="alert">([^<]*)</p>')


@functools.cache
def _phc(password: str) -> str:
    return operators.hash_password(password)


def add(engine: Engine, name: str, role: OperatorRole, password: str, language: str = "en") -> None:
    """An operator row as ``operators.add_operator`` writes it, with each password hashed once per test
    run (Argon2 at 64 MiB is the slow part of these tests; ``hq operator add`` is tested itself below)."""
    with engine.begin() as conn:
        conn.execute(
            operators_table.insert().values(
                name=name,
                role=role.value,
                language=language,
                password_hash=_phc(password),
                created_at="2026-01-01T00:00:00.000Z",
            )
        )


def console_app(app: FastAPI) -> FastAPI:
    """The console sub-app mounted by create_app at /console."""
    for route in app.routes:
        if isinstance(route, Mount) and route.path == "/console":
            assert isinstance(route.app, FastAPI)
            return route.app
    raise AssertionError("no console mounted")


def make_app(store: HQStore, clock: MovableClock, settings: ConsoleSettings = PLAIN) -> FastAPI:
    """HQ's app with the console on the test's movable clock, plus probe routes that use the
    dependencies the way real pages do."""
    app = create_app(store, console=settings)
    console = console_app(app)
    console.state.console.clock = clock

    async def probe(request: Request, session: SignedIn) -> Response:
        return page(request, "error.html", session, message="console.not_found")

    async def admin_probe(request: Request, session: AdminOnly) -> Response:
        return page(request, "error.html", session, message="console.back_to_overview")

    async def api_probe(session: SignedIn) -> JSONResponse:
        return JSONResponse({"operator": session.operator.name})

    async def admin_post(session: AdminOnly, _checked: CsrfChecked) -> JSONResponse:
        return JSONResponse({"done": session.operator.name})

    async def boom() -> Response:
        raise RuntimeError("a bug")

    console.add_api_route("/probe", probe, include_in_schema=False)
    console.add_api_route("/admin-probe", admin_probe, include_in_schema=False)
    console.add_api_route("/api/probe", api_probe, include_in_schema=False)
    console.add_api_route("/admin-post", admin_post, methods=["POST"], include_in_schema=False)
    console.add_api_route("/boom", boom, include_in_schema=False)
    return app


@pytest.fixture
def client(hq_store: HQStore, hq_clock: MovableClock) -> Iterator[TestClient]:
    with TestClient(make_app(hq_store, hq_clock)) as c:
        yield c


def form_token(html: str) -> str:
    found = TOKEN_FIELD.search(html)
    assert found, html
    return found.group(1)


def error_of(html: str) -> str:
    found = ERROR_LINE.search(html)
    assert found, html
    return found.group(1)


def post_login(client: TestClient, name: str, password: str) -> Any:
    token = form_token(client.get("/console/login").text)
    return client.post(
        "/console/login",
        data={"username": name, "password": password, "csrf": token},
        follow_redirects=False,
    )


def audit_actions(engine: Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as conn:
        found = audit.entries(conn, limit=1000)
        assert audit.verify(conn).ok
    return [(e.action, e.actor, e.entity_id) for e in reversed(found)]


def session_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(console_sessions.c.token_hash)).all())


def signed_in_client(client: TestClient, store: HQStore, clock: MovableClock, name: str) -> str:
    """Sign ``name`` in without the form (as the shared brief allows); returns the CSRF token."""
    token, csrf = sessions.create_session(store.engine, name, PLAIN, clock())
    client.cookies.clear()
    client.cookies.set(sessions.cookie_name(PLAIN), token)
    return csrf


# -- sign-in ------------------------------------------------------------------------------------------


def test_sign_in_by_form_then_sign_out_ends_the_session(
    client: TestClient, hq_store: HQStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    form = client.get("/console/login")
    assert form.status_code == 200
    assert '<form method="post"' in form.text and "<script" not in form.text

    answer = post_login(client, "amina", PASSWORD)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/"
    cookie = answer.cookies.get("hq-console")
    assert cookie and session_rows(hq_store.engine) == 1
    with hq_store.engine.connect() as conn:
        stored = conn.execute(select(console_sessions.c.token_hash)).scalar_one()
    assert stored == sessions.token_hash(cookie) and cookie not in stored

    probe = client.get("/console/probe")
    assert probe.status_code == 200 and "amina" in probe.text
    csrf = form_token(probe.text)

    bye = client.post("/console/logout", data={"csrf": csrf}, follow_redirects=False)
    assert bye.status_code == 303 and bye.headers["location"] == "/console/login"
    assert "hq-console=" in bye.headers["set-cookie"] and "Max-Age=0" in bye.headers["set-cookie"]
    assert session_rows(hq_store.engine) == 0
    # The old cookie, kept by a copy of the browser, opens nothing any more.
    client.cookies.set("hq-console", cookie)
    again = client.get("/console/probe", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == "/console/login"
    assert [a for a, _, _ in audit_actions(hq_store.engine)] == ["console.sign_in", "console.sign_out"]

    # Nothing secret reaches HQ's logs.
    for secret in (PASSWORD, cookie, csrf):
        assert secret not in caplog.text


@SQLITE_ONLY
def test_a_new_sign_in_rotates_the_token(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    planted = signed_in_client(client, hq_store, hq_clock, "amina")
    old = client.cookies.get("hq-console")
    assert planted and old
    answer = post_login(client, "amina", PASSWORD)
    assert answer.status_code == 303
    new = answer.cookies.get("hq-console")
    assert new and new != old
    assert session_rows(hq_store.engine) == 1  # the old session ended
    client.cookies.clear()
    client.cookies.set("hq-console", old)
    assert client.get("/console/probe", follow_redirects=False).status_code == 303


@SQLITE_ONLY
def test_wrong_password_and_unknown_user_get_the_same_answer(
    client: TestClient, hq_store: HQStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    add(hq_store.engine, "amina", OperatorRole.ANALYST, PASSWORD)
    wrong = post_login(client, "amina", OTHER_PASSWORD)
    unknown = post_login(client, "nobody", OTHER_PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert error_of(wrong.text) == error_of(unknown.text) == "The user name or password is not right."
    assert "hq-console" not in wrong.cookies and session_rows(hq_store.engine) == 0
    # Audited; the typed name is only recorded when it is an operator's.
    assert audit_actions(hq_store.engine) == [
        ("console.sign_in_failed", "console", "amina"),
        ("console.sign_in_failed", "console", ""),
    ]
    assert OTHER_PASSWORD not in caplog.text and "nobody" not in caplog.text


@SQLITE_ONLY
def test_an_unknown_name_costs_a_password_check_too(hq_store: HQStore, hq_clock: MovableClock) -> None:
    # The unknown name is verified against a dummy Argon2 hash: without it the answer would come in
    # a millisecond instead of ~0.2 s. The ratio bound is loose; only a skipped hash falls below it.
    settings = ConsoleSettings(secure_cookies=False, backoff_after=100, lock_after=100)
    add(hq_store.engine, "amina", OperatorRole.ANALYST, PASSWORD)
    operators.sign_in(hq_store.engine, "warm-up", "x" * 12, settings, hq_clock())

    def timed(name: str) -> float:
        start = time.perf_counter()
        outcome = operators.sign_in(hq_store.engine, name, OTHER_PASSWORD, settings, hq_clock())
        assert outcome.operator is None and outcome.refusal is not None
        assert outcome.refusal.code == "consoleauth.wrong"
        return time.perf_counter() - start

    known = statistics.median(timed("amina") for _ in range(2))
    unknown = statistics.median(timed("nobody") for _ in range(2))
    assert unknown > 0.2 * known, (known, unknown)


@pytest.mark.parametrize("hq_backend", ["postgresql"])  # the production backend: its row lock
def test_back_off_then_lock_after_ten_failures_until_the_cli_unlocks(
    client: TestClient,
    hq_store: HQStore,
    hq_clock: MovableClock,
    hq_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    # A session that was open before the attack ends when the account locks.
    other = TestClient(client.app)
    token, _csrf = sessions.create_session(hq_store.engine, "amina", PLAIN, hq_clock())
    other.cookies.set("hq-console", token)
    assert other.get("/console/probe").status_code == 200

    for attempt in range(1, 4):
        answer = post_login(client, "amina", OTHER_PASSWORD)
        assert answer.status_code == 401, attempt
    # After the third failure the next attempt waits 1 s: not even the right password is checked.
    held = post_login(client, "amina", PASSWORD)
    assert held.status_code == 429
    assert held.headers["retry-after"] == "1"
    assert error_of(held.text) == "Too many wrong attempts. Try again in 1 s."
    assert failures(hq_store) == 3

    for failed in range(4, 10):
        hq_clock.advance(seconds=2 ** (failed - 4))
        assert post_login(client, "amina", OTHER_PASSWORD).status_code == 401
        assert failures(hq_store) == failed
        waiting = post_login(client, "amina", OTHER_PASSWORD)
        assert waiting.status_code == 429
        assert waiting.headers["retry-after"] == str(2 ** (failed - 3))
    hq_clock.advance(seconds=64)
    locked = post_login(client, "amina", OTHER_PASSWORD)
    assert "locked" in error_of(locked.text)
    assert other.get("/console/probe", follow_redirects=False).status_code == 303
    assert session_rows(hq_store.engine) == 0
    hq_clock.advance(hours=1)
    assert "locked" in error_of(post_login(client, "amina", PASSWORD).text)
    actions = [a for a, _, _ in audit_actions(hq_store.engine)]
    assert actions.count("console.sign_in_failed") == 10 and actions[-1] == "console.locked"

    # Only `hq operator unlock` reopens it.
    cli = Cli(capsys, tmp_path, hq_url)
    listed = json.loads(cli.ok("operator", "list", "--json"))
    assert listed[0]["locked"] is True and listed[0]["failures"] == 10
    assert "amina" in cli.ok("operator", "unlock", "amina")
    assert failures(hq_store) == 0
    assert post_login(client, "amina", PASSWORD).status_code == 303
    assert audit_actions(hq_store.engine)[-2:] == [
        ("operator.unlock", "cli", "amina"),
        ("console.sign_in", "amina", "amina"),
    ]


def failures(store: HQStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(operators_table.c.failures)).scalar_one())


# -- sessions -----------------------------------------------------------------------------------------


def test_idle_and_absolute_expiry(hq_store: HQStore, hq_clock: MovableClock) -> None:
    settings = ConsoleSettings(secure_cookies=False, idle_minutes=15, absolute_hours=1)
    add(hq_store.engine, "amina", OperatorRole.ANALYST, PASSWORD)
    with TestClient(make_app(hq_store, hq_clock, settings)) as client:
        token, _ = sessions.create_session(hq_store.engine, "amina", settings, hq_clock())
        client.cookies.set("hq-console", token)
        hq_clock.advance(minutes=14)
        assert client.get("/console/probe").status_code == 200
        hq_clock.advance(minutes=14)  # 28 min after sign-in, 14 after the last request: still alive
        assert client.get("/console/probe").status_code == 200
        hq_clock.advance(minutes=16)
        idle = client.get("/console/probe", follow_redirects=False)
        assert idle.status_code == 303 and idle.headers["location"] == "/console/login"
        assert session_rows(hq_store.engine) == 0
        # The JSON twin answers 401 instead of redirecting.
        assert client.get("/console/api/probe").json() == {"code": "sign_in_required"}

        token, _ = sessions.create_session(hq_store.engine, "amina", settings, hq_clock())
        client.cookies.set("hq-console", token)
        for _ in range(5):  # busy for 50 minutes
            hq_clock.advance(minutes=10)
            assert client.get("/console/probe").status_code == 200
        hq_clock.advance(minutes=10)  # an hour after sign-in: over, however busy
        assert client.get("/console/probe", follow_redirects=False).status_code == 303
        assert session_rows(hq_store.engine) == 0


@SQLITE_ONLY
def test_expired_sessions_are_purged_at_the_next_sign_in(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ANALYST, PASSWORD)
    for _ in range(3):
        sessions.create_session(hq_store.engine, "amina", PLAIN, hq_clock())
    hq_clock.advance(hours=13)
    assert post_login(client, "amina", PASSWORD).status_code == 303
    assert session_rows(hq_store.engine) == 1


def test_a_removed_operator_is_signed_out_at_once(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    signed_in_client(client, hq_store, hq_clock, "amina")
    assert client.get("/console/probe").status_code == 200
    operators.remove(hq_store.engine, "amina", actor="cli")
    assert client.get("/console/probe", follow_redirects=False).status_code == 303
    assert session_rows(hq_store.engine) == 0


# -- CSRF, roles, language ----------------------------------------------------------------------------


def test_forms_without_their_token_are_refused_and_change_nothing(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    # The sign-in form: no token, or a token signed for another browser's nonce.
    refused = client.post("/console/login", data={"username": "amina", "password": PASSWORD})
    assert refused.status_code == 403 and "hq-console" not in refused.cookies
    foreign = form_token(TestClient(client.app).get("/console/login").text)
    client.get("/console/login")
    stolen = client.post("/console/login", data={"username": "amina", "password": PASSWORD, "csrf": foreign})
    assert stolen.status_code == 403 and session_rows(hq_store.engine) == 0
    assert audit_actions(hq_store.engine) == []  # not even checked

    csrf = signed_in_client(client, hq_store, hq_clock, "amina")
    for data in ({}, {"csrf": "not-the-token"}, {"csrf": ""}):
        assert client.post("/console/logout", data=data).status_code == 403
        assert client.post("/console/language", data={**data, "lang": "ru"}).status_code == 403
        assert client.post("/console/admin-post", data=data).status_code == 403
    assert session_rows(hq_store.engine) == 1
    assert operators.get_operator(hq_store.engine, "amina").language == "en"  # type: ignore[union-attr]
    # The right token (in the form, or a script's header) passes.
    assert client.post("/console/admin-post", data={"csrf": csrf}).json() == {"done": "amina"}
    assert client.post("/console/admin-post", headers={"X-CSRF-Token": csrf}).json() == {"done": "amina"}


@SQLITE_ONLY
def test_analysts_cannot_reach_admin_routes(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "bob", OperatorRole.ANALYST, OTHER_PASSWORD)
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    csrf = signed_in_client(client, hq_store, hq_clock, "bob")
    assert client.get("/console/probe").status_code == 200
    denied = client.get("/console/admin-probe")
    assert denied.status_code == 403 and "Your role may not open this page." in denied.text
    posted = client.post("/console/admin-post", data={"csrf": csrf})
    assert posted.status_code == 403
    signed_in_client(client, hq_store, hq_clock, "amina")
    assert client.get("/console/admin-probe").status_code == 200
    # Nobody signed in: a page redirects to sign-in.
    client.cookies.clear()
    assert client.get("/console/admin-probe", follow_redirects=False).headers["location"] == "/console/login"


@SQLITE_ONLY
def test_the_operator_chooses_the_console_language(
    client: TestClient, hq_store: HQStore, hq_clock: MovableClock
) -> None:
    add(hq_store.engine, "amina", OperatorRole.ANALYST, PASSWORD)
    csrf = signed_in_client(client, hq_store, hq_clock, "amina")
    english = client.get("/console/probe").text
    assert '<html lang="en">' in english and 'action="/console/language"' in english
    moved = client.post(
        "/console/language",
        data={"csrf": csrf, "lang": "ru", "next": "/console/probe"},
        follow_redirects=False,
    )
    assert moved.status_code == 303 and moved.headers["location"] == "/console/probe"
    russian = client.get("/console/probe").text
    assert '<html lang="ru">' in russian and "Выйти" in russian and "Такой страницы нет." in russian
    # Another site as "next" is not followed; an unknown language is refused.
    away = client.post(
        "/console/language",
        data={"csrf": csrf, "lang": "kk", "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert away.headers["location"] == "/console/"
    assert '<html lang="kk">' in client.get("/console/probe").text
    assert client.post("/console/language", data={"csrf": csrf, "lang": "de"}).status_code == 400
    assert operators.get_operator(hq_store.engine, "amina").language == "kk"  # type: ignore[union-attr]
    # The sign-in page follows the browser.
    assert "Кіру" in client.get("/console/login", headers={"Accept-Language": "kk-KZ,ru;q=0.8"}).text


# -- headers and cookies ------------------------------------------------------------------------------


@SQLITE_ONLY
def test_every_console_response_has_the_security_headers(hq_store: HQStore, hq_clock: MovableClock) -> None:
    add(hq_store.engine, "bob", OperatorRole.ANALYST, OTHER_PASSWORD)
    with TestClient(make_app(hq_store, hq_clock), raise_server_exceptions=False) as client:
        answers = {
            "login": client.get("/console/login"),
            "static": client.get("/console/static/console.css"),
            "redirect": client.get("/console/probe", follow_redirects=False),
            "not found": client.get("/console/no-such-page"),
            "csrf": client.post("/console/login", data={}),
            "api 401": client.get("/console/api/probe"),
            "server error": client.get("/console/boom"),
        }
        signed_in_client(client, hq_store, hq_clock, "bob")
        answers["forbidden"] = client.get("/console/admin-probe")
        answers["page"] = client.get("/console/probe")
    statuses = {name: a.status_code for name, a in answers.items()}
    assert statuses == {
        "login": 200,
        "static": 200,
        "redirect": 303,
        "not found": 404,
        "csrf": 403,
        "api 401": 401,
        "server error": 500,
        "forbidden": 403,
        "page": 200,
    }
    for name, answer in answers.items():
        assert answer.headers["content-security-policy"] == headers.CSP, name
        assert answer.headers["x-frame-options"] == "DENY", name
        assert answer.headers["cache-control"] == "no-store", name
        assert answer.headers["x-content-type-options"] == "nosniff", name
    assert "'unsafe-inline'" not in headers.CSP and "default-src 'none'" in headers.CSP


@SQLITE_ONLY
def test_secure_cookie_flags(hq_store: HQStore, hq_clock: MovableClock) -> None:
    settings = ConsoleSettings(secure_cookies=True)
    add(hq_store.engine, "amina", OperatorRole.ADMIN, PASSWORD)
    with TestClient(make_app(hq_store, hq_clock, settings), base_url="https://hq.example") as client:
        form = client.get("/console/login")
        login_cookie = form.headers["set-cookie"]
        assert login_cookie.startswith("__Secure-hq-console-login=")
        assert "Path=/console/login" in login_cookie and "Secure" in login_cookie
        assert form.headers["strict-transport-security"] == "max-age=31536000"
        answer = client.post(
            "/console/login",
            data={"username": "amina", "password": PASSWORD, "csrf": form_token(form.text)},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        session_cookie = next(
            c for c in answer.headers.get_list("set-cookie") if c.startswith("__Host-hq-console=")
        )
        flags = [part.strip().lower() for part in session_cookie.split(";")[1:]]
        assert "httponly" in flags and "secure" in flags and "samesite=strict" in flags and "path=/" in flags
        assert not any(f.startswith("domain") for f in flags)
        assert client.get("/console/probe").status_code == 200


# -- the command line ---------------------------------------------------------------------------------


class Cli:
    """``embassy-desk hq ...`` in this process, on the test's HQ database."""

    def __init__(self, capsys: pytest.CaptureFixture[str], root: Path, url: str) -> None:
        self.capsys = capsys
        self.options = ["--hq-dir", str(root / "hq"), "--db", url]
        if not (root / "hq").exists():
            assert self.run("init")[0] == 0

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        try:
            code = main(["hq", *args, *self.options])
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, err
        return out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_operator_commands(
    hq_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "EMBASSY_DESK_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    cli = Cli(capsys, tmp_path, hq_url)
    assert "No operators yet" in cli.ok("operator", "list")

    monkeypatch.setenv("EMBASSY_DESK_NEW_PASSPHRASE", PASSWORD)
    assert "Operator amina added (admin, language en)" in cli.ok(
        "operator", "add", "amina", "--role", "admin"
    )
    code, _, err = cli.run("operator", "add", "amina", "--role", "analyst")
    assert code == 2 and err.strip() == "embassy-desk: There is already an operator called amina."
    monkeypatch.setenv("EMBASSY_DESK_NEW_PASSPHRASE", "short")
    code, _, err = cli.run("operator", "add", "bob", "--role", "analyst")
    assert code == 2 and "at least 12" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setenv("EMBASSY_DESK_NEW_PASSPHRASE", "password1234")
    assert cli.run("operator", "add", "bob", "--role", "analyst")[0] == 2
    code, _, err = cli.run("operator", "add", "bob", "--role", "boss")
    assert code == 2 and "--role" in err
    code, _, err = cli.run("operator", "add", "two words", "--role", "analyst")
    assert code == 2 and len(err.strip().splitlines()) == 1

    # The hidden prompt, typed twice (no variable set, a terminal on standard input).
    monkeypatch.delenv("EMBASSY_DESK_NEW_PASSPHRASE")
    typed = iter([OTHER_PASSWORD, OTHER_PASSWORD, OTHER_PASSWORD, "a different sentence"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    assert "Operator bob added (analyst, language ru)" in cli.ok(
        "operator", "add", "bob", "--role", "analyst", "--language", "ru"
    )
    assert len(prompts) == 2
    code, _, err = cli.run("operator", "add", "carol", "--role", "analyst")
    assert code == 2 and len(err.strip().splitlines()) == 1

    listed = json.loads(cli.ok("operator", "list", "--json"))
    assert [(o["name"], o["role"], o["language"], o["locked"]) for o in listed] == [
        ("amina", "admin", "en", False),
        ("bob", "analyst", "ru", False),
    ]
    engine = make_engine(hq_url)
    try:
        bob = operators.check_password(engine, "bob", OTHER_PASSWORD)
        assert bob is not None and bob.role is OperatorRole.ANALYST
        assert "kk" in cli.ok("operator", "language", "bob", "kk")
        assert operators.get_operator(engine, "bob").language == "kk"  # type: ignore[union-attr]
        token, _ = sessions.create_session(engine, "bob", PLAIN, system_clock())
        assert "bob" in cli.ok("operator", "remove", "bob")
        assert session_rows(engine) == 0
        assert [o["name"] for o in json.loads(cli.ok("operator", "list", "--json"))] == ["amina"]
        for verb in ("remove", "unlock"):
            code, _, err = cli.run("operator", verb, "bob")
            assert code == 2 and err.strip() == "embassy-desk: There is no operator called bob."
        assert [(a, actor, entity) for a, actor, entity in audit_actions(engine)] == [
            ("operator.add", "cli", "amina"),
            ("operator.add", "cli", "bob"),
            ("operator.remove", "cli", "bob"),
        ]
    finally:
        engine.dispose()
    for secret in (PASSWORD, OTHER_PASSWORD, token):
        assert secret not in caplog.text
