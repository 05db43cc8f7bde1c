"""First run: the set-up wizard that creates the workstation and shows the recovery code once."""
