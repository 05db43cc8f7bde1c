"""Crisis operations (issue 12): welfare campaigns and their call lists, the duty log, evacuation
flights and their manifests; indexes for the dashboard (contacts by hour, citizens by purpose of stay).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STATEMENTS = [
    # The dashboard's counts by region and by purpose come from these indexes alone (no table rows
    # read: 13-30 s without them on a million citizens, ~0.2 s with); the region-first index also
    # serves the registry's region filter, so the region-only index goes.
    "DROP INDEX ix_citizens_region",
    "CREATE INDEX ix_citizens_region_welfare ON citizens (region, welfare_status, status)",
    "CREATE INDEX ix_citizens_purpose ON citizens (purpose_of_stay, status)",
    # A campaign reads its people from this index alone: 100,000 scattered citizen rows cost a
    # page decryption each (about 1.1 s on a million citizens; 0.25 s from the index). The id comes
    # second so that an import appends at the end of each region (uuid7 ids grow): the index costs
    # an import about 6 % (15 % with the id last).
    """CREATE INDEX ix_citizens_call_order ON citizens (region, id, status, welfare_status,
        purpose_of_stay, household_id, vulnerabilities, birth_date, last_contact_at, name_sort)""",
    "CREATE INDEX ix_contacts_at ON contacts (at)",
    "CREATE INDEX ix_contacts_campaign ON contacts (campaign_id) WHERE campaign_id IS NOT NULL",
    """CREATE TABLE campaigns (
        id VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, criteria TEXT DEFAULT '{}' NOT NULL,
        script TEXT, status VARCHAR DEFAULT 'open' NOT NULL, created_at VARCHAR NOT NULL,
        created_by VARCHAR NOT NULL, closed_at VARCHAR, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    # A target's id is CAMPAIGN_ID:CITIZEN_ID and a manifest entry's FLIGHT_ID:CITIZEN_ID: the primary
    # key keeps a person once per list without a second unique index to write on every insert.
    """CREATE TABLE campaign_targets (
        id VARCHAR NOT NULL PRIMARY KEY, campaign_id VARCHAR NOT NULL, citizen_id VARCHAR NOT NULL,
        position INTEGER NOT NULL, assignee VARCHAR, state VARCHAR DEFAULT 'pending' NOT NULL,
        outcome VARCHAR, attempts INTEGER DEFAULT '0' NOT NULL, last_attempt_at VARCHAR,
        done_at VARCHAR, done_by VARCHAR, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_campaign_targets_work ON campaign_targets (campaign_id, assignee, state, position)",
    "CREATE INDEX ix_campaign_targets_citizen ON campaign_targets (citizen_id)",
    # Progress per outcome reads only the people called so far (75 ms -> 8.5 ms on a list of
    # 109,430 with 300 called); empty at creation, so making a campaign does not write it.
    "CREATE INDEX ix_campaign_targets_outcome ON campaign_targets (campaign_id, outcome)"
    " WHERE outcome IS NOT NULL",
    """CREATE TABLE duty_notes (
        id VARCHAR NOT NULL PRIMARY KEY, at VARCHAR NOT NULL, staff VARCHAR NOT NULL, text TEXT NOT NULL)""",
    "CREATE INDEX ix_duty_notes_at ON duty_notes (at)",
    """CREATE TABLE flights (
        id VARCHAR NOT NULL PRIMARY KEY, kind VARCHAR DEFAULT 'flight' NOT NULL, carrier VARCHAR NOT NULL,
        number VARCHAR NOT NULL, origin VARCHAR NOT NULL, destination VARCHAR NOT NULL,
        departs_at VARCHAR NOT NULL, seats INTEGER NOT NULL, assembly_point TEXT DEFAULT '' NOT NULL,
        status VARCHAR DEFAULT 'open' NOT NULL, created_at VARCHAR NOT NULL, created_by VARCHAR NOT NULL,
        updated_at VARCHAR NOT NULL, version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_flights_departs ON flights (departs_at)",
    """CREATE TABLE manifest_entries (
        id VARCHAR NOT NULL PRIMARY KEY, flight_id VARCHAR NOT NULL, citizen_id VARCHAR NOT NULL,
        household_id VARCHAR, list VARCHAR DEFAULT 'passenger' NOT NULL, rank INTEGER NOT NULL,
        priority VARCHAR NOT NULL, status VARCHAR DEFAULT 'confirmed' NOT NULL, passport_flag VARCHAR,
        split_override INTEGER DEFAULT '0' NOT NULL, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_manifest_entries_flight ON manifest_entries (flight_id, list, rank)",
    "CREATE INDEX ix_manifest_entries_citizen ON manifest_entries (citizen_id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
