"""A real HQ and a real browser for the console's tests (issue 13, "Proof").

* :func:`browser`: Debian's chromium (``/usr/bin/chromium``) launched once per session by Playwright for
  Python; Playwright's own browser downloads are never used. Missing chromium skips the tests (it fails
  them with ``CI=true``): ``python3 dev.py test`` installs it.
* :func:`console`: ``hq serve`` as a subprocess on a loopback port over a fresh PostgreSQL database, with
  the production console settings (``__Host-`` Secure cookies): chromium treats http://127.0.0.1 as a
  potentially trustworthy origin, so it keeps Secure and ``__Host-`` cookies over plain loopback HTTP and
  no certificate is needed (workstations sync to the same server as in the sync tests).
* :class:`ConsoleHq`: operators made with ``embassy-desk hq operator add``, posts with workstations
  (real SQLCipher) holding demo-like data, and ``hq stats --json``.
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright
from sqlalchemy import Engine

from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.store import HQStore
from tests.sync_harness import Hq, Workstation, postgres_url, run_main

CHROMIUM = Path("/usr/bin/chromium")
# What this machine needs: no sandbox (containers), no GPU, and nothing chromium would fetch by itself
# (QUIC, component updates, sync, background requests): the origin test sees every request it makes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1366, "height": 900}
PASSWORD = "violet harbour signal 58"


def require_chromium() -> None:
    """Skip (fail in CI) when Debian's chromium is not installed."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing (Debian's chromium package; `python3 dev.py test` installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One chromium for the session; each test gets a fresh context (cookies, storage) of its own."""
    require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=60_000
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Browser, console: ConsoleHq) -> Iterator[BrowserContext]:
    """A fresh browser profile pointed at the console."""
    made = browser.new_context(viewport=VIEWPORT, base_url=console.hq.direct_url, locale="en-GB")
    made.set_default_timeout(15_000)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@dataclass
class Post:
    """A post at HQ with its enrolled workstations."""

    code: str
    name: str
    stations: list[Workstation] = field(default_factory=list)

    def citizen_ids(self) -> list[str]:
        """The ids of the citizens its first workstation holds."""
        with self.stations[0].session() as session, session.read() as conn:
            return [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY id")]


def console_paths() -> list[str]:
    """The path templates of the console's routes (under /console), read from the app itself."""
    from embassy_desk.hq.console.app import create_console_app

    def walk(routes: list[Any]) -> Iterator[str]:
        for route in routes:
            inner = getattr(route, "original_router", None)  # an included router (app.py adds no prefix)
            if inner is not None:
                yield from walk(list(inner.routes))
            elif isinstance(getattr(route, "path", None), str):
                yield str(route.path)

    app = create_console_app(None)  # type: ignore[arg-type]  # routes only; no request is served
    return list(walk(list(app.routes)))


def page_path(prefixes: tuple[str, ...], **values: str) -> str:
    """The HTML page whose path template starts with one of ``prefixes`` and takes parameters, filled
    from ``values`` (a parameter named like a key of ``values`` gets its value)."""
    for template in console_paths():
        if template.startswith(prefixes) and "{" in template and "/api/" not in template:
            names = re.findall(r"{(\w+)(?::\w+)?}", template)
            keys = [next((k for k in values if k in name), None) for name in names]
            if None in keys or sorted(map(str, keys)) != sorted(values):
                continue
            filled = template
            for name, key in zip(names, keys, strict=True):
                filled = re.sub(r"{" + name + r"(?::\w+)?}", values[str(key)], filled)
            return filled
    raise AssertionError(f"no console page under {prefixes} taking {sorted(values)}: {console_paths()}")


