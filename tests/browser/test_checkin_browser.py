"""A citizen checks in on a phone (issue 14, "Proof"): Debian's chromium at 375×667 against ``hq serve``
on PostgreSQL (the public page on the main listener, as in a single-listener trial) and a real
encrypted workstation of the post.

The post enables check-in and exports a campaign's links with ``embassy-desk checkin ...`` and syncs;
one person opens their link and answers "I am safe", another "I need help"; after the workstation's
next sync the registry, the contact log, the campaign, the dashboard and the case list show it. An
expired link, a wrong token and a malformed one answer the same 404 page, which names nobody.
"""

from __future__ import annotations

import csv
import json
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Request, ViewportSize

from tests.browser.conftest import ConsoleHq, Post
from tests.sync_harness import Workstation

PHONE: ViewportSize = {"width": 375, "height": 667}
PAGE_LIMIT = 30 * 1024
HELP_TEXT = "Нужна вода и лекарства для ребёнка, мы в общежитии"
CALLBACK = "+82 10 5555 0142"


@dataclass(frozen=True)
class LinkRow:
    """One line of the exported CSV."""

    citizen_id: str
    phone: str
    language: str
    url: str


@dataclass
class Phone:
    """A phone-sized browser profile and every address its pages requested."""

    context: BrowserContext
    requests: list[str]

    def new_page(self) -> Page:
        return self.context.new_page()


@pytest.fixture
def phone(browser: Browser, console: ConsoleHq) -> Iterator[Phone]:
    """A phone-sized browser profile that records every request the page makes."""
    made = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        base_url=console.origin,
        locale="ru-RU",
    )
    made.set_default_timeout(15_000)
    requests: list[str] = []

    def seen(request: Request) -> None:
        requests.append(request.url)

    made.on("request", seen)
    try:
        yield Phone(made, requests)
    finally:
        made.close()


@pytest.fixture
def checkin_post(console: ConsoleHq) -> Post:
    """A post of its own with one workstation holding demo-like people, synced with HQ."""
    return console.add_post(stations=1, citizens=16)


