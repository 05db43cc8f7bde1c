"""No console page loads anything from another origin (issue 13, "Proof"): ministries run HQ on closed
networks, so a page that needs the internet is a page that breaks there.

Every page (sign-in, overview, a post, advisories, audit, a citizen's record, an error page) is loaded
in chromium with every request intercepted: each request's origin must be the console's. The HTML is
also read for src/href/action/... attributes pointing elsewhere (a link is not loaded, but would leave
the closed network), every response must carry the Content-Security-Policy, and the browser must report
no CSP violation (an inline script or style attribute the policy blocks is a page that renders wrong).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, Response, Route

from tests.browser.conftest import ConsoleHq, Post, page_path, sign_in

pytestmark = pytest.mark.timeout(180)

URL_ATTRIBUTES = {"src", "href", "action", "formaction", "srcset", "poster", "data", "background", "cite"}


class _Links(HTMLParser):
    """Every URL-bearing attribute value of a document (and <meta http-equiv=refresh> targets)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                self.urls += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
            elif name in URL_ATTRIBUTES:
                self.urls.append(value)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = (values.get("content") or "").partition("url=")[2]
            if target:
                self.urls.append(target)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_no_page_loads_anything_from_another_origin(
    page: Page, console: ConsoleHq, shared_post: Post
) -> None:
    post = shared_post
    citizen = post.citizen_ids()[0]
    name, password = console.operator("admin")

    requested: list[str] = []
    elsewhere: list[str] = []
    violations: list[str] = []
    documents: list[Response] = []

    def intercept(route: Route, request: Request) -> None:
        requested.append(request.url)
        if _origin(request.url) != console.origin and not request.url.startswith(("data:", "blob:")):
            elsewhere.append(request.url)
            route.abort()  # never let a test reach out, even on a machine with internet
        else:
            route.continue_()

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(message.text)

    page.context.route("**/*", intercept)
    page.on("console", on_console)
    page.on("response", lambda r: documents.append(r) if r.request.resource_type == "document" else None)

    page.goto(console.url("/login"))
    login_html = page.content()
    sign_in(page, console, name, password)
    pages = {
        "overview": console.url("/"),
        "post": console.url(page_path(("/posts/",), code=post.code)),
        "advisories": console.url("/advisories"),
        "audit": console.url("/audit"),
        "record": console.url(
            page_path(("/posts/", "/citizens/", "/records/"), code=post.code, record=citizen)
        ),
        "error": console.url("/no-such-page"),
    }
    htmls = {"login": (console.url("/login"), login_html)}
    for label, url in pages.items():
        response = page.goto(url)
        assert response is not None, label
        expected = 404 if label == "error" else 200
        assert response.status == expected, f"{label}: {url} answered {response.status}"
        page.wait_for_load_state("load")
        htmls[label] = (url, page.content())

    assert requested, "the interception saw no request"
    assert not elsewhere, f"requests to another origin: {elsewhere}"
    assert not violations, f"CSP violations: {violations}"
    for label, (url, html) in htmls.items():
        parser = _Links()
        parser.feed(html)
        for link in parser.urls:
            target = urljoin(url, link)
            if target.startswith(("data:", "#")) or link.startswith("#"):
                continue
            assert _origin(target) == console.origin, f"{label} points to {link}"
    # Every document (the redirects' targets too) and every asset came with the policy.
    assert len(documents) >= len(pages) + 1
    for response in documents:
        headers = response.all_headers()
        assert "default-src 'none'" in headers.get("content-security-policy", ""), response.url
        assert headers.get("x-frame-options") == "DENY", response.url
