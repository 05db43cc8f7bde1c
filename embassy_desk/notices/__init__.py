"""Printable notices: templates from ``resources/notices/``, layout and rendering with reportlab.

It knows no database and no session: it takes plain values (post details, merged fields) and gives PDF
bytes or files (written through ``storage.files``, private and atomic). ``services.notices`` records them.
"""

from __future__ import annotations

from datetime import datetime


def recovery_sheet_pdf(post_name: str, recovery_code: str, created: datetime, *, lang: str = "en") -> bytes:
    """The printable recovery sheet of a new workstation, with no database needed (set-up shows it
    before any account can sign in). Deterministic: the same arguments give the same bytes."""
    from embassy_desk.notices.recovery import recovery_sheet

    return recovery_sheet(post_name, recovery_code, created, lang=lang)
