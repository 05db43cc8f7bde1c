"""The message list for an SMS or messenger gateway: who to text, where, in which language, what.

A CSV (plain UTF-8, the gateways' format) with columns ``citizen_id, phone, messenger, language,
message``: the person's first phone in E.164 (a mobile first), their first messenger handle
(``service:handle``), their language (the first of theirs among kk, ru, en, ko; Russian otherwise)
and the message in it. The advisory notice (``resources/notices/advisory/LANG.toml``) has no short
form, and its opening paragraph announces a list of points an SMS cannot carry; so the message is
the advisory's title and its last point (call the Embassy's hotline), with the post's hotline number
when one is set: one paragraph, two or three SMS parts. Someone with neither a phone nor a messenger is left
out and counted. Officers and administrators only; the file is private (0600) and the export audited
with counts.

When check-in is enabled (HQ's public address is set, services/checkin.py), every person written gets
a new personal link (valid 14 days unless told otherwise; for a campaign's list, answers count for
that campaign): a sixth column ``url`` after the old ones, and the message ends with a short line in
the person's language asking them to say they are safe there. The file is then the only copy of
those links.
"""

from __future__ import annotations

import csv
import functools
import io
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, text

from embassy_desk.domain.campaigns import CALL_LANGUAGES, call_language
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.resources import notices_dir
from embassy_desk.services import checkin
from embassy_desk.services.campaign_cards import campaign_row, languages_of, messengers_of, phones_of
from embassy_desk.services.exporter import neutralise
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import meta
from embassy_desk.storage.files import atomic_writer

COLUMNS = ("citizen_id", "phone", "messenger", "language", "message")
#: The columns when check-in is enabled: the old ones first, then each person's link.
CHECKIN_COLUMNS = (*COLUMNS, "url")
#: The line that carries the link, per language (the message itself is the citizen's, not the UI's).
CHECKIN_LINE = {
    "kk": "Қауіпсіз екеніңізді осы жерде белгілеңіз: {url}",
    "ru": "Сообщите, что вы в безопасности: {url}",
    "en": "Tell us you are safe: {url}",
    "ko": "안전 여부를 여기에서 알려 주세요: {url}",
}
#: Which advisory text the message is (the docs and the audit say so).
SOURCE_TEXT = "advisory.title+hotline"
_BATCH = 500


@dataclass(frozen=True)
class MessageListReport:
    """What was written: rows, people left out for lack of a phone and a messenger, the file."""

    written: int
    skipped: int
    path: Path
    links: int = 0  # check-in links made (0 when check-in is not enabled)


@functools.cache
def advisory_texts(language: str) -> tuple[str, str]:
    """The advisory notice's title and its last "what to do" point (call the hotline) in ``language``."""
    data = tomllib.loads((notices_dir() / "advisory" / f"{language}.toml").read_text(encoding="utf-8"))
    bullets = [item for block in data.get("body", []) for item in block.get("bullets", [])]
    return " ".join(str(data["title"]).split()), " ".join(str(bullets[-1] if bullets else "").split())


def advisory_message(language: str, hotline: str = "") -> str:
    """One SMS-friendly paragraph: the advisory's title and its hotline point, with the number."""
    title, point = advisory_texts(language)
    if hotline:
        point = f"{point.rstrip('.。 ')}: {hotline}."
    return f"{title}. {point}".strip()


def _messages(session: Session, conn: Connection) -> dict[str, str]:
    hotline = str((meta.get(conn, "notice_post", {}) or {}).get("hotline") or session.post.hotline or "")
    return {lang: advisory_message(lang, hotline) for lang in CALL_LANGUAGES}


