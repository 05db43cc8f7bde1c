"""Promise 5 for ordinary commands: a damaged database answers exit 4 and one plain line.

Issue 10, defect 1: with one byte of ``registry.db`` flipped, ``check`` said exit 4 but ``search``,
``citizen add`` and ``backup create`` said exit 1 "unexpected error (DatabaseError)", and SQLCipher's
"ERROR CORE …" lines reached stderr.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.integration.test_cli import Cli

FLIPPED_OFFSET = 5000


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("damaged") / "ws")
    done = cli("init", "--post-name", "Embassy (test)", "--admin", "admin", "--kdf-target-ms", "50")
    assert done.returncode == 0, done.stderr
    person = {
        "surname": "Нурланова",
        "given_names": "Айгерим",
        "sex": "F",
        "birth_date": "1998-03-14",
        "national_id": "980314400046",
        "passport_number": "N12345678",
        "purpose_of_stay": "study",
        "region": "Seoul",
        "phone": "010-1234-5678",
    }
    done = cli("citizen", "add", "--json", "-", stdin=json.dumps(person, ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    db = cli.data_dir / "registry.db"
    data = bytearray(db.read_bytes())
    data[FLIPPED_OFFSET] ^= 0x01
    db.write_bytes(bytes(data))
    return cli


def _assert_plain_damage_answer(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 4, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "altered or damaged" in lines[0]
    assert lines[0].startswith("embassy-desk: ")
    for noise in ("ERROR", "CORE", "sqlcipher", "hmac", "Traceback", "DatabaseError", "unexpected"):
        assert noise not in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("search", "Nurlanova"),
        ("citizen", "add", "--json", "-"),
        ("backup", "create", "BACKUP"),
        ("check",),
        ("audit", "verify"),
    ],
)
def test_every_command_on_a_damaged_file_answers_exit_4_in_one_plain_line(
    damaged: Cli, tmp_path: Path, args: tuple[str, ...]
) -> None:
    argv = [str(tmp_path / "b.edbk") if a == "BACKUP" else a for a in args]
    stdin = json.dumps({"surname": "Сапаров", "given_names": "Ерлан", "sex": "M"}, ensure_ascii=False)
    done = damaged(*argv, stdin=stdin)
    _assert_plain_damage_answer(done)
    assert not (tmp_path / "b.edbk").exists()
