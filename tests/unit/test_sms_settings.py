"""Where the SMS webhook's secret and region come from (hq/public/sms_settings.py): the environment,
a named file, HQ's folder; off without a secret; a short secret or an unknown region refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from embassy_desk.domain.messages import render
from embassy_desk.hq.errors import HQNotReady
from embassy_desk.hq.public.sms_settings import (
    PAGE_REGION_ENV,
    REGION_ENV,
    SECRET_ENV,
    SECRET_FILE,
    SECRET_FILE_ENV,
    SmsSettings,
)

LONG = "a-long-enough-secret-1234"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (SECRET_ENV, SECRET_FILE_ENV, REGION_ENV, PAGE_REGION_ENV):
        monkeypatch.delenv(name, raising=False)


def test_without_a_secret_the_webhook_is_off(tmp_path: Path) -> None:
    settings = SmsSettings.resolve(tmp_path)
    assert settings.secret is None and not settings.enabled
    assert not SmsSettings().enabled


def test_the_environment_wins_over_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / SECRET_FILE).write_text("from-the-hq-folder-0123456789\n")
    monkeypatch.setenv(SECRET_ENV, LONG)
    assert SmsSettings.resolve(tmp_path).secret == LONG.encode()


def test_a_named_file_then_hq_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / SECRET_FILE).write_text("from-the-hq-folder-0123456789\n")
    assert SmsSettings.resolve(tmp_path).secret == b"from-the-hq-folder-0123456789"
    named = tmp_path / "elsewhere"
    named.write_text(f"  {LONG}  \n")
    monkeypatch.setenv(SECRET_FILE_ENV, str(named))
    assert SmsSettings.resolve(tmp_path).secret == LONG.encode()


def test_a_short_secret_is_refused_not_trusted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SECRET_ENV, "short")
    with pytest.raises(HQNotReady) as refused:
        SmsSettings.resolve(None)
    assert SECRET_ENV in render(refused.value.msg, "ru") and "16" in str(refused.value)


def test_the_region_of_national_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SmsSettings.resolve(None).default_region == "KR"
    monkeypatch.setenv(PAGE_REGION_ENV, "JP")  # the page's setting, when the webhook has none
    assert SmsSettings.resolve(None).default_region == "JP"
    monkeypatch.setenv(REGION_ENV, "kz")
    assert SmsSettings.resolve(None).default_region == "KZ"
    monkeypatch.setenv(REGION_ENV, "XX")
    with pytest.raises(HQNotReady):
        SmsSettings.resolve(None)
    with pytest.raises(ValueError, match="unknown phone region"):
        SmsSettings(default_region="XX")
