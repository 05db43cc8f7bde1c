"""HQ's publications: an advisory text or a notice template version, sent to one post or all.

A publication is an entry of entity ``publication`` written by device ``hq`` into each target post's
log, so the workstations receive it on their next pull (network or bundle) and show it in their
Notices screen as "from headquarters". Its fields: ``kind`` ("advisory" | "template"), ``title`` and
``body`` ({language: text}; a template's body holds the template file's text under ``source`` and
its name under ``file``), ``published_at``.
"""

from __future__ import annotations

import hashlib
import json
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from embassy_desk.domain.hlc import HybridClock
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.hq import audit
from embassy_desk.hq.errors import InvalidRequest
from embassy_desk.hq.store import DeviceInfo, HQStore, post_codes
from embassy_desk.hq.store_push import push_batch
from embassy_desk.hq.tables import devices, entries, posts
from embassy_desk.resources import notices_dir
from embassy_desk.storage.changelog import SCHEMA_VERSION
from embassy_desk.sync import wire

HQ_DEVICE = "hq"
KINDS = ("advisory", "template")
LANGUAGES = ("kk", "ru", "en")
# One clock for HQ's own stamps in this process; stamps stay increasing across publications.
_clock = HybridClock(HQ_DEVICE)


@dataclass(frozen=True)
class Published:
    """One publication as written: its record id and the seq it got in each post's log."""

    record_id: str
    seqs: dict[str, int]


def publication_fields(
    kind: str, title: Mapping[str, str], body: Mapping[str, Any], published_at: str
) -> dict[str, Any]:
    """The fields of a publication entry; InvalidRequest if the kind or the texts are not usable."""
    if kind not in KINDS:
        raise InvalidRequest(Msg("hq.publication_kind", kind=kind, allowed=", ".join(KINDS)))
    texts = {lang: text for lang, text in title.items() if text.strip()}
    if not texts or not any(str(value).strip() for value in body.values()):
        raise InvalidRequest(Msg("hq.publication_empty"))
    unknown = sorted(set(title) - set(LANGUAGES)) if kind == "advisory" else []
    if unknown:
        raise InvalidRequest(Msg("hq.publication_language", languages=", ".join(unknown)))
    return {"kind": kind, "title": dict(texts), "body": dict(body), "published_at": published_at}


def publish(
    store: HQStore,
    *,
    kind: str,
    title: Mapping[str, str],
    body: Mapping[str, Any],
    targets: Sequence[str] | None,
    actor: str | None = None,
) -> Published:
    """Write one publication into the log of each target post (None: every post), in one transaction.

    With ``actor`` (a console operator) HQ's audit log gets a "publication.publish" entry in the same
    transaction: entity "publication", entity_id the record id, details the kind and the posts."""
    codes = post_codes(store, targets)
    if not codes:
        raise InvalidRequest(Msg("hq.no_posts"))
    now = store.now()
    fields = publication_fields(kind, title, body, now)
    record_id = uuid7()
    stamp = _clock.tick(int(time.time() * 1000))
    seqs: dict[str, int] = {}
    with store.engine.begin() as conn:
        for code in codes:
            entry = wire.Entry(
                id=uuid7(),
                entity="publication",
                record_id=record_id,
                op="create",
                fields=fields,
                hlc=stamp,
                staff=HQ_DEVICE,
                schema_version=SCHEMA_VERSION,
            )
            request = wire.PushRequest(
                protocol=wire.PROTOCOL_VERSION, schema_version=SCHEMA_VERSION, entries=[entry], through=0
            )
            writer = _hq_writer(code)
            push_batch(conn, writer, request, now=now, device_label=HQ_DEVICE)
            seqs[code] = int(store._last_seq(conn, code))
        if actor is not None:
            audit.append(
                conn,
                at=now,
                actor=actor,
                action="publication.publish",
                entity="publication",
                entity_id=record_id,
                details={"kind": kind, "posts": sorted(seqs)},
            )
    return Published(record_id, seqs)


def _hq_writer(post: str) -> DeviceInfo:
    # HQ writes as pseudo-device "hq": no keys, no cursor, no audit chain of its own.
    return DeviceInfo(
        device_id=HQ_DEVICE,
        post=post,
        name="headquarters",
        signing_key="",
        bundle_key="",
        enrolled_at="",
        revoked_at=None,
        last_sync=None,
        cursor=0,
        through=0,
        audit_state="ok",
        app_version="",
        bundle_number=0,
        bundle_hash="",
    )


# -- notice template versions a publication can carry (the console's advisories page) -----------------


@dataclass(frozen=True)
class TemplateVersion:
    """One notice template file: its template id, version and language, and the file's text.
    ``key`` names it in a form: ``bundled:KIND/LANG`` or ``published:RECORD_ID``."""

    key: str
    template: str
    version: int
    language: str
    file: str
    source: str
    sha256: str

    def body(self) -> dict[str, Any]:
        """The publication body of this version (as ``hq publish --template`` writes it)."""
        return {
            "template": self.template,
            "version": self.version,
            "language": self.language,
            "file": self.file,
            "source": self.source,
            "sha256": self.sha256,
        }

    def title(self) -> dict[str, str]:
        """The publication's title when none is given."""
        return {"en": f"{self.template} v{self.version} ({self.language})"}


