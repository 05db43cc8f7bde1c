"""Followups screens."""
