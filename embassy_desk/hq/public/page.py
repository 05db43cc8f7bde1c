"""The check-in page's HTML: one small document, no script, no image, no font, no other request.

A cheap phone on a poor connection gets the whole page in one response of a few kilobytes (the style
is inline, allowed by its hash in the Content-Security-Policy: hq/public/headers.py), readable from
320 px wide up. Every value is escaped (Jinja2 autoescape). The main element carries ``data-page``
(``checkin``, ``done``, ``not-found``, ``refused``, ``too-many``), ``data-answer`` on a confirmation
and ``data-field`` on an error, so tests find what a person sees without parsing the words.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime

import jinja2

from embassy_desk.domain.checkin import LANGUAGES
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.hq.public import texts

CSS = (
    "*{box-sizing:border-box}"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
    "body{margin:0;background:#f3f4f6;color:#111827;"
    "font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans KR',"
    "'Apple SD Gothic Neo','Malgun Gothic','NanumGothic',sans-serif}"
    "header{background:#0b3c5d;color:#fff;padding:.7rem 1rem;font-weight:600}"
    "header p{max-width:30rem;margin:auto;overflow-wrap:anywhere}"
    "main{max-width:30rem;margin:auto;padding:1rem}"
    "h1{font-size:1.35rem;line-height:1.25;margin:.2rem 0 .4rem}"
    "p{margin:.4rem 0}"
    ".note{background:#e0f2fe;border-left:4px solid #0369a1;padding:.6rem .8rem;margin:.8rem 0}"
    ".error{background:#fee2e2;border-left:4px solid #b91c1c;padding:.6rem .8rem;margin:.8rem 0;"
    "font-weight:600}"
    "form{background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:.8rem;margin:.8rem 0}"
    "label{display:block;font-weight:600;margin:.1rem 0 .7rem}"
    "textarea,input{display:block;width:100%;margin-top:.3rem;padding:.55rem;font:inherit;"
    "font-weight:400;border:1px solid #9ca3af;border-radius:.35rem;background:#fff;color:inherit}"
    "textarea{min-height:4.5rem;resize:vertical}"
    "small{display:block;font-weight:400;color:#4b5563;margin-top:.2rem}"
    "button{display:block;width:100%;min-height:3rem;padding:.6rem;font:inherit;font-weight:700;"
    "border:0;border-radius:.4rem;color:#fff;background:#1f2937;cursor:pointer}"
    "button:focus,input:focus,textarea:focus,a:focus{outline:3px solid #f59e0b;outline-offset:2px}"
    "[data-choice=safe] button{background:#15803d;font-size:1.2rem;min-height:3.6rem}"
    "[data-choice=needs_help] button{background:#b91c1c}"
    "[data-choice=phone_changed] button{background:#374151}"
    ".done{border-radius:.5rem;padding:.8rem;margin:.4rem 0 .8rem;background:#dcfce7;"
    "border:1px solid #15803d}"
    ".done.needs_help{background:#fef3c7;border-color:#b45309}"
    ".done.phone_changed{background:#e0f2fe;border-color:#0369a1}"
    ".done h1{font-size:1.2rem}"
    "a{color:#0b3c5d}"
    ".again{display:inline-block;margin:.6rem 0;font-weight:600}"
    "nav{max-width:30rem;margin:auto;padding:.3rem 1rem 0;text-align:right;font-size:.9rem}"
    "nav a,nav strong{display:inline-block;margin-left:.7rem;padding:.3rem 0}"
    ":lang(ko){word-break:keep-all}"
)
# The CSP lets exactly this style in (hq/public/headers.py): no 'unsafe-inline', no stylesheet request.
CSS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")

TEMPLATE = """<!doctype html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{ title }}</title>
<style>{% raw %}@CSS@{% endraw %}</style>
</head>
<body>
<header><p>{{ embassy or t.title }}</p></header>
<nav aria-label="{{ t.language }}">
{%- for code, name in languages %}
{% if code == lang %}<strong lang="{{ code }}">{{ name }}</strong>
{%- else %}<a href="?lang={{ code }}" hreflang="{{ code }}" lang="{{ code }}">{{ name }}</a>{% endif %}
{%- endfor %}
</nav>
<main data-page="{{ kind }}"{% if answer %} data-answer="{{ answer }}"{% endif %}>
{% if kind == "checkin" %}
<h1>{{ hello }}</h1>
<p>{{ t.intro }}</p>
{% if error %}<p class="error" role="alert" data-field="{{ error_field }}">{{ error }}</p>{% endif %}
{% if current %}<p class="note" data-current="{{ current }}">{{ current_text }}<br>{{ until }}</p>{% endif %}
<form method="post" data-choice="safe">
<input type="hidden" name="csrf" value="{{ csrf }}"><input type="hidden" name="lang" value="{{ lang }}">
<button name="answer" value="safe">{{ t.safe }}</button>
</form>
<form method="post" data-choice="needs_help">
<input type="hidden" name="csrf" value="{{ csrf }}"><input type="hidden" name="lang" value="{{ lang }}">
<label>{{ t.message }}<textarea name="message" maxlength="{{ max_message }}" rows="3">
{{- form.message }}</textarea></label>
<label>{{ t.callback }}<input name="callback" type="tel" inputmode="tel" autocomplete="tel"
 maxlength="40" value="{{ form.callback }}"><small>{{ t.phone_hint }}</small></label>
