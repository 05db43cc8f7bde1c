"""The dashboard and the situation report."""

CATALOG: dict[str, str] = {}
