"""The advisory notice carries the citizen's personal check-in link when check-in is enabled (issue 14):
the URL as text and as a QR code on every language's page, one new link per person (only its hash kept),
read back from the PDF as a person's tools would (pypdf for text, pdfium + zxing-cpp for the code).
Without check-in, and on notices to nobody in particular, the notice is as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import ValidationError
from embassy_desk.notices.kinds import kind_spec
from embassy_desk.notices.templates import COMMON_LABELS, parse_template
from embassy_desk.notices.text import long_date
from embassy_desk.services import campaigns, checkin, contacts, notices, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.notice_pdf import page_texts, qr_codes, squash

BASE = "https://checkin.example.kz"
LINK = BASE + "/c/"
NAMES = {
    "kk": "Қазақстан Республикасының Корея Республикасындағы Елшілігі",
    "ko": "주한 카자흐스탄 공화국 대사관",
}
# The panel's heading on each language's page (resources/notices/advisory/*.toml).
HEADINGS = {
    "kk": "Аман-саусыз ба?",
    "ru": "Вы в безопасности?",
    "en": "Are you safe?",
    "ko": "안전하십니까?",
}
VCARD = "BEGIN:VCARD"


def _citizen(session: Session, n: int, languages: str, **overrides: object) -> str:
    data = aigerim(
        given_names="Айгерим" + "".join("абвгдежзий"[int(d)] for d in str(n)),
        national_id=None,
        passport_number=f"N{71000000 + n}",
        phone=f"010-5555-{1000 + n}",
        email=None,
        languages=languages,
        **overrides,
    )
    return registry.register_citizen(session, data).id


@pytest.fixture
def post(admin: Session) -> Session:
    notices.set_notice_post(admin, names=NAMES, phone="+82 2 111 2222", hotline="+82 10 3333 4444")
    return admin


@pytest.fixture
def enabled(post: Session) -> Session:
    checkin.set_public_address(post, BASE)
    return post


def _links(session: Session) -> list[dict[str, str]]:
    with session.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT token_hash, citizen_id, campaign_id, language, phone, expires_at FROM checkin_links"
            " ORDER BY created_at, id"
        )
        keys = ("token_hash", "citizen_id", "campaign_id", "language", "phone", "expires_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]


def _urls_in(text: str) -> list[str]:
    return [word for word in text.split() if word.startswith(LINK)]


def _person_files(session: Session, result: notices.IssueResult) -> dict[str, Path]:
    """citizen id -> that person's PDF (a batch issued with one file per person)."""
    by_reference = {n.reference: n.citizen_id for n in notices.list_issued(session)}
    return {str(by_reference[path.stem]): path for path in result.files}


def _expected_until(language: str) -> str:
    return long_date(datetime.now(UTC).date() + timedelta(days=checkin.DEFAULT_DAYS), language)


def test_each_person_s_advisory_prints_their_own_link_as_text_and_qr_on_every_page(
    enabled: Session, tmp_path: Path
) -> None:
    people = {lang: _citizen(enabled, n + 1, lang) for n, lang in enumerate(("kk", "ru", "en", "ko"))}
    result = notices.issue(
        enabled,
        kind="advisory",
        languages=["auto", "ko"],
        target=tmp_path / "out",
        selection=notices.Selection(region="Seoul"),
        per_person=True,
    )
    assert result.notices == 4 and result.checkin_links == 4
    links = {link["citizen_id"]: link for link in _links(enabled)}
    assert set(links) == set(people.values())
    files = _person_files(enabled, result)
    seen: set[str] = set()
    for n, (language, citizen_id) in enumerate(people.items()):
        pdf = files[citizen_id].read_bytes()
        pages = page_texts(pdf)
        # Their language, then Korean ("auto" beside Korean is Russian for a Korean reader).
        page_languages = [language if language != "ko" else "ru", "ko"]
        assert len(pages) == len(page_languages)
        urls = set()
        for index, lang in enumerate(page_languages):
            text = pages[index]
            (url,) = _urls_in(text)
            urls.add(url)
            # The page's panel in its own language, with the last day the link works.
            assert HEADINGS[lang] in text, (lang, text)
            assert squash(_expected_until(lang)) in squash(text)
            codes = qr_codes(pdf, index)
            assert url in codes  # the QR code is the printed address, to the character
            assert any(code.startswith(VCARD) for code in codes)  # the embassy's card is still there
        (url,) = urls  # one link per person, the same on each language's page
        # Only the token's hash is kept, and it is this person's link.
        assert links[citizen_id]["token_hash"] == token_hash(url.removeprefix(LINK))
        assert links[citizen_id]["language"] == language  # the page opens in the person's language
        assert links[citizen_id]["phone"] == f"+82105555{1001 + n}"
        seen.add(url)
    assert len(seen) == 4

    # The URL (with its token) is nowhere in the database: not in the notices kept for re-printing,
    # the batch, the audit or the change log.
    with enabled.read() as conn:
        stored = " ".join(
            str(row)
            for table in ("notices_issued", "notice_batches", "audit_log", "change_log", "checkin_links")
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
        )
        (details,) = conn.exec_driver_sql("SELECT details FROM audit_log WHERE action = 'checkin.links'")
    assert all(url.removeprefix(LINK) not in stored for url in seen)
    assert json.loads(details[0])["links"] == 4


