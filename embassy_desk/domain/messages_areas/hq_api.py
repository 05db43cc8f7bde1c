"""The headquarters HTTP API: what a refused request says."""

CATALOG: dict[str, str] = {}
