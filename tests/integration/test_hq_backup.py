"""HQ's backup and restore as docs/hq.md ("Backups") tells the administrator: ``pg_dump --format=custom``
of the database plus a copy of the HQ folder (the keys), ``pg_restore`` into a new, empty database.

Real PostgreSQL, real ``hq serve``, a real encrypted workstation. The restored HQ must hold exactly
what the original held (every table, row for row; ``hq posts``, ``hq devices`` and ``hq stats --json``
alike; HQ's audit chain intact) and the workstation must keep syncing with it, as must a workstation
enrolled after the restore (its enrollment is signed with the restored key).

Skipped without PostgreSQL or ``pg_dump``/``pg_restore``, unless ``CI=true``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from embassy_desk.hq import audit
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.tables import metadata
from tests.sync_harness import Hq, Workstation, assert_converged, hq_summary, letters, postgres_url

POST, POST_NAME = "KZ-BAK", "Embassy in Backupville"


def _client_tool(name: str) -> str:
    """The newest ``pg_dump`` / ``pg_restore`` of this machine (Debian keeps them per major version
    under /usr/lib/postgresql/N/bin; /usr/bin has a wrapper choosing one)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    found = str(versions[-1]) if versions else shutil.which(name)
    if found is None:
        message = f"{name} is not installed (Debian: apt install postgresql-client)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _libpq(url: str) -> str:
    """The libpq form of an SQLAlchemy URL (what pg_dump and pg_restore take as --dbname)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def _tool(argv: list[str], *, stdin: Path | None = None, stdout: Path | None = None) -> None:
    """Run a PostgreSQL client as docs/hq.md does: the dump written to, or read from, a redirection."""
    with contextlib.ExitStack() as files:
        source = files.enter_context(stdin.open("rb")) if stdin else subprocess.DEVNULL
        target = files.enter_context(stdout.open("wb")) if stdout else subprocess.DEVNULL
        done = subprocess.run(argv, stdin=source, stdout=target, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 0, f"{argv[0]} -> {done.returncode}: {done.stderr.decode(errors='replace')}"


def _tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every HQ table's rows in primary-key order, and the schema revision."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = {
                table.name: [
                    tuple(r)
                    for r in conn.execute(
                        select(table).order_by(*(list(table.primary_key.columns) or table.columns))
                    )
                ]
                for table in metadata.sorted_tables
            }
            rows["hq_alembic_version"] = [
                tuple(r) for r in conn.exec_driver_sql("SELECT version_num FROM hq_alembic_version")
            ]
            chain = audit.verify(conn)
    finally:
        engine.dispose()
    assert chain.ok, f"HQ's audit chain broken at {chain.broken_at}"
    return rows


def _views(server: Hq) -> dict[str, Any]:
    """What the administrator sees: posts, devices and the statistics."""
    return {
        "posts": json.loads(server.cli("posts", "--json").stdout),
        "devices": server.devices(),
        "stats": json.loads(server.cli("stats", "--json").stdout),
    }


def _people(ws: Workstation, count: int, tag: str) -> list[str]:
    """Citizens with a welfare contact each, and a case for the first (figures for ``hq stats``)."""
    from embassy_desk.services import cases, contacts

    ids = [
        ws.add_citizen(
            allow_duplicate=True,
            surname=f"Резерв{tag}{letters(i)}",
            given_names="Айгерим",
            sex="F",
            birth_date=f"19{70 + i}-0{1 + i % 9}-1{i % 10}",
            region="Seoul",
        )
        for i in range(count)
    ]
    with ws.session() as session:
        for number, citizen in enumerate(ids):
            welfare = "safe" if number % 2 == 0 else "needs_assistance"
            contacts.log_contact(session, citizen, channel="phone", outcome="reached", welfare=welfare)
        cases.open_case(session, ids[0], kind="medical", summary="Synthetic case", priority="high")
    return ids


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    """Two fresh PostgreSQL databases: HQ's, and the empty one the backup is restored into."""
    with postgres_url() as original, postgres_url() as restored:
        yield original, restored


def test_pg_dump_and_restore_keep_everything_and_syncing_goes_on(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    pg_dump, pg_restore = _client_tool("pg_dump"), _client_tool("pg_restore")
    original_url, restored_url = databases
    server = Hq(tmp_path / "original", original_url).init()
    server.add_post(POST, POST_NAME)
    restored: Hq | None = None
    try:
        server.start()
        ws = Workstation(tmp_path / "ws1", POST_NAME)
        server.enroll(ws, POST)
        _people(ws, 5, "до")
        assert ws.sync()["verified"]

        # The backup, with HQ running (pg_dump reads one consistent snapshot): the database and the
        # HQ folder with its keys.
        backup = tmp_path / "backup"
        backup.mkdir()
        dump = backup / "embassy_hq.dump"
        _tool([pg_dump, "--format=custom", f"--dbname={_libpq(original_url)}"], stdout=dump)
        shutil.copytree(server.hq_dir, backup / "hq")
        before, seen = _tables(original_url), _views(server)
        assert seen["posts"] and seen["devices"] and seen["stats"]

        # The restore on a "new server": the HQ folder from the backup, the dump into an empty
        # database; HQ comes back on the address the workstation knows.
        server.kill()
        _tool([pg_restore, "--exit-on-error", f"--dbname={_libpq(restored_url)}"], stdin=dump)
        shutil.copytree(backup / "hq", tmp_path / "restored" / "hq")
        restored = Hq(tmp_path / "restored", restored_url)
        restored.port = server.port  # server's front proxy (the workstation's HQ URL) forwards here
        restored.cli("migrate")  # what an upgrade would run: nothing to do at the same version
        restored.start()
        assert _tables(restored_url) == before
        assert _views(restored) == seen

        # Syncing goes on: the old workstation sends new records and verifies, and a workstation
        # enrolled now gets everything of its post.
        _people(ws, 2, "после")
        assert ws.sync()["verified"]
        late = Workstation(tmp_path / "ws2", POST_NAME)
        restored.enroll(late, POST, url=server.url)
        assert late.sync()["verified"]
        assert ws.sync()["verified"]
        shots = assert_converged(hq_summary(ws), ws, late)
        assert shots[0].counts["citizen"] == 7
        devices = restored.devices()
        assert len(devices) == 2 and all(d["audit_chain"] == "ok" for d in devices), devices
        assert _tables(restored_url)["hq_audit"][: len(before["hq_audit"])] == before["hq_audit"]
    finally:
        if restored is not None:
            restored.stop()
        server.stop()
