"""Field groups: the fields that change together and carry one stamp (SYNC.md "Merging").

Citizen groups name the columns of ``storage/schema.py`` ``CITIZEN_DATA_COLUMNS``; every field of any
other entity is a group of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

CITIZEN_GROUPS: dict[str, tuple[str, ...]] = {
    "names": ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin"),
    "identity": ("sex", "birth_date", "birth_place", "national_id", "nationality"),
    "passport": ("passport_number", "passport_issue_date", "passport_expiry_date"),
    "stay": ("purpose_of_stay", "arrival_date", "planned_departure_date"),
    "address": ("address", "city", "region"),
    "phones": ("phones",),
    "email": ("email",),
    "messengers": ("messengers",),
    "emergency_contact": ("emergency_contact",),
    "household": ("household_id",),
    "languages": ("languages",),
    "vulnerabilities": ("vulnerabilities",),
    "consent": ("consent_date", "consent_method"),
    "status": ("status",),
    "welfare": ("welfare_status", "welfare_checked_at", "welfare_checked_by"),
    "notes": ("notes",),
}
_CITIZEN_GROUP_OF = {field: group for group, fields in CITIZEN_GROUPS.items() for field in fields}

# Groups a concurrent change never overwrites silently: both values go to the review queue.
IDENTITY_GROUPS: dict[str, frozenset[str]] = {"citizen": frozenset({"names", "identity", "passport"})}

# Fields each workstation derives itself; they never travel and are never merged.
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "citizen": frozenset({"name_key", "name_sort", "last_contact_at", "rid", "id"}),
}

# The pseudo-group of a whole record: the group of "restore" conflicts and of record-level writers
# (who created, deleted or restored it).
RECORD_GROUP = "*"


def group_of(entity: str, field: str) -> str | None:
    """The group ``field`` belongs to, or None for a derived field that is never merged."""
    if field in DERIVED_FIELDS.get(entity, ()):
        return None
    if entity == "citizen":
        # A citizen field outside the named groups (bookkeeping such as ``updated_at``) is its own
        # group, so it still merges last-writer-wins and can never diverge.
        return _CITIZEN_GROUP_OF.get(field, field)
    return field


def groups_of(entity: str, fields: Iterable[str]) -> set[str]:
    """The groups touched by a change of ``fields`` (derived fields touch none)."""
    groups = (group_of(entity, field) for field in fields)
    return {group for group in groups if group is not None}


def group_fields(entity: str, group: str) -> tuple[str, ...]:
    """The fields of ``group``, in schema order (a non-citizen group is its one field)."""
    if entity == "citizen":
        return CITIZEN_GROUPS.get(group, (group,))
    return (group,)


def is_identity(entity: str, group: str) -> bool:
    """Whether ``group`` holds identity data that a concurrent change never overwrites silently."""
    return group in IDENTITY_GROUPS.get(entity, frozenset())


def synced_fields(entity: str, fields: Iterable[str]) -> list[str]:
    """``fields`` without the derived ones."""
    derived = DERIVED_FIELDS.get(entity, frozenset())
    return [field for field in fields if field not in derived]
