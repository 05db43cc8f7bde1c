"""Evacuation: flights, manifests, boarding."""

CATALOG: dict[str, str] = {}
