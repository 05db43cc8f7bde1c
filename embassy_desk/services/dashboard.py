"""The crisis dashboard's figures: who is registered, how they are, where, what was done lately.

Which citizens count: every citizen record whose status is *present* or not given. Citizens marked
departed, transferred or deceased are no longer the post's to reach; they are counted apart in
``not_present`` and nowhere else. (HQ's ``hq stats`` counts every live record whatever its status, so
its ``citizens`` is this ``citizens`` plus ``not_present``; docs/dashboard.md says so.)

* ``welfare``: those citizens by welfare status (every :class:`WelfareStatus` value, zero included; a
  missing status is ``unknown``, "not yet contacted").
* ``by_region``: region code of the host country (ISO 3166-2, ``""`` for none) -> welfare -> count.
* ``by_purpose``: purpose of stay (``""`` for none) -> count.
* ``contacts_per_hour``: 48 hourly buckets in UTC, oldest first, the last being the hour that holds
  ``now``: (start of the hour as ISO 8601 UTC, contacts whose moment falls in it). A contact stamped
  after the current hour (a clock ahead) falls in no bucket.
* ``contacts_24h``: contacts whose moment is at or after ``now`` − 24 h (as HQ counts them).
* ``open_cases``: assistance cases not closed, by priority (every :class:`CasePriority`, zero included),
  whatever the citizen's status.
* ``campaigns``: every campaign, open ones first, with its targets done / pending / on follow-up.
* ``checkins``: answers citizens gave themselves (issue 14), counted from the contacts HQ wrote for
  them (channel ``check-in``): in all and since ``now`` − 24 h, by answer. The welfare status such a
  contact carries says the answer: ``safe`` is "I am safe", ``needs_assistance`` "I need help", none
  "my phone number has changed". A person who changed their answer counts once per answer given.

Speed: each figure is one grouped query that a covering index answers without reading a citizen's
row: ``ix_citizens_region_welfare`` (region, welfare_status, status) gives the welfare and region
figures, ``ix_citizens_purpose`` (purpose_of_stay, status) the purposes, ``ix_contacts_at`` the
contacts, ``ix_cases_status`` (status, priority) the cases, ``ix_campaign_targets_work`` the
campaigns, and the partial ``ix_contacts_checkin`` (welfare_status, at WHERE channel = 'check-in')
the check-ins: the staff's own contacts, however many, are not read. (Without the citizen indexes
the same queries read the whole table: correct, slower.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, text

from embassy_desk.domain.enums import (
    CasePriority,
    CaseStatus,
    Channel,
    CheckinAnswer,
    CitizenStatus,
    PurposeOfStay,
    WelfareStatus,
)
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

HOURS = 48
UNKNOWN = WelfareStatus.UNKNOWN.value
NOT_PRESENT = (CitizenStatus.DEPARTED.value, CitizenStatus.TRANSFERRED.value, CitizenStatus.DECEASED.value)
OPEN_CASE_STATUSES = tuple(s.value for s in CaseStatus if s is not CaseStatus.CLOSED)


@dataclass(frozen=True)
class CampaignLine:
    """One campaign's progress: people on its list, reached (done), still to call, on follow-up."""

    id: str
    name: str
    status: str
    total: int
    done: int
    remaining: int
    follow_up: int


#: The answer a check-in contact stands for, by the welfare status it carries (none: phone changed).
CHECKIN_ANSWER_OF_WELFARE = {
    WelfareStatus.SAFE.value: CheckinAnswer.SAFE.value,
    WelfareStatus.NEEDS_ASSISTANCE.value: CheckinAnswer.NEEDS_HELP.value,
}


def _no_answers() -> dict[str, int]:
    return {a.value: 0 for a in CheckinAnswer}


@dataclass(frozen=True)
class CheckinFigures:
    """Check-in answers received: in all and in the last 24 hours, each by answer
    (every :class:`CheckinAnswer` value, zero included)."""

    total: int = 0
    last_24h: int = 0
    by_answer: dict[str, int] = field(default_factory=_no_answers)
    by_answer_24h: dict[str, int] = field(default_factory=_no_answers)


@dataclass(frozen=True)
class DashboardFigures:
    """The figures at ``at`` (ISO 8601 UTC). See the module docstring for what each counts."""

    at: str
    citizens: int
    welfare: dict[str, int]
    by_region: dict[str, dict[str, int]]
    by_purpose: dict[str, int]
    contacts_per_hour: list[tuple[str, int]]
    open_cases: dict[str, int]
    campaigns: list[CampaignLine]
    not_present: int = 0
    contacts_24h: int = 0
    region_totals: dict[str, int] = field(default_factory=dict)
    checkins: CheckinFigures = field(default_factory=CheckinFigures)

    @property
    def open_cases_total(self) -> int:
        return sum(self.open_cases.values())


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _welfare_key(value: object) -> str:
    text_value = str(value or "")
    return text_value if text_value in _WELFARE_VALUES else UNKNOWN


_WELFARE_VALUES = frozenset(s.value for s in WelfareStatus)


