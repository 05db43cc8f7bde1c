"""The last answer of HQ's page middleware when an exception escapes before any response began."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.types import Message

_BODY = b"Internal Server Error"


async def send_plain_500(send: Callable[[Message], Awaitable[None]]) -> None:
    """A bare ``500 Internal Server Error`` in plain text: nothing of the failure (its text may quote
    a value) reaches the client, and no template or database is needed to say it."""
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(_BODY)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": _BODY})
