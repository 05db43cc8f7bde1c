"""Crisis benchmark on the 1,000,000-citizen post (issue 12), each figure beside a raw SQL baseline.

    python3 dev.py bench --only crisis [--keep /var/tmp/bench]

The registry the other phases build (``ensure_registry``: the demo generator's citizens, imported) is
copied, so the kept one stays as it was. On the copy:

* campaign: ``campaigns.create_campaign`` over two regions (about 110,000 people) split between two
  officers, three times; baseline: one ``INSERT INTO campaign_targets ... SELECT`` of the same people
  (no order, no split, no change log), rolled back. Goal <= 3 s.
* call: ``record_outcome`` (which also returns the next person) for 300 calls in a row, outcomes mixed
  as a night's work; baseline: the same writes as bare statements (contact insert, citizen update,
  target update, next-person select) in one transaction each. Goal p95 <= 50 ms.
* dashboard: ``dashboard_figures`` 15 times; baseline: the bare GROUP BY queries of the same figures.
  Goal p95 <= 500 ms.
* manifest: 5,000 citizens with an open evacuation case (written as bare rows: setup, not timed), then
  ``build_manifest`` for a 300-seat flight, three times; baseline: the bare candidate query joined to
  the citizens, ordered. Goal <= 1 s.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from bench_report import Line, percentile
from sqlalchemy import Connection

from embassy_desk.domain.campaigns import CampaignCriteria
from embassy_desk.domain.enums import CallOutcome, Role
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import campaigns, dashboard, evacuation, users
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths

USER = "bench"
PASSPHRASE = "amber kettle over nine hills"  # noqa: S105 - a throw-away benchmark workstation
OFFICERS = ("duty1", "duty2")
REGIONS = ("KR-28", "KR-43")  # Incheon and Chungbuk: about 11 % of the generated post
CALLS = 300
DASHBOARD_RUNS = 15
CANDIDATES = 5_000
SEATS = 300
GOALS = {"campaign_s": 3.0, "call_p95_ms": 50.0, "dashboard_p95_ms": 500.0, "manifest_s": 1.0}
# A night's mix: most answer safe, some do not answer, a few need help or have a wrong number.
OUTCOMES = (
    [CallOutcome.SAFE] * 6 + [CallOutcome.NO_ANSWER] * 2 + [CallOutcome.NEEDS_HELP, CallOutcome.WRONG_NUMBER]
)


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


@contextmanager
def _rolled_back(session: Session) -> Iterator[Connection]:
    """A write connection whose work is thrown away (the raw baselines leave nothing behind)."""
    with session.engine.connect() as conn:
        tx = conn.begin()
        try:
            yield conn
        finally:
            tx.rollback()


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(v * 1000 for v in values)
    return {
        "n": len(ordered),
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(percentile(ordered, 95), 2),
        "max_ms": round(ordered[-1], 2),
    }


def _campaign(bench: Any, session: Session, data: dict[str, Any]) -> str:
    criteria = CampaignCriteria(regions=REGIONS)
    marks = ", ".join(f"'{r}'" for r in REGIONS)
    where = f"region IN ({marks}) AND coalesce(status, 'present') = 'present'"
    runs: list[float] = []
    campaign_id = ""
    for run in range(3):
        start = time.perf_counter()
        made = campaigns.create_campaign(session, f"Bench {run}", criteria, assignees=OFFICERS)
        took = time.perf_counter() - start
        runs.append(took)
        campaign_id = campaign_id or made.id
        bench.say(f"  campaign over {made.total:,} people: {took:.2f} s")
    with _rolled_back(session) as conn:
        raw, _ = _timed(
            lambda: conn.exec_driver_sql(
                "INSERT INTO campaign_targets(id, campaign_id, citizen_id, position, state, attempts,"
                " updated_at, version) SELECT 'raw:' || id, 'raw', id, rid, 'pending', 0, '', 1"
                f" FROM citizens WHERE {where}"
            )
        )
    ours = statistics.median(runs)
    data["campaign"] = {
        "people": made.total,
        "runs_s": [round(r, 2) for r in runs],
        "raw_insert_select_s": raw,
    }
    bench.lines.append(
        Line(
            f"crisis: create a campaign over {made.total:,} people (median of 3)",
            f"{ours:.2f} s",
            f"{raw:.2f} s INSERT ... SELECT",
            ours / raw,
            f"<= {GOALS['campaign_s']:.0f} s",
            ours <= GOALS["campaign_s"],
        )
    )
    return campaign_id


def _calls(bench: Any, session: Session, officer: Session, campaign_id: str, data: dict[str, Any]) -> None:
    card = campaigns.next_call(officer, campaign_id)
    times: list[float] = []
    for n in range(CALLS):
        if card is None:
            break
        outcome = OUTCOMES[n % len(OUTCOMES)]
        start = time.perf_counter()
        result = campaigns.record_outcome(officer, campaign_id, card.citizen_id, outcome)
        times.append(time.perf_counter() - start)
        card = result.next
    raw_times: list[float] = []
    caller = officer.user.username  # lists are kept by user name: accounts are per workstation
    with session.engine.connect() as conn:
        ids = [
            str(r[0])
            for r in conn.exec_driver_sql(
                "SELECT citizen_id FROM campaign_targets WHERE campaign_id = ? AND assignee = ?"
                " AND state = 'pending' ORDER BY position LIMIT ?",
                (campaign_id, caller, CALLS),
            )
        ]
    with _rolled_back(session) as conn:
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        for citizen_id in ids:
            start = time.perf_counter()
            conn.exec_driver_sql(
                "INSERT INTO contacts(id, citizen_id, at, channel, direction, staff, outcome, welfare_status,"
                " campaign_id) VALUES (?, ?, ?, 'phone', 'outgoing', 'raw', 'reached', 'safe', ?)",
                (uuid7(), citizen_id, now, campaign_id),
            )
            conn.exec_driver_sql(
                "UPDATE citizens SET last_contact_at = ?, welfare_status = 'safe' WHERE id = ?",
                (now, citizen_id),
            )
            conn.exec_driver_sql(
                "UPDATE campaign_targets SET state = 'done', outcome = 'safe', attempts = attempts + 1"
                " WHERE id = ?",
                (f"{campaign_id}:{citizen_id}",),
            )
            conn.exec_driver_sql(
                "SELECT t.citizen_id, c.surname, c.given_names, c.phones FROM campaign_targets t"
                " JOIN citizens c ON c.id = t.citizen_id WHERE t.campaign_id = ? AND t.assignee = ?"
                " AND t.state = 'pending' ORDER BY t.position LIMIT 1",
                (campaign_id, caller),
            ).first()
            raw_times.append(time.perf_counter() - start)
    ours, raw = _ms(times), _ms(raw_times)
    data["call"] = {"ours": ours, "raw": raw}
    bench.say(f"  record + next: median {ours['median_ms']} ms, p95 {ours['p95_ms']} ms ({ours['n']} calls)")
    bench.lines.append(
        Line(
            "crisis: record an outcome and show the next person (p95)",
            f"{ours['p95_ms']:.1f} ms (median {ours['median_ms']:.1f})",
            f"{raw['p95_ms']:.1f} ms bare statements",
            ours["p95_ms"] / raw["p95_ms"],
            f"<= {GOALS['call_p95_ms']:.0f} ms",
            ours["p95_ms"] <= GOALS["call_p95_ms"],
        )
    )


def _dashboard(bench: Any, session: Session, data: dict[str, Any]) -> None:
    times = [_timed(lambda: dashboard.dashboard_figures(session))[0] for _ in range(DASHBOARD_RUNS)]
    since = (datetime.now(UTC) - timedelta(hours=48)).isoformat(timespec="milliseconds")
    queries = (
        "SELECT welfare_status, count(*) FROM citizens GROUP BY welfare_status",
        "SELECT region, welfare_status, count(*) FROM citizens GROUP BY region, welfare_status",
        "SELECT purpose_of_stay, count(*) FROM citizens GROUP BY purpose_of_stay",
        f"SELECT substr(at, 1, 13), count(*) FROM contacts WHERE at >= '{since}' GROUP BY 1",
        "SELECT priority, count(*) FROM cases WHERE status <> 'closed' GROUP BY priority",
        "SELECT campaign_id, state, count(*) FROM campaign_targets GROUP BY campaign_id, state",
    )
    raw_times = []
    with session.engine.connect() as conn:
        for _ in range(DASHBOARD_RUNS):
            start = time.perf_counter()
            for sql in queries:
                conn.exec_driver_sql(sql).all()
            raw_times.append(time.perf_counter() - start)
    ours, raw = _ms(times), _ms(raw_times)
    data["dashboard"] = {"ours": ours, "raw": raw}
    bench.say(f"  dashboard: median {ours['median_ms']} ms, p95 {ours['p95_ms']} ms")
    bench.lines.append(
        Line(
            "crisis: dashboard refresh (p95)",
            f"{ours['p95_ms']:.0f} ms (median {ours['median_ms']:.0f})",
            f"{raw['p95_ms']:.0f} ms bare GROUP BY",
            ours["p95_ms"] / raw["p95_ms"],
            f"<= {GOALS['dashboard_p95_ms']:.0f} ms",
            ours["p95_ms"] <= GOALS["dashboard_p95_ms"],
        )
    )


def _evacuation_cases(session: Session) -> None:
    """5,000 open evacuation cases, among households first (families travel together): setup rows."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with session.engine.connect() as conn, conn.begin():
        people = [
            str(r[0])
            for r in conn.exec_driver_sql(
                "SELECT id FROM citizens WHERE region = 'KR-11' AND coalesce(status, 'present') = 'present'"
                " ORDER BY household_id IS NULL, household_id, rid LIMIT ?",
                (CANDIDATES,),
            )
        ]
        conn.exec_driver_sql(
            "INSERT INTO cases(id, citizen_id, kind, priority, status, summary, opened_at, created_by,"
            " updated_at, version) VALUES (?, ?, 'evacuation', 'high', 'open', 'bench', ?, 'bench', ?, 1)",
            [(uuid7(), person, now, now) for person in people],
        )


