"""The command line speaks the language of LANGUAGE / LC_ALL / LANG: messages, errors, import reports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE


def run(paths: WorkstationPaths, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    env.update(
        {
            "LANG": lang,
            "EMBASSY_DESK_USER": "admin",
            "EMBASSY_DESK_PASSPHRASE": ADMIN_PASSPHRASE,
            "PYTHONIOENCODING": "utf-8",
            "QT_QPA_PLATFORM": "",
        }
    )
    env.pop("EMBASSY_DESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "embassy_desk", "--data-dir", str(paths.root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(
        "Фамилия,Имя,Дата рождения,Телефон\n"
        "Абенова,Мадина,01.02.1999,010-1111-2222\n"
        "Жаксылыков,,31.02.1999,12\n",
        encoding="utf-8",
    )
    return path


EXPECTED = {
    "ru_RU.UTF-8": (
        "Было бы импортировано строк: 1 (пробный прогон, ничего не изменено); отклонено: 1.",
        "строка 3: Дата рождения: '31.02.1999' — не дата; пишите ДД.ММ.ГГГГ или ГГГГ-ММ-ДД; "
        "Имя: обязательное поле",
        "embassy-desk: нет гражданина с идентификатором no-such-id",
    ),
    "kk_KZ.UTF-8": (
        "Импортталар еді: 1 жол (сынақ, ештеңе өзгертілмеді); қабылданбағаны: 1.",
        "3-жол: Туған күні: '31.02.1999' күн емес; КК.АА.ЖЖЖЖ немесе ЖЖЖЖ-АА-КК түрінде жазыңыз; "
        "Аты: міндетті өріс",
        "embassy-desk: no-such-id идентификаторы бар азамат жоқ",
    ),
    "de_DE.UTF-8": (
        "1 rows would be imported (dry run, nothing changed); 1 rejected.",
        "row 3: birth_date: '31.02.1999' is not a date; use YYYY-MM-DD or DD.MM.YYYY; "
        "given_names: is required",
        "embassy-desk: no citizen with id no-such-id",
    ),
}


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_import_report_and_errors_in_the_locale_language(
    paths: WorkstationPaths, tmp_path: Path, lang: str
) -> None:
    summary, row, missing = EXPECTED[lang]
    dry = run(paths, lang, "import", "citizens", str(_list(tmp_path)), "--dry-run")
    assert dry.returncode == 7, dry.stderr
    lines = dry.stdout.splitlines()
    assert summary in lines, dry.stdout
    assert any(line.startswith(row) for line in lines), dry.stdout
    shown = run(paths, lang, "citizen", "show", "no-such-id")
    assert shown.returncode == 2
    assert shown.stderr.strip() == missing


def test_answers_name_values_and_dates_in_russian(paths: WorkstationPaths) -> None:
    import re

    from embassy_desk.services import registry
    from embassy_desk.services.workstation import unlock
    from tests.conftest import aigerim

    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        citizen_id = registry.register_citizen(session, aigerim()).id
    finally:
        session.lock()
    logged = run(
        paths, "ru_RU.UTF-8", "contact", "log", citizen_id, "--channel", "phone", "--outcome", "no_answer"
    )
    assert logged.returncode == 0, logged.stderr
    assert re.fullmatch(r"Записано: нет ответа, звонок, \d\d\.\d\d\.\d{4} \d\d:\d\d\.\n", logged.stdout), (
        logged.stdout
    )
