"""HQ console benchmark: the overview page for 100 posts and 3,000,000 citizens on PostgreSQL, beside
the raw SQL of the same figures.

    python3 dev.py bench --only hq-console            # 3,000,000 citizens
    python3 dev.py bench --only hq-console --quick    # 300,000: a smoke run

A synthetic HQ database is made in a fresh PostgreSQL database (127.0.0.1:5432, dropped at the end)
and migrated to head; then, not timed: 100 posts of unequal size, the citizens' ``records`` rows
written with psycopg ``COPY`` (small but valid record states; 1 % deleted), ~30,000 cases and
~300,000 contacts spread over 72 hours, 2-5 devices per post (a few stale, a few with a broken audit
chain), ``welfare_counts`` filled by one INSERT ... SELECT ... GROUP BY (what the push keeps), the
indexes built after the load and ANALYZE.

Measured (p95 of 30 runs after 3 warm-up runs):
* ours: ``GET /console/`` through the real app (starlette TestClient, a signed-in admin's session:
  session lookup, hq/stats.py's queries, the table, the SVG chart, the page);
* baseline: the raw SQL of the same figures without the counters: welfare by GROUP BY over the
  citizens' records, open cases by priority, contacts in 24 h (three statements on one psycopg
  connection). Ratio = ours / raw.
Goal (issue 13): overview <= 300 ms p95.
"""

from __future__ import annotations

import io
import random
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from bench_report import Line, percentile
from bench_sync import postgres_database

from embassy_desk.hq.clock import iso
from embassy_desk.sync import merge

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname={name}"
POSTS = 100
CITIZENS = 3_000_000
QUICK_CITIZENS = 300_000
CASES = 30_000
CONTACTS = 300_000
RUNS = 30
WARMUP = 3
GOAL_P95_MS = 300.0
STATUSES = (
    ("safe", 0.55),
    ("needs_assistance", 0.05),
    ("unreachable", 0.08),
    ("unknown", 0.27),
    ("evacuated", 0.05),
)
PRIORITIES = ("low", "normal", "normal", "normal", "high", "urgent")
DIGEST = "0" * 64
RAW_SQL = (
    "SELECT post, COALESCE(welfare_status, 'unknown'), count(*) FROM records "
    "WHERE entity = 'citizen' AND deleted = false GROUP BY 1, 2",
    "SELECT post, priority, count(*) FROM records WHERE entity = 'case' AND deleted = false "
    "AND (status IS NULL OR status <> 'closed') GROUP BY 1, 2",
    "SELECT post, count(*) FROM records WHERE entity = 'contact' AND deleted = false AND at >= %s GROUP BY 1",
)


def _state(values: dict[str, Any]) -> str:
    return merge.RecordState(values=values, writers={"*": "staff-1"}).to_json()


def _post_sizes(total: int, rng: random.Random) -> list[int]:
    # Unequal posts (a few large embassies, many small consulates), summing to ``total``.
    weights = [rng.paretovariate(1.2) for _ in range(POSTS)]
    scale = total / sum(weights)
    sizes = [max(50, int(w * scale)) for w in weights]
    sizes[0] += total - sum(sizes)
    if sizes[0] < 50:
        raise RuntimeError("post sizes do not add up")
    return sizes


def _copy(raw: Any, table: str, columns: str, lines: io.StringIO) -> None:
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(lines.getvalue())


