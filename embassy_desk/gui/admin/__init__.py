"""Administration (administrators only): staff accounts, workstation settings, audit log, backups."""
