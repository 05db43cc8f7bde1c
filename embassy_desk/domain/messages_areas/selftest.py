"""``embassy-desk --version`` and ``embassy-desk self-test`` (issue 15).

Codes start with ``selftest.``."""

CATALOG: dict[str, str] = {}
