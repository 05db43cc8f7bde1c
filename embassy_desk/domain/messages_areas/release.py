"""The About dialog, the diagnostic report, logs and upgrades (issue 15).

Codes start with ``release.``."""

CATALOG: dict[str, str] = {}
