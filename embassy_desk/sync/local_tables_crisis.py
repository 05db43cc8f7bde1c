"""Where the crisis records live at a workstation (issue 12): campaigns and their call lists, the duty
log, evacuation flights and their manifests; the contract is sync/table_adapter.py.

A campaign target's id is ``CAMPAIGN_ID:CITIZEN_ID`` and a manifest entry's ``FLIGHT_ID:CITIZEN_ID``:
the same person on the same list is one record wherever it was written, so two workstations that
add them concurrently merge field by field instead of colliding on the table's unique key.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, ClassVar

from embassy_desk.domain.enums import (
    CallOutcome,
    CampaignStatus,
    EvacPriority,
    FlightStatus,
    ManifestList,
    PassengerStatus,
    PassportFlag,
    TargetState,
    TransportKind,
)
from embassy_desk.domain.evacuation import FLIGHT_FIELDS
from embassy_desk.sync.table_adapter import Adapter, Creation, stamp_time


class _Versioned(Adapter):
    """A record with ``updated_at`` and ``version`` bookkeeping, and some integer fields."""

    touch = "updated_at = ?, version = version + 1"
    integers: ClassVar[frozenset[str]] = frozenset()

    def check_value(self, column: str, value: Any) -> str | None:
        if column in self.integers:
            ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)
            return None if ok else f"{column} must be a count"
        return super().check_value(column, value)

    @property
    def checked(self) -> frozenset[str]:
        return frozenset(self.vocabularies) | self.shaped | self.integers

    def extra_insert_columns(self) -> tuple[str, ...]:
        return ("updated_at", "version")

    def extra_insert_values(self, creation: Creation) -> tuple[Any, ...]:
        return (stamp_time(creation.hlc), 1)


class CampaignAdapter(_Versioned):
    entity = "campaign"
    table = "campaigns"
    columns = ("name", "criteria", "script", "status", "created_at", "created_by", "closed_at")
    required = ("name", "criteria", "status", "created_at", "created_by")
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {"status": CampaignStatus}


class CampaignTargetAdapter(_Versioned):
    entity = "campaign_target"
    table = "campaign_targets"
    columns = (
        "campaign_id",
        "citizen_id",
        "position",
        "assignee",
        "state",
        "outcome",
        "attempts",
        "last_attempt_at",
        "done_at",
        "done_by",
    )
    required = ("campaign_id", "citizen_id", "position", "state", "attempts")
    integers = frozenset({"position", "attempts"})
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {"state": TargetState, "outcome": CallOutcome}


class DutyNoteAdapter(Adapter):
    entity = "duty_note"
    table = "duty_notes"
    columns = ("at", "staff", "text")
    required = ("at", "staff", "text")
    append_only = True


class FlightAdapter(_Versioned):
    entity = "flight"
    table = "flights"
    columns = (*FLIGHT_FIELDS, "created_at", "created_by")
    required = columns
    integers = frozenset({"seats"})
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {"kind": TransportKind, "status": FlightStatus}


class ManifestEntryAdapter(_Versioned):
    entity = "manifest_entry"
    table = "manifest_entries"
    columns = (
        "flight_id",
        "citizen_id",
        "household_id",
        "list",
        "rank",
        "priority",
        "status",
        "passport_flag",
        "split_override",
    )
    required = ("flight_id", "citizen_id", "list", "rank", "priority", "status", "split_override")
    integers = frozenset({"rank", "split_override"})
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {
        "list": ManifestList,
        "priority": EvacPriority,
        "status": PassengerStatus,
        "passport_flag": PassportFlag,
    }


CRISIS_ADAPTERS: tuple[Adapter, ...] = (
    CampaignAdapter(),
    CampaignTargetAdapter(),
    DutyNoteAdapter(),
    FlightAdapter(),
    ManifestEntryAdapter(),
)
