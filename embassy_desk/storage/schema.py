"""Table definitions (SQLAlchemy Core). The migrations in ``migrations/`` create exactly these;
``tests/integration/test_migrations.py`` checks that the two never drift apart."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

staff_users = Table(
    "staff_users",
    metadata,
    Column("id", String, primary_key=True),
    Column("username", String, nullable=False, unique=True),
    Column("display_name", String, nullable=False),
    Column("role", String, nullable=False),
    Column("disabled", Integer, nullable=False, server_default="0"),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)

households = Table(
    "households",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("head_id", String),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_households_name", "name"),
)

CITIZEN_DATA_COLUMNS = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "sex",
    "birth_date",
    "birth_place",
    "national_id",
    "passport_number",
    "passport_issue_date",
    "passport_expiry_date",
    "nationality",
    "purpose_of_stay",
    "arrival_date",
    "planned_departure_date",
    "address",
    "city",
    "region",
    "phones",
    "email",
    "messengers",
    "emergency_contact",
    "household_id",
    "languages",
    "vulnerabilities",
    "consent_date",
    "consent_method",
    "status",
    "welfare_status",
    "welfare_checked_at",
    "welfare_checked_by",
    "notes",
)

citizens = Table(
    "citizens",
    metadata,
    # An integer rowid keeps the contentless FTS index small and joins fast; ``id`` is the
    # UUIDv7 that the rest of the world (sync, CLI, audit) uses.
    Column("rid", Integer, primary_key=True),
    Column("id", String, nullable=False, unique=True),
    *(Column(name, Text) for name in CITIZEN_DATA_COLUMNS),
    Column("name_key", String, nullable=False, server_default=""),
    Column("last_contact_at", String),
    # Alphabetical order of the name for the registry table (domain/collation.py, migration 0005).
    Column("name_sort", String, nullable=False, server_default=""),
    Column("created_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Column("updated_by", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_citizens_national_id", "national_id"),
    Index("ix_citizens_passport_number", "passport_number"),
    Index("ix_citizens_birth_name", "birth_date", "name_key"),
    # Region first: the registry's region filter; welfare and status: the dashboard's counts by
    # region, answered from the index alone (migration 0009 replaced the region-only index).
    Index("ix_citizens_region_welfare", "region", "welfare_status", "status"),
    Index("ix_citizens_welfare_status", "welfare_status"),
    Index("ix_citizens_name_sort", "name_sort"),
    Index("ix_citizens_status", "status"),
    Index("ix_citizens_purpose", "purpose_of_stay", "status"),
    # Everything a campaign reads of the people it selects (criteria, order, households): making one
    # over 100,000 people reads this index instead of 100,000 scattered rows (migration 0009).
    Index(
        "ix_citizens_call_order",
        "region",
        "id",
        "status",
        "welfare_status",
        "purpose_of_stay",
        "household_id",
        "vulnerabilities",
        "birth_date",
        "last_contact_at",
        "name_sort",
    ),
    Index(
        "ix_citizens_household_id",
        "household_id",
        sqlite_where=text("household_id IS NOT NULL"),
    ),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", String, primary_key=True),
    Column("citizen_id", String, nullable=False),
    Column("at", String, nullable=False),
    Column("channel", String, nullable=False),
    Column("direction", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("outcome", String, nullable=False),
    Column("welfare_status", String),
    Column("note", Text),
    Column("follow_up_due", String),
    Column("campaign_id", String),
    Index("ix_contacts_citizen", "citizen_id", "at"),
    Index("ix_contacts_follow_up", "follow_up_due"),
    # The dashboard's contacts per hour and the campaign's outcomes (migration 0009).
    Index("ix_contacts_at", "at"),
    Index("ix_contacts_campaign", "campaign_id", sqlite_where=text("campaign_id IS NOT NULL")),
    # The dashboard's count of citizens' own check-ins (migration 0010).
    Index("ix_contacts_checkin", "welfare_status", "at", sqlite_where=text("channel = 'check-in'")),
)

cases = Table(
    "cases",
    metadata,
    Column("id", String, primary_key=True),
    Column("citizen_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("priority", String, nullable=False),
    Column("status", String, nullable=False),
    Column("assignee", String),
    Column("summary", Text, nullable=False),
    Column("opened_at", String, nullable=False),
    Column("closed_at", String),
    Column("created_by", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_cases_citizen", "citizen_id"),
    Index("ix_cases_status", "status", "priority"),
)

case_events = Table(
    "case_events",
    metadata,
    Column("id", String, primary_key=True),
    Column("case_id", String, nullable=False),
    Column("at", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("text", Text),
    Index("ix_case_events_case", "case_id", "at"),
)

duplicate_decisions = Table(
    "duplicate_decisions",
    metadata,
    Column("first_id", String, primary_key=True),
    Column("second_id", String, primary_key=True),
    Column("decided_by", String, nullable=False),
    Column("decided_at", String, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),
    Column("entity", String, nullable=False, server_default=""),
    Column("entity_id", String, nullable=False, server_default=""),
    Column("details", Text, nullable=False, server_default="{}"),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
    Index("ix_audit_log_entity", "entity", "entity_id"),
)

change_log = Table(
    "change_log",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("id", String, nullable=False),
    Column("entity", String, nullable=False),
    Column("record_id", String, nullable=False),
    Column("op", String, nullable=False),
    Column("fields", Text, nullable=False),
    Column("hlc", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("sent", Integer, nullable=False, server_default="0"),
    # What the writer saw (JSON group -> stamp) for update/delete, NULL otherwise; the restore the
    # record lived under (migration 0008).
    Column("base", Text),
    Column("epoch", String, nullable=False, server_default=""),
    UniqueConstraint("id", name="uq_change_log_id"),
    # Numbers of removed entries are never handed out again (migration 0008): the outbox's order.
    sqlite_autoincrement=True,
)

# Merge state of synced records edited after creation, deleted or restored (sync/merge.py
# RecordState without the values, which live in the record's own table). A record created and
# never touched again has no row: its stamps are empty and its epoch "".
sync_state = Table(
    "sync_state",
    metadata,
    Column("entity", String, primary_key=True),
    Column("record_id", String, primary_key=True),
    Column("epoch", String, nullable=False, server_default=""),
    Column("stamps", Text, nullable=False, server_default="{}"),
    Column("writers", Text, nullable=False, server_default="{}"),
    Column("deleted", Integer, nullable=False, server_default="0"),
    Column("deleted_hlc", String, nullable=False, server_default=""),
    Column("merged_into", String),
)

# Changes that a person should settle: an edit that lost to or overwrote one HQ had not seen, an
# identity group changed on two workstations, an edit of a record deleted elsewhere ("restore").
sync_conflicts = Table(
    "sync_conflicts",
    metadata,
    Column("id", String, primary_key=True),
    Column("entity", String, nullable=False),
    Column("record_id", String, nullable=False),
    Column("grp", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("local_value", Text, nullable=False),
    Column("remote_value", Text, nullable=False),
    Column("local_hlc", String, nullable=False),
    Column("remote_hlc", String, nullable=False),
    Column("local_staff", String, nullable=False),
    Column("remote_staff", String, nullable=False),
    Column("status", String, nullable=False, server_default="open"),
    Column("created_at", String, nullable=False),
    Column("resolved_at", String),
    Column("resolved_by", String),
    Column("resolution", String),
    Index("ix_sync_conflicts_status", "status", "created_at"),
    Index("ix_sync_conflicts_record", "entity", "record_id"),
)

# Synced conflict resolutions (entity "conflict_resolution", id = the conflict's id).
sync_resolutions = Table(
    "sync_resolutions",
    metadata,
    Column("id", String, primary_key=True),
    Column("fields", Text, nullable=False),
    Column("hlc", String, nullable=False),
    Column("staff", String, nullable=False),
)

# One row per sync run (network) or bundle written or read; ``id`` is assigned by SQLite.
sync_history = Table(
    "sync_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String, nullable=False),
    Column("started_at", String, nullable=False),
    Column("finished_at", String),
    Column("pushed", Integer, nullable=False, server_default="0"),
    Column("pulled", Integer, nullable=False, server_default="0"),
    Column("conflicts", Integer, nullable=False, server_default="0"),
    Column("error_code", String),
    Column("error_text", Text),
)

# Advisories and notice templates HQ published to the post; title and body are JSON (per language).
hq_publications = Table(
    "hq_publications",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("published_at", String, nullable=False),
    Column("received_at", String, nullable=False),
)

notice_templates = Table(
    "notice_templates",
    metadata,
    Column("sha256", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("versions", Text, nullable=False),
    Column("sources", Text, nullable=False),
    Column("first_used_at", String, nullable=False),
)

notice_batches = Table(
    "notice_batches",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("languages", String, nullable=False),
    Column("paper", String, nullable=False),
    Column("template_sha256", String, nullable=False),
    Column("shared", Text, nullable=False),
    Column("output", String, nullable=False),
    Column("status", String, nullable=False),
    Column("notices", Integer, nullable=False, server_default="0"),
    Column("pages", Integer, nullable=False, server_default="0"),
    Column("pdf_sha256", String),
    Column("issued_at", String, nullable=False),
    Column("issued_by", String, nullable=False),
)

notices_issued = Table(
    "notices_issued",
    metadata,
    Column("id", String, primary_key=True),
    Column("reference", String, nullable=False, unique=True),
    Column("batch_id", String, nullable=False),
    Column("citizen_id", String),
    Column("languages", String, nullable=False),
    Column("personal", Text, nullable=False),
    Column("pages", Integer, nullable=False, server_default="0"),
    Column("pdf_sha256", String),
    Column("issued_at", String, nullable=False),
    Column("issued_by", String, nullable=False),
    Index("ix_notices_issued_citizen", "citizen_id"),
    Index("ix_notices_issued_batch", "batch_id"),
)


# Crisis operations (migration 0009). Every table below syncs (sync/local_tables.py); ids are UUIDv7.

# A welfare campaign: who to call (criteria, JSON), in what order, and whether it is still open.
campaigns = Table(
    "campaigns",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("criteria", Text, nullable=False, server_default="{}"),
    # The call script per language (JSON language -> text); NULL: the standard script.
    Column("script", Text),
    Column("status", String, nullable=False, server_default="open"),
    Column("created_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Column("closed_at", String),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
)

# One person in one campaign: their place in the order, who calls them, and where they stand. The id
# is CAMPAIGN_ID:CITIZEN_ID, so the primary key already keeps a person once per campaign.
campaign_targets = Table(
    "campaign_targets",
    metadata,
    Column("id", String, primary_key=True),
    Column("campaign_id", String, nullable=False),
    Column("citizen_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("assignee", String),
    Column("state", String, nullable=False, server_default="pending"),
    Column("outcome", String),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_attempt_at", String),
    Column("done_at", String),
    Column("done_by", String),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_campaign_targets_work", "campaign_id", "assignee", "state", "position"),
    Index("ix_campaign_targets_citizen", "citizen_id"),
    # The people called so far, by outcome: progress counts them without reading every place.
    Index(
        "ix_campaign_targets_outcome",
        "campaign_id",
        "outcome",
        sqlite_where=text("outcome IS NOT NULL"),
    ),
)

# The duty log: what happened on a shift and what is pending, appended, never edited.
duty_notes = Table(
    "duty_notes",
    metadata,
    Column("id", String, primary_key=True),
    Column("at", String, nullable=False),
    Column("staff", String, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_duty_notes_at", "at"),
)

# An evacuation flight or bus.
flights = Table(
    "flights",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False, server_default="flight"),
    Column("carrier", String, nullable=False),
    Column("number", String, nullable=False),
    Column("origin", String, nullable=False),
    Column("destination", String, nullable=False),
    Column("departs_at", String, nullable=False),
    Column("seats", Integer, nullable=False),
    Column("assembly_point", Text, nullable=False, server_default=""),
    Column("status", String, nullable=False, server_default="open"),
    Column("created_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_flights_departs", "departs_at"),
)

# A person on a flight's manifest or its waiting list (id FLIGHT_ID:CITIZEN_ID: once per flight).
manifest_entries = Table(
    "manifest_entries",
    metadata,
    Column("id", String, primary_key=True),
    Column("flight_id", String, nullable=False),
    Column("citizen_id", String, nullable=False),
    Column("household_id", String),
    Column("list", String, nullable=False, server_default="passenger"),
    Column("rank", Integer, nullable=False),
    Column("priority", String, nullable=False),
    Column("status", String, nullable=False, server_default="confirmed"),
    Column("passport_flag", String),
    # 1: a person chose to seat this household member apart from the rest of the household.
    Column("split_override", Integer, nullable=False, server_default="0"),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_manifest_entries_flight", "flight_id", "list", "rank"),
    Index("ix_manifest_entries_citizen", "citizen_id"),
)

# A personal check-in link (issue 14): only the SHA-256 of its token is kept; never edited.
checkin_links = Table(
    "checkin_links",
    metadata,
    Column("id", String, primary_key=True),
    Column("token_hash", String, nullable=False),
    Column("citizen_id", String, nullable=False),
    Column("campaign_id", String),
    Column("language", String, nullable=False),
    Column("phone", String),
    Column("expires_at", String, nullable=False),
    Column("created_at", String, nullable=False),
    Column("created_by", String, nullable=False),
    Index("ix_checkin_links_token_hash", "token_hash", unique=True),
    Index("ix_checkin_links_citizen", "citizen_id"),
    Index("ix_checkin_links_campaign", "campaign_id", sqlite_where=text("campaign_id IS NOT NULL")),
)

# A phone number a citizen reported by check-in, waiting for staff (never applied silently).
phone_changes = Table(
    "phone_changes",
    metadata,
    Column("id", String, primary_key=True),
    Column("citizen_id", String, nullable=False),
    Column("phone", String, nullable=False),
    Column("reported_at", String, nullable=False),
    Column("source", String, nullable=False),
    Column("status", String, nullable=False, server_default="pending"),
    Column("resolved_at", String),
    Column("resolved_by", String),
    Column("updated_at", String, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Index("ix_phone_changes_status", "status", "reported_at"),
    Index("ix_phone_changes_citizen", "citizen_id"),
)
