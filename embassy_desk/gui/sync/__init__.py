"""The Sync screen and background sync with headquarters (issue 11)."""
