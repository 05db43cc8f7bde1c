"""The crisis dashboard screen (issue 12)."""