def _rows(
    conn: Connection, ids: Iterable[str], messages: dict[str, str], skipped: list[int]
) -> Iterator[list[str]]:
    batch: list[str] = []

    def flush() -> Iterator[list[str]]:
        names = [f"i{n}" for n in range(len(batch))]
        found = conn.execute(
            text(
                f"SELECT id, phones, messengers, languages FROM citizens WHERE id IN"
                f" ({', '.join(':' + n for n in names)})"
            ),
            dict(zip(names, batch, strict=True)),
        ).all()
        by_id = {str(r[0]): r for r in found}
        for citizen_id in batch:
            row = by_id.get(citizen_id)
            if row is None:
                continue
            phones = phones_of(row[1])
            handles = messengers_of(row[2])
            if not phones and not handles:
                skipped[0] += 1
                continue
            lang = call_language(languages_of(row[3]))
            yield [
                citizen_id,
                phones[0][0] if phones else "",
                neutralise(f"{handles[0][0]}:{handles[0][1]}") if handles else "",
                lang,
                messages[lang],
            ]

    for citizen_id in ids:
        batch.append(citizen_id)
        if len(batch) >= _BATCH:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def with_link(message: str, language: str, url: str) -> str:
    """The message with its check-in line appended (one paragraph, as gateways want)."""
    return f"{message} {CHECKIN_LINE.get(language, CHECKIN_LINE['en']).format(url=url)}"


def _write(
    session: Session,
    target: Path,
    ids: Iterable[str],
    *,
    campaign_id: str | None = None,
    expires_at: datetime | date | None = None,
) -> tuple[int, int, int]:
    if target.suffix.casefold() != ".csv":
        raise ValidationError("file", Msg("campaign.file_type"))
    skipped = [0]
    with session.read() as conn:
        messages = _messages(session, conn)
        rows = list(_rows(conn, ids, messages, skipped))
    columns: tuple[str, ...] = COLUMNS
    if checkin.public_address(session) is not None and rows:
        # One new link per person written, in one transaction; the file below is their only copy.
        issued = checkin.issue_links(
            session, [row[0] for row in rows], campaign_id=campaign_id, expires_at=expires_at
        )
        urls = {link.citizen_id: link.url for link in issued}
        columns = CHECKIN_COLUMNS
        for row in rows:
            url = urls.get(row[0], "")
            if url:
                row[4] = with_link(row[4], row[3], url)
            row.append(url)
    links = sum(1 for row in rows if len(row) > len(COLUMNS) and row[-1])
    with atomic_writer(target) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
        out.flush()
        out.detach()
    return len(rows), skipped[0], links


def export_campaign_messages(
    session: Session, campaign_id: str, target: Path, *, expires_at: datetime | date | None = None
) -> MessageListReport:
    """The message list for everyone on a campaign's lists, in list order (with check-in: each
    person's new link, counting for this campaign, valid until ``expires_at`` or 14 days)."""
    session.require(Action.MESSAGE_EXPORT)
    with session.read() as conn:
        campaign_row(conn, campaign_id)
        ids = [
            str(r[0])
            for r in conn.execute(
                text("SELECT citizen_id FROM campaign_targets WHERE campaign_id = :c ORDER BY position"),
                {"c": campaign_id},
            )
        ]
    written, skipped, links = _write(session, target, ids, campaign_id=campaign_id, expires_at=expires_at)
    with session.write(Action.MESSAGE_EXPORT) as uow:
        uow.audit(
            "campaign.messages",
            entity="campaign",
            entity_id=campaign_id,
            details={"written": written, "skipped": skipped, "links": links, "source": SOURCE_TEXT},
        )
    return MessageListReport(written, skipped, target, links)


def export_messages(
    session: Session,
    citizen_ids: Sequence[str],
    target: Path,
    *,
    expires_at: datetime | date | None = None,
) -> MessageListReport:
    """The message list for chosen people (the registry's selection), in the order given (with
    check-in: each person's new link, valid until ``expires_at`` or 14 days)."""
    session.require(Action.MESSAGE_EXPORT)
    ids = list(dict.fromkeys(citizen_ids))
    if not ids:
        raise ValidationError("citizen", Msg("campaign.nobody_selected"))
    written, skipped, links = _write(session, target, ids, expires_at=expires_at)
    with session.write(Action.MESSAGE_EXPORT) as uow:
        uow.audit(
            "campaign.messages",
            details={
                "selected": len(ids),
                "written": written,
                "skipped": skipped,
                "links": links,
                "source": SOURCE_TEXT,
            },
        )
    return MessageListReport(written, skipped, target, links)
