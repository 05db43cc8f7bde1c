"""Printable notices benchmark (``python3 dev.py bench --only notices``).

On a workstation holding the whole demo post (30,000 synthetic citizens):

* one personal letter, end to end (``notices.issue_one``: read, compose, render, record, audit), median
  of warm runs, and the first one in the process (fonts loaded then);
* tonight's advisory for everyone, each in their own language with the Korean translation
  (``notices.issue`` with ``auto,ko`` into one PDF): letters/s and pages/s, against a naive render of
  the same letters as one reportlab story per letter (no forms, one process), in the same run;
* peak memory (proportional set size of this process plus its workers, sampled every 50 ms) at two
  batch sizes, to show it stays flat.
"""

from __future__ import annotations

import io
import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench_report import Line
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.demo.post import DEMO_POST
from embassy_desk.notices.fonts import markup
from embassy_desk.notices.kinds import kind_spec
from embassy_desk.notices.render import Renderer, _styles
from embassy_desk.notices.templates import load_bundle
from embassy_desk.notices.text import fill
from embassy_desk.services import notices
from embassy_desk.services.importer import import_rows
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths

DEMO_CITIZENS = 30_000
SMALL_BATCH = 3_000
NAIVE_SAMPLE = 1_000
LETTER_RUNS = 15
GOAL_LETTER_MS = 150.0
GOAL_BATCH_S = 120.0
GOAL_PAGES_PER_S = 250.0
PASSPHRASE = "amber kettle over nine hills"  # noqa: S105 - a throw-away benchmark workstation


def _pss_kib(pid: int) -> int:
    """Proportional set size: pages shared with forked workers are counted once across them, not once
    per process as a sum of RSS would."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as handle:
                out.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return out


@contextmanager
def peak_memory() -> Iterator[dict[str, int]]:
    """Sample the PSS of this process plus its workers every 50 ms; ``peak_mib`` when done."""
    found = {"peak_mib": 0}
    stop = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not stop.is_set():
            total = _pss_kib(me) + sum(_pss_kib(c) for c in _children(me))
            found["peak_mib"] = max(found["peak_mib"], total // 1024)
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join()


def build_post(root: Path, say: Callable[[str], None]) -> Session:
    """A workstation with the demo post's 30,000 citizens and its notice details."""
    say(f"building a workstation with {DEMO_CITIZENS:,} demo citizens ...")
    init_workstation(
        root,
        post=DEMO_POST,
        admin_username="bench",
        admin_display_name="Bench",
        passphrase=PASSPHRASE,
        kdf=TEST_KDF,
    )
    session = unlock(WorkstationPaths(root), "bench", PASSPHRASE)
    rows = (
        (n + 2, row) for n, row in enumerate(synthetic_rows(DemoSettings(citizens=DEMO_CITIZENS, seed=2024)))
    )
    report = import_rows(session, rows, expected_rows=DEMO_CITIZENS)
    assert report.imported == DEMO_CITIZENS, report.rejected[:3]
    notices.set_notice_post(
        session,
        names={
            "kk": "Қазақстан Республикасының Корея Республикасындағы Елшілігі",
            "ko": "주한 카자흐스탄 공화국 대사관",
        },
    )
    return session


def one_letter(session: Session) -> tuple[float, float]:
    """(first letter in this process, median of warm runs), in ms."""
    with session.read() as conn:
        ids = [
            str(r[0])
            for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY rid LIMIT ?", (LETTER_RUNS + 1,))
        ]
    times = []
    for citizen_id in ids:
        start = time.perf_counter()
        notices.issue_one(session, kind="letter-welfare", languages=["ru"], citizen_id=citizen_id)
        times.append((time.perf_counter() - start) * 1000)
    return times[0], statistics.median(times[1:])


def batch(session: Session, target: Path, limit: int | None) -> tuple[float, notices.IssueResult, int]:
    """Tonight's advisory, ``auto,ko``, for everyone (or the first ``limit``): seconds, result, peak MiB."""
    selection = notices.Selection(everyone=True)
    if limit is not None:
        with session.read() as conn:
            ids = tuple(
                str(r[0])
                for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY rid LIMIT ?", (limit,))
            )
        selection = notices.Selection(citizen_ids=ids)
    with peak_memory() as memory:
        start = time.perf_counter()
        result = notices.issue(
            session, kind="advisory", languages=["auto", "ko"], target=target, selection=selection
        )
        seconds = time.perf_counter() - start
    return seconds, result, memory["peak_mib"]


