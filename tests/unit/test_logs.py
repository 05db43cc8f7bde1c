"""The log scrubber: a safety net under the rule that logs name events and ids only."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.logs import (
    BACKUP_COUNT,
    LOG_NAME,
    MAX_BYTES,
    active_log_dir,
    configure_logging,
    log_dir_for,
    platform_log_dir,
    recent_lines,
    scrub,
)


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


def test_the_log_rotates_at_one_megabyte_keeps_five_and_every_file_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = configure_logging(folder)
    assert path is not None
    logger = logging.getLogger("embassy_desk.test")
    line = "event" + " rotated" * 125  # about 1 kB in short words, as log lines are
    for _ in range(7 * MAX_BYTES // 1000):  # seven files' worth: the oldest two must be gone
        logger.info(line)
    configure_logging(None)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, BACKUP_COUNT + 1))]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
        assert file.stat().st_size <= MAX_BYTES


def test_recent_lines_are_the_tail_of_the_current_file_and_scrubbed(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None and active_log_dir() == tmp_path / "logs"
    logger = logging.getLogger("embassy_desk.test")
    for n in range(300):
        logger.info("event %d", n)
    # A line written before the filter existed (an older version's file) is scrubbed on the way out.
    with path.open("a", encoding="utf-8") as handle:
        handle.write("old line Бейсекова\n")
    lines = recent_lines(200)
    configure_logging(None)
    assert len(lines) == 200
    assert lines[-2].endswith("event 299") and lines[-1] == "old line ***"
    assert recent_lines() == [] and active_log_dir() is None


def test_log_folder_is_the_workstations_own_else_the_platforms(tmp_path: Path) -> None:
    assert log_dir_for(tmp_path) == tmp_path / "logs"
    missing = tmp_path / "not-yet"
    assert log_dir_for(missing) == platform_log_dir()
    assert not missing.exists(), "the data folder is never made as a side effect"
    assert "EmbassyDesk" in platform_log_dir().parts or "EmbassyDesk" in str(platform_log_dir())
