"""Browsing the registry as a table: filtered and sorted id lists, pages of display rows, counts.

The registry table over a million citizens holds only row ids; sorting and filtering happen here, in
SQL, and the table fetches the few rows it paints by id. Searching uses the same full-text index and
query rules as :func:`embassy_desk.services.registry.search`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from embassy_desk.domain.enums import CitizenStatus, PurposeOfStay, Vulnerability, WelfareStatus
from embassy_desk.domain.errors import Cancelled, ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.regions import REGIONS_BY_COUNTRY
from embassy_desk.services.permissions import Action
from embassy_desk.services.reached import LATEST_REACHED, LATEST_REACHED_AT, split_reached
from embassy_desk.services.session import Session
from embassy_desk.storage.search_index import build_match

# A search is for finding people, not for listing half the registry: a two-letter prefix can match
# a hundred thousand citizens, and ordering all of them would cost every keystroke a full sort.
SEARCH_CAP = 1000
FETCH_CHUNK = 10_000
FIRST_CHUNK = 200
# SQLite calls the progress handler every this many virtual-machine steps (~ a millisecond).
_PROGRESS_STEPS = 20_000


@dataclass(frozen=True)
class SortKey:
    """A sortable column: its SQL expression, and whether an index makes the order cheap."""

    sql: str
    indexed: bool


# Column key -> ORDER BY expression. The indexes of migrations 0001, 0004 and 0005 cover name, birth
# date, national id, passport, region, status and welfare status; the rest sort in a temporary b-tree.
# Names sort by their alphabet key (domain/collation.py), not by code point.
SORT_KEYS: dict[str, SortKey] = {
    "registered": SortKey("rid", True),
    "name": SortKey("name_sort", True),
    "name_latin": SortKey("surname_latin, given_names_latin", False),
    "birth_date": SortKey("birth_date", True),
    "sex": SortKey("sex", False),
    "national_id": SortKey("national_id", True),
    "passport_number": SortKey("passport_number", True),
    "phone": SortKey("phones", False),
    "region": SortKey("region", True),
    "city": SortKey("city", False),
    "purpose_of_stay": SortKey("purpose_of_stay", False),
    "status": SortKey("status", True),
    "welfare_status": SortKey("welfare_status", True),
    "vulnerabilities": SortKey("vulnerabilities", False),
    "last_contact_at": SortKey("last_contact_at", False),
    # One index seek per citizen (services/reached.py): never-reached people first, ascending.
    "last_reached": SortKey(LATEST_REACHED_AT, False),
}


@dataclass(frozen=True)
class BrowseQuery:
    """What the table shows: filters (None = any), an optional search text, and the order."""

    search: str = ""
    region: str | None = None
    status: str | None = None
    welfare_status: str | None = None
    purpose_of_stay: str | None = None
    vulnerability: str | None = None
    # ISO date: only citizens no one has reached (a contact with outcome "reached") since that day.
    not_reached_since: str | None = None
    sort: str = "registered"
    descending: bool = False

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the registry (filters or a search)."""
        return bool(
            self.search.strip()
            or self.region
            or self.status
            or self.welfare_status
            or self.purpose_of_stay
            or self.vulnerability
            or self.not_reached_since
        )

    def criteria(self) -> dict[str, str]:
        """The filters that are set, by name, without the search text (which may be a name):
        what an audit entry may record about this query."""
        names = (
            "region",
            "status",
            "welfare_status",
            "purpose_of_stay",
            "vulnerability",
            "not_reached_since",
        )
        return {name: value for name in names if (value := getattr(self, name))}


@dataclass(frozen=True)
class BrowseRow:
    """What one table row displays. ``phone`` is the first number; ``phones`` all of them."""

    rid: int
    id: str
    name: str
    name_latin: str
    birth_date: str
    sex: str
    national_id: str
    passport_number: str
    phone: str
    phones: tuple[str, ...]
    region: str
    city: str
    purpose_of_stay: str
    status: str
    welfare_status: str
    vulnerabilities: tuple[str, ...]
    last_contact_at: str
    # The latest contact with outcome "reached" (services/reached.py): "" when nobody reached them.
    last_reached_at: str = ""
    last_reached_channel: str = ""


_ROW_COLUMNS = (
    "rid, id, surname, given_names, patronymic, surname_latin, given_names_latin, birth_date, sex,"
    " national_id, passport_number, phones, region, city, purpose_of_stay, status, welfare_status,"
    f" vulnerabilities, last_contact_at, {LATEST_REACHED}"
)

_CHOICES: dict[str, frozenset[str]] = {
    "status": frozenset(CitizenStatus),
    "welfare_status": frozenset(WelfareStatus),
    "purpose_of_stay": frozenset(PurposeOfStay),
    "vulnerability": frozenset(Vulnerability),
}


