"""The headquarters server's store and its `embassy-desk hq` commands."""

CATALOG: dict[str, str] = {}
