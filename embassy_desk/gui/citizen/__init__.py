"""Citizen screens."""