def _check(query: BrowseQuery) -> None:
    if query.sort not in SORT_KEYS:
        raise ValidationError("sort", Msg("browse.bad_sort", value=query.sort))
    for name, allowed in _CHOICES.items():
        value = getattr(query, name)
        if value is not None and value not in allowed:
            raise ValidationError(name, f"{value!r} is not one of {', '.join(sorted(allowed))}")
    if query.not_reached_since is not None:
        try:
            date.fromisoformat(query.not_reached_since)
        except ValueError:
            raise ValidationError(
                "not_reached_since", f"{query.not_reached_since!r} is not a date (YYYY-MM-DD)"
            ) from None


def _where(query: BrowseQuery) -> tuple[str, list[Any]] | None:
    """The WHERE clause and its parameters; None when a search text can match nothing."""
    clauses: list[str] = []
    params: list[Any] = []
    text = query.search.strip()
    if text:
        match = build_match(text)
        if match is None:
            return None
        clauses.append("rid IN (SELECT rowid FROM citizen_fts WHERE citizen_fts MATCH ? LIMIT ?)")
        params += [match, SEARCH_CAP]
    for column in ("region", "status", "welfare_status", "purpose_of_stay"):
        value = getattr(query, column)
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if query.vulnerability is not None:
        # Stored as "minor,medical": match whole items only.
        clauses.append("(',' || coalesce(vulnerabilities, '') || ',') LIKE ?")
        params.append(f"%,{query.vulnerability},%")
    if query.not_reached_since is not None:
        # Contact times are ISO 8601 UTC text, so a date compares as the start of that day.
        clauses.append(
            "NOT EXISTS (SELECT 1 FROM contacts WHERE contacts.citizen_id = citizens.id"
            " AND contacts.outcome = 'reached' AND contacts.at >= ?)"
        )
        params.append(query.not_reached_since)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


@dataclass(frozen=True)
class Scope:
    """Which citizens an export covers: chosen ones (``citizen_ids``), the matches of a registry
    ``query`` (its search and filters; the order does not matter), or, with neither, everyone."""

    query: BrowseQuery | None = None
    citizen_ids: tuple[str, ...] = ()

    @property
    def everyone(self) -> bool:
        return not self.citizen_ids and (self.query is None or not self.query.filtered)


def scope_where(scope: Scope) -> tuple[str, list[Any]] | None:
    """The WHERE clause (over ``citizens``) and parameters of ``scope``; None when it selects no
    one. Raises :class:`ValidationError` for a query with a bad filter value."""
    if scope.citizen_ids:
        return " WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(list(scope.citizen_ids))]
    if scope.everyone or scope.query is None:
        return "", []
    _check(scope.query)
    return _where(scope.query)


def scope_audit(session: Session, scope: Scope) -> dict[str, Any]:
    """What the audit entry of an export says about its scope, without personal data: the
    filters by name, and the ids of the citizens when they were chosen or found by a search
    (the search text itself may be a name and is never recorded)."""
    if scope.citizen_ids:
        return {"scope": "selection", "citizen_ids": list(scope.citizen_ids)}
    if scope.everyone or scope.query is None:
        return {"scope": "everyone"}
    details: dict[str, Any] = {"scope": "filter", "criteria": scope.query.criteria()}
    if scope.query.search.strip():
        where = scope_where(scope)
        ids: list[str] = []
        if where is not None:
            with session.read() as conn:
                ids = [
                    str(r[0])
                    for r in conn.exec_driver_sql(f"SELECT id FROM citizens{where[0]}", tuple(where[1]))
                ]
        details["search"] = True
        details["citizen_ids"] = ids
    return details


def _order(query: BrowseQuery) -> str:
    direction = " DESC" if query.descending else ""
    parts = [f"{part.strip()}{direction}" for part in SORT_KEYS[query.sort].sql.split(",")]
    if query.sort != "registered":
        parts.append(f"rid{direction}")
    return ", ".join(parts)


