"""The HQ console's overview and post pages: figures, charts, devices, campaigns (issue 13).

Codes start with ``figures.``."""

CATALOG: dict[str, str] = {}
