"""The console in a real browser, as ministry operators live it (issue 13, "Proof"): sign in through the
form, read the overview against ``hq stats --json`` after two workstations synced, revoke a device and
see it refused, publish an advisory and see it reach a workstation on its next sync; an analyst is kept
off admin pages and citizens' records (403); a form without its CSRF token is refused; the session
cookie is HttpOnly, Secure and SameSite=Strict.

Chromium is Debian's, driven by Playwright; HQ is ``hq serve`` on PostgreSQL (tests/browser/conftest.py).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from tests.browser.conftest import ConsoleHq, Post, page_path, sign_in

pytestmark = pytest.mark.timeout(180)


def test_sign_in_sets_a_strict_session_cookie(page: Page, console: ConsoleHq) -> None:
    name, password = console.operator("analyst")
    page.goto(console.url("/"))
    assert page.url == console.url("/login")  # no session: the overview sends you to sign in
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", "not the password")
    page.locator("form[action$='/login'] [type=submit]").click()
    assert page.url == console.url("/login")
    assert page.locator("[role=alert]").count() == 1
    assert not [c for c in page.context.cookies() if c["name"].endswith("hq-console")]

    sign_in(page, console, name, password)
    assert name in page.locator("header").inner_text()
    (cookie,) = [c for c in page.context.cookies() if c["name"].endswith("hq-console")]
    # The production settings: a __Host- cookie (Secure, Path=/, no Domain) that script cannot read.
    assert cookie["name"] == "__Host-hq-console"
    assert cookie["httpOnly"] is True
    assert cookie["secure"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/"
    assert cookie["domain"] == "127.0.0.1"  # host-only
    assert cookie["expires"] == -1  # a session cookie: gone when the browser closes
    assert page.evaluate("document.cookie") == ""

    # Sign out: the session ends at HQ, not only in this browser (its old cookie opens nothing).
    page.locator("form[action$='/logout'] [type=submit]").click()
    page.wait_for_url(console.url("/login"))
    page.context.add_cookies([cookie])  # type: ignore[list-item]
    page.goto(console.url("/"))
    assert page.url == console.url("/login")


def test_forms_without_their_csrf_token_are_refused(page: Page, console: ConsoleHq) -> None:
    name, password = console.operator("admin")
    # The sign-in form with its token taken out (page.evaluate runs although the CSP forbids the
    # page's own inline script).
    page.goto(console.url("/login"))
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", password)
    page.evaluate("document.querySelector(\"form[action$='/login'] input[name=csrf]\").remove()")
    with page.expect_response(console.url("/login")) as refused:
        page.locator("form[action$='/login'] [type=submit]").click()
    assert refused.value.status == 403
    assert not [c for c in page.context.cookies() if c["name"].endswith("hq-console")]

    sign_in(page, console, name, password)
    # Sign-out without its token: refused, and the session lives on.
    page.evaluate("document.querySelector(\"form[action$='/logout'] input[name=csrf]\").remove()")
    with page.expect_response(console.url("/logout")) as refused:
        page.locator("form[action$='/logout'] [type=submit]").click()
    assert refused.value.status == 403
    page.goto(console.url("/"))
    assert page.url == console.url("/")
    # A token that is not the session's, posted from the page's own context: refused as well.
    forged = page.request.post(console.url("/logout"), form={"csrf": "x" * 43}, max_redirects=0)
    assert forged.status == 403
    page.goto(console.url("/"))
    assert page.url == console.url("/")


def _digits(text: str) -> int:
    """The number a cell shows, grouped in the operator's language's way ("1 234", "1,234")."""
    compact = re.sub(r"[\s,.\u00a0\u202f']", "", text)
    assert compact.isdigit(), text
    return int(compact)


def _figure(stats: dict[str, Any], key: str) -> Any:
    """``stats["welfare"]["safe"]`` for the key "welfare.safe"."""
    value: Any = stats
    for part in key.split("."):
        value = value[part]
    return value


def _row_figures(row: Locator) -> dict[str, Any]:
    """A table row's figures by their ``data-figure`` name: numbers as shown, else the cell's value."""
    shown: dict[str, Any] = {}
    cells = row.locator("[data-figure]")
    for i in range(cells.count()):
        cell = cells.nth(i)
        key = str(cell.get_attribute("data-figure"))
        value = cell.get_attribute("data-value")
        shown[key] = _digits(cell.inner_text()) if value is None else value
    return shown


def test_the_overview_matches_hq_stats_after_two_workstations_sync(
    admin_page: Page, console: ConsoleHq, shared_post: Post
) -> None:
    page = admin_page
    post = shared_post
    # Both workstations synced (the first registered everyone; the second pulled them): HQ has all.
    page.goto(console.url("/"))
    stats = {s["post"]: s for s in console.stats()}  # at the same moment: nothing syncs in between
    assert post.code in stats and stats[post.code]["citizens"] == 30
    assert sum(stats[post.code]["welfare"].values()) == 30
    # Every post has a row whose every figure is what `hq stats --json` says, column by column.
    rows = page.locator("table#overview-table tbody tr[data-post]")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.post)")) == sorted(stats)
    columns: set[str] = set()
    for code, figures in stats.items():
        shown = _row_figures(page.locator(f"table#overview-table tbody tr[data-post='{code}']"))
        columns |= set(shown)
        for key, value in shown.items():
            expected = _figure(figures, key)
            assert value == (expected or "" if key == "last_sync" else expected), (code, key)
        assert ("stale" in (page.locator(f"tr[data-post='{code}']").get_attribute("class") or "")) is bool(
            figures["stale"]
        )
    # Every column of the issue is there: citizens, each welfare status, open cases (by priority),
    # contacts in the last 24 h, last sync, audit chain.
    welfare = {f"welfare.{s}" for s in ("safe", "needs_assistance", "unreachable", "unknown")}
    assert {"citizens", "open_cases", "contacts_24h", "last_sync", "audit_chain", *welfare} <= columns
    assert any(c.startswith("cases_by_priority.") for c in columns)
    # The totals row adds the posts up.
    totals = _row_figures(page.locator("table#overview-table tfoot tr"))
    for key, value in totals.items():
        assert value == sum(_figure(f, key) for f in stats.values()), key
    # The JSON twin of the page answers from the same query layer.
    twin = page.request.get(console.url("/api/overview"))
    assert twin.status == 200
    twin_posts = {p["post"]: p for p in twin.json()["posts"]}
    assert set(twin_posts) == set(stats)
    for code, figures in stats.items():
        for key in ("citizens", "welfare", "open_cases", "cases_by_priority", "contacts_24h", "audit_chain"):
            assert twin_posts[code][key] == figures[key], (code, key)


def test_revoking_a_device_from_its_post_page_refuses_its_next_sync(
    admin_page: Page, console: ConsoleHq
) -> None:
    page = admin_page
    post = console.add_post(stations=1, citizens=2)
    (doomed,) = post.stations
    with doomed.session() as session:
        device = session.device_id
    page.goto(console.url("/"))
    page.locator("a", has_text=post.code).first.click()
    page.wait_for_url(console.url(page_path(("/posts/",), code=post.code)))
    row = page.locator(f"tr[data-device='{device}']")
    row.locator("form[action$='/revoke'] [type=submit]").click()
    # The first press asks to confirm; the confirmed form revokes and returns to the post's page.
    confirm = page.locator(f"tr[data-device='{device}'] form:has(input[name=confirm]) [type=submit]")
    confirm.click()
    page.wait_for_url(re.compile(re.escape(console.url(page_path(("/posts/",), code=post.code)))))
    assert page.locator("[role=status]", has_text=device).count() == 1
    revoked = {d["device"]: d for d in console.devices(post.code)}
    assert revoked[device]["revoked"] is True

    refused = doomed.cli("sync", "--json")
    assert refused.returncode == 9, refused.stdout + refused.stderr
    assert "revoked" in (refused.stdout + refused.stderr).lower()


def test_an_advisory_published_from_the_page_reaches_a_workstation_on_its_next_sync(
    admin_page: Page, console: ConsoleHq, shared_post: Post
) -> None:
    from embassy_desk.services import sync

    page = admin_page
    post = shared_post
    ws = post.stations[0]
    title = f"Stay indoors {secrets.token_hex(3)}"
    page.goto(console.url("/advisories"))
    form = page.locator("form.advisory")
    form.locator("input[name=kind][value=advisory]").check()
    form.locator("input[name=title_en]").fill(title)
    form.locator("textarea[name=text_en]").fill("Heavy snow tomorrow; stay indoors.")
    form.locator("input[name=title_ru]").fill("Оставайтесь дома")
    form.locator("textarea[name=text_ru]").fill("Завтра сильный снегопад.")
    form.locator(f"input[name=posts][value='{post.code}']").check()
    form.locator("[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("[role=status]").count() == 1, page.content()

    def delivery() -> dict[str, Any]:
        answer = page.request.get(console.url("/api/publications")).json()
        (published,) = [p for p in answer["publications"] if p["title"].get("en") == title]
        (target,) = published["posts"]
        assert target["post"] == post.code
        return dict(target)

    assert delivery()["received"] == 0
    with ws.session() as session:
        assert not [p for p in sync.publications(session) if p.title.get("en") == title]
    ws.sync()
    with ws.session() as session:
        arrived = [p for p in sync.publications(session) if p.title.get("en") == title]
    assert [p.kind for p in arrived] == ["advisory"]
    assert arrived[0].title["ru"] == "Оставайтесь дома"
    # HQ knows who has it after that one sync (its last pull acknowledges what it applied).
    assert delivery()["received"] == 1
    page.goto(console.url("/advisories"))
    assert title in page.locator("table").first.inner_text() or title in page.content()


def test_an_analyst_is_refused_admin_pages_and_citizen_records(
    analyst_page: Page, console: ConsoleHq, shared_post: Post
) -> None:
    page = analyst_page
    post = shared_post
    citizen = post.citizen_ids()[0]
    page.goto(console.url("/"))
    nav = page.locator("header nav").inner_text()
    assert "Advisories" not in nav and "Audit" not in nav  # not offered ...
    record = page_path(("/posts/", "/citizens/", "/records/"), code=post.code, record=citizen)
    surname = str((post.stations[0].show(citizen) or {})["surname"])
    for path in ("/advisories", "/audit", record):  # ... and refused when asked for
        response = page.goto(console.url(path))
        assert response is not None and response.status == 403, path
        assert surname not in page.content()
    for path in ("/api/publications", "/api/audit"):
        assert page.request.get(console.url(path)).status == 403, path
    # Even with the session's own CSRF token, an analyst's publish is refused.
    csrf = page.locator("form[action$='/logout'] input[name=csrf]").get_attribute("value") or ""
    refused = page.request.post(
        console.url("/advisories"),
        form={"csrf": csrf, "kind": "advisory", "title_en": "x", "text_en": "y", "posts": post.code},
        max_redirects=0,
    )
    assert refused.status == 403
    # The figures stay open to the analyst.
    assert page.goto(console.url("/")) is not None and page.url == console.url("/")


def test_an_admin_opens_a_citizen_record_and_hq_audits_it(
    admin_page: Page, console: ConsoleHq, shared_post: Post
) -> None:
    page = admin_page
    citizen = shared_post.citizen_ids()[1]
    surname = str((shared_post.stations[0].show(citizen) or {})["surname"])
    path = page_path(("/posts/", "/citizens/", "/records/"), code=shared_post.code, record=citizen)
    response = page.goto(console.url(path))
    assert response is not None and response.status == 200
    assert surname in page.locator("main").inner_text()
    # HQ's own audit chain names the record by id (never by the citizen's name) and stays intact.
    audit = page.request.get(console.url("/api/audit")).json()
    assert audit["chain"]["intact"] is True
    named = f"{shared_post.code}:{citizen}"
    views = [e for e in audit["entries"] if e["action"] == "record.view" and e["entity_id"] == named]
    assert views and surname not in str(views)
    page.goto(console.url("/audit"))
    assert citizen in page.locator("main").inner_text()