def _manifest(bench: Any, session: Session, data: dict[str, Any]) -> None:
    _evacuation_cases(session)
    departs = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0).isoformat()
    flight = evacuation.add_flight(
        session,
        carrier="Air Astana",
        number="KC 910",
        origin="ICN",
        destination="ALA",
        departs_at=departs,
        seats=SEATS,
        assembly_point="Incheon Airport, Terminal 1, counter M",
    )
    runs = []
    for _ in range(3):
        took, built = _timed(lambda: evacuation.build_manifest(session, flight.id))
        runs.append(took)
    with session.engine.connect() as conn:
        raw, _ = _timed(
            lambda: conn.exec_driver_sql(
                "SELECT c.id, c.household_id, c.birth_date, c.vulnerabilities, c.passport_number,"
                " c.passport_expiry_date FROM cases k JOIN citizens c ON c.id = k.citizen_id"
                " WHERE k.kind = 'evacuation' AND k.status <> 'closed'"
                " ORDER BY c.vulnerabilities IS NULL, c.birth_date, c.household_id"
            ).all()
        )
    first = runs[0]
    data["manifest"] = {
        "runs_s": [round(r, 3) for r in runs],
        "raw_select_s": raw,
        "passengers": len(built.passengers),
        "waiting": len(built.waiting),
    }
    bench.say(
        f"  manifest: {len(built.passengers)} passengers, {len(built.waiting):,} waiting; "
        f"first build {first:.2f} s, rebuilds {runs[1]:.2f} / {runs[2]:.2f} s"
    )
    bench.lines.append(
        Line(
            f"crisis: manifest for {SEATS} seats from {CANDIDATES:,} candidates (worst of 3)",
            f"{max(runs) * 1000:.0f} ms (first {first * 1000:.0f} ms)",
            f"{raw * 1000:.0f} ms bare candidate SELECT",
            max(runs) / raw,
            f"<= {GOALS['manifest_s'] * 1000:.0f} ms",
            max(runs) <= GOALS["manifest_s"],
        )
    )


def phase_crisis(bench: Any) -> None:
    """Campaign, call, dashboard and manifest figures on a copy of the kept registry."""
    source = bench.ensure_registry()
    with bench.phase("crisis") as data:
        root = bench.tmp / "crisis"
        bench.say(f"copying the {bench.n:,}-citizen registry (not timed) ...")
        shutil.copytree(source.root, root)
        paths = WorkstationPaths(root)
        session = unlock(paths, USER, PASSPHRASE)
        officer: Session | None = None
        try:
            for name in OFFICERS:
                users.add_user(
                    session, username=name, display_name=name, role=Role.OFFICER, passphrase=PASSPHRASE
                )
            officer = unlock(paths, OFFICERS[0], PASSPHRASE)
            campaign_id = _campaign(bench, session, data)
            _calls(bench, session, officer, campaign_id, data)
            _dashboard(bench, session, data)
            _manifest(bench, session, data)
        finally:
            if officer is not None:
                officer.lock()
            session.lock()
