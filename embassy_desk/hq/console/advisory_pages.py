"""The advisories page: write an advisory or pick a notice template version, choose posts, publish,
and see which workstations have received each publication (the advisories engineer owns this module).

Admins only. A publication goes through hq/publish.publish, audited "publication.publish" in the same
transaction; a form with a missing or bad field comes back with the message beside that field and
nothing is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from embassy_desk.hq import publish as hq_publish
from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.deps import AdminOnly, CsrfChecked
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.render import base_path, page
from embassy_desk.hq.errors import HQError
from embassy_desk.hq.store import HQStore

router = APIRouter()

LANGUAGES = hq_publish.LANGUAGES
MAX_TITLE = 300
MAX_TEXT = 20_000
# Publications listed on the page and in the JSON twin (the newest).
LISTED = 50


@dataclass
class AdvisoryForm:
    """What the operator typed (kept when the form comes back with errors)."""

    kind: str = "advisory"
    title: dict[str, str] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, ""))
    text: dict[str, str] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, ""))
    template: str = ""
    posts: list[str] = field(default_factory=list)
    all_posts: bool = False


@dataclass(frozen=True)
class FieldError:
    """A message for one field of the form: ``code`` and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def read_form(form: FormData) -> AdvisoryForm:
    """The advisory form's values as sent (unchecked)."""
    return AdvisoryForm(
        kind=_text(form, "kind") or "advisory",
        title={lang: _text(form, f"title_{lang}") for lang in LANGUAGES},
        text={lang: _text(form, f"text_{lang}") for lang in LANGUAGES},
        template=_text(form, "template"),
        posts=[p.strip().upper() for p in form.getlist("posts") if isinstance(p, str) and p.strip()],
        all_posts=_text(form, "all_posts") == "1",
    )


def check_form(
    values: AdvisoryForm, known_posts: list[str], store: HQStore
) -> tuple[dict[str, FieldError], hq_publish.TemplateVersion | None]:
    """Errors by field name (empty: publishable) and the chosen template version, if any."""
    errors: dict[str, FieldError] = {}
    chosen: hq_publish.TemplateVersion | None = None
    if values.kind not in hq_publish.KINDS:
        errors["kind"] = FieldError("advisories.error_kind")
    if any(len(v) > MAX_TITLE for v in values.title.values()):
        errors["title"] = FieldError("advisories.error_too_long", {"max": MAX_TITLE})
    if any(len(v) > MAX_TEXT for v in values.text.values()):
        errors["text"] = FieldError("advisories.error_too_long", {"max": MAX_TEXT})
    if values.kind == "advisory":
        if "title" not in errors and not any(values.title.values()):
            errors["title"] = FieldError("advisories.error_title")
        if "text" not in errors and not any(values.text.values()):
            errors["text"] = FieldError("advisories.error_text")
    elif values.kind == "template":
        chosen = hq_publish.find_template(store, values.template) if values.template else None
        if chosen is None:
            errors["template"] = FieldError("advisories.error_template")
    unknown = [p for p in values.posts if p not in known_posts]
    if unknown:
        errors["posts"] = FieldError("advisories.error_unknown_post", {"post": ", ".join(unknown)})
    elif not values.posts and not values.all_posts:
        errors["posts"] = FieldError("advisories.error_posts")
    return errors, chosen


def _page_values(store: HQStore) -> dict[str, Any]:
    return {
        "posts": store.posts(),
        "bundled": hq_publish.bundled_templates(),
        "published_templates": hq_publish.published_templates(store),
        "publications": hq_publish.publications(store, limit=LISTED),
        "languages": LANGUAGES,
    }


def _render(
    request: Request,
    session: Session,
    values: AdvisoryForm,
    errors: dict[str, FieldError],
    *,
    status: int = 200,
    published: str | None = None,
) -> Response:
    store = console_of(request).store
    return page(
        request,
        "advisories.html",
        session,
        status=status,
        form=values,
        errors=errors,
        published=published,
        **_page_values(store),
    )


@router.get("/advisories", include_in_schema=False)
async def advisories(request: Request, session: AdminOnly, published: str | None = None) -> Response:
    """The page: the form and the publications, newest first."""
    return await run_in_threadpool(_render, request, session, AdvisoryForm(), {}, published=published)


def _publish(request: Request, session: Session, form: FormData) -> Response:
    store = console_of(request).store
    values = read_form(form)
    known = [p.code for p in store.posts()]
    errors, chosen = check_form(values, known, store)
    if errors:
        return _render(request, session, values, errors, status=422)
    title = {lang: text for lang, text in values.title.items() if text}
    body: dict[str, Any]
    if chosen is not None:
        body = chosen.body()
        title = title or chosen.title()
    else:
        body = {lang: text for lang, text in values.text.items() if text}
    try:
        done = hq_publish.publish(
            store,
            kind=values.kind,
            title=title,
            body=body,
            targets=None if values.all_posts else values.posts,
            actor=session.operator.name,
        )
    except HQError as exc:
        # A post removed between the form and the publish, or no post at all.
        errors = {"posts": FieldError("advisories.error_publish", {"reason": str(exc)})}
        return _render(request, session, values, errors, status=422)
    return RedirectResponse(base_path(request) + f"/advisories?published={done.record_id}", status_code=303)


@router.post("/advisories", include_in_schema=False)
async def publish_advisory(request: Request, session: AdminOnly, _csrf: CsrfChecked) -> Response:
    """Publish what the form says to the chosen posts (or every post)."""
    form = await request.form()
    return await run_in_threadpool(_publish, request, session, form)


# -- the JSON twin ------------------------------------------------------------------------------------


class DeliveryOut(BaseModel):
    """One target post: the publication's seq in its log and its workstations' state."""

    post: str
    seq: int
    workstations: int
    received: int
    received_by: list[str]
    waiting: list[str]


class PublicationOut(BaseModel):
    """A publication and where it has arrived."""

    record_id: str
    kind: str
    title: dict[str, str]
    published_at: str
    posts: list[DeliveryOut]


class PublicationsOut(BaseModel):
    """The newest publications, newest first."""

    publications: list[PublicationOut]


def publications_json(store: HQStore, limit: int) -> PublicationsOut:
    """The JSON twin's answer (the same query as the page)."""
    return PublicationsOut(
        publications=[
            PublicationOut(
                record_id=p.record_id,
                kind=p.kind,
                title=p.title,
                published_at=p.published_at,
                posts=[
                    DeliveryOut(
                        post=d.post,
                        seq=d.seq,
                        workstations=d.workstations,
                        received=len(d.received),
                        received_by=list(d.received),
                        waiting=list(d.waiting),
                    )
                    for d in p.deliveries
                ],
            )
            for p in hq_publish.publications(store, limit=limit)
        ]
    )


@router.get("/api/publications", response_model=PublicationsOut, tags=["advisories"])
async def api_publications(
    request: Request, _session: AdminOnly, limit: int = Query(default=LISTED, ge=1, le=500)
) -> PublicationsOut:
    """The newest publications and, per target post, which workstations have received them."""
    return await run_in_threadpool(publications_json, console_of(request).store, limit)
