"""Embassy Desk: an offline-first consular registry for embassies."""

__version__ = "0.10.0"
