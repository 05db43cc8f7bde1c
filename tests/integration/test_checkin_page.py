"""The public check-in page (issue 14, part C) on HQ's store, SQLite and PostgreSQL: what a citizen sees
at ``/c/TOKEN`` in each language, that an answer is kept once and confirmed, that a wrong form names its
field in the page's language, that links which are not live all look alike (404), CSRF and same-origin
refusals, rate limits (429), the headers, the size and what the log keeps."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from embassy_desk.domain.checkin import LANGUAGES, new_token, token_hash
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.public import csrf, forms, texts
from embassy_desk.hq.public.app import create_public_app
from embassy_desk.hq.public.settings import PublicSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import checkin_answers
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import POST, Device, enroll, entry, push

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

EMBASSY = "Embassy of Kazakhstan in Seoul"
SAME_ORIGIN = {"sec-fetch-site": "same-origin"}


class Post:
    """A post at HQ with one device that pushes citizens and their links."""

    def __init__(self, store: HQStore, clock: MovableClock) -> None:
        self.store = store
        self.clock = clock
        store.add_post(POST, EMBASSY)
        self.device: Device = enroll(store)

    def link(
        self,
        *,
        language: str = "kk",
        days: float = 14,
        given: str = "Айгерим",
        latin: str | None = "Aigerim",
        campaign: str | None = None,
    ) -> tuple[str, str, str]:
        """A registered citizen and a live link for them: (citizen id, link id, token)."""
        citizen, link, token = uuid7(), uuid7(), new_token()
        names: dict[str, Any] = {"surname": "Тестова", "given_names": given}
        if latin:
            names["given_names_latin"] = latin
        fields = {
            "token_hash": token_hash(token),
            "citizen_id": citizen,
            "campaign_id": campaign,
            "language": language,
            "phone": "+821012345678",
            "expires_at": (self.clock() + timedelta(days=days)).isoformat(timespec="milliseconds"),
            "created_at": self.clock().isoformat(timespec="milliseconds"),
            "created_by": "officer",
        }
        made = push(
            self.store,
            self.device,
            [
                entry(self.device, "citizen", citizen, "create", names),
                entry(self.device, "checkin_link", link, "create", fields),
            ],
        )
        assert not made.rejected
        return citizen, link, token

    def answers(self) -> list[dict[str, Any]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(checkin_answers).order_by(checkin_answers.c.at)).mappings().all()
        return [dict(r) for r in rows]


@pytest.fixture
def post(hq_store: HQStore, hq_clock: MovableClock) -> Post:
    return Post(hq_store, hq_clock)


def client(store: HQStore, clock: MovableClock, **values: Any) -> TestClient:
    address = values.pop("address", "198.51.100.7")
    app = create_public_app(store, settings=PublicSettings(**values), clock=clock)
    return TestClient(app, client=(address, 40000))


def csrf_of(html: str) -> str:
    found = re.findall(r'name="csrf" value="([^"]+)"', html)
    assert len(found) == 3 and len(set(found)) == 1, "each of the three forms carries the same csrf field"
    return str(found[0])


def field_of(html: str) -> str | None:
    found = re.search(r'class="error" role="alert" data-field="(\w+)">([^<]+)<', html)
    return found.group(1) if found else None


def test_the_page_greets_the_person_in_their_language_with_three_answers(post: Post) -> None:
    _citizen, _link, token = post.link(language="kk")
    web = client(post.store, post.clock)
    page = web.get(f"/c/{token}")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="kk">' in html
    assert EMBASSY in html and "Сәлеметсіз бе, Айгерим!" in html
    for choice in ("safe", "needs_help", "phone_changed"):
        assert f'data-choice="{choice}"' in html
        assert f'name="answer" value="{choice}"' in html
    assert 'name="message"' in html and 'name="callback"' in html and 'name="phone"' in html
    assert "Мен аман-саумын" in html and "Маған көмек керек" in html
    csrf_of(html)
    # Small, self-contained, nothing of the person but the given name.
    assert len(page.content) < 30 * 1024
    assert "<script" not in html.lower() and "src=" not in html and "http" not in html.split("</head>")[1]
    assert "Тестова" not in html and "+8210" not in html and token not in html
    assert "set-cookie" not in page.headers
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "form-action 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'sha256-" in csp and "unsafe-inline" not in csp
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("lang", "greeting", "safe"),
    [
        ("kk", "Сәлеметсіз бе, Айгерим!", "Мен аман-саумын"),
        ("ru", "Здравствуйте, Айгерим!", "Я в безопасности"),
        ("en", "Hello, Aigerim!", "I am safe"),
        ("ko", "Aigerim 님, 안녕하세요.", "저는 안전합니다"),
    ],
)
def test_the_language_can_be_switched_and_the_name_follows_its_script(
    post: Post, lang: str, greeting: str, safe: str
) -> None:
    _citizen, _link, token = post.link(language="ru")
    html = client(post.store, post.clock).get(f"/c/{token}?lang={lang}").text
    assert f'<html lang="{lang}">' in html and greeting in html and safe in html
    for other in LANGUAGES:
        if other != lang:
            assert f'href="?lang={other}"' in html  # the switcher offers the others


def test_a_person_without_a_latin_name_is_greeted_in_latin_letters_on_the_korean_page(post: Post) -> None:
    _citizen, _link, token = post.link(language="ko", given="Нұрлан", latin=None)
    html = client(post.store, post.clock).get(f"/c/{token}").text
    assert "Nurlan 님" in html


def test_every_language_has_every_text_with_the_same_placeholders() -> None:
    keys = set(texts.TEXTS["en"])
    for lang in LANGUAGES:
        assert set(texts.TEXTS[lang]) == keys, lang
        for key in keys:
            english = set(re.findall(r"{(\w+)}", texts.TEXTS["en"][key]))
            assert set(re.findall(r"{(\w+)}", texts.TEXTS[lang][key])) == english, (lang, key)
    assert re.search("[가-힣]", texts.TEXTS["ko"]["safe"])  # Korean in Hangul


def test_links_that_are_not_live_all_answer_the_same_404(post: Post) -> None:
    _citizen, link, token = post.link(days=1)
    _c2, _l2, expiring = post.link(days=1)
    web = client(post.store, post.clock)
    assert web.get(f"/c/{expiring}").status_code == 200
    push(post.store, post.device, [entry(post.device, "checkin_link", link, "delete", {}, base={})])
    post.clock.advance(days=2)  # ``expiring`` is past its expiry now
    bodies = set()
    for wrong in (token, expiring, new_token(), "short", "x" * 200, "ab%2Fcd"):
        got = web.get(f"/c/{wrong}?lang=en")
        assert got.status_code == 404
        assert 'data-page="not-found"' in got.text and EMBASSY not in got.text and "Aigerim" not in got.text
        bodies.add(got.text)
        assert web.post(f"/c/{wrong}", data={"answer": "safe"}, headers=SAME_ORIGIN).status_code == 404
    assert len(bodies) == 1, "revoked, expired, unknown and malformed links are indistinguishable"
    assert post.answers() == []


def test_i_am_safe_is_kept_once_confirmed_and_shown_when_the_page_is_opened_again(post: Post) -> None:
    citizen, _link, token = post.link(language="kk")
    web = client(post.store, post.clock)
    form = {"answer": "safe", "csrf": csrf_of(web.get(f"/c/{token}").text), "lang": "kk"}
    done = web.post(f"/c/{token}", data=form, headers=SAME_ORIGIN)
    assert done.status_code == 200
    assert 'data-answer="safe"' in done.text and "Мен аман-саумын" in done.text
    expiry = (post.clock() + timedelta(days=14)).strftime("%d.%m.%Y")
    assert expiry in done.text, "the confirmation says until when the answer can be changed"
    [kept] = post.answers()
    assert kept["citizen_id"] == citizen and kept["answer"] == "safe" and kept["source"] == "web"
    assert kept["post"] == POST and kept["language"] == "kk" and kept["drained_at"] is None
    again = web.get(f"/c/{token}?lang=en").text
    assert 'data-current="safe"' in again and "Your answer: “I am safe”" in again
    assert (post.clock() + timedelta(days=14)).strftime("%-d ") in again


def test_the_answer_can_be_changed_to_i_need_help_with_a_text_and_a_callback_number(post: Post) -> None:
    _citizen, _link, token = post.link(language="ru")
    web = client(post.store, post.clock)
    token_csrf = csrf_of(web.get(f"/c/{token}").text)
    web.post(f"/c/{token}", data={"answer": "safe", "csrf": token_csrf, "lang": "ru"}, headers=SAME_ORIGIN)
    post.clock.advance(minutes=5)
    form = {
        "answer": "needs_help",
        "csrf": token_csrf,
        "lang": "ru",
        "message": "Дом затопило,\r\nнужна эвакуация\u200b",
        "callback": "010-5555-1234",
    }
    done = web.post(f"/c/{token}", data=form, headers=SAME_ORIGIN)
    assert done.status_code == 200 and 'data-answer="needs_help"' in done.text
    assert "Мне нужна помощь" in done.text and "Посольство свяжется с вами" in done.text
    first, second = post.answers()
    assert first["answer"] == "safe" and second["answer"] == "needs_help"
    assert second["message"] == "Дом затопило,\nнужна эвакуация" and second["callback"] == "+821055551234"
    assert 'data-current="needs_help"' in web.get(f"/c/{token}").text


def test_a_new_phone_number_is_kept_in_e164(post: Post) -> None:
    _citizen, _link, token = post.link(language="en")
    web = client(post.store, post.clock)
    form = {"answer": "phone_changed", "csrf": csrf_of(web.get(f"/c/{token}").text)}
    form["phone"] = "+7 701 234 5678"
    done = web.post(f"/c/{token}", data=form, headers=SAME_ORIGIN)
    assert done.status_code == 200 and 'data-answer="phone_changed"' in done.text
    assert post.answers()[0]["phone"] == "+77012345678"


@pytest.mark.parametrize(
    ("lang", "form", "field", "words"),
    [
        ("kk", {"answer": "phone_changed", "phone": ""}, "phone", "Жаңа нөміріңізді"),
        ("ko", {"answer": "phone_changed", "phone": "12"}, "phone", "새 전화번호를"),
        ("ru", {"answer": "needs_help", "message": "а" * 501}, "message", "не более 500 символов"),
        ("en", {"answer": "needs_help", "callback": "not a number"}, "callback", "call you back"),
        ("en", {"answer": "fine"}, "answer", "choose one answer"),
        ("kk", {}, "answer", "Бір жауапты таңдаңыз"),
    ],
)
def test_a_wrong_form_comes_back_naming_its_field_in_the_page_language(
    post: Post, lang: str, form: dict[str, str], field: str, words: str
) -> None:
    _citizen, _link, token = post.link(language="ru")
    web = client(post.store, post.clock)
    sent = {**form, "csrf": csrf_of(web.get(f"/c/{token}").text), "lang": lang}
    back = web.post(f"/c/{token}", data=sent, headers=SAME_ORIGIN)
    assert back.status_code == 400
    assert field_of(back.text) == field and words in back.text and f'<html lang="{lang}">' in back.text
    csrf_of(back.text)  # the three forms are there again, ready to send
    if form.get("message"):
        assert form["message"] in back.text, "what was typed is not lost"
    assert post.answers() == []


def test_a_form_without_a_valid_csrf_field_is_not_taken(post: Post) -> None:
    _citizen, _link, token = post.link(language="en")
    _c2, _l2, other = post.link(language="en")
    web = client(post.store, post.clock)
    good = csrf_of(web.get(f"/c/{token}").text)
    others = csrf_of(web.get(f"/c/{other}").text)
    stamp, _dot, mac = good.partition(".")
    for bad in ("", "nonsense", others, f"{int(stamp) + 1}.{mac}", f"{stamp}.{'A' * len(mac)}"):
        back = web.post(f"/c/{token}", data={"answer": "safe", "csrf": bad}, headers=SAME_ORIGIN)
        assert back.status_code == 400 and field_of(back.text) == "csrf"
    # A page left open longer than the form's lifetime asks to choose again.
    post.clock.advance(hours=13)
    back = web.post(f"/c/{token}", data={"answer": "safe", "csrf": good}, headers=SAME_ORIGIN)
    assert back.status_code == 400 and "open for too long" in back.text
    assert post.answers() == []
    fresh = csrf_of(back.text)
    assert web.post(f"/c/{token}", data={"answer": "safe", "csrf": fresh}).status_code == 200


def test_a_form_posted_from_another_site_is_refused(post: Post) -> None:
    _citizen, _link, token = post.link(language="en")
    web = client(post.store, post.clock)
    form = {"answer": "safe", "csrf": csrf_of(web.get(f"/c/{token}").text)}
    for headers in (
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://evil.example"},
    ):
        refused = web.post(f"/c/{token}", data=form, headers=headers)
        assert refused.status_code == 403 and 'data-page="refused"' in refused.text
    assert post.answers() == []
    # A page with no-referrer posts its own form with "Origin: null"; an old browser sends the host.
    assert web.post(f"/c/{token}", data=form, headers={"origin": "null"}).status_code == 200
    assert web.post(f"/c/{token}", data=form, headers={"origin": "http://testserver"}).status_code == 200
    assert web.post(f"/c/{token}", data=form, headers={"sec-fetch-site": "none"}).status_code == 200
    assert len(post.answers()) == 3


def test_an_oversized_form_is_refused(post: Post) -> None:
    _citizen, _link, token = post.link()
    web = client(post.store, post.clock)
    form = {"answer": "needs_help", "csrf": csrf_of(web.get(f"/c/{token}").text), "message": "x" * 9000}
    assert web.post(f"/c/{token}", data=form, headers=SAME_ORIGIN).status_code == 413
    assert post.answers() == []


def test_one_link_and_one_address_are_rate_limited(post: Post) -> None:
    _citizen, _link, token = post.link(language="en")
    web = client(post.store, post.clock, token_rate=0.01, token_burst=3)
    for _ in range(3):
        assert web.get(f"/c/{token}").status_code == 200
    # A limited request is answered without a lookup: in the language asked for, else the browser's.
    limited = web.get(f"/c/{token}?lang=en")
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert 'data-page="too-many"' in limited.text and "Too many attempts" in limited.text
    assert web.post(f"/c/{token}", data={"answer": "safe"}, headers=SAME_ORIGIN).status_code == 429
    assert post.answers() == []
    # Another link is not held back by this one.
    _c2, _l2, second = post.link()
    assert web.get(f"/c/{second}").status_code == 200

    busy = client(post.store, post.clock, address_rate=0.01, address_burst=2, address="203.0.113.9")
    assert [busy.get(f"/c/{t}").status_code for t in (second, token, new_token())][:2] != [429, 429]
    assert busy.get(f"/c/{second}").status_code == 429
    assert busy.get(f"/c/{new_token()}").status_code == 429, "guessing tokens costs the address too"


def test_the_default_limits_let_a_carrier_nat_through() -> None:
    defaults = PublicSettings()
    # A whole city's phones behind one address, each opening the page and answering once.
    assert defaults.address_burst >= 500 and defaults.address_rate >= 50
    assert defaults.token_burst >= 10


def test_the_log_names_the_route_never_the_token(post: Post, caplog: pytest.LogCaptureFixture) -> None:
    _citizen, _link, token = post.link()
    web = client(post.store, post.clock)
    with caplog.at_level(logging.INFO, logger="embassy_desk.hq.public"):
        form = {"answer": "needs_help", "csrf": csrf_of(web.get(f"/c/{token}?lang=en").text)}
        form["message"] = "secret words"
        web.post(f"/c/{token}?lang=en", data=form, headers=SAME_ORIGIN)
        web.get(f"/c/{new_token()}")
        web.get("/console/")
    lines = [r.getMessage() for r in caplog.records if r.name == "embassy_desk.hq.public.access"]
    assert "GET /c/{token} 200" in lines[0] and "POST /c/{token} 200" in lines[1]
    assert "GET /c/{token} 404" in lines[2] and "GET (other) 404" in lines[3]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert token not in logged and token_hash(token) not in logged and "secret" not in logged
    assert "lang=" not in logged and "198.51.100.7" not in logged


def test_only_the_page_the_webhook_and_health_are_served(post: Post) -> None:
    web = client(post.store, post.clock)
    assert web.get("/health").json() == {"status": "ok"}
    for path in ("/console", "/console/login", "/v1/push", "/openapi.json", "/docs", "/redoc", "/"):
        got = web.get(path)
        assert got.status_code == 404, path
        assert got.headers["content-security-policy"].startswith("default-src 'none'")
    assert web.post("/v1/push", json={}).status_code in (404, 405)


# --- properties -----------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_body_parses_without_an_error(body: bytes) -> None:
    form = forms.parse(body)
    assert set(form) <= set(forms.FIELDS)
    field = None
    try:
        forms.check(form, max_message=500, region="KR")
    except forms.FormProblem as exc:
        field = exc.field
    assert field in (None, "answer", "message", "callback", "phone")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_made_up_csrf_value_is_valid(value: str) -> None:
    secret = b"k" * 32
    assert not csrf.valid(secret, "a" * 64, value, 1_800_000_000, 3600) or value == csrf.issue(
        secret, "a" * 64, 1_800_000_000
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(forms.FIELDS),
        st.one_of(st.text(max_size=60), st.sampled_from(["safe", "needs_help", "phone_changed", "ko"])),
    )
)
def test_any_form_gets_a_page_never_a_server_error(post: Post, form: dict[str, str]) -> None:
    if not hasattr(post, "_token"):
        post._token = post.link()[2]  # type: ignore[attr-defined]
    token = post._token  # type: ignore[attr-defined]
    web = client(post.store, post.clock)
    if form.get("csrf") == "ko":
        form["csrf"] = csrf_of(web.get(f"/c/{token}").text)
    got = web.post(f"/c/{token}", data=form, headers=SAME_ORIGIN)
    assert got.status_code in (200, 400)
    assert len(got.content) < 30 * 1024
    if got.status_code == 200:
        assert f'data-answer="{form["answer"]}"' in got.text


def test_time_is_kept_in_hq_form(post: Post) -> None:
    _citizen, _link, token = post.link()
    web = client(post.store, post.clock)
    web.post(f"/c/{token}", data={"answer": "safe", "csrf": csrf_of(web.get(f"/c/{token}").text)})
    at = post.answers()[0]["at"]
    assert at.endswith("Z") and datetime.fromisoformat(at.replace("Z", "+00:00")) <= datetime.now(UTC)
