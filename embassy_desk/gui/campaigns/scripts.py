"""The call script in a language other than the one the card was made for (the call bank's switcher).

The card carries the script in the language of the call; switching reads, once per person, what the
service's own :func:`~embassy_desk.services.campaign_cards.script_text` needs for another language:
the campaign's own scripts, how the post names itself, and the person's given name. A read-only
query of this screen's own (the service API gives the script in one language only).
"""

from __future__ import annotations

import json

from sqlalchemy import text

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.services.campaign_cards import CallCard, post_names, script_text
from embassy_desk.services.session import Session


def call_script(session: Session, card: CallCard, language: str, campaign_name: str = "") -> str:
    """The script to read to the person on ``card`` in ``language`` (kk, ru, en, ko)."""
    del campaign_name  # the standard script names the post, not the campaign
    if language == card.call_language:
        return card.script
    try:
        with session.read() as conn:
            own_raw = conn.execute(
                text("SELECT script FROM campaigns WHERE id = :id"), {"id": card.campaign_id}
            ).scalar()
            names = conn.execute(
                text("SELECT given_names, given_names_latin FROM citizens WHERE id = :id"),
                {"id": card.citizen_id},
            ).first()
            post = post_names(conn, session.post.name)
    except EmbassyDeskError:
        return card.script
    own: dict[str, str] | None = None
    if own_raw:
        try:
            loaded = json.loads(str(own_raw))
        except ValueError:
            loaded = None
        if isinstance(loaded, dict):
            own = {str(k): str(v) for k, v in loaded.items()}
    given, given_latin = (names[0], names[1]) if names is not None else (None, None)
    if language in ("kk", "ru"):
        given_name = str(given or given_latin or "")
    else:
        given_name = str(given_latin or given or "")
    return script_text(language, own=own, post=post, given_name=given_name)
