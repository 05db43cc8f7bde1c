"""Contacts screens."""
