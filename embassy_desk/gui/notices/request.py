"""What the officer asked for: a kind, its languages, paper and fields, checked before it is issued."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from embassy_desk.gui.notices.labels import field_labels
from embassy_desk.notices.kinds import KindSpec, Recipient
from embassy_desk.notices.templates import load_bundle
from embassy_desk.services import notices
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class NoticeRequest:
    """One notice as the form describes it; ``params`` holds only the fields the officer filled in."""

    kind: str
    languages: tuple[str, ...]
    paper: str = "a4"
    params: Mapping[str, str] = field(default_factory=dict)

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
    """Fields the kind needs that are neither filled in nor given a default by its templates."""
    languages = [lang for lang in request.languages if lang != notices.AUTO] or ["en"]
    missing = []
    for name in request.spec.params:
        if request.params.get(name, "").strip():
            continue
        if all(field_defaults(request.kind, lang).get(name) for lang in languages):
            continue
        missing.append(name)
    return missing


def preview_params(request: NoticeRequest, label: Mapping[str, str]) -> dict[str, str]:
    """The fields for a preview: what is missing shows as a visible gap named in brackets."""
    params = dict(request.params)
    for name in missing_fields(request):
        params[name] = f"[{label.get(name, name)}]"
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