def test_expiry_is_the_fourteenth_day_and_the_link_works_through_it(enabled: Session) -> None:
    citizen_id = _citizen(enabled, 5, "ru")
    _record, pdf = notices.issue_one(enabled, kind="advisory", languages=["ru"], citizen_id=citizen_id)
    (link,) = _links(enabled)
    last_day = datetime.now(UTC).date() + timedelta(days=checkin.DEFAULT_DAYS)
    expires = datetime.fromisoformat(link["expires_at"])
    assert expires == datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    assert squash(long_date(last_day, "ru")) in squash(page_texts(pdf)[0])


def test_without_check_in_the_advisory_is_unchanged_and_no_link_is_made(
    post: Session, tmp_path: Path
) -> None:
    citizen_id = _citizen(post, 6, "kk")
    _record, pdf = notices.issue_one(post, kind="advisory", languages=["auto", "ko"], citizen_id=citizen_id)
    texts = page_texts(pdf)
    assert len(texts) == 2
    assert not any("/c/" in t or HEADINGS["kk"] in t or HEADINGS["ko"] in t for t in texts)
    assert [c.startswith(VCARD) for c in qr_codes(pdf, 0)] == [True]
    assert _links(post) == []


def test_a_general_advisory_and_other_kinds_carry_no_link(enabled: Session) -> None:
    citizen_id = _citizen(enabled, 7, "ru")
    _record, general = notices.issue_one(enabled, kind="advisory", languages=["kk"])
    assert not _urls_in(page_texts(general)[0]) and HEADINGS["kk"] not in page_texts(general)[0]
    _record, letter = notices.issue_one(
        enabled, kind="letter-welfare", languages=["ru"], citizen_id=citizen_id
    )
    assert not any(_urls_in(t) for t in page_texts(letter))
    assert _links(enabled) == []


def test_a_reprint_carries_a_fresh_link_and_the_first_one_stays_valid(enabled: Session) -> None:
    citizen_id = _citizen(enabled, 8, "en")
    record, pdf = notices.issue_one(enabled, kind="advisory", languages=["en"], citizen_id=citizen_id)
    (first,) = _urls_in(page_texts(pdf)[0])
    again = notices.reprint(enabled, record.reference)
    (second,) = _urls_in(page_texts(again)[0])
    assert second != first and qr_codes(again, 0).count(second) == 1
    assert [link["token_hash"] for link in _links(enabled)] == [
        token_hash(first.removeprefix(LINK)),
        token_hash(second.removeprefix(LINK)),
    ]
    # Check-in turned off since: the re-print is the notice without a link.
    checkin.set_public_address(enabled, None)
    plain = notices.reprint(enabled, record.reference)
    assert not _urls_in(page_texts(plain)[0]) and len(_links(enabled)) == 2


def test_a_campaign_s_advisory_links_count_for_the_campaign_while_it_is_open(
    enabled: Session, tmp_path: Path
) -> None:
    ids = [_citizen(enabled, 10 + n, "kk") for n in range(2)]
    made = campaigns.create_campaign(enabled, "Seoul", campaigns.CampaignCriteria(regions=("KR-11",)))
    for citizen_id in ids:
        contacts.log_contact(enabled, citizen_id, channel="phone", outcome="no_answer", campaign_id=made.id)
    selection = notices.Selection(campaign=made.id)
    notices.issue(
        enabled, kind="advisory", languages=["auto"], target=tmp_path / "c.pdf", selection=selection
    )
    assert {link["campaign_id"] for link in _links(enabled)} == {made.id}
    campaigns.close_campaign(enabled, made.id)
    notices.issue(
        enabled, kind="advisory", languages=["auto"], target=tmp_path / "d.pdf", selection=selection
    )
    # Closed: the notices still go out, their links count for no campaign.
    assert [link["campaign_id"] for link in _links(enabled)][2:] == [None, None]


