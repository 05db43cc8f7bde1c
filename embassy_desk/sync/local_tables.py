"""Where each synced entity lives at a workstation: its table, the fields that sync, and how a
record's values are read, inserted, updated and deleted (sync/apply.py, sync/digest.py).

The merge rules (sync/merge.py) work on plain values; these adapters put the result into the real
tables, keeping what the rest of the app derives from them: the citizens' search index, name key,
name order and last contact, the contact log's secure deletion, the Notices screen's batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

import orjson
from sqlalchemy import Connection

from embassy_desk.domain.citizen import name_key
from embassy_desk.domain.enums import (
    CaseKind,
    CasePriority,
    CaseStatus,
    Channel,
    CitizenStatus,
    Direction,
    Outcome,
    PurposeOfStay,
    Sex,
    WelfareStatus,
)
from embassy_desk.domain.ids import uuid7
from embassy_desk.storage import changelog, citizens, search_index
from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
from embassy_desk.sync.local_tables_checkin import CHECKIN_ADAPTERS
from embassy_desk.sync.local_tables_crisis import CRISIS_ADAPTERS
from embassy_desk.sync.table_adapter import CHUNK, Adapter, Creation, Values, stamp_time

__all__ = ["ADAPTERS", "CHUNK", "Adapter", "Creation", "Values", "stamp_time"]


class CitizenAdapter(Adapter):
    """Citizens: a bulk insert path for creations (the import's), the search index, the name key and
    the name order kept with every write, secure deletion with the contact log (storage/citizens.py)."""

    entity = "citizen"
    table = "citizens"
    columns = CITIZEN_DATA_COLUMNS
    shaped = frozenset({"phones"})
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {
        "sex": Sex,
        "purpose_of_stay": PurposeOfStay,
        "status": CitizenStatus,
        "welfare_status": WelfareStatus,
    }

    def check_value(self, column: str, value: Any) -> str | None:
        problem = super().check_value(column, value)
        if problem or column != "phones" or value is None:
            return problem
        # The search index reads the numbers: a phones value must be a JSON list of {"number": text}.
        try:
            entries = orjson.loads(value)
        except orjson.JSONDecodeError:
            return "phones must be a JSON list"
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("number"), str) for e in entries
        ):
            return "phones must be a JSON list of numbers"
        return None

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        found: dict[str, tuple[Values, Any]] = {}
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            marks = ",".join("?" * len(part))
            rows = conn.exec_driver_sql(f"SELECT id FROM citizens WHERE id IN ({marks})", tuple(part)).all()
            for (cid,) in rows:
                row = citizens.get(conn, str(cid))
                if row is not None:
                    found[str(cid)] = ({col: row[col] for col in self.columns}, row)
        return found

    @staticmethod
    def _with_key(values: Mapping[str, Any]) -> dict[str, Any]:
        fields = {col: values.get(col) for col in CITIZEN_DATA_COLUMNS}
        fields["name_key"] = name_key(
            fields["surname_latin"] or fields["surname"] or "",
            fields["given_names_latin"] or fields["given_names"] or "",
        )
        return fields

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        if not creations:
            return
        first = citizens.next_rid(conn)
        rows, documents = [], []
        for offset, c in enumerate(creations):
            fields = self._with_key(c.values)
            rows.append(
                citizens.row_tuple(
                    first + offset,
                    c.record_id,
                    citizens.stored_values(fields),
                    staff=c.staff,
                    now=stamp_time(c.hlc),
                )
            )
            documents.append((first + offset, *search_index.document(fields)))
        citizens.insert_rows(conn, rows, documents)

    def update(
        self,
        conn: Connection,
        handle: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        staff: str,
        now: str,
    ) -> None:
        if all(new.get(col) == old.get(col) for col in self.columns):
            return
        citizens.update(conn, handle, self._with_key(new), staff=staff, now=now)

    def delete(self, conn: Connection, record_id: str, handle: Any) -> None:
        citizens.delete(conn, handle)


class HouseholdAdapter(Adapter):
    entity = "household"
    table = "households"
    columns = ("name", "head_id")
    required = ("name",)
    touch = "updated_at = ?, version = version + 1"

    def extra_insert_columns(self) -> tuple[str, ...]:
        return ("created_at", "updated_at", "version")

    def extra_insert_values(self, creation: Creation) -> tuple[Any, ...]:
        at = stamp_time(creation.hlc)
        return (at, at, 1)


CONTACT_COLUMNS = (
    "citizen_id",
    "at",
    "channel",
    "direction",
    "staff",
    "outcome",
    "welfare_status",
    "note",
    "follow_up_due",
    "campaign_id",
)


class ContactAdapter(Adapter):
    """The contact log: appended, never edited; a contact whose citizen is not (or no longer) on the
    register is not kept (its person was deleted: promise 6)."""

    entity = "contact"
    table = "contacts"
    columns = CONTACT_COLUMNS
    required = ("citizen_id", "at", "channel", "direction", "staff", "outcome")
    append_only = True
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {
        "channel": Channel,
        "direction": Direction,
        "outcome": Outcome,
        "welfare_status": WelfareStatus,
    }


CASE_COLUMNS = (
    "citizen_id",
    "kind",
    "priority",
    "status",
    "assignee",
    "summary",
    "opened_at",
    "closed_at",
    "created_by",
)


class CaseAdapter(Adapter):
    entity = "case"
    table = "cases"
    columns = CASE_COLUMNS
    required = ("citizen_id", "kind", "priority", "status", "summary", "opened_at", "created_by")
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {
        "kind": CaseKind,
        "priority": CasePriority,
        "status": CaseStatus,
    }
    touch = "updated_at = ?, version = version + 1"

    def extra_insert_columns(self) -> tuple[str, ...]:
        return ("updated_at", "version")

    def extra_insert_values(self, creation: Creation) -> tuple[Any, ...]:
        return (stamp_time(creation.hlc), 1)


CASE_EVENT_COLUMNS = ("case_id", "at", "staff", "kind", "text")


class CaseEventAdapter(Adapter):
    entity = "case_event"
    table = "case_events"
    columns = CASE_EVENT_COLUMNS
    required = ("case_id", "at", "staff", "kind")
    append_only = True


NOTICE_COLUMNS = ("kind", "citizen_id", "batch_id", "languages", "pages", "issued_at", "issued_by")


class NoticeAdapter(Adapter):
    """Notices issued at another workstation: kept under their reference with a batch row of their own
    (output ``remote``, no template, no merged fields), so the Notices screen lists and finds them;
    only the workstation that printed one can print it again."""

    entity = "notice"
    table = "notices_issued"
    columns = NOTICE_COLUMNS
    shaped = frozenset({"pages"})
    required = ("kind", "batch_id")
    append_only = True

    def check_value(self, column: str, value: Any) -> str | None:
        if column == "pages":
            return (
                None if value is None or (isinstance(value, int) and value >= 0) else "pages must be a count"
            )
        return super().check_value(column, value)

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        found: dict[str, tuple[Values, Any]] = {}
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            marks = ",".join("?" * len(part))
            for row in conn.exec_driver_sql(
                "SELECT n.reference, b.kind, n.citizen_id, n.batch_id, n.languages, n.pages, n.issued_at,"
                " n.issued_by FROM notices_issued n LEFT JOIN notice_batches b ON b.id = n.batch_id"
                f" WHERE n.reference IN ({marks})",
                tuple(part),
            ):
                found[str(row[0])] = (dict(zip(NOTICE_COLUMNS, row[1:], strict=True)), str(row[0]))
        return found

    def live_ids(self, conn: Connection) -> Iterable[str]:
        return (
            str(r[0])
            for r in conn.exec_driver_sql(
                "SELECT n.reference FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id"
                " WHERE b.status = 'issued'"
            )
        )

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        if not creations:
            return
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO notice_batches(id, kind, languages, paper, template_sha256, shared,"
            " output, status, notices, pages, issued_at, issued_by)"
            " VALUES (?, ?, ?, '', '', '{}', 'remote', 'issued', 0, 0, ?, ?)",
            [
                (
                    c.values["batch_id"],
                    c.values["kind"],
                    c.values.get("languages") or "",
                    c.values.get("issued_at") or stamp_time(c.hlc),
                    c.values.get("issued_by") or c.staff,
                )
                for c in creations
            ],
        )
        conn.exec_driver_sql(
            "INSERT INTO notices_issued(id, reference, batch_id, citizen_id, languages, personal, pages,"
            " issued_at, issued_by) VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?)",
            [
                (
                    uuid7(),
                    c.record_id,
                    c.values["batch_id"],
                    c.values.get("citizen_id"),
                    c.values.get("languages") or "",
                    c.values.get("pages") or 0,
                    c.values.get("issued_at") or stamp_time(c.hlc),
                    c.values.get("issued_by") or c.staff,
                )
                for c in creations
            ],
        )

    def update(
        self,
        conn: Connection,
        handle: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        staff: str,
        now: str,
    ) -> None:
        return  # append-only: updates are refused before they get here

    def delete(self, conn: Connection, record_id: str, handle: Any) -> None:
        conn.exec_driver_sql("DELETE FROM notices_issued WHERE reference = ?", (handle,))
        changelog.forget_record(conn, self.entity, record_id)


class DuplicateDecisionAdapter(Adapter):
    """ "Not a duplicate" decisions, keyed ``first_id:second_id`` (the smaller id first)."""

    entity = "duplicate_decision"
    table = "duplicate_decisions"
    columns = ("first_id", "second_id")
    required = ("first_id", "second_id")
    append_only = True

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        found: dict[str, tuple[Values, Any]] = {}
        for record_id in ids:
            first, _, second = record_id.partition(":")
            row = conn.exec_driver_sql(
                "SELECT 1 FROM duplicate_decisions WHERE first_id = ? AND second_id = ?", (first, second)
            ).first()
            if row is not None:
                found[record_id] = ({"first_id": first, "second_id": second}, (first, second))
        return found

    def live_ids(self, conn: Connection) -> Iterable[str]:
        return (
            f"{a}:{b}" for a, b in conn.exec_driver_sql("SELECT first_id, second_id FROM duplicate_decisions")
        )

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO duplicate_decisions(first_id, second_id, decided_by, decided_at)"
            " VALUES (?, ?, ?, ?)",
            [(c.values["first_id"], c.values["second_id"], c.staff, stamp_time(c.hlc)) for c in creations],
        )

    def delete(self, conn: Connection, record_id: str, handle: Any) -> None:
        conn.exec_driver_sql("DELETE FROM duplicate_decisions WHERE first_id = ? AND second_id = ?", handle)


class ResolutionAdapter(Adapter):
    """Conflict resolutions (id = the conflict's id): kept, and the matching local conflict closed."""

    entity = "conflict_resolution"
    table = "sync_resolutions"
    columns = ("entity", "record_id", "group", "keep")
    append_only = True

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        found: dict[str, tuple[Values, Any]] = {}
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            marks = ",".join("?" * len(part))
            for rid, fields in conn.exec_driver_sql(
                f"SELECT id, fields FROM sync_resolutions WHERE id IN ({marks})", tuple(part)
            ):
                found[str(rid)] = (orjson.loads(fields), str(rid))
        return found

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_resolutions(id, fields, hlc, staff) VALUES (?, ?, ?, ?)",
            [(c.record_id, orjson.dumps(c.values).decode(), c.hlc, c.staff) for c in creations],
        )
        conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_at = ?, resolved_by = ?, resolution = ?"
            " WHERE id = ? AND status = 'open'",
            [(stamp_time(c.hlc), c.staff, c.values.get("keep"), c.record_id) for c in creations],
        )

    def update(
        self,
        conn: Connection,
        handle: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        staff: str,
        now: str,
    ) -> None:
        # Two workstations resolved the same conflict: the merge keeps one of the two alike everywhere.
        if dict(new) != dict(old):
            conn.exec_driver_sql(
                "UPDATE sync_resolutions SET fields = ?, staff = ? WHERE id = ?",
                (orjson.dumps(dict(new)).decode(), staff, handle),
            )


