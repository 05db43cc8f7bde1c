"""The Check-in screen (issue 14): headquarters' public address, links to CSV, the reported phone numbers."""
