"""An exception escaping HQ's pages ends in a bare plain-text 500 that quotes nothing of it, with the
page's security headers (the public listener's and the console's edges), and is logged by class only."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from embassy_desk.hq.console.headers import SecurityHeaders
from embassy_desk.hq.public.headers import PublicEdge

SECRET = "Нурланова +821012345678"


async def failing(scope: Scope, receive: Receive, send: Send) -> None:
    raise RuntimeError(SECRET)


@pytest.mark.parametrize("edge", [PublicEdge, SecurityHeaders])
def test_an_escaping_exception_is_a_bare_500(edge: type, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    # No ``with``: that would start a lifespan, which this bare app fails too.
    client = TestClient(edge(failing), raise_server_exceptions=False)
    response = client.get("/c/AbCdEfGhIjKlMnOpQrStUv")
    assert response.status_code == 500 and response.text == "Internal Server Error"
    assert response.headers["content-type"].startswith("text/plain")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    ours = " ".join(r.getMessage() for r in caplog.records if r.name.startswith("embassy_desk"))
    assert SECRET not in ours and "AbCdEfGhIjKlMnOpQrStUv" not in ours