def _citizen_figures(
    conn: Connection,
) -> tuple[int, int, dict[str, int], dict[str, dict[str, int]], dict[str, int]]:
    welfare = {s.value: 0 for s in WelfareStatus}
    by_region: dict[str, dict[str, int]] = {}
    not_present = 0
    # Answered from ix_citizens_region_welfare (region, welfare_status, status) alone.
    for region, status, presence, count in conn.execute(
        text(
            "SELECT coalesce(region, ''), welfare_status, status, count(*)"
            " FROM citizens GROUP BY region, welfare_status, status"
        )
    ):
        n = int(count)
        if presence in NOT_PRESENT:
            not_present += n
            continue
        key = _welfare_key(status)
        welfare[key] += n
        cell = by_region.setdefault(str(region), {s.value: 0 for s in WelfareStatus})
        cell[key] += n
    by_purpose: dict[str, int] = {p.value: 0 for p in PurposeOfStay}
    # Answered from ix_citizens_purpose (purpose_of_stay, status) alone.
    for purpose, presence, count in conn.execute(
        text(
            "SELECT coalesce(purpose_of_stay, ''), status, count(*)"
            " FROM citizens GROUP BY purpose_of_stay, status"
        )
    ):
        if presence not in NOT_PRESENT:
            by_purpose[str(purpose)] = by_purpose.get(str(purpose), 0) + int(count)
    by_purpose = {p: n for p, n in by_purpose.items() if n > 0 or p in _PURPOSE_VALUES}
    return sum(welfare.values()), not_present, welfare, by_region, by_purpose


_PURPOSE_VALUES = frozenset(p.value for p in PurposeOfStay)


def _contacts(conn: Connection, now: datetime) -> tuple[list[tuple[str, int]], int]:
    hour = now.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    starts = [hour - timedelta(hours=HOURS - 1 - i) for i in range(HOURS)]
    counts = {s.strftime("%Y-%m-%dT%H"): 0 for s in starts}
    for bucket, count in conn.execute(
        text("SELECT substr(at, 1, 13), count(*) FROM contacts WHERE at >= :a AND at < :b GROUP BY 1"),
        {"a": _iso(starts[0]), "b": _iso(hour + timedelta(hours=1))},
    ):
        if bucket in counts:
            counts[str(bucket)] += int(count)
    per_hour = [(_iso(s).replace(".000", ""), counts[s.strftime("%Y-%m-%dT%H")]) for s in starts]
    day = conn.execute(
        text("SELECT count(*) FROM contacts WHERE at >= :a"), {"a": _iso(now - timedelta(hours=24))}
    ).scalar_one()
    return per_hour, int(day)


def _checkins(conn: Connection, now: datetime) -> CheckinFigures:
    by_answer, by_answer_24h = _no_answers(), _no_answers()
    for welfare, recent, count in conn.execute(
        text(
            "SELECT coalesce(welfare_status, ''), at >= :a, count(*) FROM contacts"
            # The channel literally, not bound: SQLite uses a partial index only for a WHERE
            # it can see implies the index's own.
            f" WHERE channel = '{Channel.CHECK_IN.value}' GROUP BY 1, 2"
        ),
        {"a": _iso(now - timedelta(hours=24))},
    ):
        answer = CHECKIN_ANSWER_OF_WELFARE.get(str(welfare), CheckinAnswer.PHONE_CHANGED.value)
        by_answer[answer] += int(count)
        if recent:
            by_answer_24h[answer] += int(count)
    return CheckinFigures(
        total=sum(by_answer.values()),
        last_24h=sum(by_answer_24h.values()),
        by_answer=by_answer,
        by_answer_24h=by_answer_24h,
    )


def _open_cases(conn: Connection) -> dict[str, int]:
    params = {f"c{i}": s for i, s in enumerate(OPEN_CASE_STATUSES)}
    in_list = ", ".join(f":c{i}" for i in range(len(OPEN_CASE_STATUSES)))
    out = {p.value: 0 for p in CasePriority}
    for priority, count in conn.execute(
        text(f"SELECT priority, count(*) FROM cases WHERE status IN ({in_list}) GROUP BY priority"),
        params,
    ):
        out[str(priority)] = out.get(str(priority), 0) + int(count)
    return out


def _campaigns(conn: Connection) -> list[CampaignLine]:
    rows = conn.execute(
        text(
            "SELECT c.id, c.name, c.status,"
            " (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id),"
            " (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.state = 'done'),"
            " (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.state = 'follow_up')"
            " FROM campaigns c ORDER BY c.status = 'closed', c.created_at DESC, c.id"
        )
    ).all()
    out = []
    for cid, name, status, total, done, follow_up in rows:
        total, done, follow_up = int(total), int(done), int(follow_up)
        out.append(
            CampaignLine(
                id=str(cid),
                name=str(name),
                status=str(status),
                total=total,
                done=done,
                remaining=total - done - follow_up,
                follow_up=follow_up,
            )
        )
    return out


def dashboard_figures(session: Session, *, now: datetime | None = None) -> DashboardFigures:
    """Every figure of the dashboard (and of the situation report) at ``now`` (default: the clock)."""
    session.require(Action.DASHBOARD_VIEW)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with session.read() as conn:
        citizens, not_present, welfare, by_region, by_purpose = _citizen_figures(conn)
        per_hour, day = _contacts(conn, moment)
        open_cases = _open_cases(conn)
        campaigns = _campaigns(conn)
        checkins = _checkins(conn, moment)
    return DashboardFigures(
        at=_iso(moment),
        citizens=citizens,
        welfare=welfare,
        by_region=by_region,
        by_purpose=by_purpose,
        contacts_per_hour=per_hour,
        open_cases=open_cases,
        campaigns=campaigns,
        not_present=not_present,
        contacts_24h=day,
        region_totals={r: sum(cells.values()) for r, cells in by_region.items()},
        checkins=checkins,
    )
