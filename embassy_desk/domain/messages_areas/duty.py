"""The duty log and the shift handover."""

CATALOG: dict[str, str] = {}
