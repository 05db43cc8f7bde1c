"""Regions from cities and the import wizard."""

CATALOG: dict[str, str] = {}
