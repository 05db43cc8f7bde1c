"""What the officer asked for: a kind, its languages, paper and fields, checked before it is issued."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from embassy_desk.gui.notices.labels import NOTICE_LANGUAGES, field_label, field_labels
from embassy_desk.notices.kinds import KindSpec, Recipient
from embassy_desk.notices.templates import load_bundle
from embassy_desk.notices.text import LANGUAGES
from embassy_desk.services import notices
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class NoticeRequest:
    """One notice as the form describes it; ``params`` holds only the fields the officer filled in
    (a field written per language as ``{language: text}``)."""

    kind: str
    languages: tuple[str, ...]
    paper: str = "a4"
    params: Mapping[str, notices.ParamValue] = field(default_factory=dict)

    @property
    def spec(self) -> KindSpec:
        return next(s for s in notices.kinds() if s.id == self.kind)


def printable_kinds() -> list[KindSpec]:
    """The kinds staff print from the Notices screen (the recovery sheet belongs to set-up only)."""
    return [spec for spec in notices.kinds() if spec.recipient is not Recipient.NONE]


@cache
def field_defaults(kind: str, language: str) -> dict[str, str]:
    """The wording a template uses for a field left empty (shown as a hint in the form)."""
    bundle = load_bundle(kind, [language])
    return dict(bundle.templates[language].defaults)


def missing_fields(request: NoticeRequest) -> list[str]:
    """Fields the kind needs that are neither filled in nor given a default by its templates; a field
    written per language and given in some language is named per missing language (``situation.ko``)."""
    languages = [lang for lang in request.languages if lang != notices.AUTO] or ["en"]
    missing = []
    for name in request.spec.params:
        value = request.params.get(name, "")
        if name in request.spec.translated and isinstance(value, Mapping) and value:
            if notices.AUTO not in request.languages:  # which languages "auto" needs is known at issue
                missing += [f"{name}.{lang}" for lang in languages if not value.get(lang, "").strip()]
            continue
        if isinstance(value, str) and value.strip():
            continue
        if all(field_defaults(request.kind, lang).get(name) for lang in languages):
            continue
        missing.append(name)
    return missing


def key_label(key: str) -> str:
    """The name of a form field: ``situation`` → Situation, ``situation.ko`` → Situation (한국어)."""
    name, _, language = key.partition(".")
    return (
        f"{field_label(name)} ({NOTICE_LANGUAGES.get(language, language)})" if language else field_label(name)
    )


def preview_params(request: NoticeRequest, label: Mapping[str, str]) -> dict[str, notices.ParamValue]:
    """The fields for a preview: what is missing shows as a visible gap named in brackets."""
    params = dict(request.params)
    spec = request.spec
    for name in spec.translated:
        given = params.get(name)
        if isinstance(given, Mapping) and given:
            # Every language a page may be in ("auto" included) shows its own text or the gap.
            gap = f"[{label.get(name, name)}]"
            params[name] = {lang: given.get(lang, "").strip() or gap for lang in LANGUAGES}
    for key in missing_fields(request):
        name, _, language = key.partition(".")
        gap = f"[{label.get(name, name)}]"
        if name in spec.translated:
            if not language:
                params[name] = dict.fromkeys(LANGUAGES, gap)
        else:
            params[name] = gap
    return params


def preview_maker(session: Session, request: NoticeRequest, citizen_id: str | None) -> Callable[[], bytes]:
    """A function that renders the preview of ``request`` for ``citizen_id`` (run off the GUI thread)."""
    params = preview_params(request, field_labels())

    def make() -> bytes:
        return notices.preview(
            session,
            kind=request.kind,
            languages=list(request.languages),
            citizen_id=citizen_id,
            params=params,
            paper=request.paper,
        )

    return make
