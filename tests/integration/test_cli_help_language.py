"""``--help`` and usage errors of the real command line speak the language of LANG (ru, kk; else English)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TypedDict

import pytest

# Words argparse or our help texts print in English; none may be left under ru or kk.
ENGLISH_WORDS = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "show program's version number",
    "workstation folder",
    "the contact log",
    "log a contact with a citizen",
    "outgoing or incoming",
    "follow-up due",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "choose from",
    "unrecognized arguments",
    "argument ",
)


def run(lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    env.update({"LANG": lang, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": ""})
    env.pop("EMBASSY_DESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "embassy_desk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def flat(text: str) -> str:
    """The text with argparse's line wrapping undone."""
    return " ".join(text.split())


def _english_left(text: str) -> list[str]:
    return [word for word in ENGLISH_WORDS if word in flat(text)]


class Expected(TypedDict):
    usage: str
    help: tuple[str, ...]
    log_help: tuple[str, ...]
    missing: str
    choice: str


LOCAL: dict[str, Expected] = {
    "ru_RU.UTF-8": {
        "usage": "использование: embassy-desk",
        "help": ("позиционные аргументы:", "параметры:", "показать эту справку и выйти", "журнал связи"),
        "log_help": ("outgoing (исходящая) или incoming (входящая)", "папка рабочего места"),
        "missing": "embassy-desk contact log: ошибка: не указаны обязательные аргументы: "
        "citizen_id, --channel, --outcome",
        "choice": "embassy-desk: ошибка: аргумент COMMAND: недопустимый вариант: 'bogus' (выберите из ",
    },
    "kk_KZ.UTF-8": {
        "usage": "қолданылуы: embassy-desk",
        "help": (
            "позициялық аргументтер:",
            "параметрлер:",
            "осы анықтаманы көрсету және шығу",
            "байланыс журналы",
        ),
        "log_help": ("outgoing (шығыс) немесе incoming (кіріс)", "жұмыс орнының қалтасы"),
        "missing": "embassy-desk contact log: қате: міндетті аргументтер берілмеген: "
        "citizen_id, --channel, --outcome",
        "choice": "embassy-desk: қате: COMMAND аргументі: жарамсыз нұсқа: 'bogus' "
        "(мыналардың бірін таңдаңыз: ",
    },
}


@pytest.mark.parametrize("lang", list(LOCAL))
def test_help_and_usage_errors_in_russian_and_kazakh(lang: str) -> None:
    expected = LOCAL[lang]
    top = run(lang, "--help")
    assert top.returncode == 0, top.stderr
    assert top.stdout.startswith(expected["usage"])
    assert all(word in flat(top.stdout) for word in expected["help"]), top.stdout
    assert not _english_left(top.stdout), top.stdout

    log_help = run(lang, "contact", "log", "--help")
    assert log_help.returncode == 0, log_help.stderr
    assert all(word in flat(log_help.stdout) for word in expected["log_help"]), log_help.stdout
    assert not _english_left(log_help.stdout), log_help.stdout

    missing = run(lang, "contact", "log")
    assert missing.returncode == 2
    assert expected["missing"] in missing.stderr.splitlines(), missing.stderr
    assert not _english_left(missing.stderr), missing.stderr

    choice = run(lang, "bogus")
    assert choice.returncode == 2
    assert expected["choice"] in choice.stderr, choice.stderr
    assert not _english_left(choice.stderr), choice.stderr


@pytest.mark.parametrize("lang", ["C", "de_DE.UTF-8"])
def test_help_and_usage_errors_stay_english_otherwise(lang: str) -> None:
    top = run(lang, "contact", "log", "--help")
    assert top.returncode == 0, top.stderr
    assert top.stdout.startswith("usage: embassy-desk contact log")
    assert "outgoing or incoming" in flat(top.stdout)
    assert "show this help message and exit" in flat(top.stdout)
    missing = run(lang, "contact", "log")
    assert missing.returncode == 2
    assert (
        "embassy-desk contact log: error: the following arguments are required: "
        "citizen_id, --channel, --outcome" in missing.stderr.splitlines()
    )


@pytest.mark.parametrize("lang", ["ru_RU.UTF-8", "kk_KZ.UTF-8", "C"])
def test_a_secret_is_never_echoed_in_any_language(lang: str) -> None:
    done = run(lang, "search", "x", "--passphrase", "HUNTER2-SECRET")
    assert done.returncode == 2
    assert "HUNTER2-SECRET" not in done.stderr + done.stdout
    assert "<hidden>" in done.stderr
