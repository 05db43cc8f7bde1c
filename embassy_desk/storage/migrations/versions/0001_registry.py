"""The registry: post settings, staff, citizens with full-text search, contacts, audit, change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CITIZEN_COLUMNS = """
    surname TEXT, given_names TEXT, patronymic TEXT, surname_latin TEXT, given_names_latin TEXT,
    sex TEXT, birth_date TEXT, birth_place TEXT, national_id TEXT, passport_number TEXT,
    passport_issue_date TEXT, passport_expiry_date TEXT, purpose_of_stay TEXT, arrival_date TEXT,
    planned_departure_date TEXT, address TEXT, city TEXT, region TEXT, phones TEXT, email TEXT,
    messengers TEXT, emergency_contact TEXT, household_id TEXT, languages TEXT, vulnerabilities TEXT,
    consent_date TEXT, consent_method TEXT, status TEXT, welfare_status TEXT,
    welfare_checked_at TEXT, welfare_checked_by TEXT, notes TEXT
"""

STATEMENTS = [
    "CREATE TABLE meta (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE staff_users (
        id VARCHAR NOT NULL PRIMARY KEY, username VARCHAR NOT NULL UNIQUE,
        display_name VARCHAR NOT NULL, role VARCHAR NOT NULL,
        disabled INTEGER DEFAULT '0' NOT NULL,
        created_at VARCHAR NOT NULL, updated_at VARCHAR NOT NULL)""",
    """CREATE TABLE households (
        id VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, head_id VARCHAR,
        created_at VARCHAR NOT NULL, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_households_name ON households (name)",
    f"""CREATE TABLE citizens (
        rid INTEGER NOT NULL PRIMARY KEY, id VARCHAR NOT NULL UNIQUE, {CITIZEN_COLUMNS},
        name_key VARCHAR DEFAULT '' NOT NULL, last_contact_at VARCHAR,
        created_at VARCHAR NOT NULL, updated_at VARCHAR NOT NULL,
        created_by VARCHAR NOT NULL, updated_by VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_citizens_national_id ON citizens (national_id)",
    "CREATE INDEX ix_citizens_passport_number ON citizens (passport_number)",
    "CREATE INDEX ix_citizens_birth_name ON citizens (birth_date, name_key)",
    "CREATE INDEX ix_citizens_region ON citizens (region)",
    "CREATE INDEX ix_citizens_welfare_status ON citizens (welfare_status)",
    # Most citizens have no household: a partial index skips them on every insert.
    "CREATE INDEX ix_citizens_household_id ON citizens (household_id) WHERE household_id IS NOT NULL",
    # Contentless: the index keeps no copy of the text; contentless_delete lets a deleted
    # citizen's tokens go, and secure-delete overwrites them (SECURITY.md promise 6).
    """CREATE VIRTUAL TABLE citizen_fts USING fts5(
        names, docs, phone_rev,
        content='', contentless_delete=1, prefix='2 3 4',
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'")""",
    "INSERT INTO citizen_fts(citizen_fts, rank) VALUES('secure-delete', 1)",
    """CREATE TABLE contacts (
        id VARCHAR NOT NULL PRIMARY KEY, citizen_id VARCHAR NOT NULL, at VARCHAR NOT NULL,
        channel VARCHAR NOT NULL, direction VARCHAR NOT NULL, staff VARCHAR NOT NULL,
        outcome VARCHAR NOT NULL, welfare_status VARCHAR, note TEXT, follow_up_due VARCHAR,
        campaign_id VARCHAR)""",
    "CREATE INDEX ix_contacts_citizen ON contacts (citizen_id, at)",
    "CREATE INDEX ix_contacts_follow_up ON contacts (follow_up_due)",
    """CREATE TRIGGER contacts_append_only BEFORE UPDATE ON contacts
        BEGIN SELECT RAISE(ABORT, 'the contact log is append-only'); END""",
    """CREATE TABLE audit_log (
        seq INTEGER NOT NULL PRIMARY KEY, at VARCHAR NOT NULL, actor VARCHAR NOT NULL,
        action VARCHAR NOT NULL, entity VARCHAR DEFAULT '' NOT NULL,
        entity_id VARCHAR DEFAULT '' NOT NULL, details TEXT DEFAULT '{}' NOT NULL,
        prev_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TABLE change_log (
        seq INTEGER NOT NULL PRIMARY KEY, id VARCHAR NOT NULL, entity VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL, op VARCHAR NOT NULL, fields TEXT NOT NULL,
        hlc VARCHAR NOT NULL, staff VARCHAR NOT NULL, schema_version INTEGER NOT NULL,
        sent INTEGER DEFAULT '0' NOT NULL, CONSTRAINT uq_change_log_id UNIQUE (id))""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