def template_version(key: str, file: str, source: str) -> TemplateVersion | None:
    """A template file's version, or None if its TOML lacks a string id, an int version or a language."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return None
    template, version, lang = data.get("id"), data.get("version"), data.get("language")
    if not isinstance(template, str) or not isinstance(version, int) or not isinstance(lang, str):
        return None
    sha = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return TemplateVersion(key, template, version, lang, file, source, sha)


def bundled_templates() -> list[TemplateVersion]:
    """The notice templates shipped with this release (``resources/notices/KIND/LANG.toml``; the
    shared ``common`` labels are no template of their own), by kind and language."""
    found: list[TemplateVersion] = []
    root = notices_dir()
    if not root.is_dir():
        return found
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "common"):
        for path in sorted(folder.glob("*.toml")):
            version = template_version(
                f"bundled:{folder.name}/{path.stem}", path.name, path.read_text(encoding="utf-8")
            )
            if version is not None:
                found.append(version)
    return found


def published_templates(store: HQStore) -> list[TemplateVersion]:
    """Template versions HQ has published before (one per distinct file content), newest first, so an
    operator can send the same version to more posts."""
    seen: set[str] = set()
    found: list[TemplateVersion] = []
    for item in _publication_rows(store, kind="template"):
        body = item.fields.get("body")
        if not isinstance(body, dict) or not isinstance(body.get("source"), str):
            continue
        version = template_version(
            f"published:{item.record_id}", str(body.get("file") or ""), str(body["source"])
        )
        if version is not None and version.sha256 not in seen:
            seen.add(version.sha256)
            found.append(version)
    return found


def find_template(store: HQStore, key: str) -> TemplateVersion | None:
    """The template version a form names (see :attr:`TemplateVersion.key`), or None."""
    choices = published_templates(store) if key.startswith("published:") else bundled_templates()
    return next((t for t in choices if t.key == key), None)


# -- publications and who has received them -----------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """One target post of a publication: the entry's seq in its log and which of its workstations
    (enrolled, not revoked) have applied it: a device's cursor is at or past that seq."""

    post: str
    seq: int
    received: tuple[str, ...]
    waiting: tuple[str, ...]

    @property
    def workstations(self) -> int:
        return len(self.received) + len(self.waiting)


@dataclass(frozen=True)
class PublicationStatus:
    """A publication as the advisories page lists it."""

    record_id: str
    kind: str
    title: dict[str, str]
    published_at: str
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True)
class _Row:
    record_id: str
    fields: dict[str, Any]
    seqs: dict[str, int]


def _publication_rows(store: HQStore, *, kind: str | None = None, limit: int | None = None) -> list[_Row]:
    with store.engine.connect() as conn:
        return _rows(conn, kind=kind, limit=limit)


def _rows(conn: Connection, *, kind: str | None, limit: int | None) -> list[_Row]:
    codes = [str(c) for c in conn.execute(select(posts.c.code)).scalars()]
    if not codes:
        return []
    # (post, entity) leads the log's index: HQ's own publications are found without a scan of the log.
    where = and_(entries.c.post.in_(codes), entries.c.entity == "publication", entries.c.device == HQ_DEVICE)
    seqs: dict[str, dict[str, int]] = {}
    for post, seq, record_id in conn.execute(
        select(entries.c.post, entries.c.seq, entries.c.record_id).where(where)
    ):
        seqs.setdefault(str(record_id), {})[str(post)] = int(seq)
    if not seqs:
        return []
    # One copy of each publication's fields (the same in every target post's log).
    firsts = [(min(by_post), by_post[min(by_post)]) for by_post in seqs.values()]
    found: list[_Row] = []
    for chunk in range(0, len(firsts), 500):
        keys = firsts[chunk : chunk + 500]
        query = select(entries.c.record_id, entries.c.fields).where(
            or_(*(and_(entries.c.post == p, entries.c.seq == s) for p, s in keys))
        )
        for record_id, fields_text in conn.execute(query):
            fields = json.loads(fields_text)
            if kind is None or fields.get("kind") == kind:
                found.append(_Row(str(record_id), fields, seqs[str(record_id)]))
    found.sort(key=lambda r: (str(r.fields.get("published_at", "")), r.record_id), reverse=True)
    return found[:limit] if limit is not None else found


def publications(store: HQStore, *, limit: int = 50) -> list[PublicationStatus]:
    """The newest ``limit`` publications with, per target post, which workstations have received them."""
    with store.engine.connect() as conn:
        rows = _rows(conn, kind=None, limit=limit)
        targets = sorted({post for row in rows for post in row.seqs})
        stations: dict[str, list[tuple[str, int]]] = {}
        if targets:
            query = (
                select(devices.c.post, devices.c.id, devices.c.name, devices.c.cursor)
                .where(devices.c.post.in_(targets), devices.c.revoked_at.is_(None))
                .order_by(devices.c.post, devices.c.name, devices.c.id)
            )
            for post, device_id, name, cursor in conn.execute(query):
                stations.setdefault(str(post), []).append((str(name or device_id), int(cursor)))
    out: list[PublicationStatus] = []
    for row in rows:
        deliveries = []
        for post, seq in sorted(row.seqs.items()):
            here = stations.get(post, [])
            deliveries.append(
                Delivery(
                    post,
                    seq,
                    tuple(name for name, cursor in here if cursor >= seq),
                    tuple(name for name, cursor in here if cursor < seq),
                )
            )
        title = row.fields.get("title")
        out.append(
            PublicationStatus(
                record_id=row.record_id,
                kind=str(row.fields.get("kind", "")),
                title={str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else {},
                published_at=str(row.fields.get("published_at", "")),
                deliveries=tuple(deliveries),
            )
        )
    return out
