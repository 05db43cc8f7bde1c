"""Issuing printable notices: to one citizen or a selection, recorded, audited and re-printable.

A run of notices is a batch: its template sources are kept (``notice_templates``), what is the same for
every notice (post details, officer-given fields, date, QR) is kept once (``notice_batches``), and each
notice keeps the citizen fields it merged (``notices_issued``), so a re-print reproduces the same
content even after the record or the templates changed. Notices are rendered a chunk at a time on
worker processes and recorded as each chunk finishes, so memory stays flat and the database is never
locked for the length of a batch; a cancelled or failed batch leaves no notice recorded and no file.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.checkin import link_url
from embassy_desk.domain.enums import Vulnerability, WelfareStatus
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.regions import normalize_region
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.notices.batch import ChunkResult, ChunkRunner, default_workers
from embassy_desk.notices.kinds import KindSpec, Qr, Recipient, kind_spec
from embassy_desk.notices.link_panel import CHECKIN_URL
from embassy_desk.notices.merge import PostDetails, citizen_fields, notice_fields, post_fields
from embassy_desk.notices.qr import tel_uri, vcard
from embassy_desk.notices.render import NoticeData, RenderJob, paper_size, render
from embassy_desk.notices.templates import TemplateBundle, available_kinds, check_languages, load_bundle
from embassy_desk.notices.text import LANGUAGES, long_date
from embassy_desk.services import checkin
from embassy_desk.services.checkin import IssuedLink
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.storage import changelog, meta
from embassy_desk.storage.files import atomic_writer, ensure_private_dir, private_tempdir

AUTO = "auto"  # as a language: the citizen's own (first of their languages that notices are written in)
DEFAULT_LANGUAGE = "ru"  # for "auto" when a record names no notice language
CHUNK = 400  # notices per worker task; a multiple of 4 and 5 so card sheets are never split
INLINE_LIMIT = 400  # up to this many notices are rendered in this process
Progress = Callable[[int, int], None]  # (done, total); raise Cancelled to stop
ParamValue = str | Mapping[str, str]  # one text for every language, or one per language

# Citizen columns a notice may merge (kept with each notice for re-printing).
_RECORD_COLUMNS = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "birth_date",
    "passport_number",
    "national_id",
    "address",
    "city",
    "region",
    "phones",
    "languages",
)


@dataclass(frozen=True)
class Selection:
    """Whom a batch is for: listed citizens (a manifest, a pick in the registry) and/or filters."""

    citizen_ids: tuple[str, ...] = ()
    region: str | None = None
    welfare_status: str | None = None
    campaign: str | None = None
    everyone: bool = False
    vulnerability: str | None = None
    not_reached_since: date | None = None  # no contact that reached them on or after this day

    @property
    def is_list(self) -> bool:
        filters = (
            self.region,
            self.welfare_status,
            self.campaign,
            self.vulnerability,
            self.not_reached_since,
        )
        return bool(self.citizen_ids) and not any(filters)


@dataclass(frozen=True)
class IssueResult:
    """What a batch produced."""

    batch_id: str
    kind: str
    notices: int
    pages: int
    references: list[str]
    target: Path
    files: list[Path] = field(default_factory=list)  # one per person, when asked
    pdf_sha256: str | None = None  # of the one PDF, when not one per person
    checkin_links: int = 0  # personal check-in links printed (made for this batch)


@dataclass(frozen=True)
class IssuedNotice:
    """One notice as recorded."""

    id: str
    reference: str
    kind: str
    languages: tuple[str, ...]
    citizen_id: str | None
    issued_at: str
    issued_by: str  # staff user id
    pages: int
    pdf_sha256: str | None  # of this notice's own file, else of the batch's one PDF
    batch_id: str


# --- the embassy as notices show it -----------------------------------------------------------------


def notice_post(session: Session) -> PostDetails:
    """The post's details for notices: the workstation's post, with per-language overrides if set."""
    with session.read() as conn:
        overrides = meta.get(conn, "notice_post", {}) or {}
    return _post_details(session, overrides)


def _post_details(session: Session, overrides: Mapping[str, Any]) -> PostDetails:
    post = session.post
    names = {"en": post.name, **(overrides.get("names") or {})}
    addresses = {"en": post.address, **(overrides.get("addresses") or {})}
    return PostDetails(
        names={k: v for k, v in names.items() if v},
        addresses={k: v for k, v in addresses.items() if v},
        phone=overrides.get("phone") or post.phone,
        hotline=overrides.get("hotline") or post.hotline,
        email=overrides.get("email") or post.email,
    )


def set_notice_post(
    session: Session,
    *,
    names: Mapping[str, str] | None = None,
    addresses: Mapping[str, str] | None = None,
    phone: str | None = None,
    hotline: str | None = None,
    email: str | None = None,
) -> PostDetails:
    """Override how notices name and reach the post (administrators); empty values fall back."""
    for mapping in (names, addresses):
        if mapping:
            check_languages(list(mapping))
    with session.write(Action.SETTINGS_EDIT) as uow:
        current = dict(meta.get(uow.conn, "notice_post", {}) or {})
        if names is not None:
            current["names"] = {**current.get("names", {}), **names}
        if addresses is not None:
            current["addresses"] = {**current.get("addresses", {}), **addresses}
        for key, value in (("phone", phone), ("hotline", hotline), ("email", email)):
            if value is not None:
                current[key] = value
        meta.put(uow.conn, "notice_post", current)
        uow.audit("settings.notice_post", details={"fields": sorted(current)})
    return _post_details(session, current)


# --- composing ----------------------------------------------------------------------------------------


def kinds() -> list[KindSpec]:
    """Every kind of notice."""
    return available_kinds()


def _languages(requested: Sequence[str]) -> tuple[list[str], list[str]]:
    """(requested with ``auto`` kept, every language a template is needed for)."""
    wanted = [lang.strip().casefold() for lang in requested if lang.strip()]
    if not wanted:
        raise ValidationError("lang", Msg("notice.no_language"))
    if AUTO in wanted[1:]:
        raise ValidationError("lang", Msg("notice.auto_first"))
    fixed = check_languages([lang for lang in wanted if lang != AUTO]) if wanted != [AUTO] else []
    needed = [*LANGUAGES] if wanted[0] == AUTO else fixed
    return ([AUTO, *fixed] if wanted[0] == AUTO else fixed), needed


def _resolve(requested: Sequence[str], record: Mapping[str, Any] | None) -> tuple[str, ...]:
    if requested[0] != AUTO:
        return tuple(requested)
    rest = list(requested[1:])
    own: list[str] = json.loads(record["languages"]) if record and record.get("languages") else []
    choice = next((lang for lang in own if lang in LANGUAGES and lang not in rest), None)
    if choice is None:
        choice = (
            DEFAULT_LANGUAGE
            if DEFAULT_LANGUAGE not in rest
            else next(lang for lang in LANGUAGES if lang not in rest)
        )
    return (choice, *rest)


def _per_language(name: str, value: ParamValue, languages: Sequence[str]) -> dict[str, str]:
    """The texts of a field written per language (``KindSpec.translated``), by language.

    One plain text is taken as the text of the notice's only language; with several languages it is
    refused, because nothing says which language it is in and it would print on every page.
    """
    if isinstance(value, str):
        if not value.strip():
            return {}
        if len(languages) != 1:
            raise ValidationError(name, Msg("notice.text_per_language", languages=", ".join(languages)))
        return {languages[0]: value}
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        check_languages(unknown)
    return {lang: text for lang, text in value.items() if isinstance(text, str) and text.strip()}


def _check_texts(spec: KindSpec, shared: _Shared, languages: Sequence[str]) -> None:
    """Refuse a notice whose pages would lack a per-language field in their own language."""
    for name in dict.fromkeys((*spec.translated, *shared.per_language)):
        lacking = [lang for lang in languages if not shared.params.get(lang, {}).get(name, "").strip()]
        if lacking:
            raise ValidationError(name, Msg("notice.text_missing", languages=", ".join(lacking)))


@dataclass(frozen=True)
class _Shared:
    """What every notice of a batch merges alike, kept once per batch."""

    post: dict[str, Any]
    params: dict[str, dict[str, str]]  # language -> field -> text
    issued_on: str
    qr: str
    # Other fields the officer gave per language: each page needs its own (batches kept before
    # this existed have none).
    per_language: tuple[str, ...] = ()


def _shared(
    spec: KindSpec,
    bundle: TemplateBundle,
    post: PostDetails,
    params: Mapping[str, ParamValue],
    issued_on: date,
) -> _Shared:
    unknown = sorted(set(params) - set(spec.params))
    if unknown:
        fields = ", ".join(spec.params) or Msg("notice.no_fields")
        raise ValidationError(unknown[0], Msg("notice.not_a_field", kind=spec.id, fields=fields))
    languages = list(bundle.templates)
    # A field given as {language: text} is in those languages even where the kind does not say it
    # is written per language (an airport's name): it is never printed on another language's page.
    texts = {
        k: _per_language(k, v, languages)
        for k, v in params.items()
        if k in spec.translated or not isinstance(v, str)
    }
    per_language = tuple(k for k, by_language in texts.items() if by_language and k not in spec.translated)
    resolved: dict[str, dict[str, str]] = {}
    for lang, template in bundle.templates.items():
        values = dict(template.defaults)
        values.update({k: v for k, v in params.items() if isinstance(v, str) and k not in spec.translated})
        for name, by_language in texts.items():
            # Given in some language: every page needs its own text, never a default or another
            # language's words; a language without one is left out and named if a page needs it.
            if by_language:
                values.pop(name, None)
                if lang in by_language:
                    values[name] = by_language[lang]
        missing = [
            p
            for p in spec.params
            if p not in spec.translated and p not in per_language and not values.get(p, "").strip()
        ]
        if missing:
            raise ValidationError(
                missing[0], Msg("notice.field_needed", kind=spec.id, fields=", ".join(missing))
            )
        resolved[lang] = values
    qr = ""
    if spec.qr is Qr.VCARD:
        qr = vcard(
            name=post.name("en"),
            phone=post.phone,
            hotline=post.hotline,
            email=post.email,
            address=post.address("en"),
        )
    elif spec.qr is Qr.TEL and (post.hotline or post.phone):
        qr = tel_uri(post.hotline or post.phone)
    return _Shared(asdict(post), resolved, issued_on.isoformat(), qr, per_language)


def _compose(
    spec: KindSpec,
    bundle: TemplateBundle,
    shared: _Shared,
    *,
    reference: str,
    languages: Sequence[str],
    record: Mapping[str, Any] | None,
    extra: Mapping[str, str],
    host_country: str,
    link: IssuedLink | None = None,
) -> NoticeData:
    _check_texts(spec, shared, languages)
    post = PostDetails(**shared.post)
    issued_on = date.fromisoformat(shared.issued_on)
    values: dict[str, dict[str, str]] = {}
    for lang in languages:
        template = bundle.templates[lang]
        merged = post_fields(post, lang)
        merged.update(
            notice_fields(
                reference=reference, issued_on=issued_on, language=lang, state_name=template.state_name
            )
        )
        if not reference:  # a preview: it says so where the reference number would be
            merged["reference"] = template.labels["preview"]
        merged.update(shared.params[lang])
        if record is not None:
            merged.update(citizen_fields(record, lang, host_country=host_country))
        merged.update(extra)
        if link is not None:
            merged[CHECKIN_URL] = link.url
            merged["checkin_until"] = long_date(_valid_through(link.expires_at), lang)
        values[lang] = merged
    return NoticeData(reference, tuple(languages), values, personal=record is not None)


def _languages_used(
    conn: Connection, where: str, params: Mapping[str, Any], requested: Sequence[str]
) -> list[str]:
    """Every language a page of the selection's notices will be in (``auto`` resolved per citizen)."""
    if requested[0] != AUTO:
        return list(requested)
    used: dict[str, None] = {}
    for (own,) in conn.execute(text(f"SELECT DISTINCT languages FROM citizens {where}"), params):
        used.update(dict.fromkeys(_resolve(requested, {"languages": own})))
    return list(used)


