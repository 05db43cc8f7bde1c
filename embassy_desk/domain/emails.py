"""E-mail addresses: a sanity check that catches typing and pasting mistakes.

Deliberately not a full RFC 5322 parser: quoted local parts, comments and IP-literal domains are
valid there but never occur in a consular registry, and accepting them would let pasted text such
as ``"Anna" <anna@example.kz>`` through.
"""

from __future__ import annotations

import re

from embassy_desk.domain.errors import ValidationError

__all__ = ["normalize_email"]

_MAX_ADDRESS = 254  # RFC 5321 path limit
_MAX_LOCAL = 64
_MAX_LABEL = 63
# RFC 5322 "specials" (and quotes) that are only legal inside a quoted local part.
_LOCAL_FORBIDDEN = frozenset('()<>[]:;,\\"@')
_SPACE = re.compile(r"\s")


def _domain_problem(domain: str) -> str | None:
    if "." not in domain:
        return f"the domain '{domain}' has no dot (like example.kz)"
    labels = domain.split(".")
    if "" in labels:
        return f"the domain '{domain}' has an empty part (two dots together, or a dot at an end)"
    for label in labels:
        if len(label) > _MAX_LABEL:
            return f"the domain part '{label[:20]}…' is longer than 63 characters"
        if label.startswith("-") or label.endswith("-"):
            return f"the domain part '{label}' starts or ends with '-'"
        # Non-ASCII letters are allowed for internationalized domains (e.g. .қаз). The label
        # neither is empty nor starts with '-', so isalnum() without the hyphens is the same
        # test as the per-character one below, at C speed.
        if label.replace("-", "").isalnum():
            continue
        if not all(c.isalnum() or c == "-" for c in label):
            bad = next(c for c in label if not (c.isalnum() or c == "-"))
            return f"the domain '{domain}' contains {bad!r}"
    return None


def normalize_email(raw: str, *, field: str = "email") -> str:
    """Return the address trimmed, with the domain lower-cased; raise ``ValidationError`` if it
    is clearly not an address (no or several '@', empty local part, domain without a dot,
    spaces, more than 254 characters).

    The local part keeps its case: RFC 5321 lets the receiving server treat it as case-sensitive.
    """
    text = raw.strip()
    if not text:
        raise ValidationError(field, "e-mail address is empty")
    shown = text if len(text) <= 60 else text[:60] + "…"
    if len(text) > _MAX_ADDRESS:
        raise ValidationError(
            field, f"an e-mail address has at most 254 characters; this one has {len(text)}"
        )
    # re's \s is exactly str.isspace (both use Py_UNICODE_ISSPACE); a scan in C, not a generator.
    if _SPACE.search(text) is not None:
        raise ValidationError(field, f"'{shown}' contains a space; an e-mail address has none")
    at = text.count("@")
    if at != 1:
        reason = "has no '@'" if at == 0 else "has more than one '@' (two addresses?)"
        raise ValidationError(field, f"'{shown}' {reason}")
    local, domain = text.split("@")
    if not local:
        raise ValidationError(field, f"'{shown}' has nothing before the '@'")
    if len(local) > _MAX_LOCAL:
        raise ValidationError(field, f"'{shown}' has more than 64 characters before the '@'")
    bad = (
        None
        if local.isprintable() and _LOCAL_FORBIDDEN.isdisjoint(local)
        else next((c for c in local if c in _LOCAL_FORBIDDEN or not c.isprintable()), None)
    )
    if bad is not None:
        raise ValidationError(field, f"'{shown}' contains {bad!r} before the '@'")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise ValidationError(field, f"'{shown}' has a misplaced dot before the '@'")
    domain = domain.lower()
    problem = _domain_problem(domain)
    if problem is not None:
        raise ValidationError(field, f"'{shown}': {problem}")
    return f"{local}@{domain}"
