"""The log scrubber: a safety net under the rule that logs name events and ids only."""

from __future__ import annotations

import logging
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.logs import configure_logging, scrub


def test_scrub_masks_names_numbers_and_emails_but_keeps_ids() -> None:
    line = (
        "citizen 0190c1b2-3d4e-7f00-8a9b-0fedcba9eeee Нурланова 010-1234-5678 N12345678 "
        "980314400046 a.b@example.com 김민준"
    )
    out = scrub(line)
    assert "0190c1b2-3d4e-7f00-8a9b-0fedcba9eeee" in out
    for secret in (
        "Нурланова",
        "1234-5678",
        "12345678",
        "980314400046",
        "a.b@example.com",
        "김민준",
    ):
        assert secret not in out


@given(st.from_regex(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]{2,12}", fullmatch=True))
def test_scrub_never_lets_cyrillic_through(word: str) -> None:
    assert word not in scrub(f"value {word} rejected")


def test_logged_exceptions_keep_only_type_and_place(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    logger = logging.getLogger("embassy_desk.test")
    try:
        raise ValueError("passport N12345678 of Айгерим")
    except ValueError:
        logger.error("failed", exc_info=True)
    configure_logging(None)
    text = path.read_text(encoding="utf-8")
    assert "ValueError (message withheld)" in text
    assert "N12345678" not in text and "Айгерим" not in text
