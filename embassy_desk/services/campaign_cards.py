"""What a caller sees for one person of a campaign: names, numbers, household, the script to read.

Used by :mod:`embassy_desk.services.campaigns` (next person, follow-up list). Reads only, inside a
connection the caller opened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.campaigns import KOREAN_SCRIPT, AgeCuts, CampaignClosed, call_language, target_id
from embassy_desk.domain.enums import CallOutcome, CampaignStatus, TargetState, Vulnerability, WelfareStatus
from embassy_desk.domain.errors import NotFoundError
from embassy_desk.domain.messages import Msg, render
from embassy_desk.domain.phones import is_mobile
from embassy_desk.services.session import UnitOfWork
from embassy_desk.storage import meta


@dataclass(frozen=True)
class HouseholdMember:
    """Another member of the called person's household."""

    citizen_id: str
    name: str
    in_campaign: bool
    state: TargetState | None  # None: not on this campaign's lists


@dataclass(frozen=True)
class CallCard:
    """One person to call, with everything the call needs."""

    campaign_id: str
    citizen_id: str
    position: int
    name: str
    latin_name: str
    phones: tuple[tuple[str, str], ...]  # (E.164 number, kind), mobiles first
    messengers: tuple[str, ...]  # "service: handle"
    languages: tuple[str, ...]
    call_language: str  # "kk" | "ru" | "en" | "ko"
    script: str
    attempts: int
    last_contact_at: str | None
    welfare: WelfareStatus
    vulnerabilities: tuple[str, ...]  # recorded ones, plus minor / elderly from the birth date
    household: tuple[HouseholdMember, ...]
    region: str
    city: str
    # The latest outcome recorded for them in this campaign (why they are on the follow-up list).
    last_outcome: CallOutcome | None = None


_PERSON = (
    "SELECT surname, given_names, patronymic, surname_latin, given_names_latin, phones, messengers,"
    " languages, vulnerabilities, birth_date, welfare_status, household_id, region, city, last_contact_at"
    " FROM citizens WHERE id = :id"
)


def _json_list(raw: object) -> list[Any]:
    if not raw:
        return []
    try:
        value = json.loads(str(raw))
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def phones_of(raw: object) -> tuple[tuple[str, str], ...]:
    """Stored phones as (number, kind), mobile numbers first (what to dial or text first)."""
    items = [
        (str(p.get("number", "")), str(p.get("kind") or "mobile"))
        for p in _json_list(raw)
        if isinstance(p, dict) and p.get("number")
    ]
    # Imports file every number as "mobile"; the number itself says whether it can take an SMS.
    return tuple(sorted(items, key=lambda item: (not is_mobile(item[0]), item[1] != "mobile")))


def messengers_of(raw: object) -> tuple[tuple[str, str], ...]:
    """Stored messengers as (service, handle)."""
    return tuple(
        (str(m.get("service") or "other"), str(m.get("handle")))
        for m in _json_list(raw)
        if isinstance(m, dict) and m.get("handle")
    )


def languages_of(raw: object) -> tuple[str, ...]:
    return tuple(str(code) for code in _json_list(raw))


def display_name(surname: object, given: object, patronymic: object, latin: str) -> str:
    name = " ".join(str(p) for p in (surname, given, patronymic) if p)
    return name or latin


def post_names(conn: Connection, fallback: str) -> dict[str, str]:
    """How the post names itself per language (the notices' settings; English: the post's name)."""
    overrides = meta.get(conn, "notice_post", {}) or {}
    names = {"en": fallback, **(overrides.get("names") or {})}
    return {k: str(v) for k, v in names.items() if v}


def script_text(
    language: str, *, own: Mapping[str, str] | None, post: Mapping[str, str], given_name: str
) -> str:
    """The script to read: the campaign's own in that language if it has one, else the standard one.
    ``{name}`` and ``{post}`` in a campaign's own script are filled in too."""
    post_name = post.get(language) or post.get("ru") or post.get("en", "")
    if own and own.get(language):
        return own[language].replace("{name}", given_name).replace("{post}", post_name)
    if language == "ko":
        return KOREAN_SCRIPT.format(name=given_name, post=post_name)
    return render(Msg("campaign.script.standard", name=given_name, post=post_name), language)


