"""The situation report: the dashboard's figures at a moment, as a PDF for the ministry and a CSV.

The PDF is a notice of kind ``situation-report`` (addressed to no one) made by the notices engine,
so it has the state's name, the post, a reference, page numbers and a signature like every letter
the post sends. Its wording is the template ``resources/notices/situation-report/<lang>.toml``: an
opening (post, as of, reporting officer), a note on percentages, a signature, and in ``[texts]`` the
words of every section. A template's body is fixed while the report has as many lines as there are
regions and campaigns, so :func:`report_source` writes the report's own template source: the
opening, then the numbered sections as heading and two-column ``fields`` blocks with the figures
written in, then the signature. The engine lays it out as any other template (the same checks: only
known fields merge, figures are data, braces in a campaign's name print as typed).

Sections: 1 registered citizens (and those departed, transferred or deceased, apart); 2 welfare
(confirmed safe, need assistance, unreachable, not yet contacted, evacuated) with percentages of the
registered; 3 by region; 4 assistance cases open by priority; 5 welfare campaigns; 6 contacts in the
last 24 hours; 7 evacuation, only when flights are recorded (flights and buses not cancelled, their
seats, passengers on manifests, boarded, waiting). The CSV has one row per figure: ``section``,
``item`` (both in the report's language, as the PDF words them), ``count``, ``percent`` (one
decimal with a point, empty where a percentage means nothing).

What counts is what the dashboard counts (services/dashboard.py). Making a report is audited with
the figures only (no names).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import text

from embassy_desk.domain.enums import CasePriority, WelfareStatus
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.notices.merge import post_fields, region_in
from embassy_desk.notices.render import NoticeData, RenderJob, render
from embassy_desk.notices.templates import load_bundle
from embassy_desk.notices.text import long_date
from embassy_desk.services.dashboard import DashboardFigures, dashboard_figures
from embassy_desk.services.exporter import neutralise
from embassy_desk.services.notices import notice_post
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage.files import atomic_write_bytes

KIND = "situation-report"
REPORT_LANGUAGES = ("en", "ru", "kk")
WELFARE_ORDER = (
    WelfareStatus.SAFE,
    WelfareStatus.NEEDS_ASSISTANCE,
    WelfareStatus.UNREACHABLE,
    WelfareStatus.UNKNOWN,
    WelfareStatus.EVACUATED,
)
PRIORITY_ORDER = (CasePriority.URGENT, CasePriority.HIGH, CasePriority.NORMAL, CasePriority.LOW)
CSV_HEADER = ("section", "item", "count", "percent")


@dataclass(frozen=True)
class Evacuation:
    """Flights and buses not cancelled, their seats, and the people on their manifests."""

    flights: int
    seats: int
    passengers: int
    boarded: int
    waiting: int


@dataclass(frozen=True)
class Line:
    """One figure of the report."""

    section: str  # the section's heading, without its number
    item: str
    count: int
    percent: float | None  # of the registered citizens (welfare, regions) or of a campaign's list


@dataclass(frozen=True)
class Section:
    heading: str  # with its number, as printed
    lines: tuple[Line, ...]
    values: tuple[str, ...]  # the printed value of each line
    note: str = ""  # printed instead of lines when there are none


@dataclass(frozen=True)
class SitrepResult:
    """What was written: the files, the reference, the moment and the figures."""

    pdf: Path
    csv: Path | None
    reference: str
    as_of: str  # as printed
    figures: DashboardFigures
    lines: tuple[Line, ...]
    pages: int


def check_language(lang: str) -> str:
    code = lang.strip().casefold()
    if code not in REPORT_LANGUAGES:
        raise ValidationError(
            "lang", Msg("sitrep.bad_language", lang=lang, languages=", ".join(REPORT_LANGUAGES))
        )
    return code


def evacuation_figures(session: Session) -> Evacuation | None:
    """The evacuation line's figures, or None when no flight or bus is recorded."""
    with session.read() as conn:
        recorded = conn.execute(text("SELECT count(*) FROM flights")).scalar_one()
        if not recorded:
            return None
        flights, seats = conn.execute(
            text("SELECT count(*), coalesce(sum(seats), 0) FROM flights WHERE status != 'cancelled'")
        ).one()
        passengers, boarded, waiting = conn.execute(
            text(
                "SELECT coalesce(sum(m.list = 'passenger'), 0),"
                " coalesce(sum(m.list = 'passenger' AND m.status = 'boarded'), 0),"
                " coalesce(sum(m.list = 'waiting'), 0)"
                " FROM manifest_entries m JOIN flights f ON f.id = m.flight_id"
                " WHERE f.status != 'cancelled'"
            )
        ).one()
    return Evacuation(int(flights), int(seats), int(passengers), int(boarded), int(waiting))


