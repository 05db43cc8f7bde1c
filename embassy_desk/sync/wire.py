"""What travels between a workstation and HQ: the JSON bodies of the sync API and of bundles.

Both sides validate with these models, so a malformed payload is refused with a message naming the
field (promise 23). Bodies are JSON (orjson), gzip-compressed on the wire (``Content-Encoding: gzip``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION = 1
# The oldest workstation protocol HQ still serves; older clients are told to upgrade.
MIN_PROTOCOL_VERSION = 1
# Entries per push or pull batch (SYNC.md: about 500 to 1,000).
BATCH_SIZE = 800
# Requests further than this from HQ's clock are refused (promise 18).
MAX_SKEW_SECONDS = 300

# Header names a request carries besides its RFC 9421 signature.
PROTOCOL_HEADER = "X-Embassy-Protocol"
SCHEMA_HEADER = "X-Embassy-Schema"

Op = Literal["create", "update", "delete", "restore"]
# Entities that sync. Append-only ones are created once and never edited; the others merge per
# field group (sync/merge.py). "publication" is written by HQ only (advisories, notice templates).
SYNCED_ENTITIES = (
    "citizen",
    "household",
    "contact",
    "case",
    "case_event",
    "notice",
    "duplicate_decision",
    "conflict_resolution",
    "publication",
    "campaign",
    "campaign_target",
    "duty_note",
    "flight",
    "manifest_entry",
    "checkin_link",
    "phone_change",
)
# Records about one person (field ``citizen_id``) that exist only while the person is registered: a
# deleted person's go with them on every side, and one that arrives later is not kept (a workstation
# drops it in sync/apply.py, HQ does not count it in hq/records.py).
PERSON_RECORDS = frozenset({"contact", "campaign_target", "manifest_entry", "checkin_link", "phone_change"})
Entity = Literal[
    "citizen",
    "household",
    "contact",
    "case",
    "case_event",
    "notice",
    "duplicate_decision",
    "conflict_resolution",
    "publication",
    "campaign",
    "campaign_target",
    "duty_note",
    "flight",
    "manifest_entry",
    "checkin_link",
    "phone_change",
]

Id = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Stamp = Annotated[str, StringConstraints(pattern=r"^\d{13}-\d{5}-[0-9A-Za-z._:-]{1,64}$")]
Base64 = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Answer(BaseModel):
    """What HQ answers: a workstation ignores fields it does not know, so HQ can grow its answers
    without breaking the workstations of an older release (requests to HQ stay strict)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Entry(_Strict):
    """One change of one record, as the change log holds it (SYNC.md "Model").

    ``base``: for ``update`` and ``delete``, the stamp of each field group the writer saw before its
    change ("" for a group never changed since creation); None for ``create`` and ``restore``.
    ``epoch``: the stamp of the restore the record lived under when written ("" before any restore).
    """

    id: Id
    entity: Entity
    record_id: Id
    op: Op
    fields: dict[str, Any]
    hlc: Stamp
    staff: Annotated[str, StringConstraints(max_length=100)]
    schema_version: int = Field(ge=1)
    base: dict[str, str] | None = None
    epoch: str = ""


class PulledEntry(Entry):
    """An entry as HQ hands it out: with the post's sequence number and the device that wrote it
    (``"hq"`` for HQ's own publications)."""

    seq: int = Field(ge=1)
    device: Id


class AuditEntry(_Strict):
    """One workstation audit entry, pushed so HQ can check the chain continues (promise 20)."""

    seq: int = Field(ge=1)
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    details: str
    prev_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class EnrollRequest(_Strict):
    """A device joins a post with a one-time code. Not signed: the code is the credential; the
    keys are the device's public keys (raw 32 bytes, base64)."""

    protocol: int
    schema_version: int
    code: Annotated[str, StringConstraints(min_length=8, max_length=100)]
    device_id: Id
    device_name: Annotated[str, StringConstraints(max_length=200)] = ""
    signing_key: Base64
    bundle_key: Base64
    app_version: Annotated[str, StringConstraints(max_length=50)] = ""


class EnrollResponse(_Answer):
    device_id: str
    post: str
    post_name: str
    hq_signing_key: str
    hq_bundle_key: str
    hq_time: str


class PushRequest(_Strict):
    """A batch of outbox entries. ``through`` is the highest local change-log sequence number in the
    batch (HQ acknowledges it); ``staff`` maps staff ids to display names for HQ's views."""

    protocol: int
    schema_version: int
    entries: list[Entry] = Field(max_length=5000)
    through: int = Field(ge=0)
    audit: list[AuditEntry] = Field(default_factory=list, max_length=5000)
    staff: dict[str, str] = Field(default_factory=dict)


class Rejected(_Answer):
    """An entry HQ refused, with the HTTP-like status (409: same id, other content; 422: invalid)."""

    id: str
    status: int
    reason: str


class PushResponse(_Answer):
    accepted: int
    duplicates: int
    rejected: list[Rejected]
    through: int
    audit_chain: Literal["ok", "break"]
    # The last audit entry HQ holds for this device; the workstation sends from there next.
    audit_through: int = 0


class PullRequest(_Strict):
    protocol: int
    schema_version: int
    cursor: int = Field(ge=0)
    limit: int = Field(default=BATCH_SIZE, ge=1, le=5000)


class PullResponse(_Answer):
    """``cursor``: the last sequence number included; ``more``: call again. ``purge_before``: every
    device of the post has pulled past this sequence number, so tombstones older may be purged."""

    entries: list[PulledEntry]
    cursor: int
    more: bool
    purge_before: int


class Summary(_Answer):
    """Per-entity counts of live records and a hash over their ids and stamps (sync/digest.py)."""

    counts: dict[str, int]
    digest: str
    cursor: int


class ErrorBody(_Answer):
    """Every 4xx/5xx body: a stable code and one plain English sentence."""

    code: str
    message: str
