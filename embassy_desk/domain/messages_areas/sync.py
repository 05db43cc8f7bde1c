"""The workstation's sync client and `embassy-desk sync` commands."""

CATALOG: dict[str, str] = {}