def build(name: str, citizens: int, now: datetime, say: Any) -> dict[str, Any]:
    """The synthetic HQ database (see the module docstring); returns what it holds."""
    import psycopg

    from embassy_desk.hq.database import make_engine, upgrade

    engine = make_engine(PG_URL.format(name=name))
    upgrade(engine)
    engine.dispose()
    rng = random.Random(13)
    sizes = _post_sizes(citizens, rng)
    codes = [f"BP-{i:03d}" for i in range(POSTS)]
    start = time.perf_counter()
    states = {s: _state({"surname": "Test", "welfare_status": s}) for s, _ in STATUSES if s != "unknown"}
    states["unknown"] = _state({"surname": "Test"})
    weights = [w for _, w in STATUSES]
    names = [s for s, _ in STATUSES]
    gone = merge.RecordState(deleted=True, deleted_hlc="1", writers={"*": "staff-1"}).to_json()
    with psycopg.connect(PG_DSN.format(name=name), autocommit=False) as raw:
        raw.execute("SET maintenance_work_mem = '512MB'")
        posts = io.StringIO()
        for code in codes:
            posts.write(f"{code}\tBenchmark post {code}\t{iso(now - timedelta(days=30))}\n")
        _copy(raw, "posts", "code, name, created_at", posts)
        # Secondary indexes, the key and the post's foreign key are built after the load (one sorted
        # build each instead of 3 million inserts into them).
        rebuild = [
            f'ALTER TABLE records ADD CONSTRAINT "{c}" {d}'
            for c, d in raw.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = 'records'::regclass ORDER BY contype DESC"
            ).fetchall()
        ]
        indexes = raw.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'records' "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'records'::regclass)"
        ).fetchall()
        for constraint in raw.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'records'::regclass ORDER BY contype"
        ).fetchall():
            raw.execute(f'ALTER TABLE records DROP CONSTRAINT "{constraint[0]}"')
        for index_name, _ in indexes:
            raw.execute(f'DROP INDEX "{index_name}"')
        columns = (
            "post, entity, record_id, state, deleted, welfare_status, status, priority, at, updated_seq, "
        )
        columns += "digest"
        people: list[list[str]] = []
        for p, (code, size) in enumerate(zip(codes, sizes, strict=True)):
            chunk = io.StringIO()
            statuses = rng.choices(names, weights, k=size)
            ids = [f"c{p:03d}-{i:07d}" for i in range(size)]
            people.append(ids[:1000])
            for i, (record_id, status) in enumerate(zip(ids, statuses, strict=True)):
                if i % 100 == 99:  # 1 % deleted
                    chunk.write(
                        f"{code}\tcitizen\t{record_id}\t{gone}\tt\t\\N\t\\N\t\\N\t\\N\t{i + 1}\t{DIGEST}\n"
                    )
                    continue
                welfare = "\\N" if status == "unknown" else status
                tail = "\t\\N\t\\N\t\\N\t"
                chunk.write(
                    f"{code}\tcitizen\t{record_id}\t{states[status]}\tf\t{welfare}{tail}{i + 1}\t{DIGEST}\n"
                )
            _copy(raw, "records", columns, chunk)
            if p % 20 == 19:
                say(f"  ... {sum(sizes[: p + 1]):,} citizens")
        chunk = io.StringIO()
        for n in range(CASES):
            p = rng.randrange(POSTS)
            person = rng.choice(people[p])
            status = "closed" if rng.random() < 0.2 else rng.choice(("open", "in_progress"))
            priority = rng.choice(PRIORITIES)
            state = _state({"citizen_id": person, "status": status, "priority": priority, "kind": "other"})
            chunk.write(
                f"{codes[p]}\tcase\tk{n:07d}\t{state}\tf\t\\N\t{status}\t{priority}\t\\N\t{n + 1}\t{DIGEST}\n"
            )
        for n in range(CONTACTS):
            p = rng.randrange(POSTS)
            at = iso(now - timedelta(seconds=rng.uniform(0, 72 * 3600)))
            state = _state({"citizen_id": rng.choice(people[p]), "at": at, "channel": "phone"})
            chunk.write(
                f"{codes[p]}\tcontact\tt{n:07d}\t{state}\tf\t\\N\t\\N\t\\N\t{at}\t{n + 1}\t{DIGEST}\n"
            )
        _copy(raw, "records", columns, chunk)
        load_s = time.perf_counter() - start
        say(f"  records written in {load_s:.1f} s; building the key and indexes ...")
        for statement in rebuild:
            raw.execute(statement)
        for _, definition in indexes:
            raw.execute(definition)
        raw.execute(
            "INSERT INTO welfare_counts (post, status, count) "
            "SELECT post, COALESCE(welfare_status, 'unknown'), count(*) FROM records "
            "WHERE entity = 'citizen' AND deleted = false GROUP BY 1, 2"
        )
        devices = io.StringIO()
        count = 0
        for p, code in enumerate(codes):
            for d in range(rng.randint(2, 5)):
                count += 1
                # Every 10th post has gone quiet (last sync 5-30 h ago); one in 25 devices' chains broke.
                hours = rng.uniform(5, 30) if p % 10 == 3 else rng.uniform(0, 1)
                last = iso(now - timedelta(hours=hours))
                chain = "break at seq 12" if count % 25 == 0 else "ok"
                revoked = iso(now - timedelta(days=2)) if d == 4 else "\\N"
                devices.write(
                    f"dev-{code}-{d}\t{code}\tdesk {d + 1}\t{'A' * 43}=\t{'B' * 43}=\t"
                    f"{iso(now - timedelta(days=20))}\t{revoked}\t{last}\t{chain}\n"
                )
        _copy(
            raw,
            "devices",
            "id, post, name, signing_key, bundle_key, enrolled_at, revoked_at, last_sync_at, audit_state",
            devices,
        )
        raw.commit()
    with psycopg.connect(PG_DSN.format(name=name), autocommit=True) as raw:
        raw.execute("VACUUM ANALYZE")
    return {"posts": POSTS, "citizens": citizens, "cases": CASES, "contacts": CONTACTS, "devices": count}


def _p95_ms(samples: list[float]) -> float:
    return percentile(sorted(s * 1000 for s in samples), 95)


