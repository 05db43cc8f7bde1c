"""Applying pulled changes, the conflict queue and resolving conflicts at the workstation."""

CATALOG: dict[str, str] = {}
