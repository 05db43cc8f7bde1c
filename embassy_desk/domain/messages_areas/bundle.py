"""Offline bundles (sync/bundle.py), keys and request signatures (sync/signing.py)."""

CATALOG: dict[str, str] = {}