def measure_overview(name: str, say: Any) -> tuple[list[float], dict[str, Any]]:
    """``GET /console/`` through the real app with a signed-in admin: the timings and the totals."""
    from fastapi.testclient import TestClient

    from embassy_desk.hq.app import create_app
    from embassy_desk.hq.console.model import OperatorRole
    from embassy_desk.hq.console.operators import add_operator
    from embassy_desk.hq.console.sessions import cookie_name, create_session
    from embassy_desk.hq.console.settings import ConsoleSettings
    from embassy_desk.hq.database import make_engine
    from embassy_desk.hq.keys import HQKeys
    from embassy_desk.hq.store import HQStore
    from embassy_desk.sync import keys as sync_keys

    settings = ConsoleSettings(secure_cookies=False)
    store = HQStore(
        make_engine(PG_URL.format(name=name)), HQKeys(sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    )
    try:
        add_operator(store.engine, "bench-admin", OperatorRole.ADMIN, secrets.token_urlsafe(16))
        token, _csrf = create_session(store.engine, "bench-admin", settings, datetime.now(UTC))
        with TestClient(create_app(store, console=settings), base_url="http://127.0.0.1") as client:
            client.cookies.set(cookie_name(settings), token)
            samples: list[float] = []
            for run in range(WARMUP + RUNS):
                started = time.perf_counter()
                page = client.get("/console/")
                elapsed = time.perf_counter() - started
                if page.status_code != 200 or "overview-table" not in page.text:
                    raise RuntimeError(f"overview answered {page.status_code}")
                if run >= WARMUP:
                    samples.append(elapsed)
            totals = client.get("/console/api/overview").json()["totals"]
            size = len(page.content)
    finally:
        store.close()
    say(f"  overview: {size / 1024:.0f} KiB of HTML")
    return samples, totals


def measure_raw(name: str, now: datetime) -> tuple[list[float], int]:
    """The three raw GROUP BY statements of the same figures; timings and the citizens they count."""
    import psycopg

    since = iso(now - timedelta(hours=24))
    samples: list[float] = []
    citizens = 0
    with psycopg.connect(PG_DSN.format(name=name), autocommit=True) as raw:
        for run in range(WARMUP + RUNS):
            started = time.perf_counter()
            welfare = raw.execute(RAW_SQL[0]).fetchall()
            raw.execute(RAW_SQL[1]).fetchall()
            raw.execute(RAW_SQL[2], (since,)).fetchall()
            elapsed = time.perf_counter() - started
            if run >= WARMUP:
                samples.append(elapsed)
            citizens = sum(int(row[2]) for row in welfare)
    return samples, citizens


def phase_hq_console(bench: Any) -> None:
    citizens = QUICK_CITIZENS if bench.args.quick else CITIZENS
    now = datetime.now(UTC)
    with bench.phase("hq-console") as data, postgres_database() as db_name:
        bench.say(f"building a synthetic HQ: {POSTS} posts, {citizens:,} citizens (not timed) ...")
        started = time.perf_counter()
        held = build(db_name, citizens, now, bench.say)
        build_s = time.perf_counter() - started
        bench.say(f"  built in {build_s:.0f} s: {held}")
        ours, totals = measure_overview(db_name, bench.say)
        raw, raw_citizens = measure_raw(db_name, now)
        ours_p95, raw_p95 = _p95_ms(ours), _p95_ms(raw)
        ours_median = percentile(sorted(s * 1000 for s in ours), 50)
        if totals["citizens"] != raw_citizens:
            raise RuntimeError(f"the overview counts {totals['citizens']:,}, the raw SQL {raw_citizens:,}")
        bench.say(
            f"overview p95 {ours_p95:.1f} ms (median {ours_median:.1f}); raw SQL p95 {raw_p95:.1f} ms; "
            f"citizens {totals['citizens']:,}, open cases {totals['open_cases']:,}, "
            f"contacts 24 h {totals['contacts_24h']:,}, stale posts {totals['stale']}"
        )
        data.update(
            {
                "held": held,
                "build_seconds": round(build_s, 1),
                "overview_ms": {
                    "p95": round(ours_p95, 2),
                    "median": round(ours_median, 2),
                    "runs": len(ours),
                },
                "raw_sql_ms": {"p95": round(raw_p95, 2), "runs": len(raw)},
                "totals": totals,
            }
        )
        bench.lines.append(
            Line(
                f"hq console: overview, {POSTS} posts, {citizens:,} citizens (p95 of {RUNS})",
                f"{ours_p95:.0f} ms",
                f"{raw_p95:.0f} ms raw GROUP BY",
                ours_p95 / raw_p95,
                f"<= {GOAL_P95_MS:.0f} ms",
                ours_p95 <= GOAL_P95_MS,
            )
        )