# --- numbers as each language writes them ----------------------------------------------------------


def number(value: int, lang: str) -> str:
    """1,234 in English; 1 234 (no-break space) in Russian and Kazakh."""
    grouped = f"{value:,}"
    return grouped if lang == "en" else grouped.replace(",", "\u00a0")


def percent_text(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    shown = f"{value:.1f}"
    return f"{shown}%" if lang == "en" else f"{shown.replace('.', ',')}\u00a0%"


def _share(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def as_of_text(moment: datetime, lang: str, zone: tzinfo | None = None) -> str:
    """The moment in the given zone (default: this computer's) with the zone named: 14 May 2026,
    21:30 KST (UTC+09:00)."""
    local = moment.astimezone(zone) if zone is not None else moment.astimezone()
    offset = local.strftime("%z") or "+0000"
    utc = f"UTC{offset[:3]}:{offset[3:5]}"
    name = local.tzname() or ""
    zone_text = f"{name} ({utc})" if name.isalpha() and name != "UTC" else utc
    return f"{long_date(local.date(), lang)}, {local:%H:%M} {zone_text}"


# --- the report's lines ----------------------------------------------------------------------------


def _strip_number(heading: str) -> str:
    return re.sub(r"^\s*\d+\.\s*", "", heading)


def build_sections(
    figures: DashboardFigures,
    evacuation: Evacuation | None,
    texts: Mapping[str, str],
    lang: str,
    *,
    host_country: str,
) -> list[Section]:
    """The report's sections in order, each with its lines and their printed values."""
    whole = figures.citizens
    sections: list[Section] = []

    def section(key: str, rows: Sequence[tuple[str, int, float | None, str]], note: str = "") -> None:
        heading = texts[key]
        name = _strip_number(heading)
        lines = tuple(Line(name, item, count, pct) for item, count, pct, _ in rows)
        values = tuple(
            extra or (number(count, lang) + (f" ({percent_text(pct, lang)})" if pct is not None else ""))
            for _, count, pct, extra in rows
        )
        sections.append(Section(heading, lines, values, note))

    section(
        "s_registered",
        [(texts["registered"], whole, None, ""), (texts["not_present"], figures.not_present, None, "")],
    )
    section(
        "s_welfare",
        [
            (
                texts[s.value],
                figures.welfare.get(s.value, 0),
                _share(figures.welfare.get(s.value, 0), whole),
                "",
            )
            for s in WELFARE_ORDER
        ],
    )
    regions = sorted(figures.by_region.items(), key=lambda kv: (kv[0] == "", -sum(kv[1].values()), kv[0]))
    region_rows = []
    for code, cells in regions:
        count = sum(cells.values())
        safe = cells.get(WelfareStatus.SAFE.value, 0)
        label = region_in(code, lang, host_country) if code else texts["region_none"]
        shown = f"{number(count, lang)} ({percent_text(_share(count, whole), lang)})"
        shown += f" · {texts['of_them_safe']}: {number(safe, lang)}"
        region_rows.append((label, count, _share(count, whole), shown))
    section("s_regions", region_rows)
    cases = [(texts[p.value], figures.open_cases.get(p.value, 0), None, "") for p in PRIORITY_ORDER]
    cases.append((texts["cases_total"], figures.open_cases_total, None, ""))
    section("s_cases", cases)
    campaign_rows = []
    for line in figures.campaigns:
        label = line.name + (f" ({texts['closed']})" if line.status == "closed" else "")
        pct = _share(line.done, line.total)
        shown = (
            f"{texts['reached']}: {number(line.done, lang)}"
            + (f" ({percent_text(pct, lang)})" if pct is not None else "")
            + f" · {texts['to_call']}: {number(line.remaining, lang)}"
            + f" · {texts['follow_up']}: {number(line.follow_up, lang)}"
            + f" · {texts['on_list']}: {number(line.total, lang)}"
        )
        campaign_rows.append((label, line.done, pct, shown))
    section("s_campaigns", campaign_rows, note=texts["no_campaigns"])
    section("s_contacts", [(texts["contacts_24h"], figures.contacts_24h, None, "")])
    if evacuation is not None:
        section(
            "s_evacuation",
            [
                (texts["flights"], evacuation.flights, None, ""),
                (texts["seats"], evacuation.seats, None, ""),
                (texts["passengers"], evacuation.passengers, None, ""),
                (texts["boarded"], evacuation.boarded, None, ""),
                (texts["waiting"], evacuation.waiting, None, ""),
            ],
        )
    return sections


# --- the report's template source ------------------------------------------------------------------


def _toml(value: Any) -> str:
    """A TOML value: strings as basic strings (JSON's escapes are TOML's), lists of them as arrays."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    return "[" + ", ".join(_toml(v) for v in value) + "]"


def _literal(value: str) -> str:
    """Text that prints as written: braces doubled so that the engine merges nothing from it."""
    return value.replace("{", "{{").replace("}", "}}")


def report_source(template_text: str, sections: Sequence[Section]) -> str:
    """The report's template source: the wording file with the sections put before the signature."""
    import tomllib

    data = tomllib.loads(template_text)
    body: list[dict[str, Any]] = list(data.get("body", []))
    at = next((i for i, b in enumerate(body) if "signature" in b), len(body))
    generated: list[dict[str, Any]] = []
    for sec in sections:
        generated.append({"heading": _literal(sec.heading)})
        if sec.lines:
            pairs = [
                [_literal(line.item), _literal(value)]
                for line, value in zip(sec.lines, sec.values, strict=True)
            ]
            generated.append({"fields": pairs})
        elif sec.note:
            generated.append({"text": _literal(sec.note)})
    body[at:at] = generated
    out = [f"{key} = {_toml(data[key])}" for key in ("id", "version", "language", "title")]
    for block in body:
        ((kind, value),) = block.items()
        out += ["", "[[body]]", f"{kind} = {_toml(value)}"]
    out += ["", "[texts]"]
    out += [f"{json.dumps(k)} = {_toml(v)}" for k, v in data.get("texts", {}).items()]
    return "\n".join(out) + "\n"


def _csv_bytes(lines: Sequence[Line]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for line in lines:
        pct = "" if line.percent is None else f"{line.percent:.1f}"
        writer.writerow([neutralise(line.section), neutralise(line.item), line.count, pct])
    return buffer.getvalue().encode("utf-8")


def write_sitrep(
    session: Session,
    pdf: Path,
    *,
    csv_path: Path | None = None,
    lang: str = "en",
    now: datetime | None = None,
    zone: tzinfo | None = None,
    paper: str = "a4",
) -> SitrepResult:
    """Write the situation report as a PDF (and a CSV when ``csv_path`` is given); audited."""
    session.require(Action.DASHBOARD_VIEW)
    language = check_language(lang)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    figures = dashboard_figures(session, now=moment)
    evacuation = evacuation_figures(session)
    bundle = load_bundle(KIND, [language])
    template = bundle.templates[language]
    host = session.post.host_country
    sections = build_sections(figures, evacuation, template.texts, language, host_country=host)
    kind_path, common_path = f"{KIND}/{language}.toml", f"common/{language}.toml"
    sources = {
        common_path: bundle.sources[common_path],
        kind_path: report_source(bundle.sources[kind_path], sections),
    }
    reference = f"SIT-{moment:%Y%m%d-%H%M%S}"
    as_of = as_of_text(moment, language, zone)
    officer = session.user.display_name or session.user.username
    values = post_fields(notice_post(session), language)
    values.update(
        reference=reference,
        date=long_date(moment.astimezone(zone).date() if zone else moment.astimezone().date(), language),
        state_name=template.state_name,
        as_of=as_of,
        officer=officer,
    )
    job = RenderJob(KIND, paper, sources, (language,), title="situation-report")
    buffer = io.BytesIO()
    (pages,) = render(job, [NoticeData(reference, (language,), {language: values}, personal=False)], buffer)
    lines = tuple(line for sec in sections for line in sec.lines)
    atomic_write_bytes(pdf, buffer.getvalue())
    if csv_path is not None:
        atomic_write_bytes(csv_path, _csv_bytes(lines))
    with session.write(Action.DASHBOARD_VIEW) as uow:
        uow.audit(
            "report.sitrep",
            details={
                "reference": reference,
                "language": language,
                "csv": csv_path is not None,
                "citizens": figures.citizens,
                "welfare": figures.welfare,
                "open_cases": figures.open_cases_total,
                "contacts_24h": figures.contacts_24h,
            },
        )
    return SitrepResult(pdf, csv_path, reference, as_of, figures, lines, pages)