def _job(spec: KindSpec, bundle: TemplateBundle, paper: str, shared: _Shared) -> RenderJob:
    return RenderJob(
        spec.id, paper, dict(bundle.sources), tuple(bundle.templates), qr_payload=shared.qr, title=spec.id
    )


# --- check-in links (issue 14) -----------------------------------------------------------------------
# A kind that prints check-in links (the advisory) gets one new link per person when check-in is
# enabled. The URL exists only in memory and on the page: notices keep the fact that a link was
# printed (and for which campaign), never the token, so a re-print makes a fresh link.


def _valid_through(expires_at: str) -> date:
    """The last day a link works, as its notice prints it (links end at the end of a UTC day)."""
    return (datetime.fromisoformat(expires_at) - timedelta(milliseconds=1)).date()


def _link_expiry() -> date:
    """Links on notices work through the 14th day from today (UTC)."""
    return _utc_today() + timedelta(days=checkin.DEFAULT_DAYS)


def _prints_links(session: Session, spec: KindSpec, bundle: TemplateBundle) -> bool:
    """Whether this run's notices carry links: a kind that prints them, templates with the panel (no
    link is made that no page would show) and check-in enabled."""
    panel = any(b.kind == "checkin" for t in bundle.templates.values() for b in t.body)
    return spec.checkin and panel and checkin.public_address(session) is not None


