"""Registry screens."""
