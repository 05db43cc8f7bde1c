"""Upgrading a workstation's database when a newer release opens it (storage/migrate.py, issue 15).

Codes start with ``upgrade.``."""

CATALOG: dict[str, str] = {
    "upgrade.newer_database": (
        "this database was written by a newer release of Embassy Desk (schema {revision}; this release "
        "knows up to {head}); install that release or a newer one, nothing was changed"
    ),
    "upgrade.backup_failed": (
        "the database was not upgraded from schema {current} to {head}: the backup that must come first "
        "could not be written or verified in {folder} ({reason}); free some space or fix the folder, "
        "then sign in again (nothing was changed)"
    ),
    "upgrade.migration_failed": (
        "upgrading the database from schema {current} to {head} failed ({reason}); the backup {backup} "
        "holds the data as it was: give this message to IT"
    ),
}
