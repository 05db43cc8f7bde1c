"""Issuing notices on a real encrypted workstation: recorded, audited, re-printable, batched on workers,
cancellable without leaving anything behind, and refused to roles that may not print them."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import Cancelled, EmbassyDeskError, PermissionDeniedError, ValidationError
from embassy_desk.services import notices, registry
from embassy_desk.services.integrity import verify_audit_chain
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.notice_pdf import page_texts, qr_codes, squash

NAMES = {
    "kk": "Қазақстан Республикасының Корея Республикасындағы Елшілігі",
    "ko": "주한 카자흐스탄 공화국 대사관",
}


def _citizen(session: Session, n: int, **overrides: object) -> str:
    data = aigerim(
        given_names="Айгерим" + "".join("абвгдежзий"[int(d)] for d in str(n)),  # names hold no digits
        national_id=None,
        passport_number=f"N{70000000 + n}",
        birth_date=f"19{50 + n % 49:02d}-01-15",
        phone=None,
        email=None,
        **overrides,
    )
    return registry.register_citizen(session, data).id


def _audit(session: Session, action: str) -> list[dict[str, str]]:
    with session.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT entity, entity_id, details FROM audit_log WHERE action = ? ORDER BY seq", (action,)
        )
        return [{"entity": r[0], "entity_id": r[1], **json.loads(r[2])} for r in rows]


@pytest.fixture
def post(admin: Session) -> Session:
    notices.set_notice_post(admin, names=NAMES, phone="+82 2 111 2222", hotline="+82 10 3333 4444")
    return admin


def test_one_notice_is_recorded_audited_and_reprinted_identically(post: Session, tmp_path: Path) -> None:
    citizen_id = _citizen(post, 1, languages="kk,ru")
    record, pdf = notices.issue_one(
        post, kind="letter-welfare", languages=["auto", "ko"], citizen_id=citizen_id
    )
    assert record.citizen_id == citizen_id and record.languages == ("kk", "ko")
    assert record.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert record.issued_by == post.user.id and record.pages == 2
    kk, ko = page_texts(pdf)
    assert ("Айгерим1" in kk and NAMES["kk"] in squash(kk)) or squash(NAMES["kk"]) in squash(kk)
    assert "대사관" in ko and record.reference in ko
    assert [n.reference for n in notices.list_issued(post, citizen_id=citizen_id)] == [record.reference]
    (entry,) = _audit(post, "notice.issue")
    assert entry["entity_id"] == record.batch_id and entry["notices"] == 1
    assert "Айгерим" not in json.dumps(entry, ensure_ascii=False)  # the audit names records by id only

    registry.edit_citizen(post, citizen_id, {"given_names": "Гүлнар"})
    again = notices.reprint(post, record.reference)
    assert again == pdf  # the same words, fields and date as issued, to the byte
    assert _audit(post, "notice.reprint")[0]["reference"] == record.reference
    assert verify_audit_chain(post).ok


def test_a_region_in_their_language_with_the_korean_translation(post: Session, tmp_path: Path) -> None:
    seoul = [
        _citizen(post, n, languages=lang) for n, lang in enumerate(("kk,ru", "ru", "kk,ru,en"), start=10)
    ]
    _citizen(post, 20, region="Busan")
    target = tmp_path / "tonight.pdf"
    seen: list[tuple[int, int]] = []
    result = notices.issue(
        post,
        kind="advisory",
        languages=["auto", "ko"],
        target=target,
        selection=notices.Selection(region="Seoul"),
        params={
            "situation": {
                "ru": "Особая обстановка в Сеуле.",
                "kk": "Сеулдегі ерекше жағдай.",
                "ko": "서울 특별 상황.",
            }
        },
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.notices == 3 and seen[-1] == (3, 3)
    data = target.read_bytes()
    assert result.pdf_sha256 == hashlib.sha256(data).hexdigest()
    texts = page_texts(data)
    assert len(texts) == 6  # each letter in the citizen's language, then in Korean
    assert "Сеулдегі ерекше жағдай." in texts[0] and "Особая обстановка в Сеуле." in texts[2]
    assert "서울 특별 상황." in texts[1]
    assert qr_codes(data)[0].startswith("BEGIN:VCARD")
    issued = {n.citizen_id: n for n in notices.list_issued(post)}
    assert set(issued) == set(seoul)
    assert {issued[seoul[0]].languages, issued[seoul[1]].languages} == {("kk", "ko"), ("ru", "ko")}


def test_one_file_per_person_on_worker_processes(
    post: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notices, "INLINE_LIMIT", 4)
    monkeypatch.setattr(notices, "CHUNK", 5)
    ids = [_citizen(post, n) for n in range(30, 42)]
    folder = tmp_path / "cards"
    result = notices.issue(
        post,
        kind="emergency-card",
        languages=["kk", "ko"],
        target=folder,
        selection=notices.Selection(citizen_ids=tuple(ids)),
        per_person=True,
        workers=2,
    )
    assert len(result.files) == 12 and sorted(p.name for p in folder.iterdir()) == sorted(
        f"{ref}.pdf" for ref in result.references
    )
    by_ref = {n.reference: n for n in notices.list_issued(post)}
    for path in result.files:
        assert by_ref[path.stem].pdf_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert "N70000030" in page_texts(result.files[0].read_bytes())[0]


def test_a_batch_split_over_workers_is_joined_into_one_pdf(
    post: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notices, "INLINE_LIMIT", 4)
    monkeypatch.setattr(notices, "CHUNK", 5)
    for n in range(50, 62):
        _citizen(post, n)
    target = tmp_path / "all.pdf"
    result = notices.issue(
        post,
        kind="evacuation-boarding",
        languages=["ru"],
        target=target,
        selection=notices.Selection(everyone=True),
        params={
            "flight": "KC 910",
            "flight_date": "02.12.2026",
            "departure_airport": "Incheon ICN",
            "assembly_point": "Embassy yard",
            "assembly_time": "06:00",
        },
        extra={},
        workers=2,
    )
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == result.pages == 12
    texts = [p.extract_text() for p in reader.pages]
    assert [ref for ref in result.references] == [
        next(w for w in t.split() if w.startswith("EVB-")) for t in texts
    ]


def test_cancelling_records_nothing_and_leaves_no_file(
    post: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notices, "CHUNK", 5)
    for n in range(70, 82):
        _citizen(post, n)

    def cancel(done: int, total: int) -> None:
        if done >= 5:
            raise Cancelled("stopped by the officer")

    for per_person, target in ((False, tmp_path / "x.pdf"), (True, tmp_path / "x")):
        with pytest.raises(Cancelled):
            notices.issue(
                post,
                kind="registration-certificate",
                languages=["en"],
                target=target,
                selection=notices.Selection(everyone=True),
                per_person=per_person,
                progress=cancel,
            )
        assert not target.exists() or list(target.iterdir()) == []
    assert notices.list_issued(post) == []
    assert len(_audit(post, "notice.cancel")) == 2
    with post.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM notices_issued").scalar_one() == 0


def test_the_recovery_code_is_printed_but_never_kept(admin: Session, tmp_path: Path) -> None:
    code = "ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567"
    result = notices.issue_recovery_sheet(admin, recovery_code=code, target=tmp_path / "rs.pdf")
    assert code in squash(page_texts((tmp_path / "rs.pdf").read_bytes())[0])
    with admin.read() as conn:
        for table in ("notices_issued", "notice_batches", "audit_log", "change_log"):
            dump = json.dumps([list(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table}")])
            assert "ABCDE" not in dump, table
    with pytest.raises(EmbassyDeskError, match="secret"):
        notices.reprint(admin, result.references[0])


def test_roles_and_bad_requests(
    post: Session, session_for: Callable[[Role], Session], tmp_path: Path
) -> None:
    citizen_id = _citizen(post, 90)
    with pytest.raises(PermissionDeniedError):
        notices.issue_one(
            session_for(Role.VIEWER), kind="letter-welfare", languages=["en"], citizen_id=citizen_id
        )
    clerk = session_for(Role.CLERK)
    notices.issue_one(clerk, kind="registration-certificate", languages=["ru"], citizen_id=citizen_id)
    with pytest.raises(PermissionDeniedError):
        notices.issue(
            clerk,
            kind="advisory",
            languages=["ru"],
            target=tmp_path / "a.pdf",
            selection=notices.Selection(everyone=True),
        )
    with pytest.raises(ValidationError, match="flight"):
        notices.issue_one(post, kind="evacuation-boarding", languages=["en"], citizen_id=citizen_id)
    with pytest.raises(ValidationError, match="no citizen matches"):
        notices.issue(
            post,
            kind="advisory",
            languages=["en"],
            target=tmp_path / "b.pdf",
            selection=notices.Selection(region="Jeju"),
        )
    with pytest.raises(ValidationError, match="lang"):
        notices.issue_one(post, kind="advisory", languages=["de"])
    general, pdf = notices.issue_one(post, kind="advisory", languages=["en"])
    assert general.citizen_id is None and "Dear compatriots," in page_texts(pdf)[0]


def test_preview_is_marked_and_recorded_nowhere(post: Session) -> None:
    citizen_id = _citizen(post, 95)
    pdf = notices.preview(post, kind="emergency-card", languages=["ru", "ko"], citizen_id=citizen_id)
    assert "N70000095" in page_texts(pdf)[0] and "ОБРАЗЕЦ — НЕ ВЫДАН" in page_texts(pdf)[0]
    assert notices.list_issued(post) == []
