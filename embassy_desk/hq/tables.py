"""HQ's tables (SQLAlchemy Core). Designed for PostgreSQL; SQLite runs the same schema for a trial.

Design notes (PostgreSQL first):
- ``entries`` is the per-post log: primary key (post, seq), so a post's entries are clustered by
  sequence number and the table can later be partitioned by post (LIST) without changing a key.
  ``seq`` is allocated per post inside the push transaction with
  ``UPDATE posts SET next_seq = next_seq + :n WHERE code = :post RETURNING next_seq``: the post's row
  lock is held to commit, so commit order equals seq order and a pull never skips an entry that
  commits later with a lower number.
- JSON (fields, base, record state) is stored as TEXT holding canonical JSON, on both engines: the
  content hash and the digests are computed from those exact bytes, nothing queries inside them
  (the columns the statistics need are materialised into ``records``), and TEXT keeps one code path.
- Times are ISO-8601 UTC strings of one fixed format (``hq.clock.now_iso``), so they compare as
  strings on both engines.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

# Alembic's version table of HQ (the workstation's is alembic_version; never mixed up).
VERSION_TABLE = "hq_alembic_version"

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# A post (embassy, consulate). next_seq holds the highest sequence number allocated so far (0: none);
# hq_bundle_* number and chain the bundles HQ wrote for the post (promise 19).
posts = Table(
    "posts",
    metadata,
    Column("code", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("next_seq", BigInteger, nullable=False, server_default="0"),
    Column("created_at", String(40), nullable=False),
    Column("hq_bundle_number", Integer, nullable=False, server_default="0"),
    Column("hq_bundle_hash", String(64), nullable=False, server_default=""),
)

# An enrolled workstation. Keys are raw 32-byte public keys, base64. ``cursor``: the highest post seq
# the device said it has applied (purge_before is the minimum over non-revoked devices); ``through``:
# the highest outbox seq HQ acknowledged; audit_*: the last acknowledged audit entry and the chain
# state ("ok" or "break at seq N"); bundle_*: the last device bundle imported (number, sha-256).
devices = Table(
    "devices",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("post", String(32), ForeignKey("posts.code"), nullable=False, index=True),
    Column("name", String(200), nullable=False, server_default=""),
    Column("signing_key", String(64), nullable=False),
    Column("bundle_key", String(64), nullable=False),
    Column("app_version", String(50), nullable=False, server_default=""),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("last_sync_at", String(40)),
    Column("cursor", BigInteger, nullable=False, server_default="0"),
    Column("through", BigInteger, nullable=False, server_default="0"),
    Column("audit_seq", BigInteger, nullable=False, server_default="0"),
    Column("audit_hash", String(64), nullable=False, server_default="0" * 64),
    Column("audit_state", String(40), nullable=False, server_default="ok"),
    Column("bundle_number", Integer, nullable=False, server_default="0"),
    Column("bundle_hash", String(64), nullable=False, server_default=""),
)

# One-time enrollment codes: only the SHA-256 of the normalised code is kept.
enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("used_by", String(100)),
)

# The per-post log of accepted entries (see the module docstring). ``content_hash``: SHA-256 of the
# entry's canonical JSON as pushed; kept when a delete blanks ``fields`` (``blanked``), so a re-push of
# the same entry stays a silent duplicate.
entries = Table(
    "entries",
    metadata,
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("id", String(100), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("record_id", String(100), nullable=False),
    Column("op", String(10), nullable=False),
    Column("fields", Text, nullable=False),
    Column("hlc", String(100), nullable=False),
    Column("staff", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("base", Text),
    Column("epoch", String(100), nullable=False, server_default=""),
    Column("device", String(100), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("blanked", Boolean, nullable=False, server_default=false()),
    PrimaryKeyConstraint("post", "seq"),
    UniqueConstraint("post", "id"),
    Index("ix_entries_post_entity_record", "post", "entity", "record_id"),
)

# Records materialised from the log with sync/merge.apply (HQ's view of each post's registry):
# ``state`` is the merge RecordState as JSON; the columns after it are copied out for statistics.
# ``at``: a contact's moment in UTC (fixed format); ``status``: citizen or case status.
records = Table(
    "records",
    metadata,
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("record_id", String(100), nullable=False),
    Column("state", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Column("welfare_status", String(40)),
    Column("status", String(40)),
    Column("priority", String(40)),
    Column("at", String(40)),
    Column("updated_seq", BigInteger, nullable=False),
    # merge.record_digest of the state, hex: the summary check reads these instead of the states.
    Column("digest", String(64), nullable=False),
    PrimaryKeyConstraint("post", "entity", "record_id"),
    Index("ix_records_post_entity_deleted", "post", "entity", "deleted"),
)

# Entries HQ refused (409 other content under a known id, 422 invalid), with the reason; never the
# entry's values.
rejections = Table(
    "rejections",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("post", String(32), nullable=False),
    Column("device", String(100), nullable=False),
    Column("entry_id", String(100), nullable=False),
    Column("status", Integer, nullable=False),
    Column("reason", String(500), nullable=False),
    Column("at", String(40), nullable=False),
    Index("ix_rejections_device", "device"),
)

# Request nonces seen recently (promise 18): a reused nonce is refused; old ones are pruned.
nonces = Table(
    "nonces",
    metadata,
    Column("device", String(100), nullable=False),
    Column("nonce", String(200), nullable=False),
    Column("created", BigInteger, nullable=False),
    PrimaryKeyConstraint("device", "nonce"),
    Index("ix_nonces_created", "created"),
)

# Staff display names per post, for HQ's own views (staff accounts stay on the workstations).
staff = Table(
    "staff",
    metadata,
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("staff_id", String(100), nullable=False),
    Column("display_name", String(200), nullable=False),
    Column("updated_at", String(40), nullable=False),
    PrimaryKeyConstraint("post", "staff_id"),
)

# Workstation audit entries as pushed (promise 20): ids and actions, never personal data.
audit_entries = Table(
    "audit_entries",
    metadata,
    Column("device", String(100), ForeignKey("devices.id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(100), nullable=False),
    Column("entity", String(100), nullable=False),
    Column("entity_id", String(100), nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("chain_ok", Boolean, nullable=False),
    PrimaryKeyConstraint("device", "seq"),
)

# --- The web console (issue 13) ------------------------------------------------------------------------

# An operator of the console: role "admin" or "analyst"; the password as an Argon2id PHC string.
# failures / last_failure_at drive the back-off; locked_at is set after too many failures in a row
# (``hq operator unlock`` clears it). language: the console's language for this operator (en, ru, kk).
operators = Table(
    "operators",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("language", String(8), nullable=False, server_default="en"),
    Column("password_hash", String(400), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("last_failure_at", String(40)),
    Column("locked_at", String(40)),
    Column("disabled_at", String(40)),
)

# A signed-in console session. Only the SHA-256 of the cookie's token is stored; ``csrf`` is the
# session's anti-forgery token (every form carries it). A session ends at sign-out, after
# ``idle`` minutes without a request (last_seen_at) or at expires_at, whichever comes first.
console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("operator", String(100), ForeignKey("operators.name", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Index("ix_console_sessions_operator", "operator"),
)

# HQ's own audit log (sign-ins, record views, publications, revocations, enrollment codes), chained
# exactly like a workstation's (storage/audit.entry_hash): each entry's hash covers the previous one.
# Entries name records by id, never by personal data.
hq_audit = Table(
    "hq_audit",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(100), nullable=False),
    Column("entity", String(100), nullable=False),
    Column("entity_id", String(200), nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# Live citizens per post and welfare status, kept by the push transaction as records change (under the
# post's row lock), so the overview reads 100 posts x 5 rows instead of counting millions of records.
# "unknown" holds citizens with no status. ``hq stats`` reads the same rows (one query layer).
welfare_counts = Table(
    "welfare_counts",
    metadata,
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("status", String(40), nullable=False),
    Column("count", BigInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("post", "status"),
)

# Net changes of those counts per post, hour ("YYYY-MM-DDTHH", UTC, the hour HQ applied the change)
# and status: the post page's "welfare over time" is the present counts minus the later deltas.
welfare_hours = Table(
    "welfare_hours",
    metadata,
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("hour", String(13), nullable=False),
    Column("status", String(40), nullable=False),
    Column("delta", BigInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("post", "hour", "status"),
)

# Contacts by moment, for "contacts in the last 24 h" and contacts per hour (a range scan, not a count
# of every contact a post ever logged).
Index("ix_records_entity_at", records.c.entity, records.c.at, records.c.post)

# Check-in links (issue 14), copied out of the posts' ``checkin_link`` records as they are pushed, so
# the public page finds a token by its SHA-256 with one key lookup. ``phone_hash``: SHA-256 of the
# E.164 number the link was sent to (an SMS reply is matched by it); ``revoked``: the link's record
# was deleted (its person left the register).
checkin_links = Table(
    "checkin_links",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("link_id", String(100), nullable=False),
    Column("citizen_id", String(100), nullable=False),
    Column("campaign_id", String(100)),
    Column("language", String(8), nullable=False),
    Column("phone_hash", String(64)),
    Column("expires_at", String(40), nullable=False),
    Column("revoked", Boolean, nullable=False, server_default=false()),
    Index("ix_checkin_links_phone_hash", "phone_hash"),
    Index("ix_checkin_links_post_link", "post", "link_id"),
)

# Every answer a citizen gave (web page or SMS), stored at once; ``drained_at`` is set when HQ has
# turned it into records of the post's log (hq/checkin_drain.py). ``message``, ``callback`` and
# ``phone`` are what the citizen typed.
checkin_answers = Table(
    "checkin_answers",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("post", String(32), ForeignKey("posts.code"), nullable=False),
    Column("citizen_id", String(100), nullable=False),
    Column("campaign_id", String(100)),
    Column("answer", String(20), nullable=False),
    Column("message", Text),
    Column("callback", String(40)),
    Column("phone", String(40)),
    Column("language", String(8), nullable=False),
    Column("source", String(8), nullable=False),
    Column("at", String(40), nullable=False),
    Column("drained_at", String(40)),
    Index("ix_checkin_answers_token", "token_hash", "at"),
    Index("ix_checkin_answers_post_at", "post", "at"),
)
# Answers not yet in a post's log: a partial index keeps the drainer's search small.
Index(
    "ix_checkin_answers_pending",
    checkin_answers.c.post,
    checkin_answers.c.at,
    postgresql_where=checkin_answers.c.drained_at.is_(None),
    sqlite_where=checkin_answers.c.drained_at.is_(None),
)

# SMS gateway message ids already taken: a replayed delivery is refused (kept 7 days).
sms_messages = Table(
    "sms_messages",
    metadata,
    Column("message_id", String(200), primary_key=True),
    Column("received_at", String(40), nullable=False),
)