<button name="answer" value="needs_help">{{ t.needs_help }}</button>
</form>
<form method="post" data-choice="phone_changed">
<input type="hidden" name="csrf" value="{{ csrf }}"><input type="hidden" name="lang" value="{{ lang }}">
<label>{{ t.phone }}<input name="phone" type="tel" inputmode="tel" autocomplete="tel"
 maxlength="40" required value="{{ form.phone }}"><small>{{ t.phone_hint }}</small></label>
<button name="answer" value="phone_changed">{{ t.phone_changed }}</button>
</form>
{% elif kind == "done" %}
<div class="done {{ answer }}"><h1><span aria-hidden="true">✓ </span>{{ done }}</h1>
<p>{{ current_text }}</p></div>
<p>{{ until }}</p>
<a class="again" href="?lang={{ lang }}">{{ t.change }}</a>
{% else %}
<h1>{{ heading }}</h1>
<p>{{ body }}</p>
{% endif %}
</main>
</body>
</html>
"""

_ENV = jinja2.Environment(
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
)
# The style goes in as written (its hash is in the CSP), never through a template value.
_TEMPLATE = _ENV.from_string(TEMPLATE.replace("@CSS@", CSS))
_LANGUAGES = tuple((code, texts.LANGUAGE_NAMES[code]) for code in LANGUAGES)


class _Texts:
    """``t.key`` in templates: a language's texts."""

    def __init__(self, language: str) -> None:
        self._texts = texts.TEXTS[language]

    def __getattr__(self, key: str) -> str:
        try:
            return self._texts[key]
        except KeyError:
            raise AttributeError(key) from None


_T = {code: _Texts(code) for code in LANGUAGES}


@dataclass(frozen=True)
class Filled:
    """What the citizen typed, shown again when the form comes back with an error."""

    message: str = ""
    callback: str = ""
    phone: str = ""


def _render(lang: str, kind: str, *, embassy: str = "", **values: object) -> str:
    defaults: dict[str, object] = {
        "answer": None,
        "hello": "",
        "error": None,
        "error_field": "",
        "current": None,
        "current_text": "",
        "until": "",
        "csrf": "",
        "form": Filled(),
        "done": "",
        "heading": "",
        "body": "",
        "max_message": 0,
    }
    defaults.update(values)
    title = str(defaults.get("heading") or texts.text(lang, "title"))
    return _TEMPLATE.render(
        lang=lang,
        kind=kind,
        t=_T[lang],
        title=title,
        embassy=embassy,
        languages=_LANGUAGES,
        **defaults,
    )


def checkin_page(
    lang: str,
    *,
    embassy: str,
    name: str,
    csrf: str,
    max_message: int,
    current: CheckinAnswer | None = None,
    expires: datetime | None = None,
    error_field: str | None = None,
    filled: Filled | None = None,
) -> str:
    """The page with the three answers (and the current answer, or an error naming a field)."""
    return _render(
        lang,
        "checkin",
        embassy=embassy,
        hello=texts.text(lang, "hello", name=name) if name else texts.text(lang, "hello_nameless"),
        csrf=csrf,
        max_message=max_message,
        current=current.value if current else None,
        current_text=texts.text(lang, "current", answer=texts.answer_word(lang, current)) if current else "",
        until=_until(lang, expires),
        error=texts.text(lang, f"error_{error_field}", max=max_message) if error_field else None,
        error_field=error_field or "",
        form=filled or Filled(),
    )


def done_page(lang: str, *, embassy: str, answer: CheckinAnswer, expires: datetime | None) -> str:
    """The confirmation: the answer in words, what happens next, until when it can be changed."""
    return _render(
        lang,
        "done",
        embassy=embassy,
        answer=answer.value,
        current_text=texts.text(lang, "current", answer=texts.answer_word(lang, answer)),
        done=texts.text(lang, f"done_{answer.value}"),
        until=_until(lang, expires),
    )


def message_page(lang: str, kind: str) -> str:
    """A page that says one thing: ``not-found``, ``too-many`` or ``refused``; nothing of a person."""
    key = kind.replace("-", "_")
    return _render(
        lang,
        kind,
        heading=texts.text(lang, f"{key}_title"),
        body=texts.text(lang, key),
    )


def _until(lang: str, expires: datetime | None) -> str:
    return texts.text(lang, "until", date=texts.format_day(lang, expires)) if expires else ""
