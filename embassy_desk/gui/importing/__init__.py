"""The import wizard: file, preview, column mapping, validation, duplicates, import, report."""

from embassy_desk.gui.importing.wizard import ImportWizard

__all__ = ["ImportWizard"]
