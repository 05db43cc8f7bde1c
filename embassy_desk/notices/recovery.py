"""The recovery sheet printed at set-up, before the workstation has a database anyone can sign in to."""

from __future__ import annotations

import io
from datetime import datetime

from embassy_desk.notices.merge import PostDetails, notice_fields, post_fields
from embassy_desk.notices.render import NoticeData, RenderJob, render
from embassy_desk.notices.templates import check_languages, load_bundle


def recovery_sheet(post_name: str, recovery_code: str, created: datetime, *, lang: str = "en") -> bytes:
    """PDF bytes of the recovery sheet in ``lang`` (kk, ru, en or ko)."""
    (language,) = check_languages([lang])
    bundle = load_bundle("recovery-sheet", [language])
    template = bundle.templates[language]
    reference = f"REC-{created:%Y%m%d-%H%M%S}"
    values = post_fields(PostDetails(names={language: post_name}), language)
    values.update(
        notice_fields(
            reference=reference, issued_on=created.date(), language=language, state_name=template.state_name
        )
    )
    values["recovery_code"] = recovery_code.strip()
    job = RenderJob("recovery-sheet", "a4", dict(bundle.sources), (language,), title="recovery-sheet")
    out = io.BytesIO()
    render(job, [NoticeData(reference, (language,), {language: values}, personal=False)], out)
    return out.getvalue()
