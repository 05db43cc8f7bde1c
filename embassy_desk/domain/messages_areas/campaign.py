"""Welfare campaigns: call lists, outcomes, the gateway message list."""

CATALOG: dict[str, str] = {}