class ConsoleHq:
    """HQ under ``hq serve`` and the helpers the console's stories need."""

    def __init__(self, hq: Hq, root: Path) -> None:
        self.hq = hq
        self.root = root
        self._store: HQStore | None = None
        self.operators: dict[str, str] = {}

    # Addresses

    @property
    def origin(self) -> str:
        return self.hq.direct_url

    def url(self, path: str = "/") -> str:
        """The console's address of ``path`` (``/`` is the overview)."""
        return f"{self.hq.direct_url}/console{path}"

    # HQ's database, for what only a test needs to know (ids, a stale post for the screenshots)

    @property
    def engine(self) -> Engine:
        if self._store is None:
            self._store = HQConfig.resolve(self.hq.hq_dir, self.hq.db_url).open_store()
        return self._store.engine

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # Operators and figures through the real CLI

    def add_operator(self, name: str, role: str, *, language: str = "en") -> str:
        """``embassy-desk hq operator add NAME --role ROLE`` (password from EMBASSY_DESK_NEW_PASSPHRASE);
        returns the password."""
        env = {**self.hq.env, "EMBASSY_DESK_NEW_PASSPHRASE": PASSWORD}
        args = ["hq", "operator", "add", name, "--role", role]
        done = run_main(args, env)
        assert done.returncode == 0, f"hq operator add: {done.stdout}\n{done.stderr}"
        if language != "en":
            self.hq.cli("operator", "language", name, language)
        self.operators[name] = PASSWORD
        return PASSWORD

    def operator(self, role: str) -> tuple[str, str]:
        """A new operator of ``role``: (name, password)."""
        name = f"{role}-{secrets.token_hex(3)}"
        return name, self.add_operator(name, role)

    def stats(self) -> list[dict[str, Any]]:
        """``embassy-desk hq stats --json``: every post's figures."""
        out = json.loads(self.hq.cli("stats", "--json").stdout)
        return list(out) if isinstance(out, list) else list(out.get("posts", [out]))

    def devices(self, post: str) -> list[dict[str, Any]]:
        return [d for d in self.hq.devices() if d["post"] == post]

    # Posts with workstations

    def add_post(
        self,
        stations: int = 2,
        *,
        citizens: int = 24,
        seed: int | None = None,
        code: str | None = None,
        name: str | None = None,
    ) -> Post:
        """A new post with ``stations`` enrolled workstations; the first registers ``citizens`` demo-like
        people with contacts and cases, then each syncs (the first again, so both hold everything)."""
        code = code or f"KZ-{secrets.token_hex(3).upper()}"
        name = name or f"Embassy of Kazakhstan, test post {code}"
        self.hq.add_post(code, name)
        post = Post(code, name)
        for i in range(stations):
            ws = Workstation(self.root / f"{code}-ws{i + 1}", name)
            self.hq.enroll(ws, code)
            post.stations.append(ws)
        if stations:
            if citizens:
                fill(post.stations[0], citizens, seed if seed is not None else random.randrange(1 << 30))
            for ws in post.stations:
                ws.sync()
            if stations > 1:
                post.stations[0].sync()
        return post


def fill(ws: Workstation, citizens: int, seed: int) -> None:
    """Demo-like records on ``ws``: synthetic citizens (the demo's generator), contacts with every
    welfare status, and open cases of every priority."""
    from embassy_desk.demo.generator import DemoSettings, synthetic_rows
    from embassy_desk.services import cases, contacts
    from embassy_desk.services.importer import import_rows

    rng = random.Random(seed)
    with ws.session() as session:
        rows = ((n + 2, row) for n, row in enumerate(synthetic_rows(DemoSettings(citizens, seed))))
        import_rows(session, rows, expected_rows=citizens)
        with session.read() as conn:
            ids = [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY id")]
        reached = rng.sample(ids, len(ids) * 2 // 3)
        for i, citizen in enumerate(reached):
            welfare = ("safe", "safe", "safe", "needs_assistance", "unreachable")[i % 5]
            outcome = "no_answer" if welfare == "unreachable" else "reached"
            contacts.log_contact(
                session, citizen, channel=rng.choice(("phone", "sms")), outcome=outcome, welfare=welfare
            )
        for i, citizen in enumerate(rng.sample(ids, min(len(ids), max(3, len(ids) // 6)))):
            cases.open_case(
                session,
                citizen,
                kind=rng.choice(("medical", "lost_documents", "financial")),
                summary="Синтетическое обращение",
                priority=("low", "normal", "high", "urgent")[i % 4],
            )


@pytest.fixture(scope="session")
def console(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleHq]:
    """``hq serve`` on PostgreSQL with the production console settings, for the whole session."""
    root = tmp_path_factory.mktemp("console-hq")
    with postgres_url() as url:
        hq = Hq(root, url).init()
        hq.start()
        made = ConsoleHq(hq, root)
        try:
            yield made
        finally:
            made.close()
            hq.stop()


def sign_in(page: Page, console: ConsoleHq, name: str, password: str) -> None:
    """Sign in through the form at /console/login, as an operator does; lands on the overview."""
    page.goto(console.url("/login"))
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.locator("form[action$='/login'] [type=submit]").click()
    page.wait_for_url(console.url("/"))


@pytest.fixture(scope="session")
def shared_post(console: ConsoleHq) -> Post:
    """One post with two workstations holding the same demo-like records, for the tests that only read
    it or add to it what they look for (an advisory of their own)."""
    return console.add_post(stations=2, citizens=30)


@pytest.fixture(scope="session")
def signed_in_cookies(browser: Browser, console: ConsoleHq) -> dict[str, list[Any]]:
    """Per role, the cookies of an operator who signed in through the form once this session (the
    stories then start signed in; the sign-in tests use operators of their own)."""
    cookies: dict[str, list[Any]] = {}
    for role in ("admin", "analyst"):
        made = browser.new_context(viewport=VIEWPORT, base_url=console.hq.direct_url)
        try:
            sign_in(made.new_page(), console, *console.operator(role))
            cookies[role] = list(made.cookies())
        finally:
            made.close()
    return cookies


@pytest.fixture
def admin_page(page: Page, signed_in_cookies: dict[str, list[Any]]) -> Page:
    """A page signed in as an admin."""
    page.context.add_cookies(signed_in_cookies["admin"])
    return page


@pytest.fixture
def analyst_page(page: Page, signed_in_cookies: dict[str, list[Any]]) -> Page:
    """A page signed in as an analyst."""
    page.context.add_cookies(signed_in_cookies["analyst"])
    return page
