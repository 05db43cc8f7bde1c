"""E-mail addresses: a sanity check that catches typing and pasting mistakes.

Deliberately not a full RFC 5322 parser: quoted local parts, comments and IP-literal domains are
valid there but never occur in a consular registry, and accepting them would let pasted text such
as ``"Anna" <anna@example.kz>`` through.
"""

from __future__ import annotations

import re

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = ["normalize_email"]

_MAX_ADDRESS = 254  # RFC 5321 path limit
_MAX_LOCAL = 64
_MAX_LABEL = 63
# RFC 5322 "specials" (and quotes) that are only legal inside a quoted local part.
_LOCAL_FORBIDDEN = frozenset('()<>[]:;,\\"@')
_SPACE = re.compile(r"\s")


def _domain_problem(domain: str) -> Msg | None:
    if "." not in domain:
        return Msg("email.domain_no_dot", domain=domain)
    labels = domain.split(".")
    if "" in labels:
        return Msg("email.domain_empty_part", domain=domain)
    for label in labels:
        if len(label) > _MAX_LABEL:
            return Msg("email.label_too_long", label=label[:20])
        if label.startswith("-") or label.endswith("-"):
            return Msg("email.label_hyphen", label=label)
        # Non-ASCII letters are allowed for internationalized domains (e.g. .қаз). The label
        # neither is empty nor starts with '-', so isalnum() without the hyphens is the same
        # test as the per-character one below, at C speed.
        if label.replace("-", "").isalnum():
            continue
        if not all(c.isalnum() or c == "-" for c in label):
            bad = next(c for c in label if not (c.isalnum() or c == "-"))
            return Msg("email.domain_bad_char", domain=domain, char=bad)
    return None


def normalize_email(raw: str, *, field: str = "email") -> str:
    """Return the address trimmed, with the domain lower-cased; raise ``ValidationError`` if it
    is clearly not an address (no or several '@', empty local part, domain without a dot,
    spaces, more than 254 characters).

    The local part keeps its case: RFC 5321 lets the receiving server treat it as case-sensitive.
    """
    text = raw.strip()
    if not text:
        raise ValidationError(field, Msg("email.empty"))
    shown = text if len(text) <= 60 else text[:60] + "…"
    if len(text) > _MAX_ADDRESS:
        raise ValidationError(field, Msg("email.too_long", length=len(text)))
    # re's \s is exactly str.isspace (both use Py_UNICODE_ISSPACE); a scan in C, not a generator.
    if _SPACE.search(text) is not None:
        raise ValidationError(field, Msg("email.space", value=shown))
    at = text.count("@")
    if at != 1:
        raise ValidationError(field, Msg("email.no_at" if at == 0 else "email.many_at", value=shown))
    local, domain = text.split("@")
    if not local:
        raise ValidationError(field, Msg("email.empty_local", value=shown))
    if len(local) > _MAX_LOCAL:
        raise ValidationError(field, Msg("email.long_local", value=shown))
    bad = (
        None
        if local.isprintable() and _LOCAL_FORBIDDEN.isdisjoint(local)
        else next((c for c in local if c in _LOCAL_FORBIDDEN or not c.isprintable()), None)
    )
    if bad is not None:
        raise ValidationError(field, Msg("email.bad_local_char", value=shown, char=bad))
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise ValidationError(field, Msg("email.misplaced_dot", value=shown))
    domain = domain.lower()
    problem = _domain_problem(domain)
    if problem is not None:
        raise ValidationError(field, Msg("email.domain", value=shown, problem=problem))
    return f"{local}@{domain}"