class PublicationAdapter(Adapter):
    """Advisories and notice templates from HQ (``hq_publications``); title and body per language."""

    entity = "publication"
    table = "hq_publications"
    columns = ("kind", "title", "body", "published_at")
    shaped = frozenset({"title", "body"})
    required = ("kind",)

    def check_value(self, column: str, value: Any) -> str | None:
        if column in ("title", "body"):
            return None if value is None or isinstance(value, dict | str) else f"{column} must be an object"
        return super().check_value(column, value)

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        found = super().load(conn, ids)
        for values, _handle in found.values():
            values["title"] = orjson.loads(values["title"])
            values["body"] = orjson.loads(values["body"])
        return found

    def _row(self, record_id: str, values: Mapping[str, Any], published: str) -> tuple[Any, ...]:
        return (
            record_id,
            values.get("kind"),
            orjson.dumps(values.get("title") or {}).decode(),
            orjson.dumps(values.get("body") or {}).decode(),
            values.get("published_at") or published,
            datetime.now(UTC).isoformat(timespec="milliseconds"),
        )

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO hq_publications(id, kind, title, body, published_at, received_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [self._row(c.record_id, c.values, stamp_time(c.hlc)) for c in creations],
        )

    def update(
        self,
        conn: Connection,
        handle: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        staff: str,
        now: str,
    ) -> None:
        row = self._row(str(handle), new, str(old.get("published_at") or now))
        conn.exec_driver_sql(
            "UPDATE hq_publications SET kind = ?, title = ?, body = ?, published_at = ?, received_at = ?"
            " WHERE id = ?",
            (*row[1:5], now, handle),
        )


ADAPTERS: dict[str, Adapter] = {
    a.entity: a
    for a in (
        CitizenAdapter(),
        HouseholdAdapter(),
        ContactAdapter(),
        CaseAdapter(),
        CaseEventAdapter(),
        NoticeAdapter(),
        DuplicateDecisionAdapter(),
        ResolutionAdapter(),
        PublicationAdapter(),
        *CRISIS_ADAPTERS,
        *CHECKIN_ADAPTERS,
    )
}
