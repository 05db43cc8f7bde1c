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
"""

from __future__ import annotations

import csv
import functools
import io
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from embassy_desk.domain.campaigns import CALL_LANGUAGES, call_language
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.resources import notices_dir
from embassy_desk.services.campaign_cards import campaign_row, languages_of, messengers_of, phones_of
from embassy_desk.services.exporter import neutralise
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import meta
from embassy_desk.storage.files import atomic_writer

COLUMNS = ("citizen_id", "phone", "messenger", "language", "message")
#: Which advisory text the message is (the docs and the audit say so).
SOURCE_TEXT = "advisory.title+hotline"
_BATCH = 500


@dataclass(frozen=True)
class MessageListReport:
    """What was written: rows, people left out for lack of a phone and a messenger, the file."""

    written: int
    skipped: int
    path: Path


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


def _write(session: Session, target: Path, ids: Iterable[str]) -> tuple[int, int]:
    if target.suffix.casefold() != ".csv":
        raise ValidationError("file", Msg("campaign.file_type"))
    skipped = [0]
    written = 0
    with session.read() as conn, atomic_writer(target) as raw:
        messages = _messages(session, conn)
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in _rows(conn, ids, messages, skipped):
            writer.writerow(row)
            written += 1
        out.flush()
        out.detach()
    return written, skipped[0]


def export_campaign_messages(session: Session, campaign_id: str, target: Path) -> MessageListReport:
    """The message list for everyone on a campaign's lists, in list order."""
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
    written, skipped = _write(session, target, ids)
    with session.write(Action.MESSAGE_EXPORT) as uow:
        uow.audit(
            "campaign.messages",
            entity="campaign",
            entity_id=campaign_id,
            details={"written": written, "skipped": skipped, "source": SOURCE_TEXT},
        )
    return MessageListReport(written, skipped, target)


def export_messages(session: Session, citizen_ids: Sequence[str], target: Path) -> MessageListReport:
    """The message list for chosen people (the registry's selection), in the order given."""
    session.require(Action.MESSAGE_EXPORT)
    ids = list(dict.fromkeys(citizen_ids))
    if not ids:
        raise ValidationError("citizen", Msg("campaign.nobody_selected"))
    written, skipped = _write(session, target, ids)
    with session.write(Action.MESSAGE_EXPORT) as uow:
        uow.audit(
            "campaign.messages",
            details={"selected": len(ids), "written": written, "skipped": skipped, "source": SOURCE_TEXT},
        )
    return MessageListReport(written, skipped, target)