def _query(ws: Workstation, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with ws.session() as session, session.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


def _welfare(ws: Workstation, citizen_id: str) -> str | None:
    rows = _query(ws, "SELECT welfare_status FROM citizens WHERE id = ?", citizen_id)
    return None if rows[0][0] is None else str(rows[0][0])


def _campaign(ws: Workstation, campaign_id: str) -> dict[str, Any]:
    return dict(json.loads(ws.ok("campaign", "status", campaign_id, "--json")))


def _dashboard_safe(ws: Workstation) -> int:
    from embassy_desk.services.dashboard import dashboard_figures

    with ws.session() as session:
        return int(dashboard_figures(session).welfare.get("safe", 0))


def _given_names(ws: Workstation, citizen_id: str) -> tuple[str, str]:
    row = _query(ws, "SELECT given_names, given_names_latin FROM citizens WHERE id = ?", citizen_id)[0]
    return str(row[0] or ""), str(row[1] or "")


def _export_links(ws: Workstation, console: ConsoleHq, tmp_path: Path) -> tuple[str, list[LinkRow]]:
    """Enable check-in with HQ's address, make a campaign over everyone and export its links (CSV)."""
    ws.ok("checkin", "address", console.origin)
    campaign_id = ws.ok("campaign", "create", "Check-in by link").strip().splitlines()[-1]
    target = tmp_path / "links.csv"
    ws.ok("checkin", "links", "--campaign", campaign_id, str(target))
    assert target.stat().st_mode & 0o077 == 0, "the links file must be private"
    with target.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames is not None
        assert list(reader.fieldnames)[:4] == ["citizen_id", "phone", "language", "url"]
        rows = [LinkRow(r["citizen_id"], r["phone"], r["language"], r["url"]) for r in reader]
    return campaign_id, rows


def _short_lived_link(ws: Workstation, citizen_id: str, seconds: float) -> tuple[str, datetime]:
    """A link issued through the post's service that expires ``seconds`` from now (no command makes
    one that short: the CLI takes a date); its URL and expiry."""
    from embassy_desk.services import checkin

    expires = datetime.now(UTC) + timedelta(seconds=seconds)
    with ws.session() as session:
        issued = checkin.issue_links(session, [citizen_id], expires_at=expires)
    return issued[0].url, expires


def _submit(form: Locator) -> None:
    """Tap the form's button (a ``<button>`` submits its form unless it says otherwise)."""
    form.locator("button:not([type=button]):not([type=reset]), input[type=submit]").first.click()


def _open(page: Page, url: str) -> tuple[int, bytes]:
    response = page.goto(url)
    assert response is not None
    return response.status, response.body()


def _assert_small_and_local(page: Page, body: bytes, phone: Phone, origin: str) -> None:
    """What a cheap phone on a poor connection needs: one small page, no script, nothing fetched from
    elsewhere, no cookie, nothing wider than the screen."""
    assert len(body) < PAGE_LIMIT, f"page is {len(body)} bytes"
    assert page.locator("script").count() == 0
    foreign = [u for u in phone.requests if not u.startswith(origin + "/")]
    assert not foreign, f"the page fetched from elsewhere: {foreign}"
    assert phone.context.cookies() == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px screen"


def test_citizen_answers_safe_and_needs_help_on_a_phone(
    phone: Phone, console: ConsoleHq, checkin_post: Post, tmp_path: Path
) -> None:
    ws = checkin_post.stations[0]
    campaign_id, links = _export_links(ws, console, tmp_path)
    assert {r.citizen_id for r in links} == set(checkin_post.citizen_ids())
    assert all(r.url.startswith(f"{console.origin}/c/") for r in links)
    ws.sync()  # the links reach HQ

    # Two people nobody has confirmed safe: one says "I am safe", the other "I need help".
    unsure = [r for r in links if _welfare(ws, r.citizen_id) != "safe"]
    assert len(unsure) >= 2
    safe_one, helpless = unsure[0], unsure[1]
    before = _campaign(ws, campaign_id)
    safe_before = _dashboard_safe(ws)

    page = phone.new_page()
    status, body = _open(page, safe_one.url)
    assert status == 200
    _assert_small_and_local(page, body, phone, console.origin)
    text = page.inner_text("body")
    assert checkin_post.name in text
    cyrillic, latin = _given_names(ws, safe_one.citizen_id)
    expected_name = cyrillic if safe_one.language in ("kk", "ru") else latin
    assert expected_name.split()[0] in text, f"{safe_one.language} page does not greet {expected_name!r}"
    for choice in ("safe", "needs_help", "phone_changed"):
        assert page.locator(f'form[data-choice="{choice}"]').count() == 1
    _submit(page.locator('form[data-choice="safe"]'))
    page.wait_for_load_state()
    confirmed = page.locator('[data-answer="safe"]')
    assert confirmed.count() == 1 and confirmed.first.is_visible()
    assert page.context.cookies() == []

    # Coming back, the person still sees the choices: the answer can be changed until the link expires.
    status, _ = _open(page, safe_one.url)
    assert status == 200
    assert page.locator('[data-current="safe"]').count() == 1  # it says which answer it holds
    assert page.locator('form[data-choice="needs_help"]').count() == 1

    # The second person asks for help, with a message and a number to call back.
    status, body = _open(page, helpless.url)
    assert status == 200
    form = page.locator('form[data-choice="needs_help"]')
    form.locator('[name="message"]').fill(HELP_TEXT)
    form.locator('[name="callback"]').fill(CALLBACK)
    _submit(form)
    page.wait_for_load_state()
    assert page.locator('[data-answer="needs_help"]').count() == 1

    # The next sync of the post brings both answers.
    ws.sync()
    assert _welfare(ws, safe_one.citizen_id) == "safe"
    contact = _query(
        ws,
        "SELECT direction, outcome, welfare_status, campaign_id FROM contacts"
        " WHERE citizen_id = ? AND channel = 'check-in'",
        safe_one.citizen_id,
    )
    assert contact == [("incoming", "reached", "safe", campaign_id)]
    after = _campaign(ws, campaign_id)
    assert after["done"] == before["done"] + 2
    assert after["remaining"] == before["remaining"] - 2
    state = _query(
        ws,
        "SELECT state, outcome FROM campaign_targets WHERE campaign_id = ? AND citizen_id = ?",
        campaign_id,
        safe_one.citizen_id,
    )
    assert state == [("done", "safe")]
    assert _dashboard_safe(ws) == safe_before + 1

    assert _welfare(ws, helpless.citizen_id) == "needs_assistance"
    # The synthetic post may already hold a case of this person's; the answer adds exactly one.
    cases = _query(
        ws,
        "SELECT status, priority, summary FROM cases WHERE citizen_id = ? AND created_by = 'check-in'",
        helpless.citizen_id,
    )
    assert len(cases) == 1, f"expected one case opened by the check-in, found {cases}"
    assert cases[0][:2] == ("open", "high")
    assert HELP_TEXT in cases[0][2]
    assert "5555" in cases[0][2].replace(" ", "")  # the callback number, however it is written


def test_expired_wrong_and_malformed_links_answer_the_same_404(
    phone: Phone, console: ConsoleHq, checkin_post: Post, tmp_path: Path
) -> None:
    ws = checkin_post.stations[0]
    _campaign_id, links = _export_links(ws, console, tmp_path)
    person = links[0].citizen_id
    expired_url, expires = _short_lived_link(ws, person, seconds=4)
    ws.sync()
    page = phone.new_page()
    time.sleep(max(0.0, (expires - datetime.now(UTC)).total_seconds()) + 1.0)

    cyrillic, latin = _given_names(ws, person)
    wrong = f"{console.origin}/c/{secrets.token_urlsafe(16)}"
    malformed = f"{console.origin}/c/not-a-token"
    pages: list[str] = []
    for url in (expired_url, wrong, malformed):
        status, body = _open(page, url)
        assert status == 404, url
        _assert_small_and_local(page, body, phone, console.origin)
        text = page.inner_text("body")
        for name in (cyrillic, latin, checkin_post.name):
            assert name not in text
        assert page.locator("form").count() == 0
        pages.append(text)
    assert pages[0] == pages[1] == pages[2], "an expired, a wrong and a malformed link must look alike"

    # A live link of the same export still opens.
    status, _ = _open(page, links[1].url)
    assert status == 200