def _open_campaign(conn: Connection, campaign_id: str | None) -> str | None:
    """The campaign the answers count for: the selection's, when it is still open."""
    if not campaign_id:
        return None
    row = conn.execute(text("SELECT status FROM campaigns WHERE id = :c"), {"c": campaign_id}).first()
    return campaign_id if row is not None and row[0] != "closed" else None


def _make_links(session: Session, ids: Sequence[str], campaign_id: str | None) -> dict[str, IssuedLink]:
    """A new link for each person, by citizen id (one transaction; see services/checkin.py)."""
    if not ids:
        return {}
    expires = _link_expiry()
    if len(ids) > 1 and not is_allowed(session.user.role, Action.CHECKIN_LINKS):
        # A clerk's hand-picked list: each person's own link, as on a notice for one person.
        made = [
            link
            for cid in ids
            for link in checkin.issue_links(session, [cid], campaign_id=campaign_id, expires_at=expires)
        ]
    else:
        made = checkin.issue_links(session, ids, campaign_id=campaign_id, expires_at=expires)
    return {link.citizen_id: link for link in made}


def _preview_link(session: Session, spec: KindSpec, citizen_id: str) -> IssuedLink | None:
    """What a preview shows in place of a link: the address with no token (nothing is made)."""
    base = checkin.public_address(session) if spec.checkin else None
    if base is None:
        return None
    end = datetime.combine(_link_expiry() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return IssuedLink("", citizen_id, None, "", link_url(base, "preview"), end.isoformat())


# --- selection --------------------------------------------------------------------------------------


def _selection_sql(selection: Selection, host_country: str) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if selection.citizen_ids:
        marks = []
        for n, cid in enumerate(selection.citizen_ids):
            params[f"id{n}"] = cid
            marks.append(f":id{n}")
        clauses.append(f"id IN ({', '.join(marks)})")
    if selection.region:
        params["region"] = normalize_region(selection.region, host_country=host_country)
        clauses.append("region = :region")
    if selection.welfare_status:
        params["welfare"] = parse_choice(WelfareStatus, selection.welfare_status, field="welfare").value
        clauses.append("coalesce(welfare_status, 'unknown') = :welfare")
    if selection.campaign:
        params["campaign"] = selection.campaign
        clauses.append("id IN (SELECT citizen_id FROM contacts WHERE campaign_id = :campaign)")
    if selection.vulnerability:
        params["vulnerability"] = (
            f"%,{parse_choice(Vulnerability, selection.vulnerability, field='vulnerability').value},%"
        )
        clauses.append("(',' || coalesce(vulnerabilities, '') || ',') LIKE :vulnerability")
    if selection.not_reached_since:
        # The same rule as the registry's filter (services/browse.py): contact times are ISO UTC text.
        params["since"] = selection.not_reached_since.isoformat()
        clauses.append(
            "NOT EXISTS (SELECT 1 FROM contacts WHERE contacts.citizen_id = citizens.id"
            " AND contacts.outcome = 'reached' AND contacts.at >= :since)"
        )
    if not clauses and not selection.everyone:
        raise ValidationError("selection", Msg("notice.no_selection"))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return where, params


def _records(
    conn: Connection, where: str, params: Mapping[str, Any], limit: int
) -> Iterator[tuple[str, dict[str, Any]]]:
    columns = ", ".join(_RECORD_COLUMNS)
    result = conn.execute(
        text(f"SELECT id, {columns} FROM citizens {where} ORDER BY rid LIMIT :limit"),
        {**params, "limit": limit},
    )
    while rows := result.fetchmany(CHUNK):
        for row in rows:
            yield str(row[0]), dict(zip(_RECORD_COLUMNS, row[1:], strict=True))


# --- references and records -------------------------------------------------------------------------


def _reserve(conn: Connection, count: int, *, device_id: str, prefix: str, year: int) -> list[str]:
    counter = meta.get(conn, "notice_seq", {}) or {}
    first = int(counter.get(str(year), 0)) + 1
    counter[str(year)] = first + count - 1
    meta.put(conn, "notice_seq", counter)
    device = (device_id.replace("-", "")[-4:] or "0000").upper()
    return [f"{prefix}-{year}-{device}-{first + i:06d}" for i in range(count)]


def _keep_templates(conn: Connection, bundle: TemplateBundle, now: str) -> None:
    conn.execute(
        text(
            "INSERT OR IGNORE INTO notice_templates(sha256, kind, versions, sources, first_used_at)"
            " VALUES (:sha, :kind, :versions, :sources, :now)"
        ),
        {
            "sha": bundle.sha256,
            "kind": bundle.kind,
            "versions": json.dumps(bundle.versions, sort_keys=True),
            "sources": json.dumps(dict(bundle.sources), ensure_ascii=False, sort_keys=True),
            "now": now,
        },
    )


def _utc_today() -> date:
    return datetime.now(UTC).date()


# --- issuing ----------------------------------------------------------------------------------------


def issue(
    session: Session,
    *,
    kind: str,
    languages: Sequence[str],
    target: Path,
    selection: Selection | None = None,
    params: Mapping[str, ParamValue] | None = None,
    extra: Mapping[str, Mapping[str, str]] | None = None,
    per_person: bool = False,
    paper: str = "a4",
    progress: Progress | None = None,
    workers: int | None = None,
) -> IssueResult:
    """Issue notices of ``kind`` and write them to ``target``: one PDF, or with ``per_person`` a folder
    with one ``<reference>.pdf`` per notice.

    ``languages`` lists the versions each notice carries, the first being the main one (``auto``: the
    citizen's own language); cards put the first on the front and the second on the back. ``params``
    are the fields the officer supplies (see the kind's spec), ``extra`` per-citizen fields (a seat).
    A kind addressed to no one (or an advisory with no ``selection``) makes one general notice.
    Safe to call off the GUI thread; ``progress`` may raise :class:`Cancelled`.
    """
    spec = kind_spec(kind)
    listed = selection is None or selection.is_list
    action = Action.NOTICE_ISSUE if listed else Action.NOTICE_BATCH
    if spec.recipient is Recipient.NONE:
        action = Action.SETTINGS_EDIT
    session.require(action)
    requested, needed = _languages(languages)
    if spec.recipient is Recipient.NONE and (requested[0] == AUTO or selection is not None):
        raise ValidationError("selection", Msg("notice.no_recipient", kind=kind))
    if spec.recipient is Recipient.REQUIRED and selection is None:
        raise ValidationError("selection", Msg("notice.needs_recipient", kind=kind))
    paper_size(paper)
    bundle = load_bundle(kind, needed)
    shared = _shared(spec, bundle, notice_post(session), params or {}, _utc_today())
    return _run(
        session,
        spec=spec,
        bundle=bundle,
        shared=shared,
        requested=requested,
        selection=selection,
        extra=extra or {},
        target=target,
        per_person=per_person,
        paper=paper.casefold(),
        progress=progress,
        workers=workers,
        action=action,
    )


def issue_one(
    session: Session,
    *,
    kind: str,
    languages: Sequence[str],
    citizen_id: str | None = None,
    params: Mapping[str, ParamValue] | None = None,
    paper: str = "a4",
) -> tuple[IssuedNotice, bytes]:
    """Issue one notice (to ``citizen_id``, or a general one) and hand back its record and PDF bytes,
    for the GUI to print or save. Recorded and audited like any batch."""
    selection = Selection(citizen_ids=(citizen_id,)) if citizen_id else None
    with private_tempdir() as folder:
        result = issue(
            session,
            kind=kind,
            languages=languages,
            target=folder / "notice.pdf",
            selection=selection,
            params=params,
            paper=paper,
        )
        data = (folder / "notice.pdf").read_bytes()
    return get_issued(session, result.references[0]), data


def _run(
    session: Session,
    *,
    spec: KindSpec,
    bundle: TemplateBundle,
    shared: _Shared,
    requested: Sequence[str],
    selection: Selection | None,
    extra: Mapping[str, Mapping[str, str]],
    target: Path,
    per_person: bool,
    paper: str,
    progress: Progress | None,
    workers: int | None,
    action: Action,
) -> IssueResult:
    host = session.post.host_country
    links: dict[str, IssuedLink] = {}
    campaign_id: str | None = None
    if selection is not None:
        where, sql_params = _selection_sql(selection, host)
        with session.read() as conn:
            total = int(conn.execute(text(f"SELECT count(*) FROM citizens {where}"), sql_params).scalar_one())
            if total and spec.translated:
                # Before anything is recorded: every page needs its per-language fields in its language.
                _check_texts(spec, shared, _languages_used(conn, where, sql_params, requested))
        if total == 0:
            raise ValidationError("selection", Msg("notice.no_match"))
        if _prints_links(session, spec, bundle):
            with session.read() as conn:
                found = conn.execute(text(f"SELECT id FROM citizens {where} ORDER BY rid"), sql_params)
                ids = [str(r[0]) for r in found]
                campaign_id = _open_campaign(conn, selection.campaign)
            # Made before the batch is recorded: a batch that fails later leaves links nobody
            # ever saw (their tokens existed only in memory); they expire unused.
            links = _make_links(session, ids, campaign_id)
    else:
        where, sql_params, total = "", {}, 1
        _check_texts(spec, shared, _resolve(requested, None))
    batch_id = uuid7()
    kept_shared = shared if spec.retain_fields else _Shared(shared.post, {}, shared.issued_on, shared.qr)
    with session.write(action) as uow:
        _keep_templates(uow.conn, bundle, uow.now)
        references = _reserve(
            uow.conn, total, device_id=session.device_id, prefix=spec.prefix, year=int(shared.issued_on[:4])
        )
        uow.conn.execute(
            text(
                "INSERT INTO notice_batches(id, kind, languages, paper, template_sha256, shared, output,"
                " status, issued_at, issued_by) VALUES (:id, :kind, :langs, :paper, :sha, :shared, :output,"
                " 'pending', :now, :by)"
            ),
            {
                "id": batch_id,
                "kind": spec.id,
                "langs": ",".join(requested),
                "paper": paper,
                "sha": bundle.sha256,
                "shared": json.dumps(asdict(kept_shared), ensure_ascii=False),
                "output": "per_person" if per_person else "pdf",
                "now": uow.now,
                "by": session.user.id,
            },
        )
    job = _job(spec, bundle, paper, shared)
    try:
        return _render_and_record(
            session,
            spec=spec,
            bundle=bundle,
            shared=shared,
            job=job,
            requested=requested,
            where=where,
            sql_params=sql_params,
            has_selection=selection is not None,
            total=total,
            references=references,
            extra=extra,
            batch_id=batch_id,
            target=target,
            per_person=per_person,
            progress=progress,
            workers=workers,
            action=action,
            host=host,
            links=links,
            campaign_id=campaign_id,
        )
    except BaseException:
        if per_person:
            shutil.rmtree(_staging(target, batch_id), ignore_errors=True)
        with session.write(action) as uow:
            uow.conn.execute(text("DELETE FROM notices_issued WHERE batch_id = :b"), {"b": batch_id})
            uow.conn.execute(
                text("UPDATE notice_batches SET status = 'cancelled' WHERE id = :b"), {"b": batch_id}
            )
            uow.audit("notice.cancel", entity="notice_batch", entity_id=batch_id, details={"kind": spec.id})
        raise


def _render_and_record(
    session: Session,
    *,
    spec: KindSpec,
    bundle: TemplateBundle,
    shared: _Shared,
    job: RenderJob,
    requested: Sequence[str],
    where: str,
    sql_params: Mapping[str, Any],
    has_selection: bool,
    total: int,
    references: list[str],
    extra: Mapping[str, Mapping[str, str]],
    batch_id: str,
    target: Path,
    per_person: bool,
    progress: Progress | None,
    workers: int | None,
    action: Action,
    host: str,
    links: Mapping[str, IssuedLink],
    campaign_id: str | None,
) -> IssueResult:
    pool_size = 1 if total <= INLINE_LIMIT else (workers or default_workers())
    done = 0
    pages = 0
    files: list[Path] = []
    staging: Path | None = None
    if per_person:
        target.mkdir(parents=True, exist_ok=True)
        staging = ensure_private_dir(_staging(target, batch_id))
    pending: list[list[tuple[str, str | None, dict[str, Any], tuple[str, ...]]]] = []

    def record_chunk(result: ChunkResult) -> None:
        nonlocal done, pages
        rows = pending.pop(0)
        with session.write(action) as uow:
            uow.conn.execute(
                text(
                    "INSERT INTO notices_issued(id, reference, batch_id, citizen_id, languages, personal,"
                    " pages, pdf_sha256, issued_at, issued_by) VALUES (:id, :ref, :batch, :cid, :langs,"
                    " :personal, :pages, :sha, :now, :by)"
                ),
                [
                    {
                        "id": uuid7(),
                        "ref": ref,
                        "batch": batch_id,
                        "cid": cid,
                        "langs": ",".join(langs),
                        "personal": json.dumps(personal, ensure_ascii=False),
                        "pages": n_pages,
                        "sha": result.digests[i] if result.digests else None,
                        "now": uow.now,
                        "by": session.user.id,
                    }
                    for i, ((ref, cid, personal, langs), n_pages) in enumerate(
                        zip(rows, result.pages, strict=True)
                    )
                ],
            )
        done += len(rows)
        pages += sum(result.pages)
        if per_person:
            files.extend(target / f"{ref}.pdf" for ref, *_ in rows)
        if progress:
            progress(done, total)

    with private_tempdir() as parts:
        runner = ChunkRunner(job, workers=pool_size, per_person_folder=staging, parts=parts)
        try:
            chunk: list[NoticeData] = []
            rows: list[tuple[str, str | None, dict[str, Any], tuple[str, ...]]] = []

            def flush() -> None:
                nonlocal chunk, rows
                pending.append(rows)
                for result in runner.submit(chunk):
                    record_chunk(result)
                chunk, rows = [], []

            with session.read() as conn:
                source = _records(conn, where, sql_params, total) if has_selection else iter([(None, None)])
                for n, (cid, record) in enumerate(source):
                    reference = references[n]
                    langs = _resolve(requested, record)
                    own = dict(extra.get(cid, {})) if cid else {}
                    link = links.get(cid) if cid else None
                    notice = _compose(
                        spec,
                        bundle,
                        shared,
                        reference=reference,
                        languages=langs,
                        record=record,
                        extra=own,
                        host_country=host,
                        link=link,
                    )
                    chunk.append(notice)
                    personal: dict[str, Any] = {"record": record, "extra": own}
                    if link is not None:  # that a link was printed, and for which campaign; never the URL
                        personal["checkin"] = campaign_id or ""
                    rows.append((reference, cid, personal, langs))
                    if len(chunk) == CHUNK:
                        flush()
                if chunk:
                    flush()
            for result in runner.drain():
                record_chunk(result)
        finally:
            runner.close()
        digest: str | None = None
        if per_person:
            assert staging is not None
            for path in files:
                os.replace(staging / path.name, path)
            shutil.rmtree(staging, ignore_errors=True)
        else:
            with atomic_writer(target) as out:
                if len(runner.part_files) == 1:
                    data = runner.part_files[0].read_bytes()
                    out.write(data)
                    digest = hashlib.sha256(data).hexdigest()
                else:
                    digest = runner.join_into(out)
            # The batch is recorded before the file appears under its name; a failure here removes it.
            try:
                _finish(session, action, batch_id, spec, done, pages, digest)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
    if per_person:
        try:
            _finish(session, action, batch_id, spec, done, pages, None)
        except BaseException:
            for path in files:
                path.unlink(missing_ok=True)
            raise
    return IssueResult(
        batch_id, spec.id, done, pages, references[:done], target, files, digest, checkin_links=len(links)
    )


def _staging(target: Path, batch_id: str) -> Path:
    """Where files per person wait (private) until the whole batch is recorded."""
    return target / f".staging-{batch_id}"


def _finish(
    session: Session,
    action: Action,
    batch_id: str,
    spec: KindSpec,
    notices: int,
    pages: int,
    digest: str | None,
) -> None:
    with session.write(action) as uow:
        uow.conn.execute(
            text(
                "UPDATE notice_batches SET status = 'issued', notices = :n, pages = :p, pdf_sha256 = :sha"
                " WHERE id = :id"
            ),
            {"n": notices, "p": pages, "sha": digest, "id": batch_id},
        )
        # Announced to sync only now that the batch is issued: a cancelled one never was.
        issued = uow.conn.execute(
            text(
                "SELECT reference, citizen_id, languages, pages, issued_at, issued_by FROM notices_issued"
                " WHERE batch_id = :b ORDER BY reference"
            ),
            {"b": batch_id},
        ).all()
        stamps = uow.stamps(len(issued))
        changelog.record_many(
            uow.conn,
            (
                (
                    "notice",
                    str(ref),
                    "create",
                    {
                        "kind": spec.id,
                        "citizen_id": cid,
                        "batch_id": batch_id,
                        "languages": langs,
                        "pages": n_pages,
                        "issued_at": at,
                        "issued_by": by,
                    },
                    stamp,
                )
                for (ref, cid, langs, n_pages, at, by), stamp in zip(issued, stamps, strict=True)
            ),
            staff=uow.user.id,
        )
        uow.audit(
            "notice.issue",
            entity="notice_batch",
            entity_id=batch_id,
            details={"kind": spec.id, "notices": notices, "pages": pages, "pdf_sha256": digest},
        )


# --- preview, re-print, history ---------------------------------------------------------------------


def preview(
    session: Session,
    *,
    kind: str,
    languages: Sequence[str],
    citizen_id: str | None = None,
    params: Mapping[str, ParamValue] | None = None,
    paper: str = "a4",
) -> bytes:
    """A notice as it would print, marked as a preview and recorded nowhere (for a live preview)."""
    session.require(Action.CITIZEN_VIEW)
    spec = kind_spec(kind)
    requested, needed = _languages(languages)
    bundle = load_bundle(kind, needed)
    shared = _shared(spec, bundle, notice_post(session), params or {}, _utc_today())
    record = None
    if citizen_id:
        where, sql_params = _selection_sql(Selection(citizen_ids=(citizen_id,)), session.post.host_country)
        with session.read() as conn:
            found = list(_records(conn, where, sql_params, 1))
        if not found:
            raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
        record = found[0][1]
    notice = _compose(
        spec,
        bundle,
        shared,
        reference="",
        languages=_resolve(requested, record),
        record=record,
        extra={},
        host_country=session.post.host_country,
        link=_preview_link(session, spec, citizen_id) if record is not None and citizen_id else None,
    )
    out = io.BytesIO()
    render(_job(spec, bundle, paper.casefold(), shared), [notice], out)
    return out.getvalue()


_ISSUED_COLUMNS = (
    "n.id, n.reference, b.kind, n.languages, n.citizen_id, n.issued_at, n.issued_by, n.pages,"
    " coalesce(n.pdf_sha256, b.pdf_sha256), n.batch_id"
)
_ISSUED_FROM = "FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id WHERE b.status = 'issued'"


def _issued(row: Sequence[Any]) -> IssuedNotice:
    return IssuedNotice(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        tuple(str(row[3]).split(",")),
        row[4],
        str(row[5]),
        str(row[6] or ""),
        int(row[7]),
        row[8],
        str(row[9]),
    )


def list_issued(session: Session, *, citizen_id: str | None = None, limit: int = 200) -> list[IssuedNotice]:
    """Notices issued, newest first (all, or one citizen's)."""
    session.require(Action.CITIZEN_VIEW)
    clause = " AND n.citizen_id = :cid" if citizen_id else ""
    with session.read() as conn:
        rows = conn.execute(
            text(
                f"SELECT {_ISSUED_COLUMNS} {_ISSUED_FROM}{clause}"
                " ORDER BY n.issued_at DESC, n.reference DESC LIMIT :lim"
            ),
            {"cid": citizen_id, "lim": limit},
        )
        return [_issued(r) for r in rows]


def get_issued(session: Session, reference: str) -> IssuedNotice:
    """One issued notice by its reference number."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        row = conn.execute(
            text(f"SELECT {_ISSUED_COLUMNS} {_ISSUED_FROM} AND n.reference = :ref"),
            {"ref": reference.strip()},
        ).first()
    if row is None:
        raise NotFoundError(Msg("notice.not_found", reference=reference))
    return _issued(tuple(row))


def reprint(session: Session, reference: str) -> bytes:
    """The PDF of an issued notice again, from what was kept when it was issued: the same words,
    fields, date and reference even if the record or templates changed since. Audited."""
    session.require(Action.NOTICE_ISSUE)
    with session.read() as conn:
        row = conn.execute(
            text(
                "SELECT n.citizen_id, n.languages, n.personal, b.kind, b.paper, b.shared, t.sources, b.id"
                " FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id"
                " JOIN notice_templates t ON t.sha256 = b.template_sha256"
                " WHERE n.reference = :ref AND b.status = 'issued'"
            ),
            {"ref": reference.strip()},
        ).first()
        # Issued at another workstation (sync): only its list entry travelled, not its words.
        remote = (
            row is None
            and conn.execute(
                text(
                    "SELECT 1 FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id"
                    " WHERE n.reference = :ref AND b.output = 'remote'"
                ),
                {"ref": reference.strip()},
            ).first()
        )
    if remote:
        raise EmbassyDeskError(Msg("syncapply.notice_elsewhere", reference=reference.strip()))
    if row is None:
        raise NotFoundError(Msg("notice.not_found", reference=reference))
    citizen_id, langs, personal_text, kind, paper, shared_text, sources_text, _batch = row
    spec = kind_spec(kind)
    if not spec.retain_fields:
        raise EmbassyDeskError(Msg("notice.secret", kind=kind))
    shared = _Shared(**json.loads(shared_text))
    personal = json.loads(personal_text)
    languages = tuple(str(langs).split(","))
    bundle = load_bundle(kind, list(shared.params), sources=json.loads(sources_text))
    link = None
    if "checkin" in personal and citizen_id and _prints_links(session, spec, bundle):
        # The first link's token was never kept: the re-print carries a new one (the first still
        # works until it expires).
        with session.read() as conn:
            campaign_id = _open_campaign(conn, personal["checkin"] or None)
        link = _make_links(session, [citizen_id], campaign_id).get(citizen_id)
    notice = _compose(
        spec,
        bundle,
        shared,
        reference=reference.strip(),
        languages=languages,
        record=personal["record"],
        extra=personal["extra"],
        host_country=session.post.host_country,
        link=link,
    )
    out = io.BytesIO()
    render(_job(spec, bundle, paper, shared), [notice], out)
    with session.write(Action.NOTICE_ISSUE) as uow:
        uow.audit(
            "notice.reprint",
            entity="citizen" if citizen_id else "",
            entity_id=citizen_id or "",
            details={"reference": reference.strip(), "kind": kind},
        )
    return out.getvalue()


def issue_recovery_sheet(
    session: Session, *, recovery_code: str, target: Path, language: str = "en", paper: str = "a4"
) -> IssueResult:
    """Print the workstation's recovery code at set-up (administrators). The code itself is not kept."""
    return issue(
        session,
        kind="recovery-sheet",
        languages=[language],
        target=target,
        params={"recovery_code": recovery_code},
        paper=paper,
    )
