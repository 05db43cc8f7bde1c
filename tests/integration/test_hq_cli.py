"""`embassy-desk hq ...` through the command line's own entry point, on SQLite and PostgreSQL:
set-up, posts, enrollment codes, devices, revocation, statistics, publications, bundles, exit codes
and messages."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select

from embassy_desk.cli.main import main
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.database import head_revision
from embassy_desk.hq.keys import BUNDLE_KEY_FILE, SIGNING_KEY_FILE
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import entries
from embassy_desk.sync import bundle, wire
from embassy_desk.sync import keys as sync_keys
from tests.hq_db import _empty_pg as empty_pg
from tests.hq_db import hq_backend, pg_session_url

__all__ = ["hq_backend", "pg_session_url"]  # fixtures used here

POST = "KZ-SEL"
CODE_LINE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$")


class Hq:
    """Runs `embassy-desk hq ...` in this process with --hq-dir/--db from the environment."""

    def __init__(self, capsys: pytest.CaptureFixture[str], root: Path) -> None:
        self.capsys = capsys
        self.root = root

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["hq", *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, err
        return out

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def store(self) -> HQStore:
        return HQConfig.resolve().open_store()


@pytest.fixture
def hq(
    hq_backend: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Hq:
    root = tmp_path / "hq"
    monkeypatch.setenv("EMBASSY_DESK_HQ_DIR", str(root))
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("EMBASSY_DESK_HQ_DB", raising=False)
    if hq_backend == "postgresql":
        url = str(request.getfixturevalue("pg_session_url"))
        empty_pg(url)
        monkeypatch.setenv("EMBASSY_DESK_HQ_DB", url)
    return Hq(capsys, root)


def enroll(hq: Hq, code: str) -> tuple[str, Any, Any]:
    signing, bundle_key = sync_keys.new_signing_key(), sync_keys.new_bundle_key()
    device_id = uuid7()
    store = hq.store()
    try:
        store.enroll(
            wire.EnrollRequest(
                protocol=1,
                schema_version=2,
                code=code,
                device_id=device_id,
                signing_key=sync_keys.public_b64(signing),
                bundle_key=sync_keys.public_b64(bundle_key),
            )
        )
    finally:
        store.close()
    return device_id, signing, bundle_key


def test_set_up_posts_codes_devices_revoke_and_stats(hq: Hq) -> None:
    assert "HQ is ready" in hq.ok("init")
    for name in (SIGNING_KEY_FILE, BUNDLE_KEY_FILE):
        assert stat.S_IMODE(os.stat(hq.root / name).st_mode) == 0o600
    assert "already there" in hq.ok("init")  # a second init keeps the keys
    hq.ok("post", "add", POST, "--name", "Embassy of Kazakhstan in Seoul (test)")
    hq.ok("post", "add", "KZ-ALA", "--name", "Consulate in Almaty (test)")
    assert hq.run("post", "add", POST, "--name", "again")[0] == 6
    assert [p["code"] for p in hq.json("posts")] == ["KZ-ALA", POST]
    out = hq.ok("enroll-code", "--post", POST)
    code = out.strip().splitlines()[-1]
    assert CODE_LINE.fullmatch(code), out
    device_id, _s, _b = enroll(hq, code)
    (device,) = hq.json("devices")
    assert set(device) >= {"post", "device", "enrolled_at", "last_sync", "audit_chain", "revoked"}
    assert (device["post"], device["device"], device["audit_chain"], device["revoked"]) == (
        POST,
        device_id,
        "ok",
        False,
    )
    figures = hq.json("stats", "--post", POST)
    # The keys before the console stay first and unchanged (the console's keys follow).
    assert list(figures)[:6] == ["post", "citizens", "welfare", "open_cases", "contacts_24h", "devices"]
    assert figures["post"] == POST and figures["devices"][0]["device"] == device_id
    every = hq.json("stats")
    assert [f["post"] for f in every] == ["KZ-ALA", POST]
    assert all(list(f) == list(figures) for f in every)
    header, *lines = hq.ok("stats").splitlines()
    assert "checkins" in header.split() and lines[1].startswith(POST)
    assert "revoked" in hq.ok("revoke", device_id)
    assert hq.json("devices")[0]["revoked"] is True
    assert hq.run("revoke", "no-such-device")[0] == 2
    assert hq.run("enroll-code", "--post", "XX-NONE")[0] == 2
    assert hq.run("stats", "--post", "XX-NONE")[0] == 2


def test_without_an_hq_folder_or_before_init_the_commands_say_what_to_do(
    hq: Hq, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _out, err = hq.run("posts")
    assert code == 2 and "hq init" in err
    monkeypatch.delenv("EMBASSY_DESK_HQ_DIR")
    code, _out, err = hq.run("posts")
    assert code == 2 and "EMBASSY_DESK_HQ_DIR" in err
    monkeypatch.setenv("LANGUAGE", "ru")
    code, _out, err = hq.run("posts")
    assert code == 2 and "штаб-квартир" in err


def test_publish_an_advisory_and_a_template(hq: Hq, tmp_path: Path) -> None:
    hq.ok("init")
    hq.ok("post", "add", POST, "--name", "Seoul (test)")
    hq.ok("post", "add", "KZ-ALA", "--name", "Almaty (test)")
    out = hq.ok(
        "publish",
        "--all",
        "--title-en",
        "Storm",
        "--text-en",
        "Stay indoors.",
        "--title-ru",
        "Шторм",
        "--text-ru",
        "Оставайтесь дома.",
    )
    assert "KZ-ALA, KZ-SEL" in out
    template = tmp_path / "welfare_check.toml"
    template.write_text('id = "welfare_check"\nversion = 3\nlanguage = "ru"\n', encoding="utf-8")
    hq.ok("publish", "--post", POST, "--template", str(template))
    store = hq.store()
    try:
        with store.engine.connect() as conn:
            fields = [
                orjson.loads(f)
                for f in conn.execute(select(entries.c.fields).order_by(entries.c.seq)).scalars()
            ]
    finally:
        store.close()
    published = [f for f in fields if f["kind"] == "template"]
    assert published[0]["body"]["template"] == "welfare_check" and published[0]["body"]["version"] == 3
    assert published[0]["title"] == {"en": "welfare_check v3 (ru)"}
    not_toml = tmp_path / "notes.txt"
    not_toml.write_text("just words", encoding="utf-8")
    assert hq.run("publish", "--post", POST, "--template", str(not_toml))[0] == 2
    assert hq.run("publish", "--post", POST, "--title-en", "No text")[0] == 2
    assert hq.run("publish", "--post", "XX-NONE", "--title-en", "t", "--text-en", "x")[0] == 2
    assert [p["last_seq"] for p in hq.json("posts")] == [1, 2]


def device_bundle(hq: Hq, device_id: str, signing: Any, number: int, prev: str) -> bytes:
    store = hq.store()
    try:
        hq_key = store.keys.bundle.public_key()
    finally:
        store.close()
    item = wire.Entry(
        id=uuid7(),
        entity="citizen",
        record_id=uuid7(),
        op="create",
        fields={"surname": "Тест"},
        hlc=f"{1765000000000 + number:013d}-00000-{device_id}",
        staff="s",
        schema_version=2,
    )
    request = wire.PushRequest(protocol=1, schema_version=2, entries=[item], through=number)
    header = bundle.BundleHeader(
        format=1,
        kind="device",
        sender=device_id,
        post=POST,
        number=number,
        prev_hash=prev,
        first_seq=number,
        last_seq=number,
        created_at="2026-12-06T00:00:00Z",
        protocol=1,
        schema_version=2,
    )
    return bundle.write_bundle(
        orjson.dumps(request.model_dump(mode="json")),
        header=header,
        signer=signing,
        recipients=[("hq", hq_key)],
    )


def test_bundles_both_ways_with_exit_codes(hq: Hq, tmp_path: Path) -> None:
    hq.ok("init")
    hq.ok("post", "add", POST, "--name", "Seoul (test)")
    device_id, signing, bundle_key = enroll(hq, hq.ok("enroll-code", "--post", POST).splitlines()[-1])
    first = device_bundle(hq, device_id, signing, 1, "")
    second = device_bundle(hq, device_id, signing, 2, bundle.bundle_digest(first))
    files = {}
    for name, data in (
        ("1", first),
        ("2", second),
        ("bad", first[:-70] + bytes([first[-70] ^ 1]) + first[-69:]),
    ):
        files[name] = tmp_path / f"{name}.bundle"
        files[name].write_bytes(data)
    code, _out, err = hq.run("import-bundle", str(files["bad"]))
    assert code == 4, err
    code, _out, err = hq.run("import-bundle", str(files["2"]))
    assert code == 2 and "bundle 1 is missing" in err
    assert hq.json("posts")[0]["last_seq"] == 0  # refusals changed nothing
    assert "imported" in hq.ok("import-bundle", str(files["1"]))
    assert "imported before" in hq.ok("import-bundle", str(files["1"]))
    hq.ok("import-bundle", str(files["2"]))
    assert hq.json("posts")[0]["last_seq"] == 2
    out_file = tmp_path / "to-post.bundle"
    assert "Bundle 1 for KZ-SEL" in hq.ok("export-bundle", "--post", POST, str(out_file))
    store = hq.store()
    try:
        hq_public = store.keys.signing.public_key()
    finally:
        store.close()
    header, payload = bundle.read_bundle(
        out_file.read_bytes(),
        verify_key=lambda h: hq_public,
        recipient_id=device_id,
        recipient_key=bundle_key,
    )
    body = orjson.loads(payload)
    assert header.number == 1 and len(body["entries"]) == 2
    assert body["acks"][device_id] == {"through": 2, "bundle": 2}
    assert hq.run("import-bundle", str(tmp_path / "missing.bundle"))[0] == 2


def test_migrate_brings_the_database_to_the_head(hq: Hq, hq_backend: str) -> None:
    if hq_backend == "sqlite":
        assert hq.run("migrate")[0] == 2  # no HQ folder yet: `hq init` first
        hq.ok("init")
    assert f"schema {head_revision()}" in hq.ok("migrate")


def test_the_enrollment_code_is_the_last_line_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "EMBASSY_DESK_HQ_DIR": str(tmp_path / "hq"), "LANGUAGE": "kk"}
    env.pop("EMBASSY_DESK_HQ_DB", None)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "embassy_desk", "hq", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    assert cli("init").returncode == 0
    assert cli("post", "add", POST, "--name", "Seoul (test)").returncode == 0
    done = cli("enroll-code", "--post", POST)
    assert done.returncode == 0 and CODE_LINE.fullmatch(done.stdout.strip().splitlines()[-1])
    assert "тіркеу коды" in done.stdout  # the text before it is in the locale's language
