"""Sync with headquarters (SYNC.md): wire format, merge rules, signatures, bundles, the client.

Nothing here imports Qt or the HQ server's web framework; HQ and the workstation share these modules.
"""