def build_card(
    conn: Connection,
    campaign_id: str,
    target: Mapping[str, Any],
    *,
    own_script: Mapping[str, str] | None,
    post: Mapping[str, str],
    today: date,
) -> CallCard:
    """The card of one target row (``citizen_id``, ``position``, ``attempts``, ``outcome`` keys)."""
    citizen_id = str(target["citizen_id"])
    row = conn.execute(text(_PERSON), {"id": citizen_id}).first()
    if row is None:  # the person was deleted since the list was made: show what is known
        return CallCard(
            campaign_id,
            citizen_id,
            int(target["position"]),
            citizen_id,
            "",
            (),
            (),
            (),
            "ru",
            "",
            int(target["attempts"]),
            None,
            WelfareStatus.UNKNOWN,
            (),
            (),
            "",
            "",
            _outcome(target),
        )
    surname, given, patronymic, surname_l, given_l, phones, messengers, langs = row[:8]
    vulns, birth, welfare, household_id, region, city, last_contact = row[8:]
    latin = " ".join(str(p) for p in (surname_l, given_l) if p)
    languages = languages_of(langs)
    lang = call_language(languages)
    # Passports write Latin names in capitals; a script reads better with "Aigerim" than "AIGERIM".
    latin_given = str(given_l or "").title()
    given_name = str(given or latin_given) if lang in ("kk", "ru") else (latin_given or str(given or ""))
    cuts = AgeCuts.on(today)
    vulnerabilities = [v for v in str(vulns or "").split(",") if v]
    if cuts.is_child(birth) and Vulnerability.MINOR.value not in vulnerabilities:
        vulnerabilities.append(Vulnerability.MINOR.value)
    if cuts.is_elderly(birth) and Vulnerability.ELDERLY.value not in vulnerabilities:
        vulnerabilities.append(Vulnerability.ELDERLY.value)
    members: tuple[HouseholdMember, ...] = ()
    if household_id:
        members = _household(conn, campaign_id, citizen_id, str(household_id))
    return CallCard(
        campaign_id=campaign_id,
        citizen_id=citizen_id,
        position=int(target["position"]),
        name=display_name(surname, given, patronymic, latin),
        latin_name=latin,
        phones=phones_of(phones),
        messengers=tuple(f"{service}: {handle}" for service, handle in messengers_of(messengers)),
        languages=languages,
        call_language=lang,
        script=script_text(lang, own=own_script, post=post, given_name=given_name),
        attempts=int(target["attempts"]),
        last_contact_at=None if last_contact is None else str(last_contact),
        welfare=WelfareStatus(str(welfare)) if welfare else WelfareStatus.UNKNOWN,
        vulnerabilities=tuple(vulnerabilities),
        household=members,
        region=str(region or ""),
        city=str(city or ""),
        last_outcome=_outcome(target),
    )


def _outcome(target: Mapping[str, Any]) -> CallOutcome | None:
    value = target.get("outcome")
    return CallOutcome(str(value)) if value in CallOutcome._value2member_map_ else None


def _household(
    conn: Connection, campaign_id: str, citizen_id: str, household_id: str
) -> tuple[HouseholdMember, ...]:
    rows = conn.execute(
        text(
            "SELECT c.id, c.surname, c.given_names, c.patronymic, c.surname_latin, c.given_names_latin,"
            " t.state FROM citizens c LEFT JOIN campaign_targets t ON t.id = :prefix || c.id"
            " WHERE c.household_id = :h AND c.id <> :me ORDER BY coalesce(c.birth_date, ''), c.rid"
        ),
        {"prefix": target_id(campaign_id, ""), "h": household_id, "me": citizen_id},
    ).all()
    out = []
    for cid, surname, given, patronymic, surname_l, given_l, state in rows:
        latin = " ".join(str(p) for p in (surname_l, given_l) if p)
        out.append(
            HouseholdMember(
                str(cid),
                display_name(surname, given, patronymic, latin),
                state is not None,
                TargetState(str(state)) if state else None,
            )
        )
    return tuple(out)


def campaign_row(conn: Connection, campaign_id: str, *, total: bool = False) -> tuple[Any, ...]:
    """A campaign's row (id, name, criteria, status, created_at, created_by, closed_at, script, and
    with ``total`` the number of people on it); NotFoundError if there is none."""
    # Counting a 100,000-person list costs ~10 ms: only the campaign's own views ask for it, never
    # the record-and-next path.
    count = "(SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id)" if total else "0"
    row = conn.execute(
        text(
            "SELECT id, name, criteria, status, created_at, created_by, closed_at, script,"
            f" {count} FROM campaigns c WHERE id = :id"
        ),
        {"id": campaign_id},
    ).first()
    if row is None:
        raise NotFoundError(Msg("campaign.not_found", id=campaign_id))
    return tuple(row)


def own_script(raw: object) -> dict[str, str] | None:
    """A campaign's own script (language -> text), None for the standard one."""
    if not raw:
        return None
    try:
        data = json.loads(str(raw))
    except ValueError:
        return None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else None


def open_campaign_row(uow: UnitOfWork, campaign_id: str) -> tuple[Any, ...]:
    """The campaign's row, refused when it is closed (no more outcomes, no reassigning)."""
    row = campaign_row(uow.conn, campaign_id)
    if row[3] == CampaignStatus.CLOSED.value:
        raise CampaignClosed(Msg("campaign.is_closed", name=str(row[1])))
    return row