def naive_render(session: Session, count: int) -> tuple[float, int]:
    """The same letters as one reportlab story each (every paragraph laid out on every page, no forms,
    one process): seconds and pages for the first ``count`` citizens."""
    spec = kind_spec("advisory")
    bundle = load_bundle("advisory", ["kk", "ru", "en", "ko"])
    shared = notices._shared(spec, bundle, notices.notice_post(session), {}, notices._utc_today())
    job = notices._job(spec, bundle, "a4", shared)
    with session.read() as conn:
        where, params = notices._selection_sql(notices.Selection(everyone=True), "KR")
        records = list(notices._records(conn, where, params, count))
    start = time.perf_counter()
    out = io.BytesIO()
    helper = Renderer(job, io.BytesIO())  # only for its flowables; the naive document draws them itself
    doc = SimpleDocTemplate(out, pagesize=(helper.width, helper.height), invariant=1)
    story: list[Any] = []
    for n, (_cid, record) in enumerate(records):
        data = notices._compose(
            spec,
            bundle,
            shared,
            reference=f"NAIVE-{n:06d}",
            languages=notices._resolve(["auto", "ko"], record),
            record=record,
            extra={},
            host_country="KR",
        )
        for lang in data.languages:
            template, values, st = bundle.templates[lang], data.values[lang], _styles(lang)
            story += [
                Paragraph(markup(template.state_name, st.face, bold=True), st.state),
                Paragraph(markup(values["post_name"], st.face), st.post),
                Spacer(1, 12),
                Paragraph(markup(values["full_name"], st.face, bold=True), st.body),
                Paragraph(markup(f"{values['reference']} · {values['date']}", st.face), st.body),
                Paragraph(markup(template.title, st.face, bold=True), st.title),
                Paragraph(markup(fill(template.greeting, values), st.face), st.body),
                *helper._flowables(lang, template, values),
                PageBreak(),
            ]
    doc.build(story)
    seconds = time.perf_counter() - start
    return seconds, len(PdfReader(io.BytesIO(out.getvalue())).pages)


def phase_notices(bench: Any) -> None:
    """Run the notices measurements inside ``bench/run.py``'s phase machinery."""
    with bench.phase("notices") as data:
        session = build_post(bench.tmp / "notices-post", bench.say)
        try:
            bench.say("one personal letter ...")
            first_ms, letter_ms = one_letter(session)
            bench.say(f"  first {first_ms:.0f} ms, then median {letter_ms:.1f} ms")
            bench.say(f"advisory auto,ko for the first {SMALL_BATCH:,} ...")
            small_s, small, small_mib = batch(session, bench.tmp / "small.pdf", SMALL_BATCH)
            bench.say(f"  {small_s:.1f} s, {small.pages:,} pages, peak {small_mib} MiB")
            bench.say(f"advisory auto,ko for all {DEMO_CITIZENS:,} ...")
            full_s, full, full_mib = batch(session, bench.tmp / "all.pdf", None)
            size_mib = (bench.tmp / "all.pdf").stat().st_size / 2**20
            bench.say(f"  {full_s:.1f} s, {full.pages:,} pages, {size_mib:.0f} MiB, peak {full_mib} MiB")
            bench.say(f"naive one-story-per-letter render of {NAIVE_SAMPLE:,} letters ...")
            naive_s, naive_pages = naive_render(session, NAIVE_SAMPLE)
            bench.say(f"  {naive_s:.1f} s, {naive_pages:,} pages")
        finally:
            session.lock()
        ours_pps = full.pages / full_s
        naive_pps = naive_pages / naive_s
        data.update(
            {
                "letter_first_ms": round(first_ms, 1),
                "letter_median_ms": round(letter_ms, 1),
                "batch_letters": full.notices,
                "batch_pages": full.pages,
                "batch_seconds": round(full_s, 1),
                "batch_pdf_mib": round(size_mib, 1),
                "pages_per_second": round(ours_pps, 1),
                "naive_pages_per_second": round(naive_pps, 1),
                "peak_pss_mib": {f"{SMALL_BATCH}": small_mib, f"{DEMO_CITIZENS}": full_mib},
                "workers": os.cpu_count(),
            }
        )
        bench.lines += [
            Line(
                "notice: one personal letter",
                f"{letter_ms:.1f} ms (first {first_ms:.0f} ms)",
                "-",
                None,
                f"<= {GOAL_LETTER_MS:g} ms",
                letter_ms <= GOAL_LETTER_MS,
            ),
            Line(
                f"notice: advisory auto,ko x {full.notices:,}",
                f"{full_s:.1f} s, {ours_pps:,.0f} pages/s",
                f"naive {naive_pps:,.0f} pages/s",
                ours_pps / naive_pps,
                f"<= {GOAL_BATCH_S:g} s, >= {GOAL_PAGES_PER_S:g} pages/s",
                full_s <= GOAL_BATCH_S and ours_pps >= GOAL_PAGES_PER_S,
            ),
            Line(
                "notice: peak memory (PSS, with workers)",
                f"{full_mib} MiB at {DEMO_CITIZENS:,}",
                f"{small_mib} MiB at {SMALL_BATCH:,}",
                full_mib / max(small_mib, 1),
                "flat as the batch grows",
                full_mib <= small_mib * 1.25,
            ),
        ]
