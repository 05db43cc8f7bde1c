"""HQ's access-log lines survive the log scrubber whole: a status next to a duration ("404 12 ms") once
read as a phone number and was masked, so a slow request's line lost its status."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.logs import scrub


@given(
    method=st.sampled_from(["GET", "POST"]),
    path=st.sampled_from(["/c/{token}", "/v1/push", "/health", "(other)", "/sms/inbound"]),
    status=st.integers(100, 599),
    elapsed=st.floats(0, 99_999, allow_nan=False),
)
def test_an_access_line_is_kept_whole(method: str, path: str, status: int, elapsed: float) -> None:
    line = f"{method} {path} {status} in {elapsed:.0f} ms"  # the format of both access logs
    assert scrub(line) == line