def test_a_clerk_s_list_gets_each_person_s_link(
    enabled: Session, session_for: Callable[[Role], Session], tmp_path: Path
) -> None:
    ids = [_citizen(enabled, 20 + n, "ru") for n in range(2)]
    clerk = session_for(Role.CLERK)
    result = notices.issue(
        clerk,
        kind="advisory",
        languages=["ru"],
        target=tmp_path / "list.pdf",
        selection=notices.Selection(citizen_ids=tuple(ids)),
    )
    assert result.checkin_links == 2
    texts = page_texts((tmp_path / "list.pdf").read_bytes())
    assert len({url for t in texts for url in _urls_in(t)}) == 2


def test_a_preview_shows_where_the_link_goes_and_makes_none(enabled: Session) -> None:
    citizen_id = _citizen(enabled, 30, "ko")
    pdf = notices.preview(enabled, kind="advisory", languages=["auto"], citizen_id=citizen_id)
    text = page_texts(pdf)[0]
    assert HEADINGS["ko"] in text and _urls_in(text) == [LINK + "preview"]
    assert _links(enabled) == []


def test_only_kinds_that_print_links_may_hold_the_panel() -> None:
    labels = "".join(f'{k} = "x"\n' for k in COMMON_LABELS)
    common = ("common/en.toml", f'language = "en"\nstate_name = "S"\n[labels]\n{labels}')
    panel = '[[body]]\ncheckin = ["Safe?", "Until {checkin_until}."]\n'
    head = 'version = 1\nlanguage = "en"\ntitle = "T"\n'
    welfare = ("letter-welfare/en.toml", 'id = "letter-welfare"\n' + head + panel)
    with pytest.raises(ValidationError, match="advisory"):
        parse_template(kind_spec("letter-welfare"), "en", common, welfare)
    advisory = ("advisory/en.toml", 'id = "advisory"\n' + head + panel)
    assert parse_template(kind_spec("advisory"), "en", common, advisory).body[0].kind == "checkin"
    lonely = ("advisory/en.toml", 'id = "advisory"\n' + head + '[[body]]\ncheckin = ["only"]\n')
    with pytest.raises(ValidationError, match="heading"):
        parse_template(kind_spec("advisory"), "en", common, lonely)


def test_links_on_worker_processes_joined_into_one_pdf(
    enabled: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notices, "INLINE_LIMIT", 2)
    monkeypatch.setattr(notices, "CHUNK", 2)
    ids = [_citizen(enabled, 40 + n, "kk") for n in range(5)]
    target = tmp_path / "all.pdf"
    result = notices.issue(
        enabled,
        kind="advisory",
        languages=["kk"],
        target=target,
        selection=notices.Selection(citizen_ids=tuple(ids)),
        workers=2,
    )
    pdf = target.read_bytes()
    pages = page_texts(pdf)
    assert result.pages == len(pages) == 5
    urls = [_urls_in(text)[0] for text in pages]
    hashes = {link["token_hash"]: link["citizen_id"] for link in _links(enabled)}
    # Page n is the n-th person's notice (the selection's order) and carries that person's link.
    assert [hashes[token_hash(url.removeprefix(LINK))] for url in urls] == ids
    assert all(url in qr_codes(pdf, n) for n, url in enumerate(urls))


def test_a_long_advisory_takes_the_panel_whole_to_the_next_page(enabled: Session) -> None:
    citizen_id = _citizen(enabled, 50, "ru")
    long = {"ru": "Посольство просит соблюдать меры предосторожности. " * 25}
    _record, pdf = notices.issue_one(
        enabled, kind="advisory", languages=["ru"], citizen_id=citizen_id, params={"situation": long}
    )
    pages = page_texts(pdf)
    assert len(pages) == 2 and not _urls_in(pages[0]) and HEADINGS["ru"] not in pages[0]
    (url,) = _urls_in(pages[1])
    assert HEADINGS["ru"] in pages[1] and url in qr_codes(pdf, 1)
