"""The console in a real browser, as ministry operators live it (issue 13, "Proof"): sign in through the
form, read the overview against ``hq stats --json`` after two workstations synced, revoke a device and
see it refused, publish an advisory and see it reach a workstation on its next sync; an analyst is kept
off admin pages and citizens' records (403); a form without its CSRF token is refused; the session
cookie is HttpOnly, Secure and SameSite=Strict.

Chromium is Debian's, driven by Playwright; HQ is ``hq serve`` on PostgreSQL (tests/browser/conftest.py).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import ConsoleHq, sign_in

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