def ordered_rids(
    session: Session,
    query: BrowseQuery,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[list[int]]:
    """Row ids of the citizens ``query`` selects, in its order, in chunks as SQLite produces them.

    The first chunk comes as soon as the database has it (at most ``limit`` ids overall). For the
    table of the whole registry, the caller shows the first chunk while the rest arrives.
    ``progress`` is called with the number of ids produced so far, and also while SQLite is still
    sorting; it cancels the work by raising :class:`Cancelled`.
    """
    session.require(Action.CITIZEN_VIEW)
    _check(query)
    where = _where(query)
    if where is None:
        return
    clause, params = where
    whole_registry = not query.filtered and query.sort == "registered"
    # The table itself is the largest b-tree of the file: reading a million ids from it decrypts
    # every page (about 3 s). The smallest index holds every rid too and reads four times faster;
    # the first page comes from the primary key meanwhile, in the same snapshot.
    source = "citizens INDEXED BY ix_citizens_welfare_status" if whole_registry else "citizens"
    head_sql = f"SELECT rid FROM citizens{clause} ORDER BY {_order(query)} LIMIT {FIRST_CHUNK}"
    sql = f"SELECT rid FROM {source}{clause} ORDER BY {_order(query)}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    with session.read() as conn:
        dbapi = conn.connection.driver_connection
        assert dbapi is not None
        stopped: list[Cancelled] = []
        produced = [0]

        def handler() -> int:
            try:
                if progress is not None:
                    progress(produced[0])
            except Cancelled as exc:
                stopped.append(exc)
                return 1  # SQLite interrupts the statement
            return 0

        if progress is not None:
            dbapi.set_progress_handler(handler, _PROGRESS_STEPS)
        try:
            skip = 0
            if whole_registry and (limit is None or limit > FIRST_CHUNK):
                head = [r[0] for r in dbapi.execute(head_sql)]
                if head:
                    produced[0] = skip = len(head)
                    yield head
            cursor = dbapi.execute(sql, params)
            size = FIRST_CHUNK
            while True:
                rows = cursor.fetchmany(size)
                if not rows:
                    break
                if skip:
                    dropped = min(skip, len(rows))
                    rows = rows[dropped:]
                    skip -= dropped
                    if not rows:
                        continue
                produced[0] += len(rows)
                yield [r[0] for r in rows]
                size = FETCH_CHUNK
                if progress is not None:
                    progress(produced[0])
        except Exception:
            if stopped:
                raise stopped[0] from None
            raise
        finally:
            if progress is not None:
                dbapi.set_progress_handler(None, 0)


def matching_rids(session: Session, query: BrowseQuery, rids: Sequence[int]) -> set[int]:
    """Which of ``rids`` ``query`` still selects: after an edit or a logged contact, the table
    drops the rows its filters no longer match (and rows of citizens that no longer exist)."""
    session.require(Action.CITIZEN_VIEW)
    _check(query)
    where = _where(query)
    if where is None or not rids:
        return set()
    clause, params = where
    marks = ",".join("?" * len(rids))
    joiner = " AND" if clause else " WHERE"
    with session.read() as conn:
        found = conn.exec_driver_sql(
            f"SELECT rid FROM citizens{clause}{joiner} rid IN ({marks})", (*params, *rids)
        ).all()
    return {int(r[0]) for r in found}


def _name(parts: Sequence[str | None]) -> str:
    return " ".join(p for p in parts if p)


def _row(r: Sequence[Any]) -> BrowseRow:
    phones: tuple[str, ...] = ()
    if r[11]:
        phones = tuple(str(entry.get("number", "")) for entry in json.loads(r[11]))
    reached = split_reached(r[19])
    return BrowseRow(
        rid=int(r[0]),
        id=r[1],
        name=_name(r[2:5]),
        name_latin=_name(r[5:7]),
        birth_date=r[7] or "",
        sex=r[8] or "",
        national_id=r[9] or "",
        passport_number=r[10] or "",
        phone=phones[0] if phones else "",
        phones=phones,
        region=r[12] or "",
        city=r[13] or "",
        purpose_of_stay=r[14] or "",
        status=r[15] or "",
        welfare_status=r[16] or "",
        vulnerabilities=tuple(v for v in (r[17] or "").split(",") if v),
        last_contact_at=r[18] or "",
        last_reached_at=reached.at if reached is not None else "",
        last_reached_channel=reached.channel.value if reached is not None else "",
    )


def rows_by_rid(session: Session, rids: Sequence[int]) -> list[BrowseRow | None]:
    """Display rows for ``rids``, in the same order; None where a citizen no longer exists."""
    session.require(Action.CITIZEN_VIEW)
    if not rids:
        return []
    marks = ",".join("?" * len(rids))
    with session.read() as conn:
        found = conn.exec_driver_sql(
            f"SELECT {_ROW_COLUMNS} FROM citizens WHERE rid IN ({marks})", tuple(rids)
        ).all()
    by_rid = {int(r[0]): _row(r) for r in found}
    return [by_rid.get(rid) for rid in rids]


def rows_by_id(session: Session, citizen_ids: Sequence[str]) -> dict[str, BrowseRow]:
    """Display rows of the given citizens by id (missing ids are left out)."""
    session.require(Action.CITIZEN_VIEW)
    out: dict[str, BrowseRow] = {}
    ids = list(dict.fromkeys(citizen_ids))
    with session.read() as conn:
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for r in conn.exec_driver_sql(
                f"SELECT {_ROW_COLUMNS} FROM citizens WHERE id IN ({marks})", tuple(part)
            ):
                row = _row(r)
                out[row.id] = row
    return out


def total_citizens(session: Session) -> int:
    """How many citizens are registered (the whole registry, whatever the filters)."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())


def region_options(session: Session) -> list[tuple[str, str]]:
    """(ISO 3166-2 code, English name) of the regions of the post's host country, by name."""
    session.require(Action.CITIZEN_VIEW)
    regions = REGIONS_BY_COUNTRY.get(session.post.host_country, {})
    return sorted(((code, names[0]) for code, names in regions.items()), key=lambda item: item[1])
