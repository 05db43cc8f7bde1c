"""Pure domain: entities, value objects, validation. No I/O, no Qt, no SQLAlchemy."""
