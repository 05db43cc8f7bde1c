"""The HQ console's advisories page, HQ's audit log and the citizen record view (issue 13).

Codes start with ``advisories.``."""

CATALOG: dict[str, str] = {}
